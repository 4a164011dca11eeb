"""An office with one of everything a page can show: a matter at each stage with its plan, log, agency
requests (sent, acknowledged, answered), files and a share; documents with versions, a full review
chain, a signature and the minister's verdict; register entries (one cancelled); a letter in intake; an
office holiday; notifications and a calendar feed. The no-English walk visits every page over it."""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from prasan.accounts.models import CalendarFeed
from prasan.coordination import links
from prasan.coordination.models import Activity, AgencyRequest, Channel
from prasan.correspondence import numbering, receiving
from prasan.correspondence.models import RegisterEntry
from prasan.documents import chain, drafting, signing
from prasan.matters.models import MatterFile, MatterShare, Milestone, Plan
from prasan.records import lists, secret_destruction
from prasan.records.models import RecordsList
from prasan.thai.dates import be_year
from prasan.tracking.calendar import add_working_days
from prasan.tracking.models import Holiday, Notification
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "bench" / "letters" / "01_ext_obec_teachers.txt"


# Every user of the office has a Thai name (a user without one is shown by login name).
THAI_NAMES = [("ศิริรัตน์", "ทิวะศิริ"), ("ธนากร", "วงศ์ประเสริฐ"), ("นรินทร์", "ก้อนแก้ว"), ("สมศักดิ์", "ประสานกิจ"),
              ("มาลัย", "ศรีสวัสดิ์"), ("วิชัย", "ตรวจตรา"), ("ปรีชา", "ดูแลดี"), ("อรุณี", "ต่างกลุ่ม"),
              ("สมหญิง", "ยังไม่ผ่าน")]


def _sample(code: str) -> dict:
    return json.loads((ROOT / "docs" / "samples" / f"{code}.json").read_text(encoding="utf-8"))


@dataclass
class Scene:
    ids: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.ids[key]


