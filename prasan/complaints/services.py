"""Filing and working complaints: `file_complaint` is the one way a complaint comes to be (staff pages, the public
form, the 1111/Traffy imports, letter intake, the API, the demo), so every complaint has its matter of duty type
`complaint`, its clock, its status code, and an audit event.
"""

import re
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters.choices import DutyType, Source
from prasan.matters.models import Matter
from prasan.tracking.calendar import WorkingCalendar

from . import clock
from .choices import Channel
from .models import Category, ClockPause, Complaint, Policy

COMPLAINANT_KEYS = frozenset({"name", "phone", "email", "address", "line_id", "anonymous", "disclose_to_agency"})
# Digits only: typed on a phone's number pad, read out over the phone, nothing to misread (O/0, I/1).
CODE_ALPHABET = "0123456789"
CODE_LENGTH = 10
_NUMBER_RE = re.compile(r"^\s*(?P<abbr>\S.*?)\s*(?P<seq>\d+)\s*/\s*(?P<year>\d{4})\s*$")


def new_public_code() -> str:
    """A private code for the status page, e.g. "48213-90576" (10 digits, ≈ 33 bits: the status page is
    rate-limited, and a guess must also match the complaint's number)."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def normal_code(code: str) -> str:
    return re.sub(r"[\s-]", "", (code or "").upper())


def _complainant(data: dict | None) -> dict:
    data = dict(data or {})
    unknown = set(data) - COMPLAINANT_KEYS
    if unknown:
        raise ValidationError({f"complainant.{key}": "ไม่รู้จักช่องนี้" for key in sorted(unknown)})

    def text(key, limit):
        value = str(data.get(key) or "").strip()
        if len(value) > limit:
            raise ValidationError({f"complainant.{key}": f"ยาวเกิน {limit} ตัวอักษร"})
        return value

    return {
        "complainant_name": text("name", 200), "complainant_phone": text("phone", 50),
        "complainant_email": text("email", 254), "complainant_address": text("address", 2000),
        "complainant_line_id": text("line_id", 100), "anonymous": bool(data.get("anonymous")),
        "disclose_to_agency": bool(data.get("disclose_to_agency")),
    }


def _category(office, category) -> Category | None:
    if category in (None, ""):
        return None
    if isinstance(category, Category):
        return category
    Policy.of(office)  # seeds the default categories on first use
    rows = Category.objects.filter(office=office)
    found = rows.filter(pk=category).first() if str(category).isdigit() else rows.filter(name=category).first()
    if found is None:
        raise ValidationError({"category": f"ไม่มีประเภทเรื่องร้องเรียน “{category}”"})
    return found


def matter_title(complaint) -> str:
    """The matter's title: the subject without the complainant or an ID number in it (the title goes on lists,
    mail, reminders, reply pages, the search index)."""
    return f"ร้องเรียน: {complaint.shown_subject}"[:500]


def file_complaint(office, *, channel: str, subject: str, details: str = "", complainant: dict | None = None,
                   channel_ref: str = "", category=None, province: str = "", district: str = "", about: str = "",
                   asked_for: str = "", by=None, received_at=None, attachments=()) -> Complaint:
    """A new complaint with its matter (duty type complaint), its clock and a public status code.

    The plaintext code is on the returned complaint as `public_code` (shown once; only its hash is kept).
    `complainant`: name, phone, email, address, line_id, anonymous, disclose_to_agency — all optional: an
    anonymous complaint without contact is followed on the status page only. `attachments`: uploaded files,
    checked by content as intake checks them. Raises ValidationError (Thai messages by field); nothing is saved.
    """
    subject = (subject or "").strip()
    errors = {}
    if channel not in Channel.values:
        errors["channel"] = f"ไม่รู้จักช่องทาง “{channel}” (ใช้ได้: {', '.join(Channel.values)})"
    if not subject:
        errors["subject"] = "กรุณาระบุเรื่องที่ร้องเรียน"
    if errors:
        raise ValidationError(errors)
    people = _complainant(complainant)
    received_at = received_at or timezone.now()
    complaint = Complaint(
        office=office, channel=channel, channel_ref=(channel_ref or "").strip(), received_at=received_at,
        subject=subject[:500], details=details or "", about=(about or "")[:300], province=(province or "")[:100],
        district=(district or "")[:100], category=_category(office, category), asked_for=asked_for or "",
        created_by=by if getattr(by, "is_authenticated", False) else None, **people,
    )
    from .policy import lawful_basis

    complaint.lawful_basis = lawful_basis(office)
    complaint.full_clean(exclude=["matter", "office", "category", "created_by", "public_code_hash"])
    if complaint.channel_ref and Complaint.objects.filter(office=office, channel=channel,
                                                          channel_ref=complaint.channel_ref).exists():
        raise ValidationError({"channel_ref": f"มีเรื่องเลขอ้างอิง {complaint.channel_ref} จากช่องทางนี้แล้ว"})
    calendar = WorkingCalendar()
    complaint.ack_due, complaint.answer_due = clock.due_dates(office, received_at, calendar=calendar)
    code = new_public_code()
    complaint.public_code_hash = make_password(normal_code(code))
    actor = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        matter = Matter.create(
            by=actor, office=office, title=matter_title(complaint), duty_type=DutyType.COMPLAINT,
            source=Source.COMPLAINT, description=scrubbed_details(complaint),
            owner_unit=getattr(actor, "unit", None) or Policy.of(office).unit,
            assignees=[actor] if _coordinator(actor) else [],
        )
        complaint.matter = matter
        complaint.save()
        clock.sync_matter(complaint, calendar=calendar)
        for upload in attachments:
            from prasan.matters.uploads import store

            store(matter, upload, kind="source", by=actor)
        record(by or "ระบบ", "complaint.create", complaint, matter=matter.pk, number=matter.number, channel=channel,
               channel_ref=complaint.channel_ref, attachments=len(attachments))
    complaint.public_code = code
    return complaint


def _coordinator(user) -> bool:
    from prasan.accounts.models import Role

    return getattr(user, "role", None) == Role.COORDINATOR


def scrubbed_details(complaint) -> str:
    """The details as they may go where everyone with the matter reads them (the matter's description, the search
    index): see masking.scrub."""
    from .masking import scrub

    return scrub(complaint.details, complaint)


def find_by_public(number: str, code: str) -> Complaint | None:
    """The complaint whose number (e.g. "สร 12/2569") and private code match, else None (same answer for a wrong
    number and a wrong code, so the page tells nothing about which complaints exist)."""
    match = _NUMBER_RE.match(number or "")
    code = normal_code(code)
    if not match or not code:
        check_password("x", make_password("y"))  # the same time as a real check
        return None
    complaint = (Complaint.objects.select_related("matter__office", "category")
                 .filter(matter__office__abbreviation=match["abbr"], matter__seq=int(match["seq"]),
                         matter__year=int(match["year"])).first())
    if complaint is None or not complaint.public_code_hash:
        check_password("x", make_password("y"))
        return None
    return complaint if check_password(code, complaint.public_code_hash) else None


def new_code(complaint, *, by) -> str:
    """A fresh status code (the complainant lost theirs): the old one stops working."""
    code = new_public_code()
    with transaction.atomic():
        complaint.public_code_hash = make_password(normal_code(code))
        complaint.save(update_fields=["public_code_hash"])
        record(by, "complaint.new_code", complaint, number=complaint.number)
    return code


class ClockError(ValidationError):
    pass


def pause(complaint, *, by, reason: str) -> ClockPause:
    """Stop the clock, only with a reason (typically: waiting for the complainant's facts or documents)."""
    reason = (reason or "").strip()
    if not reason:
        raise ClockError("ต้องระบุเหตุผลที่หยุดนับเวลา เช่น รอเอกสารจากผู้ร้อง")
    if complaint.is_paused:
        raise ClockError("หยุดนับเวลาอยู่แล้ว")
    if complaint.is_concluded:
        raise ClockError("เรื่องนี้ยุติแล้ว")
    today = timezone.localdate()
    with transaction.atomic():
        stop = ClockPause.objects.create(complaint=complaint, started_on=today, reason=reason[:500], by=by)
        complaint.paused_since = today
        complaint.save(update_fields=["paused_since"])
        clock.sync_matter(complaint)
        record(by, "complaint.pause", complaint, number=complaint.number, reason=reason)
    return stop


def resume(complaint, *, by) -> ClockPause:
    """Start the clock again: every due date not yet met moves by the working days it stood."""
    stop = complaint.pauses.filter(ended_on__isnull=True).last()
    if not complaint.is_paused or stop is None:
        raise ClockError("นาฬิกาไม่ได้หยุดอยู่")
    calendar = WorkingCalendar()
    today = timezone.localdate()
    days = max(0, calendar.working_days_between(stop.started_on, today))
    with transaction.atomic():
        stop.ended_on, stop.working_days = today, days
        stop.save(update_fields=["ended_on", "working_days"])
        if not complaint.acknowledged_at:
            complaint.ack_due = clock.shifted(complaint.ack_due, days, calendar)
        if not complaint.responded_at:
            complaint.answer_due = clock.shifted(complaint.answer_due, days, calendar)
        complaint.paused_since = None
        complaint.save(update_fields=["ack_due", "answer_due", "paused_since"])
        clock.sync_matter(complaint, calendar=calendar)
        record(by, "complaint.resume", complaint, number=complaint.number, working_days=days,
               answer_due=complaint.answer_due)
    return stop
