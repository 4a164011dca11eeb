"""Sending a complaint to the agency that can find the facts and act: an agency request with its reply link
(coordination), carrying the complaint as redacted for that agency — the complainant's identity removed unless they
agreed to it, their contact never — and the agency's findings coming back as the request's answer.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from prasan.audit.models import record
from prasan.coordination.services import send_requests
from prasan.thai.dates import thai_date

from .masking import for_agency, mask_text, scrub
from .models import Forwarding


def identity_disclosed(complaint) -> bool:
    """Only the complainant's own consent opens their name to the agency (never their contact)."""
    return bool(complaint.disclose_to_agency and not complaint.anonymous and complaint.complainant_name)


def redacted_copy(complaint, *, note: str = "", deadline: dt.date | None = None) -> str:
    """The complaint as the agency reads it on its reply page and in its e-mail."""
    disclosed = identity_disclosed(complaint)
    details = mask_text(complaint.details) if disclosed else scrub(complaint.details, complaint)
    place = " ".join(part for part in (complaint.district, complaint.province) if part)
    lines = [
        f"สำนักงานได้รับเรื่องร้องเรียน เลขที่ {complaint.number} ทาง{complaint.get_channel_display()} "
        f"เมื่อวันที่ {thai_date(complaint.received_at, thai_digits=False)}",
        f"เรื่อง: {mask_text(complaint.subject) if disclosed else scrub(complaint.subject, complaint)}",
        f"ผู้ถูกร้อง: {complaint.about}" if complaint.about else "",
        f"สถานที่: {place}" if place else "",
        f"รายละเอียด: {details}" if details else "",
        f"สิ่งที่ผู้ร้องขอ: {scrub(complaint.asked_for, complaint)}" if complaint.asked_for else "",
        f"ผู้ร้อง: {for_agency(complaint)}",
        note.strip(),
        "ขอให้ตรวจสอบข้อเท็จจริง ดำเนินการตามอำนาจหน้าที่ และแจ้งผลให้สำนักงานทราบ"
        + (f" ภายในวันที่ {thai_date(deadline, thai_digits=False)}" if deadline else ""),
    ]
    if not disclosed:
        lines.append("โปรดคุ้มครองผู้ร้องมิให้ได้รับผลกระทบจากการร้องเรียน (สำนักงานไม่เปิดเผยตัวผู้ร้อง)")
    return "\n".join(line for line in lines if line)


def forward(complaint, *, by, agencies, deadline: dt.date, note: str = "", channel: str = "email") -> list:
    """One request per agency with its reply link, each carrying the redacted copy; recorded on the complaint."""
    agencies = list(agencies)
    if not agencies:
        raise ValidationError({"agencies": "กรุณาเลือกหน่วยงานอย่างน้อยหนึ่งหน่วยงาน"})
    if complaint.is_concluded:
        raise ValidationError("เรื่องนี้ยุติแล้ว ส่งต่อไม่ได้")
    text = redacted_copy(complaint, note=note, deadline=deadline)
    requests = send_requests(complaint.matter, by=by, agencies=agencies, deliverable=text, deadline=deadline,
                             channel=channel)
    disclosed = identity_disclosed(complaint)
    with transaction.atomic():
        made = [Forwarding.objects.create(complaint=complaint, request=req, redacted_text=text,
                                          identity_disclosed=disclosed) for req in requests]
        record(by, "complaint.forward", complaint, number=complaint.number,
               agencies=[agency.name for agency in agencies], identity_disclosed=disclosed)
    return made


def findings(complaint):
    """The forwardings with their requests' answers (what each agency found), oldest first."""
    return complaint.forwardings.select_related("request__agency").order_by("created_at", "id")
