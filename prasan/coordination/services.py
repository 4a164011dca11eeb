"""Logging coordination, sending it, asking agencies, and taking their answers."""

import datetime as dt

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters.access import safe_title, secret_safe
from prasan.matters.uploads import store
from prasan.thai.dates import thai_date

from . import links
from .models import Activity, AgencyRequest, Channel
from .sending import SendError, push_line, send_email

# The reply link is a bearer credential: it goes into the message sent, never into the log
# that every reader of the matter sees. Editors can copy the current link from the matter page.
# Sent inside the answer's transaction: sender=AgencyRequest, request= (tracking tells the assignees).
request_answered = Signal()
LINK_IN_LOG = "[ลิงก์ตอบกลับเฉพาะหน่วยงาน — ดูได้ที่รายการคำขอของเรื่องนี้]"
# Who answered through a link, as the audit log names them (it has no account).
LIAISON = "ผู้ประสานงานหน่วยงาน"


class RequestClosed(Exception):
    """The request is answered or cancelled; `str(e)` says so in Thai."""


def email_subject(matter) -> str:
    """Secret matters travel by number only: mail servers and inboxes are outside the office."""
    return f"[{matter.number}] {safe_title(matter)}"


def log_activity(matter, *, by, channel: str, summary: str, send: bool = False, message: str = "",
                 subject: str = "", **fields) -> Activity:
    """Record one contact; for email/LINE with `send`, really deliver `message` (default: the summary).

    The activity is saved before sending, so a failed or crashed delivery never loses what was typed.
    """
    activity = Activity(matter=matter, by=by, channel=channel, summary=summary, **fields)
    with transaction.atomic():
        activity.save()
        record(by, "activity.create", matter, channel=channel, activity=activity.pk)
    if send and channel in (Channel.EMAIL, Channel.LINE):
        deliver(activity, message or summary, subject=subject)
    return activity


def deliver(activity: Activity, text: str, *, subject: str = "") -> Activity:
    matter = activity.matter
    try:
        if activity.channel == Channel.EMAIL:
            detail = send_email(activity.address, subject or email_subject(matter), text)
        else:
            detail = push_line(activity.address, f"[{matter.number}] {text}")
        activity.delivery, activity.delivery_detail = Activity.Delivery.SENT, detail
    except SendError as exc:
        activity.delivery, activity.delivery_detail = Activity.Delivery.FAILED, str(exc)
    with transaction.atomic():
        activity.save(update_fields=["delivery", "delivery_detail"])
        record(activity.by, "activity.deliver", matter, activity=activity.pk, delivery=activity.delivery,
               detail=activity.delivery_detail)
    return activity


def request_body(req: AgencyRequest, url: str, *, reissued: bool = False) -> str:
    matter = req.matter
    subject = safe_title(matter)
    deliverable = secret_safe(matter, f"สิ่งที่ขอ: {req.deliverable}\n")
    again = "ลิงก์เดิมที่เคยส่งให้ใช้ไม่ได้แล้ว โปรดใช้ลิงก์ใหม่ด้านล่างนี้\n\n" if reissued else ""
    return (
        f"เรียน {req.contact.name if req.contact else 'ผู้ประสานงาน'} ({req.agency.name})\n\n"
        f"{again}"
        f"สำนักงานรัฐมนตรีขอความอนุเคราะห์ข้อมูลประกอบเรื่อง {matter.number} {subject}\n"
        f"{deliverable}"
        f"กำหนดส่งภายในวันที่ {thai_date(req.deadline, thai_digits=False)}\n\n"
        f"ตอบและแนบไฟล์ได้ทางลิงก์นี้ (ไม่ต้องมีบัญชีผู้ใช้):\n{url}\n\n"
        "ขอขอบคุณ\nสำนักงานรัฐมนตรี"
    )


def request_subject(req: AgencyRequest, *, reissued: bool = False) -> str:
    lead = "ลิงก์ใหม่สำหรับตอบคำขอ" if reissued else "ขอความอนุเคราะห์ข้อมูล"
    return f"{lead} {email_subject(req.matter)}"


def send_requests(matter, *, by, agencies, deliverable: str, deadline: dt.date, channel: str = "email",
                  show_title: bool = False) -> list:
    """One request per agency, each with its own reply link, delivered to its liaison officer. A secret matter's
    title goes on the reply page only if `show_title` (the link is a bearer credential; anyone may hold it)."""
    created = []
    for agency in agencies:
        contact = agency.contacts.filter(is_liaison=True).first() or agency.contacts.first()
        with transaction.atomic():
            req = AgencyRequest.objects.create(
                matter=matter, agency=agency, contact=contact, deliverable=deliverable, deadline=deadline,
                created_by=by, show_title=show_title,
            )
            record(by, "request.create", matter, agency=agency.name, request=req.pk, deadline=deadline,
                   show_title=show_title)
        send_link(req, by=by, channel=channel)
        created.append(req)
    return created


def send_link(req: AgencyRequest, *, by, channel: str = Channel.EMAIL, reissued: bool = False) -> Activity:
    """Deliver the request's current reply link over `channel`, else the other electronic one."""
    channel, address = _address(req.agency, req.contact, channel)
    return log_activity(
        req.matter, by=by, channel=channel if address else Channel.LETTER, agency=req.agency,
        counterpart=req.contact.name if req.contact else req.agency.name, address=address,
        summary=request_body(req, LINK_IN_LOG, reissued=reissued),
        message=request_body(req, links.reply_url(req), reissued=reissued),
        subject=request_subject(req, reissued=reissued), send=bool(address), agency_request=req,
        outcome="" if address else "ไม่มีอีเมลหรือ LINE ของหน่วยงาน ต้องคัดลอกลิงก์จากรายการคำขอไปส่งด้วยวิธีอื่น",
    )


