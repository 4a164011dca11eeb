"""The demo office's complaints: parents, teachers and citizens by every channel, at every step — waiting to be
acknowledged, forwarded to an agency with the identity hidden, answered by the agency, told to the complainant,
concluded, paused for the complainant's documents, one past its 15 days — and a breach in the register.

The complaints unit's coordinator (coordinator4) holds "เห็นข้อมูลผู้ร้อง"; the other coordinators do not, so
the demo shows the masking to them."""

import datetime as dt

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from prasan.complaints import clock
from prasan.complaints.forwarding import redacted_copy
from prasan.complaints.models import ClockPause, Complaint, Forwarding, Policy, Reply
from prasan.complaints.services import file_complaint
from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter, Transition
from prasan.tracking.calendar import WorkingCalendar

# (channel, reference, subject, details, about, province, district, category, complainant, days ago, step)
COMPLAINTS = [
    ("web_form", "", "โรงเรียนเรียกเก็บเงินค่าอาหารกลางวันจากผู้ปกครอง",
     "บุตรของข้าพเจ้าเรียนชั้น ป.4 ครูประจำชั้นเรียกเก็บเงินค่าอาหารกลางวันคนละ 500 บาทต่อภาคเรียน "
     "ทั้งที่รัฐจัดงบประมาณอาหารกลางวันให้แล้ว ไม่ออกใบเสร็จ", "โรงเรียนบ้านหนองบัววิทยา", "ขอนแก่น", "เมืองขอนแก่น",
     "ค่าธรรมเนียม/เงินบำรุงการศึกษา",
     {"name": "นางสาวสมหญิง ทองดี", "phone": "081-234-5678", "email": "somying.t@example.com",
      "address": "99 หมู่ 3 ตำบลบ้านเป็ด อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000"}, 1, "new"),
    ("hotline_1111", "1111-690012345", "ขอให้ตรวจสอบการสอบคัดเลือกครูผู้ช่วยที่อาจไม่โปร่งใส",
     "ผู้ร้องสอบคัดเลือกครูผู้ช่วย สพป.นครราชสีมา เขต 1 และพบว่าผู้ได้คะแนนสูงผิดปกติเป็นญาติกรรมการ",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต 1", "นครราชสีมา", "เมืองนครราชสีมา",
     "การสอบ/การคัดเลือก/การบรรจุแต่งตั้ง",
     {"name": "นายปกรณ์ ศรีสวัสดิ์", "phone": "0891234567", "anonymous": False}, 4, "acknowledged"),
    ("letter", "", "ครูทำร้ายร่างกายนักเรียนในห้องเรียน",
     "ข้าพเจ้าเป็นผู้ปกครองของเด็กชายอายุ 9 ปี บุตรถูกครูตีด้วยไม้บรรทัดจนเป็นรอยช้ำ บัตรประชาชนผู้ร้อง "
     "1101700230708 ขอให้ลงโทษทางวินัยและคุ้มครองบุตรไม่ให้ถูกกลั่นแกล้ง", "โรงเรียนวัดสามัคคีธรรม", "ชลบุรี",
     "ศรีราชา", "ความประพฤติของครูและบุคลากร",
     {"name": "นางมาลี ใจงาม", "phone": "0861112233", "address": "45/2 ถนนสุขุมวิท ศรีราชา ชลบุรี 20110"}, 12,
     "forwarded"),
    ("traffy_fondue", "2026-F9K3QX", "หลังคาอาคารเรียนรั่ว น้ำท่วมห้องเรียนเวลาฝนตก",
     "อาคารเรียน 2 ชั้นหลังคารั่วหลายจุด นักเรียนต้องย้ายไปเรียนที่โรงอาหาร", "โรงเรียนบ้านห้วยทราย", "น่าน", "ปัว",
     "อาคารสถานที่และความปลอดภัย", {"name": "", "anonymous": True}, 18, "answered"),
    ("email", "", "ขอความช่วยเหลือทุนการศึกษาให้บุตรที่บิดาเสียชีวิต",
     "บิดาของบุตรเสียชีวิตจากอุบัติเหตุ ครอบครัวขาดรายได้ ขอความช่วยเหลือทุนการศึกษาระดับมัธยม", "", "ยะลา", "เมืองยะลา",
     "ขอความช่วยเหลือ/ขอความอนุเคราะห์",
     {"name": "นางสาวนูรีซัน สาและ", "email": "nurisan.s@example.com", "phone": "0934445566",
      "disclose_to_agency": True}, 30, "concluded"),
    ("walk_in", "", "ร้องเรียนผู้อำนวยการโรงเรียนใช้รถราชการไปธุระส่วนตัว",
     "ผู้ร้องพบเห็นรถตู้ของโรงเรียนจอดที่ตลาดนัดวันเสาร์หลายครั้ง", "ผู้อำนวยการโรงเรียนบ้านโคกสูง", "สุรินทร์",
     "ปราสาท", "ทุจริต/ประพฤติมิชอบ", {"name": "นายวิชัย กล้าหาญ", "phone": "0819998877"}, 25, "past_due"),
    ("ministry_centre", "ศธ-ร้องเรียน-2569/0412", "ไม่ได้รับเงินค่าเดินทางไปราชการเกิน 6 เดือน",
     "ครูอัตราจ้างไม่ได้รับเงินค่าเดินทางไปอบรมตั้งแต่เดือนพฤษภาคม", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน",
     "ลำปาง", "เมืองลำปาง", "สวัสดิการและเงินเดือน",
     {"name": "นางสาวกาญจนา พรหมมา", "phone": "0875556677", "line_id": "kanjana.pm"}, 10, "paused"),
    ("agency_forward", "สพฐ. 04006/3321", "โรงเรียนไม่รับนักเรียนพิการเรียนร่วม",
     "ผู้ปกครองเด็กออทิสติกแจ้งว่าโรงเรียนปฏิเสธการรับเข้าเรียนชั้น ป.1", "โรงเรียนอนุบาลเชียงใหม่", "เชียงใหม่",
     "เมืองเชียงใหม่", "การรับนักเรียน", {"name": "นายธนพล อินทร์แก้ว", "phone": "0823334455"}, 6, "forwarded"),
    ("phone", "", "ครูไม่เข้าสอนบ่อยครั้ง นักเรียนต้องเรียนด้วยตนเอง", "", "โรงเรียนบ้านนาดี", "อุดรธานี", "กุมภวาปี",
     "การจัดการเรียนการสอน/หลักสูตร", {"anonymous": True}, 2, "new"),
]
HOLDER = "coordinator4"


