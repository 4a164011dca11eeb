"""About two hundred demo matters over every duty type, state, urgency and some secret ones."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from prasan.coordination.models import Activity, AgencyRequest, Channel
from prasan.matters.choices import OPEN_STATES, Kind, Secrecy, State
from prasan.matters.models import Decision, Matter, MatterCounter, Milestone, Plan, Transition
from prasan.thai.dates import be_year
from prasan.tracking.calendar import WorkingCalendar

TOPICS = {
    "analysis": [
        "วิเคราะห์ผลการทดสอบ O-NET ปีการศึกษา {y} เสนอ{m}",
        "สรุปข้อเสนอปรับหลักสูตรแกนกลางการศึกษาขั้นพื้นฐานจาก{a}",
        "วิเคราะห์งบประมาณโครงการอาหารกลางวันนักเรียนเพื่อประกอบการพิจารณาของ{m}",
        "ความเห็นประกอบร่างแผนการศึกษาแห่งชาติ ฉบับปรับปรุง",
        "สรุปผลการประชุมคณะกรรมการนโยบายการศึกษาเพื่อเสนอ{m}",
        "วิเคราะห์ข้อมูลครูขาดแคลนรายสาขาวิชาจาก{a}",
    ],
    "political_support": [
        "เตรียมข้อมูลประกอบการประชุมคณะรัฐมนตรีสัญจร จังหวัด{p}",
        "ประสานกำหนดการลงพื้นที่ตรวจเยี่ยมโรงเรียนของ{m} จังหวัด{p}",
        "เตรียมประเด็นชี้แจงสื่อมวลชนเรื่องการลดภาระครู",
        "ประสานผู้แทนพรรคร่วมรัฐบาลเรื่องนโยบายเรียนดี มีความสุข",
        "จัดทำข้อมูลประกอบการแถลงผลงานรัฐบาลด้านการศึกษา",
    ],
    "parliament": [
        "กระทู้ถามเป็นหนังสือที่ {n} เรื่อง การจัดสรรครูผู้ช่วยในพื้นที่ห่างไกล",
        "กระทู้ถามสดด้วยวาจา เรื่อง ค่าเครื่องแบบนักเรียน",
        "ญัตติขอให้สภาพิจารณาศึกษาปัญหาหนี้สินครู",
        "ร่างพระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. .... (ชั้นกรรมาธิการ)",
        "ชี้แจงคณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร เรื่องโรงเรียนขนาดเล็ก",
    ],
    "policy_followup": [
        "ติดตามผลการดำเนินงานนโยบายลดภาระครูของ{a}",
        "ติดตามความก้าวหน้าโครงการแท็บเล็ตเพื่อการเรียนรู้ของ{a}",
        "ติดตามการจัดสรรงบประมาณซ่อมแซมอาคารเรียนของ{a}",
        "ติดตามผลโครงการอาชีวะพัฒนาทักษะกำลังคนของ{a}",
        "รายงานความก้าวหน้าการแก้ปัญหาเด็กหลุดออกจากระบบการศึกษา จังหวัด{p}",
    ],
    "complaint": [
        "หนังสือร้องเรียนผู้ปกครองเรื่องการเรียกเก็บเงินบำรุงการศึกษา โรงเรียนในจังหวัด{p}",
        "ร้องเรียนการสอบคัดเลือกครูผู้ช่วย จังหวัด{p}",
        "ขอความช่วยเหลือทุนการศึกษาบุตรครอบครัวผู้มีรายได้น้อย จังหวัด{p}",
        "ร้องเรียนความไม่ปลอดภัยของอาคารเรียน จังหวัด{p}",
        "ร้องทุกข์การย้ายข้าราชการครูไม่เป็นธรรม จังหวัด{p}",
    ],
    "other": [
        "ขอข้อมูลจำนวนนักเรียนทุนพระราชทานประกอบการเข้าเฝ้า",
        "ปรับแก้ถ้อยคำกล่าวเปิดงานวันครู ครั้งที่ {n}",
        "ประสานการแต่งกายและพิธีการงานพระราชทานปริญญาบัตร",
        "ขอรายละเอียดกำหนดการประชุมรัฐมนตรีศึกษาอาเซียน",
        "จัดเตรียมของที่ระลึกสำหรับคณะผู้แทนกระทรวงศึกษาธิการต่างประเทศ",
    ],
}
PROVINCES = ["เชียงใหม่", "ขอนแก่น", "สงขลา", "นครราชสีมา", "อุบลราชธานี", "น่าน", "ยะลา", "ตาก", "ชัยภูมิ"]
SOURCES = {
    "analysis": "written_command", "political_support": "verbal_command", "parliament": "parliament",
    "policy_followup": "policy", "complaint": "complaint", "other": "verbal_command",
}
# States and the path of events that reaches them.
PATHS = {
    State.RECEIVED: [],
    State.PLANNING: ["accept"],
    State.COORDINATING: ["accept", "start"],
    State.AWAITING_AGENCIES: ["accept", "start", "await_agencies"],
    State.DRAFTING: ["accept", "start", "draft"],
    State.IN_REVIEW: ["accept", "start", "draft", "submit"],
    State.WITH_MINISTER: ["accept", "start", "draft", "submit", "approve"],
    State.FOLLOWING_UP: ["accept", "start", "draft", "submit", "approve", "record_decision"],
    State.CLOSED: ["accept", "start", "draft", "submit", "approve", "record_decision", "close"],
    State.TRANSFERRED: ["accept", "transfer"],
    State.CANCELLED: ["cancel"],
}
FACILITATION_PATHS = {
    State.RECEIVED: [], State.COORDINATING: ["start"], State.AWAITING_AGENCIES: ["start", "await_agencies"],
    State.CLOSED: ["start", "close"],
}
MESSAGES = {
    "accept": "รับเรื่องไว้พิจารณา", "start": "วางแผนแล้ว เริ่มประสานหน่วยงาน", "await_agencies": "รอข้อมูลจากหน่วยงาน",
    "draft": "ได้ข้อมูลครบ จัดทำบันทึกเสนอ", "submit": "เสนอหัวหน้าสำนักงานตรวจ", "approve": "ตรวจแล้ว เสนอรัฐมนตรี",
    "record_decision": "ทราบ ให้ดำเนินการตามเสนอ", "close": "ดำเนินการครบถ้วนแล้ว",
    "transfer": "โอนให้สำนักงานปลัดกระทรวงดำเนินการตามอำนาจหน้าที่", "cancel": "ผู้สั่งการยกเลิกคำสั่ง",
}


def build(office, units, users, agencies, count: int = 200, seed: int = 2569, progress=None) -> int:
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    calendar = WorkingCalendar.around(today)
    coordinators = [u for u in users if u.role == "coordinator"]
    duty_types = list(TOPICS)
    states = list(PATHS)
    created = 0
    for i in range(count):
        duty = duty_types[i % len(duty_types)]
        kind = Kind.FACILITATION if duty == "other" and i % 2 == 0 else Kind.SUBSTANTIVE
        paths = FACILITATION_PATHS if kind == Kind.FACILITATION else PATHS
        state = rng.choice(list(paths)) if i % 3 else rng.choice(states[:7] if kind == Kind.SUBSTANTIVE else list(paths))
        events = paths.get(state, [])
        agency = rng.choice(agencies)
        title = rng.choice(TOPICS[duty]).format(
            y=be_year(today) - 1, m="รัฐมนตรี", a=agency.abbreviation or agency.name, p=rng.choice(PROVINCES),
            n=rng.randint(10, 400),
        )
        assignee = rng.choice(coordinators)
        unit = next((u for u in units if u.pk == assignee.unit_id), units[0])
        created_at = now - dt.timedelta(days=rng.randint(0, 75), hours=rng.randint(0, 8))
        received = timezone.localtime(created_at).date()
        external = calendar.add_working_days(received, rng.choice([2, 3, 5, 7, 10, 15, 20]))
        if state in OPEN_STATES:
            # Open work is due around today: a few days late, most due within the next weeks.
            external = calendar.add_working_days(today, rng.choice([-4, -2, -1, 0, 1, 2, 3, 5, 7, 10, 12, 15]))
        internal = calendar.add_working_days(external, -1)
        secrecy = Secrecy.NORMAL
        if i % 17 == 5:
            secrecy = rng.choice([Secrecy.CONFIDENTIAL, Secrecy.SECRET, Secrecy.TOP_SECRET])
        with transaction.atomic():
            matter = Matter(
                office=office, year=be_year(received), seq=MatterCounter.next(office, be_year(received)),
                title=title, description=f"{title} ตามที่{rng.choice(['รัฐมนตรี', 'หัวหน้าสำนักงาน', 'คณะทำงานรัฐมนตรี'])}สั่งการ",
                duty_type=duty, source=SOURCES[duty], commanded_by=rng.choice(["รัฐมนตรี", "ที่ปรึกษารัฐมนตรี", "เลขานุการรัฐมนตรี"]),
                commanded_at=created_at, command_channel=rng.choice(["in_person", "phone", "line", "meeting", "written"]),
                kind=kind, process=rng.choice(["main", "main", "support"]),
                urgency=rng.choice(["normal", "normal", "urgent", "very_urgent", "most_urgent"]),
                secrecy=secrecy, owner_unit=unit, external_deadline=external, internal_deadline=internal,
                state=state, created_at=created_at, created_by=assignee,
                closed_at=created_at + dt.timedelta(days=3) if state == State.CLOSED else None,
            )
            matter.save()
            # Only someone cleared for the level is given a secret matter (the unit's head, else no one yet).
            matter.assignees.set([assignee] if assignee.clearance >= secrecy else [
                u for u in users if u.role == "group_head" and u.unit_id == unit.pk and u.clearance >= secrecy])
            _history(matter, events, assignee, users, created_at, rng)
            if state not in (State.RECEIVED, State.CANCELLED) or i % 4 == 0:
                _coordination(matter, assignee, agencies, created_at, rng, calendar)
        created += 1
        if progress:
            progress(created, count)
    return created


def _history(matter, events, assignee, users, start, rng):
    head = next(u for u in users if u.role == "head")
    minister = next(u for u in users if u.role == "executive")
    at = start
    Transition.objects.create(matter=matter, at=at, by=assignee, event="create", from_state="",
                              to_state=State.RECEIVED, message=f"รับเรื่องจาก{matter.get_source_display()}")
    state = State.RECEIVED
    for event in events:
        at += dt.timedelta(hours=rng.randint(2, 30))
        target = _target(matter, event)
        by = {"approve": head, "record_decision": minister, "transfer": head, "cancel": head}.get(event, assignee)
        if event == "start" and matter.kind == Kind.SUBSTANTIVE or event == "start" and rng.random() < 0.5:
            Plan.objects.get_or_create(matter=matter, defaults={
                "targets": "หน่วยงานที่เกี่ยวข้องในกระทรวงศึกษาธิการ", "methods": ["phone", "email", "letter"],
                "deliverables": "ข้อมูลประกอบการพิจารณาและบันทึกเสนอรัฐมนตรี", "updated_by": assignee})
            Milestone.objects.create(matter=matter, title="ได้ข้อมูลจากหน่วยงานครบ",
                                     due=timezone.localtime(at).date() + dt.timedelta(days=3))
        if event == "record_decision":
            Decision.objects.create(matter=matter, verdict=Decision.Verdict.PROCEED, text=MESSAGES[event],
                                    decided_by="รัฐมนตรี", recorded_by=minister, recorded_at=at)
        Transition.objects.create(matter=matter, at=at, by=by, event=event, from_state=state, to_state=target,
                                  message=MESSAGES.get(event, ""))
        state = target


def _target(matter, event):
    from prasan.matters.workflow import find_rule

    return find_rule(matter, event).target


def _coordination(matter, assignee, agencies, start, rng, calendar):
    chosen = rng.sample(agencies, k=rng.randint(1, 3))
    at = start + dt.timedelta(hours=1)
    for agency in chosen:
        contact = agency.contacts.first()
        Activity.objects.create(
            matter=matter, channel=rng.choice([Channel.PHONE, Channel.LINE, Channel.EMAIL, Channel.FAX]),
            agency=agency, counterpart=contact.name if contact else "", by=assignee, occurred_at=at,
            summary=f"ประสาน{agency.abbreviation or agency.name}ขอข้อมูลประกอบเรื่อง",
            outcome=rng.choice(["รับทราบ จะส่งข้อมูลให้", "ขอขยายเวลา 2 วัน", "ส่งข้อมูลทางอีเมลแล้ว", ""]),
        )
        at += dt.timedelta(hours=rng.randint(1, 20))
    if matter.state not in (State.RECEIVED, State.PLANNING):
        for agency in chosen[:2]:
            answered = matter.state not in OPEN_STATES or rng.random() < 0.4
            deadline = calendar.add_working_days(timezone.localtime(start).date(), rng.choice([2, 3, 5]))
            if matter.state in OPEN_STATES and not answered:  # what is still awaited falls due around today
                deadline = calendar.add_working_days(timezone.localdate(), rng.choice([-3, -1, 1, 2, 3, 5, 7]))
            req = AgencyRequest.objects.create(
                matter=matter, agency=agency, contact=agency.contacts.first(),
                deliverable="ข้อมูลสถิติและผลการดำเนินงานที่เกี่ยวข้อง พร้อมเอกสารประกอบ", deadline=deadline,
                created_by=assignee, created_at=at,
                status=AgencyRequest.Status.ANSWERED if answered else AgencyRequest.Status.SENT,
            )
            if answered:
                req.answer = "ส่งข้อมูลตามที่ขอ รายละเอียดตามเอกสารแนบ"
                req.answered_by_name = req.contact.name if req.contact else "ผู้ประสานงาน"
                req.answered_at = at + dt.timedelta(days=rng.randint(1, 4))
                if req.answered_at < timezone.now() - dt.timedelta(days=2):  # older answers were taken in
                    req.answer_seen_at, req.answer_seen_by = req.answered_at + dt.timedelta(hours=2), assignee
                req.link_version = 2
                req.save()
