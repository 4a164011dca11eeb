"""Three demo cabinet meetings: one next week at Government House with the ministry's proposal to brief on, one
off-site in Khon Kaen last month with a resolution and its follow-up matter, and one cancelled."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from prasan.cabinet import services
from prasan.cabinet.models import Meeting


def _at(days: int, hour: int = 9) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def build(office, users) -> None:
    """Once: nothing is added when the office already keeps a cabinet meeting."""
    if Meeting.objects.exists():
        return
    with transaction.atomic():
        _build(office, users)


def _build(office, users) -> None:
    by = {u.username: u for u in users}
    coordinator, head = by["coordinator2"], by["head"]
    ahead = services.create_meeting(office=office, by=coordinator, fields={
        "meets_at": _at(6), "number": "18/2569", "venue": "ตึกสันติไมตรี ทำเนียบรัฐบาล"})
    services.add_item(ahead, by=coordinator, fields={
        "order": "4.3", "kind": "proposal", "source": "entered",
        "subject": "ขออนุมัติงบกลาง รายการเงินสำรองจ่ายเพื่อกรณีฉุกเฉิน ซ่อมแซมอาคารเรียนที่ได้รับผลกระทบจากอุทกภัย",
        "summary": "โรงเรียน ๓๑๒ แห่งใน ๑๑ จังหวัดภาคเหนือได้รับความเสียหาย วงเงินที่ขอ ๔๘๒ ล้านบาท",
        "briefing_points": "๑. เหตุที่ไม่ใช้งบประมาณปกติของ สพฐ.\n๒. เกณฑ์คัดเลือกโรงเรียน\n๓. กำหนดเปิดภาคเรียนตามปกติ"})
    services.add_item(ahead, by=coordinator, fields={
        "order": "5.1", "kind": "for_information", "source": "slk_letter", "letter_number": "นร 0505/ว 214",
        "letter_date": timezone.localdate() - dt.timedelta(days=3),
        "subject": "รายงานผลการดำเนินงานตามนโยบายลดภาระครูและบุคลากรทางการศึกษา ไตรมาสที่ ๒"})

    offsite = services.create_meeting(office=office, by=coordinator, fields={
        "meets_at": _at(-24), "number": "15/2569", "location": "offsite", "province": "ขอนแก่น",
        "venue": "ศาลากลางจังหวัดขอนแก่น", "status": "held",
        "note": "ครม. นอกสถานที่ กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน"})
    resolved = services.add_item(offsite, by=coordinator, fields={
        "order": "4.1", "kind": "proposal", "source": "slk_letter", "letter_number": "นร 0505/ว 180",
        "letter_date": timezone.localdate() - dt.timedelta(days=30),
        "subject": "ขอความเห็นชอบโครงการโรงเรียนคุณภาพประจำตำบล กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน",
        "briefing_points": "ความพร้อมของโรงเรียนเป้าหมาย ๘๙ แห่ง และแผนการรับนักเรียนจากโรงเรียนขนาดเล็ก"})
    services.record_resolution(resolved, by=coordinator, resolved_on=offsite.day,
                               resolution="เห็นชอบตามที่กระทรวงศึกษาธิการเสนอ และให้รายงานผลการดำเนินงานต่อคณะรัฐมนตรี"
                                          "ภายใน ๖ เดือน")
    # The briefing was due before the meeting; the follow-up reports as the resolution says.
    resolved.matter.external_deadline = resolved.matter.internal_deadline = offsite.day - dt.timedelta(days=1)
    resolved.matter.save(update_fields=["external_deadline", "internal_deadline"])
    services.create_followup(resolved, by=coordinator, due=timezone.localdate() + dt.timedelta(days=25))

    services.create_meeting(office=office, by=head, fields={
        "meets_at": _at(-10), "number": "16/2569", "status": "cancelled", "note": "งดประชุม นายกรัฐมนตรีติดภารกิจต่างประเทศ"})
