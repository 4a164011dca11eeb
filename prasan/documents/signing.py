"""Signing (typed name by an identity-verified user), numbering from the register, rendering, dispatch.

The 2564 amendment of the correspondence regulation accepts a typed name in an identity-verified
system as a signature; Prasan verifies identity by asking for the signer's password again.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.coordination.models import Activity, Channel
from prasan.coordination.sending import SendError, send_email
from prasan.correspondence import numbering
from prasan.correspondence.models import Register
from prasan.matters import document_path
from prasan.thai.dates import shown_datetime
from prasan.thai.preferences import document_digits

from .chain import ChainError
from .events import step_taken
from .forms import get_form
from .models import Document, ReviewStep
from .render.docx import render_docx
from .render.html import render_pdf

REGISTER_FOR = {"circular": Register.CIRCULAR, "order": Register.ORDER, "announcement": Register.ANNOUNCEMENT}
SIGNERS = frozenset({Role.HEAD, Role.EXECUTIVE})


def ready_to_sign(document: Document) -> bool:
    """Every reviewer before the executive has approved (the minister decides on the signed memo)."""
    if document.status == Document.Status.APPROVED:
        return True
    step = document.current_step()
    return document.status == Document.Status.IN_REVIEW and step is not None and step.role == Role.EXECUTIVE \
        and not document.register_entry_id


def printable(document: Document) -> dict:
    """The fields as printed: the review column filled from the chain's approvals."""
    fields = dict(document.fields)
    names = {f.name for f in get_form(document.form).fields}
    if "reviewers" in names:
        approved = document.steps.filter(status=ReviewStep.Status.APPROVED).exclude(role=Role.EXECUTIVE)
        fields["reviewers"] = [
            {"name": s.name, "position": s.position or s.role_label, "date": timezone.localtime(s.decided_at).date().isoformat()}
            for s in approved.order_by("round", "order")
        ] or fields.get("reviewers") or []
    return fields


def sign(document: Document, *, by, typed_name: str, password: str) -> Document:
    if by.role not in SIGNERS:
        raise ChainError("ผู้ลงนามต้องเป็นหัวหน้าสำนักงานหรือผู้บริหาร")
    if not typed_name.strip():
        raise ChainError("กรุณาพิมพ์ชื่อผู้ลงนาม")
    if not by.check_password(password):
        raise ChainError("รหัสผ่านไม่ถูกต้อง จึงยืนยันตัวตนเพื่อลงนามไม่ได้")
    with transaction.atomic():
        locked = Document.objects.select_for_update().select_related("matter", "matter__office").get(pk=document.pk)
        if locked.register_entry_id or not ready_to_sign(locked):
            raise ChainError("เอกสารนี้ยังไม่ผ่านการตรวจ หรือลงนามไปแล้ว")
        matter = locked.matter
        register = Register.SECRET if matter.is_secret else REGISTER_FOR.get(locked.form, Register.OUTGOING)
        entry = numbering.register_entry(
            matter.office, register, by=by, subject=(locked.fields.get("subject") or locked.title)[:500],
            recipient=str(locked.fields.get("to") or "")[:300], sender=matter.office.name[:300],
            letter_date=timezone.localdate(), unit=matter.owner_unit, matter=matter, secrecy=matter.secrecy,
            action="ลงนามในระบบ",
        )
        names = {f.name for f in get_form(locked.form).fields}
        fields = dict(locked.fields)
        for name in ("doc_number", "number"):
            if name in names:
                fields[name] = entry.doc_number
        if "date" in names:
            fields["date"] = entry.letter_date.isoformat()
        locked.fields = fields
        locked.register_entry = entry
        locked.signed_by, locked.signed_name, locked.signed_at = by, typed_name.strip(), timezone.now()
        if locked.status == Document.Status.APPROVED:
            locked.status = Document.Status.SIGNED
        data = printable(locked)
        stem = f"{locked.form}-{entry.number}-{entry.year}"
        office = locked.matter.office.name  # the files' author (PDF/A metadata, DOCX properties)
        digits = document_digits()
        locked.pdf.save(f"{stem}.pdf", ContentFile(render_pdf(locked.form, data, office=office, digits=digits)),
                        save=False)
        locked.docx.save(f"{stem}.docx", ContentFile(render_docx(locked.form, data, office=office, digits=digits)),
                         save=False)
        locked.save()
        record(by, "document.sign", locked, typed_name=locked.signed_name, register=register,
               number=entry.number, doc_number=entry.doc_number)
        document_path.follow(matter, "signed", by=by, message=f"ลงนาม{locked.title} ที่ {entry.doc_number}")
    return locked


def dispatch(document: Document, *, by, to: list[str], note: str = "") -> Activity:
    """Send the signed PDF by email; the matter's log and the outgoing register say so."""
    if not document.pdf:
        raise ChainError("ต้องลงนามก่อนจึงจะส่งได้")
    if not to:
        raise ChainError("กรุณาระบุอีเมลผู้รับ")
    matter = document.matter
    subject = f"[{document.register_entry.doc_number}] {document.fields.get('subject') or document.title}"
    if matter.is_secret:
        subject = f"[{document.register_entry.doc_number}] หนังสือชั้นความลับ"
    with document.pdf.open("rb") as handle:
        pdf = handle.read()
    body = note or "ส่งหนังสือตามไฟล์แนบ"
    activity = Activity(matter=matter, by=by, channel=Channel.EMAIL, address=", ".join(to)[:200],
                        summary=f"ส่ง{document.title} ที่ {document.register_entry.doc_number}")
    try:
        for address in to:
            send_email(address, subject, body, attachments=[(f"{document.register_entry.doc_number}.pdf".replace("/", "-"),
                                                            pdf, "application/pdf")])
        activity.delivery, activity.delivery_detail = Activity.Delivery.SENT, f"ส่งถึง {', '.join(to)} แล้ว"
    except SendError as exc:
        activity.delivery, activity.delivery_detail = Activity.Delivery.FAILED, str(exc)
    with transaction.atomic():
        activity.save()
        if activity.delivery == Activity.Delivery.SENT:
            entry = document.register_entry
            entry.action = f"ส่งทางอีเมลถึง {', '.join(to)} เมื่อ {shown_datetime(timezone.now())}"[:500]
            entry.save(update_fields=["action"])
            Document.objects.filter(pk=document.pk).update(status=Document.Status.DISPATCHED,
                                                           dispatched_at=timezone.now())
            document_path.follow(matter, "dispatched", by=by, message=activity.summary)
            step_taken.send(Document, document=document, step="dispatched", by=by, comment="")
        record(by, "document.dispatch", document, to=to, delivery=activity.delivery)
    return activity
