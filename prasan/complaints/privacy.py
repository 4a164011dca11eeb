"""The complainants' rights and the office's duties under the PDPA: a data subject's export and correction, the
retention that anonymises complainants N years after their complaint ended (run by `prasan tick`), the record of
processing activities, and the breach register's 72-hour clock.
"""

import datetime as dt
import logging
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.utils import timezone

from prasan.audit.models import record
from prasan.thai.digits import to_arabic

from .choices import LAWFUL_BASES
from .masking import scrub
from .models import Breach, Complaint, Policy

log = logging.getLogger(__name__)
PERSONAL_FIELDS = ("complainant_name", "complainant_phone", "complainant_email", "complainant_address",
                   "complainant_line_id")
CORRECTABLE = {"name": "complainant_name", "phone": "complainant_phone", "email": "complainant_email",
               "address": "complainant_address", "line_id": "complainant_line_id"}
ANONYMISED_NAME = ""


# -- the data subject's requests ---------------------------------------------------------------------


def complaints_of(office, *, name: str = "", phone: str = "", email: str = ""):
    """The complaints held about one person, found by any of their name, phone or e-mail as they gave it."""
    rule = Q()
    complaints = Complaint.objects.all()
    if name.strip():
        rule |= Q(complainant_name__icontains=name.strip())
    if phone.strip():
        # However it was written (081-234-5678, 081 234 5678, 0812345678): compared as digits.
        digits = "".join(ch for ch in to_arabic(phone) if ch.isdigit())
        complaints = complaints.annotate(phone_digits=Replace(Replace(Replace(
            "complainant_phone", Value("-"), Value("")), Value(" "), Value("")), Value("."), Value("")))
        rule |= Q(phone_digits__contains=digits[-9:]) if len(digits) >= 9 else Q(complainant_phone=phone.strip())
    if email.strip():
        rule |= Q(complainant_email__iexact=email.strip())
    if not rule:
        return Complaint.objects.none()
    return (complaints.filter(rule, office=office, anonymised_at__isnull=True)
            .select_related("matter__office", "category").order_by("received_at", "id"))


SUBJECT_HEADER = ["เลขที่เรื่อง", "รับเรื่องเมื่อ", "ช่องทาง", "เลขอ้างอิงของช่องทาง", "เรื่อง", "รายละเอียด",
                  "ผู้ถูกร้อง", "จังหวัด", "อำเภอ/เขต", "สิ่งที่ขอ", "ชื่อผู้ร้อง", "โทรศัพท์", "อีเมล", "ที่อยู่",
                  "ไอดี LINE", "ขอไม่เปิดเผยตัวตน", "ยินยอมเปิดเผยชื่อแก่หน่วยงาน", "ฐานทางกฎหมาย", "ผลการพิจารณา",
                  "ยุติเรื่องเมื่อ", "การแจ้งผู้ร้อง", "หน่วยงานที่ได้รับสำเนาเรื่อง"]


def subject_rows(complaints, *, by) -> list[list]:
    """Everything held about the person, one row per complaint, for their copy (audited as an export)."""
    bases = dict(LAWFUL_BASES)
    rows = []
    complaints = list(complaints.prefetch_related("replies", "forwardings__request__agency"))
    for c in complaints:
        replies = "; ".join(f"{r.get_kind_display()} ({r.get_via_display()}) {timezone.localtime(r.sent_at):%Y-%m-%d}"
                            for r in c.replies.all())
        agencies = "; ".join(f.request.agency.name + (" (เปิดเผยชื่อ)" if f.identity_disclosed else " (ปกปิดชื่อ)")
                             for f in c.forwardings.all())
        rows.append([c.number, c.received_at, c.get_channel_display(), c.channel_ref, c.subject, c.details,
                     c.about, c.province, c.district, c.asked_for, c.complainant_name, c.complainant_phone,
                     c.complainant_email, c.complainant_address, c.complainant_line_id, c.anonymous,
                     c.disclose_to_agency, bases.get(c.lawful_basis, c.lawful_basis),
                     c.get_result_display() if c.result else "", c.concluded_at, replies, agencies])
    if complaints:
        record(by, "complainant.subject_export", ("complaints.complaint", complaints[0].pk),
               complaints=[c.pk for c in complaints])
    return rows