def build(office, units, users, agencies) -> None:
    if Complaint.objects.filter(office=office).exists():
        return
    by_name = {user.username: user for user in users}
    holder = by_name[HOLDER]
    holder.user_permissions.add(Permission.objects.get(codename="view_complainant",
                                                       content_type__app_label="complaints"))
    policy = Policy.of(office)
    policy.unit = units[3]
    policy.controller = office.name
    policy.dpo_contact = "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล โทร 0 2628 5600 อีเมล dpo.minister@moe.example"
    policy.save()
    obec = next(a for a in agencies if a.abbreviation == "สพฐ.")
    calendar = WorkingCalendar()
    now = timezone.now()
    with transaction.atomic():
        for row in COMPLAINTS:
            channel, ref, subject, details, about, province, district, category, person, days, step = row
            received = now - dt.timedelta(days=days, hours=3)
            complaint = file_complaint(office, channel=channel, channel_ref=ref, subject=subject, details=details,
                                       about=about, province=province, district=district, category=category,
                                       complainant=person, by=holder if channel == "walk_in" else None,
                                       received_at=received)
            _walk(complaint, step, holder, obec, received, calendar)
    if not office.breach_set.exists():
        from prasan.complaints.privacy import record_breach

        record_breach(office, by=by_name["head"], title="ส่งอีเมลแจ้งผลเรื่องร้องเรียนถึงผู้รับผิดคน",
                      description="เจ้าหน้าที่พิมพ์อีเมลผู้ร้องผิดหนึ่งตัวอักษร อีเมลแจ้งผลถึงบุคคลอื่น", risk="risk",
                      persons_affected=1, discovered_at=now - dt.timedelta(hours=20),
                      measures="ติดต่อผู้รับให้ลบอีเมลแล้ว ตรวจอีเมลผู้ร้องสองครั้งก่อนส่ง")