def build(*, office, unit, users, agencies, make_matter) -> Scene:
    today = timezone.localdate()
    coordinator, head, minister = users["coordinator"], users["head"], users["minister"]
    obec, vec = agencies
    scene = Scene()
    unit.letter_prefix = "ศธ 0201.1"
    unit.phone = "0 2628 5610"
    unit.save()
    head.position = "หัวหน้าสำนักงานรัฐมนตรี"
    head.save()
    for user, (first, last) in zip(users.values(), THAI_NAMES, strict=False):
        user.first_name, user.last_name = first, last
        user.save()
    obec.line_id = "U" + "4af4980629" * 3 + "ab"
    obec.save()
    obec.contacts.update(line_id="U" + "1bc2980629" * 3 + "cd")

    # A matter being coordinated: plan, milestone, log, requests in every state, a file.
    matter = make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี ๒๕๖๙", urgency="urgent")
    Plan.objects.create(matter=matter, targets="สพฐ. และ สอศ.", methods=["phone", "email"],
                        deliverables="ข้อมูลจำนวนครูผู้ช่วยรายจังหวัด", updated_by=coordinator)
    matter.fire("accept", by=coordinator)
    matter.fire("start", by=coordinator)
    Milestone.objects.create(matter=matter, title="ได้ข้อมูลจากหน่วยงานครบ", due=add_working_days(today, 3))
    Activity.objects.create(matter=matter, channel=Channel.PHONE, agency=obec, counterpart="สมชาย ใจดี",
                            by=coordinator, summary="โทรขอข้อมูลเบื้องต้น", outcome="รับทราบ จะส่งให้ภายในสัปดาห์")
    due = add_working_days(today, 5)
    sent = AgencyRequest.objects.create(matter=matter, agency=obec, contact=obec.contacts.first(),
                                        deliverable="จำนวนครูผู้ช่วยรายจังหวัด", deadline=due, created_by=coordinator)
    AgencyRequest.objects.create(matter=matter, agency=vec, deliverable="จำนวนครูอาชีวะ", deadline=due,
                                 created_by=coordinator, status=AgencyRequest.Status.ACKNOWLEDGED,
                                 acknowledged_at=timezone.now())
    answered = AgencyRequest.objects.create(matter=matter, agency=vec, deliverable="สรุปอัตรากำลัง", deadline=due,
                                 created_by=coordinator, status=AgencyRequest.Status.ANSWERED,
                                 answer="ส่งข้อมูลตามเอกสารแนบ", answered_by_name="สุดารัตน์ ศรีสุข",
                                 answered_at=timezone.now())
    upload = MatterFile(matter=matter, kind=MatterFile.Kind.SOURCE, name="หนังสือต้นเรื่อง.pdf", sha256="1" * 64,
                        size=5, content_type="application/pdf", uploaded_by=coordinator)
    upload.file.save("source.pdf", ContentFile(b"%PDF-"), save=False)
    upload.save()
    scene.ids.update(matter=matter.pk, request=sent.pk, answered=answered.pk, reply_token=links.make_token(sent), file=upload.pk,
                     milestone=Milestone.objects.get(matter=matter).pk)

    # A matter whose memo went through the whole chain and the minister's verdict.
    decided = make_matter(title="การจัดสรรอัตราครูผู้ช่วยให้สถานศึกษาที่ขาดแคลนครู")
    Plan.objects.create(matter=decided, targets="สพฐ.", updated_by=coordinator)
    for event in ("accept", "start", "draft"):
        decided.fire(event, by=coordinator)
    memo = drafting.start(decided, "office_memo", by=coordinator)
    memo = drafting.save_version(memo, memo.fields | _sample("office_memo") | {"signer": memo.fields["signer"]},
                                 by=coordinator, note="เติมข้อเท็จจริง")
    chain.submit(memo, by=coordinator)
    chain.decide(memo, by=users["grouphead"], approve=True, comment="ถูกต้อง")
    chain.decide(memo, by=head, approve=True)
    memo.refresh_from_db()
    signing.sign(memo, by=head, typed_name="นรินทร์ ก้อนแก้ว", password=PASSWORD)
    chain.decide(memo, by=minister, approve=True, verdict="acknowledged", comment="")
    scene.ids.update(decided=decided.pk, memo=memo.pk)

    # A summary note with two versions differing in lists, a text and the head of office (the compare page).
    note = drafting.start(decided, "summary_note", by=coordinator)
    first = _sample("summary_note")
    note = drafting.save_version(note, first, by=coordinator)
    second = first | {"key_points": first["key_points"][:2], "background": first["background"] + " เพิ่มเติม",
                      "head_of_office": {"name": "นายสมปอง ใจงาม", "position": ["หัวหน้าสำนักงานรัฐมนตรี",
                                                                                "รักษาราชการแทน"]}}
    note = drafting.save_version(note, second, by=coordinator)
    scene.ids.update(note=note.pk, note_from=2, note_to=3)

    # A secret matter shared with the group head.
    secret = make_matter(title="แผนปรับโครงสร้างกรม", secrecy=1, state="coordinating")
    share = MatterShare.objects.create(matter=secret, user=users["grouphead"], granted_by=head)
    scene.ids.update(secret=secret.pk, share=share.pk)

    # Registers: an incoming letter of the matter, an outgoing one, a cancelled one.
    incoming = numbering.register_entry(office, "incoming", by=users["registrar"], matter=matter,
                                        doc_number="ศธ 04006/3217", sender="สพฐ.", recipient="รมว.ศธ.",
                                        subject="ขอส่งข้อมูลจำนวนครูผู้ช่วย", letter_date=today)
    outgoing = numbering.register_entry(office, "outgoing", by=users["registrar"], subject="ขอข้อมูล",
                                        recipient="สพฐ.", unit=unit)
    numbering.cancel(outgoing, by=users["registrar"], reason="ออกเลขซ้ำ")
    scene.ids.update(incoming=incoming.pk, outgoing=outgoing.pk)

    # A letter read in intake, waiting for the registrar to confirm.
    letter = receiving.receive(SimpleUploadedFile("หนังสือ สพฐ.txt", LETTER.read_bytes()), by=users["registrar"])
    scene.ids.update(intake=letter.pk)

    # A letter kept past its time, on the year's list asking the committee to destroy it.
    old = RegisterEntry.objects.create(office=office, register="incoming", year=2550, number=7, subject="ขอเชิญประชุม",
                                       doc_number="ศธ 04006/77", letter_date=dt.date(2007, 3, 1),
                                       registered_at=timezone.make_aware(dt.datetime(2007, 3, 1, 9)))
    try:
        records_list = lists.draft(RecordsList.Kind.DESTRUCTION, be_year(today), by=head)
    except lists.ListError:
        records_list = RecordsList.objects.create(kind=RecordsList.Kind.DESTRUCTION, year=be_year(today),
                                                  created_by=head)
    scene.ids.update(old_entry=old.pk, records_list=records_list.pk)
    # A secret letter no longer needed, proposed for destruction under the secrecy regulation.
    secret = RegisterEntry.objects.create(office=office, register="secret", year=2560, number=3, secrecy=3,
                                          subject="รายงานการสอบสวนข้อเท็จจริง (ลับที่สุด)", doc_number="ศธ 0201/ลับ 3",
                                          letter_date=dt.date(2017, 6, 1))
    destruction = secret_destruction.propose([secret.pk], reason="หมดความจำเป็นต้องเก็บรักษา", by=head)
    scene.ids.update(secret_destruction=destruction.pk)

    holiday = Holiday.objects.create(date=add_working_days(today, 20), name="วันหยุดชดเชยของสำนักงาน",
                                     source=Holiday.Source.OFFICE)
    scene.ids.update(holiday=holiday.pk)
    for user in users.values():
        Notification.objects.create(user=user, matter=matter, text=f"เรื่อง {matter.number} ใกล้ครบกำหนด",
                                    url=matter.get_absolute_url())
    scene.ids.update(_parliament(office, users, today))
    scene.ids.update(_cabinet(office, users, today))
    scene.ids.update(_agenda(office, users, today))
    scene.ids.update(_policy(office, users, agencies, today))
    scene.ids.update(_complaints(office, users))
    scene.ids.update(_complaint_imports(users))
    scene.ids.update(_publishing(users))
    scene.ids.update(_pack_and_public_site(users, matter))
    scene.ids.update(calendar_token=CalendarFeed.issue(coordinator).token, office=office.pk, unit=unit.pk,
                     agency=obec.pk, contact=obec.contacts.first().pk)
    return scene