def correct(complaint, *, by, changes: dict, reason: str) -> list[str]:
    """The data subject's correction of their name or contact, with the reason; audited (which fields, not the
    values, so the log holds no personal data)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "กรุณาระบุเหตุที่แก้ไข เช่น ผู้ร้องขอแก้ไขหมายเลขโทรศัพท์"})
    if complaint.anonymised_at:
        raise ValidationError("ข้อมูลผู้ร้องของเรื่องนี้ถูกลบตามกำหนดเก็บรักษาแล้ว")
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationError({name: "แก้ไขช่องนี้ไม่ได้" for name in sorted(unknown)})
    changed = []
    for key, value in changes.items():
        field = CORRECTABLE[key]
        value = (value or "").strip()
        if getattr(complaint, field) != value:
            setattr(complaint, field, value)
            changed.append(field)
    if not changed:
        return []
    complaint.full_clean(exclude=["matter", "office", "category", "created_by", "public_code_hash", "related"])
    with transaction.atomic():
        complaint.save(update_fields=changed)
        matter = complaint.matter
        matter.description = scrub(complaint.details, complaint)
        matter.save(update_fields=["description", "updated_at"])
        record(by, "complainant.correct", complaint, number=complaint.number, fields=changed, reason=reason)
    return changed


# -- retention -----------------------------------------------------------------------------------------


def due_for_anonymising(office, now: dt.datetime):
    years = Policy.of(office).retention_years
    cutoff = now - dt.timedelta(days=round(365.25 * years))
    return Complaint.objects.filter(office=office, concluded_at__isnull=False, concluded_at__lte=cutoff,
                                    anonymised_at__isnull=True)


def anonymise(complaint, *, now: dt.datetime, by="ระบบ (กำหนดเก็บรักษาข้อมูล)") -> None:
    """Take the complainant out of the complaint for good; what was complained of, and what was done, stay."""
    with transaction.atomic():
        complaint.details = scrub(complaint.details, complaint)
        complaint.asked_for = scrub(complaint.asked_for, complaint)
        for reply in complaint.replies.all():
            reply.text, reply.address = scrub(reply.text, complaint), ""
            reply.save(update_fields=["text", "address"])
        for field in PERSONAL_FIELDS:
            setattr(complaint, field, "")
        complaint.anonymised_at = now
        complaint.save(update_fields=[*PERSONAL_FIELDS, "details", "asked_for", "anonymised_at"])
        record(by, "complainant.anonymise", complaint, number=complaint.number)


def run_retention(now: dt.datetime | None = None) -> Counter:
    """Anonymise every complainant whose complaint ended more than the office's retention years ago; log it.
    Safe to run at every tick: the ones done are marked, so each is done once."""
    from prasan.directory.models import Office

    now = now or timezone.now()
    done = 0
    for office in Office.objects.all():
        for complaint in due_for_anonymising(office, now).select_related("matter__office")[:500]:
            anonymise(complaint, now=now)
            done += 1
    if done:
        log.info("ลบข้อมูลระบุตัวผู้ร้องตามกำหนดเก็บรักษาแล้ว %d เรื่อง", done)
    return Counter(complainants_anonymised=done)


# -- the record of processing activities (มาตรา ๓๙) ----------------------------------------------------


ROPA_HEADER = ["กิจกรรมการประมวลผล", "วัตถุประสงค์", "ผู้ควบคุมข้อมูลส่วนบุคคล", "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล",
               "ประเภทเจ้าของข้อมูล", "ข้อมูลส่วนบุคคลที่เก็บ", "แหล่งที่มา", "ฐานทางกฎหมาย", "ผู้รับข้อมูล",
               "ระยะเวลาเก็บรักษา", "มาตรการรักษาความมั่นคงปลอดภัย", "จำนวนเรื่องที่ยังเก็บข้อมูลผู้ร้อง",
               "จำนวนเรื่องที่ลบข้อมูลผู้ร้องแล้ว"]


def ropa_rows(office) -> list[list]:
    policy = Policy.of(office)
    held = Complaint.objects.filter(office=office, anonymised_at__isnull=True).count()
    gone = Complaint.objects.filter(office=office, anonymised_at__isnull=False).count()
    return [[
        "รับและพิจารณาเรื่องร้องทุกข์ ร้องเรียน และคำขอความช่วยเหลือต่อรัฐมนตรี",
        "พิจารณาเรื่อง ส่งหน่วยงานตรวจสอบข้อเท็จจริง ติดตาม และแจ้งผลแก่ผู้ร้อง",
        policy.controller or office.name, policy.dpo_contact or "—",
        "ผู้ร้องเรียน/ผู้ร้องทุกข์ และบุคคลที่ถูกกล่าวถึงในเรื่อง",
        "ชื่อ-สกุล โทรศัพท์ อีเมล ที่อยู่ ไอดี LINE และข้อมูลในเรื่องร้องเรียน (เลขประจำตัวประชาชนที่พิมพ์มาถูกปกปิด)",
        "ผู้ร้องโดยตรง (หนังสือ อีเมล มาด้วยตนเอง โทรศัพท์ แบบฟอร์มบนเว็บไซต์) ศูนย์บริการประชาชน 1111 "
        "ศูนย์รับเรื่องร้องเรียนของกระทรวง Traffy Fondue และหน่วยงานที่ส่งต่อ",
        dict(LAWFUL_BASES)[policy.lawful_basis],
        "หน่วยงานที่เกี่ยวข้องได้รับสาระของเรื่องโดยไม่มีชื่อและช่องทางติดต่อของผู้ร้อง เว้นแต่ผู้ร้องยินยอมเปิดเผยชื่อ",
        f"{policy.retention_years} ปีนับแต่ยุติเรื่อง แล้วลบข้อมูลระบุตัวผู้ร้องโดยอัตโนมัติ",
        "เห็นข้อมูลผู้ร้องเฉพาะผู้ได้รับสิทธิ์ “เห็นข้อมูลผู้ร้อง” รายบุคคล ผู้อื่นเห็นแบบปกปิด "
        "การเปิดดูทุกครั้งบันทึกในบันทึกตรวจสอบพร้อมเหตุผล ดัชนีค้นหาไม่เก็บช่องทางติดต่อ ชั้นความลับตามเรื่อง",
        held, gone,
    ]]


# -- breaches --------------------------------------------------------------------------------------------


def record_breach(office, *, by, title: str, description: str = "", discovered_at=None, risk: str = "risk",
                  persons_affected: int = 0, measures: str = "", complaints=()) -> Breach:
    """The breach, with the complaints it touched."""
    if not (title or "").strip():
        raise ValidationError({"title": "กรุณาระบุเหตุการณ์"})
    breach = Breach(office=office, title=title.strip()[:300], description=description or "",
                    discovered_at=discovered_at or timezone.now(), risk=risk, persons_affected=persons_affected or 0,
                    measures=measures or "", created_by=by)
    breach.full_clean()
    with transaction.atomic():
        breach.save()
        breach.complaints.set(complaints)
        record(by, "breach.create", breach, risk=risk, persons=breach.persons_affected,
               report_due=breach.report_due, complaints=[c.matter_id for c in complaints])
    return breach


def mark_reported(breach, *, by, subjects_too: bool = False) -> None:
    now = timezone.now()
    with transaction.atomic():
        breach.reported_at = breach.reported_at or now
        if subjects_too:
            breach.subjects_notified_at = breach.subjects_notified_at or now
        breach.save(update_fields=["reported_at", "subjects_notified_at"])
        record(by, "breach.report", breach, late=breach.reported_at > breach.report_due,
               subjects=bool(breach.subjects_notified_at))



