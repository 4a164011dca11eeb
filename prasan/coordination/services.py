"""Logging coordination, sending it, asking agencies, and taking their answers."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters.uploads import store
from prasan.thai.dates import thai_date

from . import links
from .models import Activity, AgencyRequest, Channel
from .sending import SendError, push_line, send_email


def log_activity(matter, *, by, channel: str, summary: str, send: bool = False, **fields) -> Activity:
    """Record one contact; for email/LINE with `send`, really deliver it and record how that went."""
    activity = Activity(matter=matter, by=by, channel=channel, summary=summary, **fields)
    if send and channel in (Channel.EMAIL, Channel.LINE):
        try:
            if channel == Channel.EMAIL:
                detail = send_email(activity.address, f"[{matter.number}] {matter.title}", summary)
            else:
                detail = push_line(activity.address, f"[{matter.number}] {summary}")
            activity.delivery, activity.delivery_detail = Activity.Delivery.SENT, detail
        except SendError as exc:
            activity.delivery, activity.delivery_detail = Activity.Delivery.FAILED, str(exc)
    with transaction.atomic():
        activity.save()
        record(by, "activity.create", matter, channel=channel, activity=activity.pk, delivery=activity.delivery)
    return activity


def request_body(req: AgencyRequest, url: str) -> str:
    matter = req.matter
    subject = "เรื่องชั้นความลับ (โปรดเปิดลิงก์เพื่อดูรายละเอียด)" if matter.is_secret else matter.title
    deliverable = "" if matter.is_secret else f"สิ่งที่ขอ: {req.deliverable}\n"
    return (
        f"เรียน {req.contact.name if req.contact else 'ผู้ประสานงาน'} ({req.agency.name})\n\n"
        f"สำนักงานรัฐมนตรีขอความอนุเคราะห์ข้อมูลประกอบเรื่อง {matter.number} {subject}\n"
        f"{deliverable}"
        f"กำหนดส่งภายในวันที่ {thai_date(req.deadline, thai_digits=False)}\n\n"
        f"ตอบและแนบไฟล์ได้ทางลิงก์นี้ (ไม่ต้องมีบัญชีผู้ใช้):\n{url}\n\n"
        "ขอขอบคุณ\nสำนักงานรัฐมนตรี"
    )


def send_requests(matter, *, by, agencies, deliverable: str, deadline: dt.date, channel: str = "email") -> list:
    """One request per agency, each with its own reply link, delivered to its liaison officer."""
    created = []
    for agency in agencies:
        contact = agency.contacts.filter(is_liaison=True).first() or agency.contacts.first()
        with transaction.atomic():
            req = AgencyRequest.objects.create(
                matter=matter, agency=agency, contact=contact, deliverable=deliverable, deadline=deadline,
                created_by=by,
            )
            record(by, "request.create", matter, agency=agency.name, request=req.pk, deadline=deadline)
        url = links.reply_url(req)
        address = _address(agency, contact, channel)
        body = request_body(req, url)
        log_activity(
            matter, by=by, channel=channel if address else Channel.LETTER, agency=agency,
            counterpart=contact.name if contact else agency.name, address=address or "",
            summary=body, send=bool(address), agency_request=req,
            outcome="" if address else "ไม่มีช่องทางอิเล็กทรอนิกส์ของหน่วยงาน ต้องส่งลิงก์ด้วยวิธีอื่น",
        )
        created.append(req)
    return created


def _address(agency, contact, channel: str) -> str:
    if channel == Channel.LINE:
        return (contact.line_id if contact else "") or agency.line_id
    return (contact.email if contact else "") or agency.email


def answer_request(req: AgencyRequest, *, answer: str, name: str, uploads=()) -> AgencyRequest:
    """The liaison officer's answer: lands in the matter's log; the link stops working."""
    with transaction.atomic():
        locked = AgencyRequest.objects.select_for_update().get(pk=req.pk)
        if locked.status in (AgencyRequest.Status.ANSWERED, AgencyRequest.Status.CANCELLED):
            raise links.LinkError("คำขอนี้ได้รับคำตอบแล้ว")
        locked.status = AgencyRequest.Status.ANSWERED
        locked.answer = answer
        locked.answered_by_name = name
        locked.answered_at = timezone.now()
        locked.link_version += 1
        locked.save()
        for upload in uploads:
            store(locked.matter, upload, kind="answer", by=None, agency_request=locked)
        Activity.objects.create(
            matter=locked.matter, channel=Channel.EMAIL if locked.contact and locked.contact.email else Channel.IN_PERSON,
            direction=Activity.Direction.INCOMING, agency=locked.agency, counterpart=name,
            summary=f"{locked.agency.name} ตอบคำขอ: {answer}", agency_request=locked,
            outcome=f"แนบไฟล์ {len(uploads)} ไฟล์" if uploads else "",
        )
        record(f"liaison:{name}", "request.answer", locked.matter, request=locked.pk, agency=locked.agency.name)
    return locked


def acknowledge(req: AgencyRequest) -> None:
    if req.status == AgencyRequest.Status.SENT:
        AgencyRequest.objects.filter(pk=req.pk, status=AgencyRequest.Status.SENT).update(
            status=AgencyRequest.Status.ACKNOWLEDGED, acknowledged_at=timezone.now()
        )