def _walk(complaint, step, holder, agency, received, calendar) -> None:
    if step == "new":
        return
    told = received + dt.timedelta(days=1)
    if step != "past_due":
        Reply.objects.create(complaint=complaint, kind="acknowledgement", via="phone" if complaint.complainant_phone
                             else "status_page", text="แจ้งรับเรื่องและเลขที่เรื่องแล้ว", sent_at=told, by=holder)
        complaint.acknowledged_at = told
    if step in ("forwarded", "answered", "concluded"):
        deadline = calendar.add_working_days(timezone.localtime(told).date(), 10)
        request = AgencyRequest.objects.create(matter=complaint.matter, agency=agency, deliverable=redacted_copy(
            complaint, deadline=deadline), deadline=deadline, created_by=holder, created_at=told)
        Forwarding.objects.create(complaint=complaint, request=request, redacted_text=request.deliverable,
                                  identity_disclosed=complaint.disclose_to_agency, created_at=told)
        if step in ("answered", "concluded"):
            request.status, request.answered_at = AgencyRequest.Status.ANSWERED, told + dt.timedelta(days=5)
            request.answer = ("ตรวจสอบข้อเท็จจริงแล้ว เป็นความจริงตามที่ร้อง ได้สั่งการให้แก้ไขแล้ว"
                              if step == "answered" else "ได้พิจารณาให้ทุนการศึกษาของมูลนิธิ 10,000 บาทต่อปีแล้ว")
            request.answered_by_name = "ผู้อำนวยการกลุ่มส่งเสริมการจัดการศึกษา"
            request.save()
    if step == "concluded":
        Reply.objects.create(complaint=complaint, kind="final", via="email", text="แจ้งผลการพิจารณา: ได้รับทุนการศึกษาแล้ว",
                             address=complaint.complainant_email, outcome="ส่งอีเมลแล้ว",
                             sent_at=told + dt.timedelta(days=7), by=holder)
        complaint.responded_at = told + dt.timedelta(days=7)
        complaint.result, complaint.concluded_at = "resolved", told + dt.timedelta(days=8)
        complaint.result_note = "สำนักงาน สพฐ. ประสานมูลนิธิให้ทุนการศึกษาแก่บุตรผู้ร้องจนจบชั้นมัธยม"
        complaint.satisfaction = "ผู้ร้องโทรมาขอบคุณ พึงพอใจมาก"
        # Its matter closed too, as the office does once the complainant is told (the demo writes the end state).
        matter = complaint.matter
        Transition.objects.create(matter=matter, by=holder, event="close", from_state=matter.state,
                                  to_state="closed", message="แจ้งผลแก่ผู้ร้องแล้ว ปิดเรื่อง", at=complaint.concluded_at)
        Matter.objects.filter(pk=matter.pk).update(  # recorded the day it came, closed the day it ended
            state="closed", created_at=min(matter.created_at, received), closed_at=complaint.concluded_at)
    if step == "paused":
        complaint.paused_since = timezone.localdate() - dt.timedelta(days=2)
        ClockPause.objects.create(complaint=complaint, started_on=complaint.paused_since, by=holder,
                                  reason="รอผู้ร้องส่งสำเนาคำสั่งไปราชการและหลักฐานการเดินทาง")
    complaint.save()
    clock.sync_matter(complaint, calendar=calendar)