def _pack_and_public_site(users, matter) -> dict:
    """A briefing pack for the scene's matter (not built); the public site's sections and a tag."""
    from prasan.briefing import services as briefing
    from prasan.public_site.sections import SECTIONS
    from prasan.publishing.models import Tag

    pack = briefing.create(by=users["coordinator"], owner=matter, fields={"title": "แฟ้มประกอบการตรวจเยี่ยม"},
                           links={}, matters=[])
    return {"briefing_pack": pack.pk, "public_sections": [section.slug for section in SECTIONS],
            "public_tag": Tag.objects.order_by("pk").first().slug}


def _publishing(users) -> dict:
    """A news draft with a photo, and one published; the group head reviews the office's news."""
    import io

    from PIL import Image

    from prasan.publishing import access, editing, workflow

    access.grant(users["grouphead"], by=users["admin"], granted=True)
    out = io.BytesIO()
    Image.new("RGB", (80, 60), "teal").save(out, "JPEG")
    draft = editing.save(None, {"title": "รัฐมนตรีตรวจเยี่ยมโรงเรียน", "summary": "สรุป", "body_html": "<p>เนื้อหา</p>"},
                         by=users["coordinator"], tags_text="การศึกษา")
    image = editing.add_image(draft, out.getvalue(), "รัฐมนตรีพบนักเรียน", by=users["coordinator"])
    shown = editing.save(None, {"title": "ประกาศรับสมัครทุน", "kind": "announcement", "summary": "สรุป",
                                "body_html": "<p>ประกาศ</p>"}, by=users["coordinator"])
    for event in ("submit", "approve", "publish"):
        workflow.fire(shown, event, by=users["coordinator"] if event == "submit" else users["grouphead"])
    return {"post": draft.pk, "post_image": image.pk, "post_published": shown.pk}


