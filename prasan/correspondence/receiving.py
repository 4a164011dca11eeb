"""Receiving a letter: keep the file, read it (OCR in the background when scanned), then a person confirms.

On confirmation one transaction creates the incoming register entry and the matter (or attaches the
letter to the matter whose outgoing letter it answers) — nothing is ever half-registered.
"""

import hashlib
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from prasan.audit.models import record
from prasan.thai.digits import to_arabic

from .models import LetterIntake, Register, RegisterEntry

INLINE_EXTENSIONS = (".txt", ".docx")


class ReceiveError(ValueError):
    """A Thai sentence for the person at the desk."""


def receive(upload, *, by) -> LetterIntake:
    """Store the file and start reading it. Text and DOCX are read at once; PDFs and images in the background."""
    if upload.size == 0:
        raise ReceiveError("ไฟล์ว่างเปล่า")
    if upload.size > settings.FILE_UPLOAD_MAX_BYTES:
        raise ReceiveError(f"ไฟล์ใหญ่เกิน {settings.FILE_UPLOAD_MAX_BYTES // (1024 * 1024)} MB")
    data = b"".join(upload.chunks())
    digest = hashlib.sha256(data).hexdigest()
    intake = LetterIntake(name=upload.name[:255], sha256=digest, size=len(data), created_by=by,
                          duplicate_of=LetterIntake.objects.filter(sha256=digest).order_by("id").first())
    intake.file.save(f"{digest[:16]}-{timezone.now():%H%M%S}.bin", ContentFile(data), save=False)
    intake.save()
    record(by, "intake.receive", intake, name=intake.name, sha256=digest)
    if intake.name.lower().endswith(INLINE_EXTENSIONS):
        read(intake.pk)
    else:
        transaction.on_commit(lambda: process_intake.enqueue(intake.pk))
    intake.refresh_from_db()
    return intake


@task()
def process_intake(intake_id: int) -> None:
    read(intake_id)


def read(intake_id: int) -> None:
    """Run the intake pipeline, saving progress as it goes; any failure is kept as a Thai message."""
    from .intake.errors import IntakeError
    from .intake.pipeline import run

    intake = LetterIntake.objects.get(pk=intake_id)
    if intake.status not in (LetterIntake.Status.QUEUED, LetterIntake.Status.FAILED):
        return
    _progress(intake, 1, "กำลังอ่านเอกสาร", LetterIntake.Status.PROCESSING)

    def progress(done, total, label=""):
        _progress(intake, min(95, int(100 * done / max(total, 1))), label or f"หน้า {done}/{total}")

    try:
        with intake.file.open("rb") as handle:
            result = run(handle.read(), intake.name, progress=progress)
    except IntakeError as exc:
        LetterIntake.objects.filter(pk=intake.pk).update(status=LetterIntake.Status.FAILED, error=str(exc), progress=0)
        return
    except Exception as exc:  # noqa: BLE001 — a broken file must never lose the upload or crash the worker
        LetterIntake.objects.filter(pk=intake.pk).update(
            status=LetterIntake.Status.FAILED, progress=0,
            error=f"อ่านไฟล์ไม่ได้ ({type(exc).__name__}) กรุณาลงทะเบียนด้วยตนเองจากไฟล์ที่เก็บไว้")
        return
    LetterIntake.objects.filter(pk=intake.pk).update(
        status=LetterIntake.Status.READY, progress=100, progress_label="อ่านเสร็จแล้ว", text=result.text,
        fields=result.fields, confidence=result.confidence, ocr_used=result.ocr_used,
        content_type=result.content_type, error="\n".join(result.warnings))
    # update() sends no signal: tell the search index the letter's text is in.
    from prasan.search.index import changed

    changed("letter", [intake.pk])


def _progress(intake, percent: int, label: str, status: str | None = None) -> None:
    update = {"progress": percent, "progress_label": label[:200]}
    if status:
        update["status"] = status
    LetterIntake.objects.filter(pk=intake.pk).update(**update)


DOC_NUMBER = re.compile(r"[ก-ฮ]{1,4}\.?\s*[0-9.]+\s*/\s*(?:ว\s*)?[0-9]+")


def _compact(text: str) -> str:
    return to_arabic(text).replace(" ", "").replace(".", "")


def matching_outgoing(references: list[str]) -> RegisterEntry | None:
    """Our outgoing letter that an incoming letter's อ้างถึง cites, if any (Thai or Arabic digits alike)."""
    for text in references or []:
        for number in DOC_NUMBER.findall(to_arabic(text)):
            tail = number.split("/")[-1].strip()
            wanted = _compact(number)
            for entry in (RegisterEntry.objects.filter(register__in=[Register.OUTGOING, Register.CIRCULAR],
                                                       doc_number__endswith=tail, matter__isnull=False)
                          .select_related("matter")[:20]):
                if _compact(entry.doc_number) == wanted:
                    return entry
    return None
