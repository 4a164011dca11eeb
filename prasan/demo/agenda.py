"""A month of the demo minister's agenda around today: the weekly executives' meeting and the cabinet, inspections
upcountry, ceremonies, visitors; the past ones done (each with its facilitation matter closed), some declined, one
delegated to the deputy, one cancelled, invitations still to answer, one secret appointment, and one invitation
that clashes with an accepted engagement (its warning shows on its page)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import change_status, create_item, update_item

DEPUTY = "นายสมพงษ์ ศึกษาดี รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ"
SUIT = "ชุดสากลนิยม"
KHAKI = "เครื่องแบบปฏิบัติราชการสีกากีคอพับแขนยาว"
WHITE = "เครื่องแบบปกติขาว"
POLITE = "ชุดสุภาพ"
CAR = "รถยนต์ประจำตำแหน่ง"
TEAM = "นายปกรณ์ ชัยมงคล ที่ปรึกษารัฐมนตรี\nนางสาวพิมพ์ชนก อินทรสุวรรณ เลขานุการรัฐมนตรี\nเจ้าหน้าที่ประชาสัมพันธ์ ๒ คน"

# Kept to whom needs to know (ลับ): the head of office entered it, the minister sees it, a coordinator does not.
SECRET = "พบหารือเรื่องการปรับโครงสร้างหน่วยงานในกำกับ"

# (days from the Monday of this week, start, minutes, kind, title, place, inviter, agency, dress, transport,
#  programme, outcome, by): outcome is the status it ends in (a note after "|" where one is asked).
ROWS = [
    (-14, "09:00", 180, "meeting", "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "ห้องประชุมเสมา ๑ อาคารรัฐมนตรี", "", "",
     SUIT, CAR, "09.00 น. ประธานเปิดการประชุม\n09.10 น. วาระเพื่อทราบ\n10.00 น. วาระเพื่อพิจารณา", "done", 0),
    (-13, "09:00", 180, "meeting", "ประชุมคณะรัฐมนตรี", "ตึกสันติไมตรี ทำเนียบรัฐบาล", "", "",
     SUIT, CAR, "08.45 น. ถึงทำเนียบรัฐบาล\n09.00 น. ประชุมคณะรัฐมนตรี", "done", 0),
    (-12, "08:30", 420, "inspection", "ตรวจราชการและติดตามการแก้ไขปัญหาโรงเรียนขาดครู จังหวัดขอนแก่น",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑", "", "ศธจ.ขอนแก่น", KHAKI,
     "เที่ยวบินการบินไทย ดอนเมือง–ขอนแก่น ออก 06.40 น.",
     "08.30 น. ถึงสำนักงานเขตพื้นที่\n09.00 น. รับฟังบรรยายสรุป\n10.30 น. เยี่ยมโรงเรียนบ้านโนนทัน\n"
     "13.00 น. ประชุมร่วมผู้บริหารสถานศึกษา", "done", 2),
    (-11, "14:00", 90, "appointment", "ผู้แทนองค์การยูนิเซฟ ประเทศไทย เข้าพบหารือเรื่องเด็กนอกระบบการศึกษา",
     "ห้องรับรองรัฐมนตรี ชั้น ๒", "ผู้แทนองค์การยูนิเซฟ ประจำประเทศไทย", "", SUIT, "",
     "14.00 น. ต้อนรับและหารือ\n15.15 น. ถ่ายภาพร่วมกัน", "done", 1),
    (-10, "10:00", 120, "ceremony", "พิธีมอบรางวัลครูดีเด่น ประจำปี ๒๕๖๙", "หอประชุมคุรุสภา", "ประธานกรรมการคุรุสภา",
     "คุรุสภา", WHITE, CAR, "09.45 น. ถึงหอประชุม\n10.00 น. ประธานจุดธูปเทียนบูชาพระรัตนตรัย\n"
     "10.15 น. มอบรางวัล\n11.30 น. กล่าวให้โอวาท", "done", 1),
    (-9, "18:00", 150, "ceremony", "งานเลี้ยงรับรองเนื่องในวันชาติสาธารณรัฐฝรั่งเศส", "โรงแรมในกรุงเทพมหานคร",
     "เอกอัครราชทูตสาธารณรัฐฝรั่งเศสประจำประเทศไทย", "", SUIT, CAR, "", "declined|ติดภารกิจประชุมคณะกรรมการนโยบาย", 1),
    (-7, "09:00", 180, "meeting", "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "ห้องประชุมเสมา ๑ อาคารรัฐมนตรี", "", "",
     SUIT, CAR, "09.00 น. ประธานเปิดการประชุม\n09.10 น. วาระเพื่อทราบ", "done", 0),
    (-6, "09:00", 180, "meeting", "ประชุมคณะรัฐมนตรี", "ตึกสันติไมตรี ทำเนียบรัฐบาล", "", "",
     SUIT, CAR, "08.45 น. ถึงทำเนียบรัฐบาล\n09.00 น. ประชุมคณะรัฐมนตรี", "done", 0),
    (-5, "13:30", 120, "visit", "เยี่ยมชมศูนย์การเรียนรู้สะเต็มศึกษา สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี",
     "สสวท. เขตคลองเตย", "ผู้อำนวยการ สสวท.", "สสวท.", POLITE, CAR,
     "13.30 น. รับฟังบรรยายสรุป\n14.00 น. เยี่ยมชมห้องปฏิบัติการ", "delegated|" + DEPUTY, 1),
    (-4, "10:00", 60, "appointment", "ผู้แทนสมาคมผู้ปกครองและครูเข้าพบ ยื่นข้อเสนอเรื่องค่าใช้จ่ายรายหัว",
     "ห้องรับรองรัฐมนตรี ชั้น ๒", "นายกสมาคมผู้ปกครองและครูแห่งประเทศไทย", "", POLITE, "", "", "done", 1),
    (-3, "09:30", 90, "meeting", "ประชุมหารือแนวทางแก้ไขหนี้สินครูกับธนาคารออมสิน", "ห้องประชุมเสมา ๒",
     "เลขาธิการ สกสค.", "สกสค.", SUIT, "", "09.30 น. เริ่มประชุม", "done", 2),
    (-2, "08:00", 120, "ceremony", "พิธีวางพวงมาลาเนื่องในวันลูกเสือแห่งชาติ", "ลานพระบรมราชานุสาวรีย์ พระบาทสมเด็จพระมงกุฎเกล้าเจ้าอยู่หัว",
     "เลขาธิการสำนักงานลูกเสือแห่งชาติ", "สลช.", "เครื่องแบบลูกเสือ", CAR,
     "07.45 น. ถึงบริเวณพิธี\n08.00 น. วางพวงมาลา", "cancelled|ผู้จัดเลื่อนพิธีเนื่องจากสภาพอากาศ", 1),
    (0, "09:00", 180, "meeting", "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "ห้องประชุมเสมา ๑ อาคารรัฐมนตรี", "", "",
     SUIT, CAR, "09.00 น. ประธานเปิดการประชุม\n09.10 น. วาระเพื่อทราบ\n10.00 น. วาระเพื่อพิจารณา", "done", 0),
    (0, "14:00", 60, "appointment", SECRET, "ห้องทำงานรัฐมนตรี",
     "", "", SUIT, "", "", "accepted", 3),
    (1, "09:00", 180, "meeting", "ประชุมคณะรัฐมนตรี", "ตึกสันติไมตรี ทำเนียบรัฐบาล", "", "",
     SUIT, CAR, "08.45 น. ถึงทำเนียบรัฐบาล\n09.00 น. ประชุมคณะรัฐมนตรี", "prepared", 0),
    (2, "08:30", 480, "inspection", "ตรวจราชการโรงเรียนคุณภาพประจำตำบล จังหวัดอุดรธานี",
     "โรงเรียนบ้านหนองบัว อำเภอเมืองอุดรธานี", "", "สพฐ.", KHAKI,
     "เที่ยวบินการบินไทย ดอนเมือง–อุดรธานี ออก 06.10 น.",
     "08.30 น. ถึงโรงเรียนบ้านหนองบัว\n09.00 น. รับฟังบรรยายสรุปการจัดการศึกษา\n10.30 น. เยี่ยมชมห้องเรียน\n"
     "13.30 น. พบปะครูและผู้ปกครอง\n15.30 น. เดินทางกลับ", "prepared", 2),
    (3, "10:00", 120, "ceremony", "พิธีเปิดงานมหกรรมวิชาการอาชีวศึกษา ระดับชาติ", "อิมแพ็ค เมืองทองธานี",
     "เลขาธิการคณะกรรมการการอาชีวศึกษา", "สอศ.", POLITE, CAR,
     "09.45 น. ถึงบริเวณงาน\n10.00 น. พิธีเปิด\n10.30 น. เยี่ยมชมนิทรรศการ", "accepted", 1),
    (3, "10:30", 60, "appointment", "คณะผู้บริหารมหาวิทยาลัยราชภัฏเข้าพบ เรื่องการผลิตครู", "ห้องรับรองรัฐมนตรี ชั้น ๒",
     "ประธานที่ประชุมอธิการบดีมหาวิทยาลัยราชภัฏ", "", SUIT, "", "", "invited", 1),
    (4, "13:30", 150, "meeting", "ประชุมคณะกรรมการนโยบายการศึกษาแห่งชาติ", "ทำเนียบรัฐบาล ตึกภักดีบดินทร์",
     "สำนักงานเลขาธิการสภาการศึกษา", "สกศ.", SUIT, CAR, "", "accepted", 2),
    (7, "09:00", 180, "meeting", "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "ห้องประชุมเสมา ๑ อาคารรัฐมนตรี", "", "",
     SUIT, CAR, "", "accepted", 0),
    (8, "09:00", 180, "meeting", "ประชุมคณะรัฐมนตรี", "ตึกสันติไมตรี ทำเนียบรัฐบาล", "", "", SUIT, CAR, "", "accepted", 0),
    (9, "09:00", 240, "visit", "ลงพื้นที่ติดตามการซ่อมแซมอาคารเรียนที่ได้รับผลกระทบจากอุทกภัย จังหวัดน่าน",
     "โรงเรียนในอำเภอเวียงสา จังหวัดน่าน", "", "สพฐ.", KHAKI, "เที่ยวบินดอนเมือง–น่าน", "", "invited", 2),
    (10, "19:00", 120, "ceremony", "งานเลี้ยงขอบคุณภาคีเครือข่ายการศึกษา", "โรงแรมในกรุงเทพมหานคร",
     "มูลนิธิเพื่อการศึกษาไทย", "", SUIT, CAR, "", "invited", 1),
    (12, "09:00", 120, "other", "บันทึกเทปรายการโทรทัศน์ ชี้แจงนโยบายเรียนดีมีความสุข", "สถานีโทรทัศน์การศึกษา",
     "สถานีวิทยุโทรทัศน์เพื่อการศึกษา", "", SUIT, CAR, "", "accepted", 1),
    (15, "09:00", 180, "meeting", "ประชุมคณะรัฐมนตรี", "ตึกสันติไมตรี ทำเนียบรัฐบาล", "", "", SUIT, CAR, "", "accepted", 0),
    (16, "10:00", 90, "visit", "เยี่ยมชมโรงเรียนต้นแบบการจัดการเรียนรู้ด้วยปัญญาประดิษฐ์", "โรงเรียนในเขตจตุจักร",
     "ผู้อำนวยการโรงเรียน", "สพม.กท 1", POLITE, CAR, "", "invited", 2),
]
# Who entered each: the political group's coordinator, the demo coordinator, the policy group's, the head.
ENTERED_BY = ("coordinator2", "coordinator2", "coordinator3", "head")


def _moment(monday: dt.date, days: int, clock: str) -> dt.datetime:
    hour, minute = map(int, clock.split(":"))
    return timezone.make_aware(dt.datetime.combine(monday + dt.timedelta(days=days), dt.time(hour, minute)))


def build(office, users, agencies) -> None:
    """Once: nothing is added when the office already keeps an agenda."""
    if AgendaItem.objects.exists():
        return
    with transaction.atomic():
        _build(office, users, agencies)


def _build(office, users, agencies) -> None:
    by_name = {u.username: u for u in users}
    by_abbreviation = {a.abbreviation: a for a in agencies}
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    now = timezone.now()
    for (days, clock, minutes, kind, title, place, inviter, agency, dress, transport, programme, outcome,
         who) in ROWS:
        starts = _moment(monday, days, clock)
        ends = starts + dt.timedelta(minutes=minutes)
        by = by_name[ENTERED_BY[who]]
        outcome, _, note = outcome.partition("|")
        own = not (inviter or agency)
        item = create_item(office=office, by=by, status="accepted" if own else "invited", fields={
            "kind": kind, "title": title, "starts_at": starts, "ends_at": ends, "place": place,
            "invited_by": inviter, "invited_by_agency": by_abbreviation.get(agency), "dress": dress,
            "transport": transport, "entourage": TEAM if kind in ("inspection", "visit") else "",
        }, matter_fields={"secrecy": 1 if title == SECRET else 0, "assignees": [by] if by.role == "coordinator" else []})
        _settle(item, outcome, note=note, programme=programme, by=by, ended=ends <= now)


def _settle(item, outcome: str, *, note: str, programme: str, by, ended: bool) -> None:
    """Walk the item to `outcome` as the office would have: answered, prepared, and done once it is over."""
    if outcome in ("declined", "cancelled"):
        change_status(item, outcome, by=by, note=note)
        return
    if outcome == "delegated":
        change_status(item, "delegated", by=by, delegated_to=note)
        if ended:  # the deputy went
            change_status(item, "done", by=by, note=f"{note} ปฏิบัติภารกิจแทนแล้ว")
        return
    if outcome == "invited":
        return
    if ended:  # what was only accepted or prepared in the table is over by now
        outcome = "done"
    if item.status == "invited":
        change_status(item, "accepted", by=by)
    if programme:
        update_item(item, by=by, fields={"programme": programme})
    if outcome in ("prepared", "done") and programme:
        change_status(item, "prepared", by=by)
    if outcome == "done" and ended:
        change_status(item, "done", by=by, note="ภารกิจเป็นไปตามกำหนดการ")
