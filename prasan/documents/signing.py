"""Signing: the signer's identity checked (password again), the office's certificate opened, then
inside one transaction the register's number taken, the document printed with the signer's name,
position and electronic-signature line, and the PDF signed digitally (PAdES) — so a refusal at any
step leaves nothing numbered.

The 2564 amendment of the correspondence regulation accepts a typed name in an identity-verified
system as a signature; Prasan verifies identity by asking for the signer's password again, prints
the name and position from the signer's own profile, and seals the PDF with the office's certificate.
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

from . import certificates, office_defaults, pades, printing, signature
from .chain import ChainError
from .events import step_taken
from .forms import get_form
from .models import Document

REGISTER_FOR = {"circular": Register.CIRCULAR, "order": Register.ORDER, "announcement": Register.ANNOUNCEMENT}
SIGNERS = frozenset({Role.HEAD, Role.EXECUTIVE})
printable = printing.printable  # kept here too: pages and the API print a document's fields with it


def ready_to_sign(document: Document) -> bool:
    """Every reviewer before the executive has approved (the minister decides on the signed memo)."""
    if document.status == Document.Status.APPROVED:
        return True
    step = document.current_step()
    return document.status == Document.Status.IN_REVIEW and step is not None and step.role == Role.EXECUTIVE \
        and not document.register_entry_id


def sign(document: Document, *, by, password: str, acting_for: str = "", typed_name: str = "") -> Document:
    """Sign as ``by`` (their profile's name and position; ``acting_for`` = the position they act for).
    ``typed_name`` is accepted for older callers and not printed."""
    if by.role not in SIGNERS:
        raise ChainError("ผู้ลงนามต้องเป็นหัวหน้าสำนักงานหรือผู้บริหาร")
    if not by.check_password(password):
        raise ChainError("รหัสผ่านไม่ถูกต้อง จึงยืนยันตัวตนเพื่อลงนามไม่ได้")
    try:
        person = signature.signer_person(by, acting_for)
        certificate = certificates.load()  # before the number is taken: a bad certificate numbers nothing
    except (signature.ProfileError, certificates.CertificateError) as exc:
        raise ChainError(str(exc)) from None
    with transaction.atomic():
        locked = Document.objects.select_for_update().select_related("matter", "matter__office").get(pk=document.pk)
        if locked.register_entry_id or not ready_to_sign(locked):
            raise ChainError("เอกสารนี้ยังไม่ผ่านการตรวจ หรือลงนามไปแล้ว")
        matter = locked.matter
        spec = get_form(locked.form)
        # What is signed is what is printed: the office's defaults for parts left blank included.
        filled = office_defaults.apply(locked.fields, matter.office, locked.form)
        register = Register.SECRET if matter.is_secret else REGISTER_FOR.get(locked.form, Register.OUTGOING)
        entry = numbering.register_entry(
            matter.office, register, by=by, subject=(locked.fields.get("subject") or locked.title)[:500],
            recipient=str(filled.get("to") or "")[:300], sender=matter.office.name[:300],
            letter_date=timezone.localdate(), unit=matter.owner_unit, matter=matter, secrecy=matter.secrecy,
            action="ลงนามในระบบ",
        )
        signed_at = timezone.now()
        locked.fields = signature.signed_fields(spec, filled, number=entry.doc_number,
                                                date=entry.letter_date, person=person)
        locked.register_entry = entry
        locked.signed_by, locked.signed_name, locked.signed_at = by, person["name"], signed_at
        locked.signed_position = "\n".join(person["position"])
        locked.signature_fingerprint = signature.fingerprint(
            form=locked.form, fields=locked.fields, number=entry.doc_number, signer=by.username,
            signed_at=signed_at)
        locked.signature_certificate = certificate.subject[:200]
        locked.signature_demo = certificate.demo
        if locked.status == Document.Status.APPROVED:
            locked.status = Document.Status.SIGNED
        esign = signature.stamp(person, signed_at, locked.signature_fingerprint, demo=certificate.demo,
                                thai_digits=document_digits() == "thai")
        data = printing.printable(locked)
        pdf = printing.pdf(locked, data, esign=esign)
        try:
            pdf = pades.sign_pdf(pdf, certificate, name=person["name"],
                                 reason=f"ลงนาม{spec.title} ที่ {entry.doc_number}", location=matter.office.name)
        except Exception as exc:  # noqa: BLE001 — any failure of the digital signature undoes the number
            raise ChainError("ลงนามดิจิทัลในไฟล์ PDF ไม่สำเร็จ จึงยังไม่ออกเลข กรุณาแจ้งผู้ดูแลระบบ") from exc
        stem = f"{locked.form}-{entry.number}-{entry.year}"
        locked.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        locked.docx.save(f"{stem}.docx", ContentFile(printing.docx(locked, data, esign=esign)), save=False)
        locked.save()
        record(by, "document.sign", locked, signer=person["name"], position=person["position"],
               acting_for=signature.acting_for_clean(acting_for), register=register, number=entry.number,
               doc_number=entry.doc_number, fingerprint=locked.signature_fingerprint,
               certificate=certificate.subject, demo_certificate=certificate.demo)
        document_path.follow(matter, "signed", by=by, message=f"ลงนาม{locked.title} ที่ {entry.doc_number}")
    return locked


def _check_recipients(to: list[str], note: str) -> None:
    """What the sender typed, refused in Thai before anything is sent or saved (the page reads it unchecked)."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from prasan import hygiene

    for text in (*to, note):
        if (char := hygiene.find(text)) is not None:
            raise ChainError(hygiene.message(char), 422)
    for address in to:
        try:
            validate_email(address)
        except ValidationError:
            raise ChainError(f"อีเมลผู้รับไม่ถูกต้อง: {address[:80]}", 422) from None


def dispatch(document: Document, *, by, to: list[str], note: str = "") -> Activity:
    """Send the signed PDF by email; the matter's log and the outgoing register say so."""
    if not document.pdf:
        raise ChainError("ต้องลงนามก่อนจึงจะส่งได้")
    if not to:
        raise ChainError("กรุณาระบุอีเมลผู้รับ")
    _check_recipients(to, note)
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