def _address(agency, contact, channel: str) -> tuple[str, str]:
    def email():
        return (contact.email if contact else "") or agency.email

    def line():
        return (contact.line_id if contact else "") or agency.line_id

    order = [(Channel.LINE, line), (Channel.EMAIL, email)]
    if channel != Channel.LINE:
        order.reverse()
    for name, find in order:
        if find():
            return name, find()
    return channel, ""


def reissue_link(req: AgencyRequest, *, by) -> Activity:
    """A new link (older ones stop working), sent to the liaison officer by email."""
    with transaction.atomic():
        locked = _lock_open(req)
        locked.link_version += 1
        locked.link_issued_at = timezone.now()
        locked.save(update_fields=["link_version", "link_issued_at"])
        record(by, "request.reissue", locked.matter, request=locked.pk, agency=locked.agency.name,
               version=locked.link_version)
    req.link_version, req.link_issued_at = locked.link_version, locked.link_issued_at
    return send_link(locked, by=by, channel=Channel.EMAIL, reissued=True)


def cancel_request(req: AgencyRequest, *, by) -> AgencyRequest:
    with transaction.atomic():
        locked = _lock_open(req)
        locked.status = AgencyRequest.Status.CANCELLED
        locked.link_version += 1
        locked.save(update_fields=["status", "link_version"])
        record(by, "request.cancel", locked.matter, request=locked.pk, agency=locked.agency.name)
    return locked


def _lock_open(req: AgencyRequest) -> AgencyRequest:
    locked = _locked(req)
    if locked.status == AgencyRequest.Status.ANSWERED:
        raise RequestClosed("คำขอนี้ได้รับคำตอบแล้ว")
    if locked.status == AgencyRequest.Status.CANCELLED:
        raise RequestClosed("คำขอนี้ถูกยกเลิกแล้ว")
    return locked


def _locked(req: AgencyRequest) -> AgencyRequest:
    # of=("self",): PostgreSQL cannot lock the nullable side of the contact join.
    rows = AgencyRequest.objects.select_for_update(of=("self",))
    return rows.select_related("matter__office", "agency", "contact").get(pk=req.pk)


def answer_request(req: AgencyRequest, *, answer: str, name: str, uploads=()) -> AgencyRequest:
    """The liaison officer's answer: lands in the matter's log; the link stops working."""
    with transaction.atomic():
        locked = _locked(req)
        reason = links.closed_reason(locked)
        if reason:
            raise links.LinkError(reason)
        if locked.link_version != req.link_version:
            # A new link was issued while this page was open.
            raise links.LinkError(links.REISSUED)
        locked.status = AgencyRequest.Status.ANSWERED
        locked.answer = answer
        locked.answered_by_name = name
        locked.answered_at = timezone.now()
        locked.link_version += 1
        locked.save()
        for upload in uploads:
            store(locked.matter, upload, kind="answer", by=None, agency_request=locked)
        # The answer comes back on the channel that carried the link (there is no "web" channel).
        carried = locked.activities.filter(direction=Activity.Direction.OUTGOING).order_by("-occurred_at", "-id")
        channel = carried.values_list("channel", flat=True).first() or Channel.EMAIL
        files = f" แนบไฟล์ {len(uploads)} ไฟล์" if uploads else ""
        Activity.objects.create(
            matter=locked.matter, channel=channel, direction=Activity.Direction.INCOMING, agency=locked.agency,
            counterpart=name, summary=f"{locked.agency.name} ตอบคำขอ: {answer}", agency_request=locked,
            outcome=f"ตอบทางลิงก์ตอบกลับ{files}",
        )
        record(f"{LIAISON}:{name}", "request.answer", locked.matter, request=locked.pk, agency=locked.agency.name,
               files=len(uploads))
        request_answered.send(AgencyRequest, request=locked)
    return locked


def take_in_answer(req: AgencyRequest, *, by) -> bool:
    """The office has read the agency's answer: it leaves the assignees' "awaiting me" list. Once only."""
    with transaction.atomic():
        changed = AgencyRequest.objects.filter(pk=req.pk, status=AgencyRequest.Status.ANSWERED,
                                               answer_seen_at__isnull=True).update(
            answer_seen_at=timezone.now(), answer_seen_by=by)
        if changed:
            record(by, "request.answer_seen", req.matter, request=req.pk, agency=req.agency.name)
    return bool(changed)


def acknowledge(req: AgencyRequest) -> None:
    """The liaison officer opened the link: the office sees the agency has the request."""
    if req.status == AgencyRequest.Status.SENT:
        with transaction.atomic():
            changed = AgencyRequest.objects.filter(pk=req.pk, status=AgencyRequest.Status.SENT).update(
                status=AgencyRequest.Status.ACKNOWLEDGED, acknowledged_at=timezone.now()
            )
            if changed:
                record("liaison", "request.acknowledge", req.matter, request=req.pk, agency=req.agency.name)
        req.status = AgencyRequest.Status.ACKNOWLEDGED