def _parliament(office, users, today) -> dict:
    """A session with sittings, a written question half way and a committee summons with the minister attending."""
    from prasan.parliament.models import Session, Sitting
    from prasan.parliament.services import change_status, create_item

    session = Session.objects.create(name="สมัยประชุมสามัญประจำปีครั้งที่หนึ่ง", starts_on=today - dt.timedelta(days=30),
                                     ends_on=today + dt.timedelta(days=90))
    Sitting.objects.create(session=session, house="house", date=today + dt.timedelta(days=2), title="ครั้งที่ ๑๒")
    question = create_item(office=office, by=users["coordinator"], kind="written_question", fields={
        "subject": "การบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน", "house": "house", "number": "157 ร.",
        "asker_name": "นายสมศักดิ์ ตัวอย่าง", "asker_party": "พรรคตัวอย่าง", "asker_province": "ขอนแก่น",
        "minister_asked": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "answer_in": "royal_gazette",
        "delegations": [{"delegated_to": "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ", "delegated_on": today}]})
    change_status(question, by=users["coordinator"], to="assigned")
    summons = create_item(office=office, by=users["coordinator"], kind="committee_summons", fields={
        "subject": "งบประมาณอาหารกลางวัน", "house": "house", "committee": "คณะกรรมาธิการการศึกษา",
        "meeting_at": timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=3), dt.time(9, 30))),
        "room": "ห้อง 601", "attendees": [{"user": users["minister"]}]})
    return {"session": session.pk, "question": question.pk, "summons": summons.pk,
            "delegation": question.delegations.first().pk, "attendee": summons.attendees.first().pk}


def _complaints(office, users) -> dict:
    """A parent's complaint about school fees, and a breach in the register."""
    from prasan.complaints.privacy import record_breach
    from prasan.complaints.services import file_complaint

    complaint = file_complaint(office, by=users["coordinator"], channel="web_form",
                               subject="โรงเรียนเรียกเก็บเงินบำรุงการศึกษาเกินอัตรา", details="ผู้ปกครองถูกเรียกเก็บ 3,000 บาท",
                               complainant={"name": "นางสาวสมหญิง ทองดี", "phone": "0812345678",
                                            "email": "somying@example.com", "address": "ขอนแก่น"},
                               province="ขอนแก่น", category="ค่าธรรมเนียม/เงินบำรุงการศึกษา")
    breach = record_breach(office, by=users["head"], title="ส่งอีเมลแจ้งผลผิดผู้รับ", persons_affected=1)
    return {"complaint": complaint.pk, "breach": breach.pk}


def _complaint_imports(users) -> dict:
    """A 1111 export imported (its report: one row filed, one refused) and one still waiting for the worker."""
    from django.core.files.base import ContentFile

    from prasan.complaints.imports.models import ImportRun

    done = ImportRun(name="1111-export.csv", size=10, status="done", system="ศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล 1111",
                     done=2, total=2, created_by=users["registrar"],
                     report={"rows": 2, "created": [[2, "6912000871", "สร 9/2569"]], "skipped": [],
                             "refused": [[3, "", ["ไม่มีเลขที่เรื่อง"]]]})
    done.file.save("walk.bin", ContentFile(b"x"), save=False)
    done.save()
    waiting = ImportRun(name="traffy.xlsx", size=10, created_by=users["registrar"])
    waiting.file.save("walk2.bin", ContentFile(b"x"), save=False)
    waiting.save()
    return {"import_done": done.pk, "import_waiting": waiting.pk}


