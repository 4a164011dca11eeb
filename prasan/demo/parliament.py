"""The demo office's parliament work: this session and the last, their sitting days, questions of every kind,
a motion, a bill opinion, a bill of the ministry and a committee summons the minister attends."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter, Transition
from prasan.parliament.models import Session, Sitting
from prasan.parliament.services import change_status, create_item
from prasan.tracking.calendar import WorkingCalendar

PATH = ["assigned", "information_requested", "answer_drafted", "approved", "answered"]
MINISTER = "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
DEPUTY = "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ"
# (kind, number, subject, asker, party, constituency, province, status reached, days received ago, sitting in days)
QUESTIONS = [
    ("oral_question", "", "ปัญหาครูไม่ครบชั้นในโรงเรียนขนาดเล็ก", "นายประยูร ศรีสมบูรณ์", "พรรคก้าวหน้าไทย",
     "เขตเลือกตั้งที่ ๒", "ร้อยเอ็ด", "answer_drafted", 0, 1),
    ("oral_question", "", "การจัดสรรงบอาหารกลางวันที่ไม่พอกับราคาวัตถุดิบ", "นางสาวจันทร์เพ็ญ แก้วมณี", "พรรคประชาธรรม",
     "เขตเลือกตั้งที่ ๕", "นครราชสีมา", "lapsed", 20, -20),
    ("general_question", "58", "ความล่าช้าในการโอนเงินอุดหนุนรายหัว", "นายสุรชัย บุญยืน", "พรรคพลังชุมชน",
     "เขตเลือกตั้งที่ ๑", "ขอนแก่น", "information_requested", 9, 2),
    ("general_question", "61", "มาตรการป้องกันเด็กหลุดออกนอกระบบการศึกษา", "นางวิภาวดี ทองดี", "พรรคก้าวหน้าไทย",
     "แบบบัญชีรายชื่อ", "", "assigned", 6, 2),
    ("general_question", "44", "อาคารเรียนชำรุดในพื้นที่ภาคใต้", "นายอับดุลเลาะ สาและ", "พรรคประชาธรรม",
     "เขตเลือกตั้งที่ ๓", "ปัตตานี", "answered", 30, -14),
    ("separate_question", "12", "การแก้ปัญหาหนี้สินครู", "นายวีระพงษ์ มั่นคง", "พรรคพลังชุมชน",
     "เขตเลือกตั้งที่ ๔", "อุดรธานี", "postponed", 12, 9),
    ("separate_question", "15", "การใช้ผลสอบ O-NET ในการประเมินโรงเรียน", "นางสาวกนกพร ศรีวงศ์", "พรรคก้าวหน้าไทย",
     "เขตเลือกตั้งที่ ๒", "เชียงใหม่", "approved", 8, 3),
    ("written_question", "157 ร.", "การบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน", "นายสมศักดิ์ ใจมั่น", "พรรคประชาธรรม",
     "เขตเลือกตั้งที่ ๓", "ขอนแก่น", "information_requested", 5, None),
    ("written_question", "142 ร.", "การยุบรวมโรงเรียนขนาดเล็กในจังหวัดน่าน", "นางอรทัย ปัญญาดี", "พรรคพลังชุมชน",
     "เขตเลือกตั้งที่ ๑", "น่าน", "answered", 28, None),
    ("written_question", "163 ร.", "ทุนการศึกษาสำหรับนักเรียนยากจนพิเศษ", "นายธวัชชัย รุ่งเรือง", "พรรคก้าวหน้าไทย",
     "แบบบัญชีรายชื่อ", "", "received", 1, None),
    ("written_question", "25 ว.", "ความปลอดภัยของรถรับส่งนักเรียน", "พลเอกสมหมาย ใจกล้า", "", "สมาชิกวุฒิสภา", "",
     "assigned", 4, None),
]


def build(office, units, users, agencies) -> int:
    """Once: nothing is added when the office already keeps a session."""
    if Session.objects.exists():
        return 0
    today = timezone.localdate()
    by = {u.username: u for u in users}
    coordinator, unit = by["coordinator2"], units[1]
    agency = {a.abbreviation: a for a in agencies}
    calendar = WorkingCalendar()
    with transaction.atomic():
        current = _session("สมัยประชุมสามัญประจำปีครั้งที่หนึ่ง (ปีที่ ๓)", today - dt.timedelta(days=40),
                           today + dt.timedelta(days=80))
        _session("สมัยประชุมสามัญประจำปีครั้งที่สอง (ปีที่ ๒)", today - dt.timedelta(days=200),
                 today - dt.timedelta(days=80))
        made = 0
        for kind, number, subject, asker, party, constituency, province, status, ago, sitting in QUESTIONS:
            received = calendar.add_working_days(today, -ago) if ago else today
            fields = {"subject": subject, "number": number, "received_on": received,
                      "house": "senate" if number.endswith("ว.") else "house", "asker_name": asker,
                      "asker_party": party, "asker_constituency": constituency, "asker_province": province,
                      "minister_asked": MINISTER, "text": f"ขอให้รัฐมนตรีชี้แจงเรื่อง{subject} และแนวทางแก้ไขของกระทรวง"}
            if sitting is not None:
                fields["sitting_on"] = _sitting_day(current, today + dt.timedelta(days=sitting))
            if kind == "written_question":
                fields["answer_in"] = "royal_gazette"
            if ago > 5:
                fields["delegations"] = [{"delegated_to": DEPUTY, "delegated_on": calendar.add_working_days(received, 1),
                                          "note": "รัฐมนตรีมอบให้ตอบแทน"}]
            item = create_item(office=office, by=coordinator, kind=kind, fields=fields,
                               matter_fields={"owner_unit": unit, "assignees": [coordinator]})
            _advance(item, status, coordinator, agency, today, calendar)
            made += 1
        made += _other_items(office, coordinator, unit, by, agency, current, today)
    return made


def _session(name, starts, ends) -> Session:
    session = Session.objects.create(name=name, starts_on=starts, ends_on=ends)
    day = starts
    while day <= ends:
        # The House sits Wednesday and Thursday, the Senate Monday and Tuesday.
        house = {2: "house", 3: "house", 0: "senate", 1: "senate"}.get(day.weekday())
        if house:
            Sitting.objects.create(session=session, house=house, date=day)
        day += dt.timedelta(days=1)
    return session


def _sitting_day(session, near: dt.date) -> dt.date:
    """The House's sitting day on or after `near` (or the last one before the session ends)."""
    found = Sitting.objects.filter(session=session, house="house", date__gte=near).order_by("date").first()
    return found.date if found else near