def _cabinet(office, users, today) -> dict:
    """A cabinet meeting ahead with an item to brief on, and one past off-site with a resolution to follow up."""
    from prasan.cabinet.services import add_item, create_meeting, record_resolution

    def at(days):
        return timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=days), dt.time(9, 30)))

    coordinator = users["coordinator"]
    ahead = create_meeting(office=office, by=coordinator, fields={"meets_at": at(4), "number": "15/2569"})
    item = add_item(ahead, by=coordinator, fields={
        "subject": "ขออนุมัติงบกลางซ่อมแซมอาคารเรียน", "order": "4.1", "briefing_points": "จำนวนโรงเรียนที่เสียหาย"})
    past = create_meeting(office=office, by=coordinator, fields={
        "meets_at": at(-10), "number": "13/2569", "location": "offsite", "province": "ขอนแก่น", "status": "held"})
    resolved = add_item(past, by=coordinator, fields={
        "subject": "ร่างแผนพัฒนาการศึกษาภาคตะวันออกเฉียงเหนือ", "source": "slk_letter", "letter_number": "นร 0505/ว 12",
        "kind": "for_information"})
    record_resolution(resolved, by=coordinator, resolution="รับทราบ และให้กระทรวงรายงานผลภายใน ๓ เดือน",
                      resolved_on=past.day)
    return {"cabinet_meeting": ahead.pk, "cabinet_item": item.pk, "cabinet_resolved": resolved.pk}


def _agenda(office, users, today) -> dict:
    """An inspection on the minister's agenda two days ahead, accepted, with its protocol; a feed link."""
    from prasan.agenda.models import AgendaFeed
    from prasan.agenda.services import create_item

    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=2), dt.time(9, 0)))
    item = create_item(office=office, by=users["coordinator"], status="accepted", fields={
        "kind": "inspection", "title": "ตรวจราชการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑",
        "starts_at": start, "ends_at": start + dt.timedelta(hours=3), "place": "ศาลากลางจังหวัดขอนแก่น",
        "programme": "๐๙.๐๐ น. รับฟังบรรยายสรุป", "dress": "ชุดปฏิบัติราชการสีกากี"})
    return {"agenda_item": item.pk, "agenda_day": item.day.isoformat(),
            "agenda_token": AgendaFeed.issue(users["minister"]).token}


def _policy(office, users, agencies, today) -> dict:
    """A policy with two agencies, one report in (with its values) and the other's link open."""
    from decimal import Decimal

    from prasan.policy import services

    start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    policy = services.create_policy(
        by=users["head"], office=office, title="ลดภาระครูและบุคลากรทางการศึกษา", starts_on=start,
        ends_on=start + dt.timedelta(days=300), matter_fields={"owner_unit": users["coordinator"].unit},
        indicators=[{"name": "ครูที่บรรจุเพิ่ม", "unit": "คน", "baseline": 0, "target": 500}],
        commitments=[services.CommitmentSpec(agency=agencies[0], milestones=[("ประกาศรายชื่อ", today)]),
                     services.CommitmentSpec(agency=agencies[1], role="support")], open_reports=False)
    services.open_due_reports(policy=policy, send=False, today=start + dt.timedelta(days=60))
    dues = list(policy.commitments.get(role="lead").dues.filter(request__isnull=False).order_by("seq"))
    services.submit_report(dues[0], name="สมชาย ใจดี", progress=Decimal(20), narrative="บรรจุครูแล้ว",
                           values={policy.indicators.get(): Decimal(120)})
    waiting = policy.commitments.get(role="support").dues.filter(request__isnull=False).first()
    return {"policy": policy.pk, "policy_due": dues[0].pk, "policy_commitment": waiting.commitment_id,
            "policy_reply_token": links.make_token(waiting.request)}