def _advance(item, status, by, agency, today, calendar) -> None:
    if status == "received":
        return
    if status in ("lapsed", "postponed"):
        change_status(item, by=by, to="assigned")
        if status == "postponed":
            change_status(item, by=by, to="postponed", new_date=item.sitting_on, note="รัฐมนตรีติดภารกิจต่างประเทศ")
        else:
            change_status(item, by=by, to="lapsed", note="ผู้ตั้งกระทู้ไม่อยู่ในที่ประชุม")
        return
    for step in PATH[: PATH.index(status) + 1]:
        if step == "information_requested":
            _ask(item, by, agency, answered=PATH.index(status) > 1, calendar=calendar)
        if step == "answered":
            item.answer_sent_on = calendar.add_working_days(item.received_on, 12)
        change_status(item, by=by, to=step)
    if status == "answered":  # the demo's answered work is closed, with its history saying so
        matter = item.matter
        Transition.objects.create(matter=matter, by=by, event="close", from_state=matter.state, to_state="closed",
                                  message="ส่งคำตอบแล้ว ปิดเรื่อง")
        Matter.objects.filter(pk=matter.pk).update(state="closed", closed_at=timezone.now())


def _ask(item, by, agency, *, answered: bool, calendar) -> None:
    deadline = calendar.add_working_days(item.received_on, 5)
    for name in ("สพฐ.", "สป."):
        request = AgencyRequest.objects.create(
            matter=item.matter, agency=agency[name], contact=agency[name].contacts.first(), created_by=by,
            deliverable=f"ข้อมูลประกอบการตอบ{item.label} เรื่อง{item.subject}", deadline=deadline)
        if answered:
            request.status = AgencyRequest.Status.ANSWERED
            request.answer = "ส่งข้อมูลและข้อเท็จจริงประกอบการตอบตามเอกสารแนบ"
            request.answered_by_name = request.contact.name if request.contact else "ผู้ประสานงาน"
            request.answered_at = timezone.now()
            request.save()


def _other_items(office, coordinator, unit, by, agency, session, today) -> int:
    common = {"matter_fields": {"owner_unit": unit, "assignees": [coordinator]}}
    meeting = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=3), dt.time(9, 30)))
    items = [
        create_item(office=office, by=coordinator, kind="committee_summons", fields={
            "subject": "การพิจารณาศึกษาปัญหาการจัดสรรงบประมาณอาหารกลางวันนักเรียน", "house": "house",
            "committee": "คณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร", "meeting_at": meeting,
            "room": "ห้องประชุมกรรมาธิการ ๓๐๑ ชั้น ๓ อาคารรัฐสภา", "names_by": today + dt.timedelta(days=1),
            "text": "๑. หลักเกณฑ์การจัดสรรงบอาหารกลางวัน\n๒. การปรับอัตราตามราคาวัตถุดิบ\n๓. การกำกับดูแลคุณภาพอาหาร",
            "attendees": [{"user": by["minister"]}, {"user": by["grouphead2"]},
                          {"name": "ผู้อำนวยการสำนักนโยบายและแผนการศึกษาขั้นพื้นฐาน", "agency": agency["สพฐ."]}],
        }, **common),
        create_item(office=office, by=coordinator, kind="motion", fields={
            "subject": "ญัตติขอให้สภาตั้งคณะกรรมาธิการวิสามัญศึกษาปัญหาหนี้สินครู", "house": "house",
            "minister_asked": MINISTER, "received_on": today - dt.timedelta(days=6)}, **common),
        create_item(office=office, by=coordinator, kind="bill_opinion", fields={
            "subject": "ร่างพระราชบัญญัติการศึกษาแห่งชาติ (ฉบับที่ ..) พ.ศ. ....", "number": "นร 0503/ว 215",
            "received_on": today - dt.timedelta(days=3), "letter_deadline": today + dt.timedelta(days=7)}, **common),
        create_item(office=office, by=coordinator, kind="bill", fields={
            "subject": "ร่างพระราชบัญญัติระเบียบข้าราชการครูและบุคลากรทางการศึกษา (ฉบับที่ ..) พ.ศ. ....",
            "house": "house", "bill_stage": "committee", "received_on": today - dt.timedelta(days=20),
            "sitting_on": _sitting_day(session, today + dt.timedelta(days=8)),
            "attendees": [{"user": by["minister"]}]}, **common),
    ]
    change_status(items[0], by=coordinator, to="assigned")
    change_status(items[1], by=coordinator, to="assigned")
    return len(items)
