"""Receiving a letter: keep the file, read it in the background (in a sandbox), then a person confirms.

On confirmation one transaction creates the incoming register entry and the matter (or attaches the
letter to the matter whose outgoing letter it answers) — nothing is ever half-registered.
"""

import hashlib
import logging
import re
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from prasan import sandbox
from prasan.audit.models import record
from prasan.thai.digits import to_arabic

from .models import LetterIntake, Register, RegisterEntry

logger = logging.getLogger(__name__)



class ReceiveError(ValueError):
    """A Thai sentence for the person at the desk."""


def receive(upload, *, by) -> LetterIntake:
    """Store the file and queue its reading. Nothing of the file is parsed or rendered here, in the web
    process: every kind, text and DOCX included, is read by the worker in a sandbox (prasan.sandbox)."""
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
    queue(intake)
    return intake


def queue(intake: LetterIntake) -> None:
    """(Re)start the reading once the intake is committed, so the worker finds it."""
    pk = intake.pk
    transaction.on_commit(lambda: process_intake.enqueue(pk))


@task()
def process_intake(intake_id: int) -> None:
    read(intake_id)


def read(intake_id: int) -> None:
    """Read the letter in the sandbox, saving progress as it goes; any failure is kept as a Thai message.

    A PROCESSING intake is read again: its worker died mid-way and the task was queued anew (prasan.tasks)."""
    from .intake import pipeline

    intake = LetterIntake.objects.get(pk=intake_id)
    if intake.status not in (LetterIntake.Status.QUEUED, LetterIntake.Status.PROCESSING,
                             LetterIntake.Status.FAILED):
        return
    _progress(intake, 1, "กำลังอ่านเอกสาร", LetterIntake.Status.PROCESSING)

    def progress(done, total, label=""):
        _progress(intake, min(95, int(100 * done / max(total, 1))), label or f"หน้า {done}/{total}")

    with tempfile.TemporaryDirectory(prefix="prasan-intake-") as work:
        source, shown = Path(work) / "letter", Path(work) / "previews"
        shown.mkdir()
        with intake.file.open("rb") as handle, source.open("wb") as out:
            shutil.copyfileobj(handle, out)
        try:
            outcome = sandbox.call(f"{pipeline.__name__}.run_file", str(source), intake.name, str(shown),
                                   limits=sandbox.Limits.from_settings(), progress=progress)
        except sandbox.SandboxError as exc:
            logger.warning("intake %s refused (%s) after %.1f s, peak %d KB", intake.pk, exc.code, exc.seconds,
                           exc.peak_kb)
            fail(intake, exc.message)
            return
        except Exception as exc:  # noqa: BLE001 — a broken file must never lose the upload or crash the worker
            logger.exception("intake %s could not be read", intake.pk)
            fail(intake, f"อ่านไฟล์ไม่ได้ ({type(exc).__name__}) กรุณาลงทะเบียนด้วยตนเองจากไฟล์ที่เก็บไว้")
            return
        result = outcome.value
        logger.info("intake %s read in %.1f s, peak %d KB", intake.pk, outcome.seconds, outcome.peak_kb)
        previews = _keep_previews(intake, shown, result["previews"])
    LetterIntake.objects.filter(pk=intake.pk).update(
        status=LetterIntake.Status.READY, progress=100, progress_label="อ่านเสร็จแล้ว", text=result["text"],
        fields=result["fields"], confidence=result["confidence"], ocr_used=result["ocr_used"],
        content_type=result["content_type"], error="\n".join(result["warnings"]), previews=previews,
        touched_at=timezone.now())
    # update() sends no signal: tell the search index the letter's text is in.
    from prasan.search.index import changed

    changed("letter", [intake.pk])


ABANDONED = ("ระบบหยุดกลางคันทุกครั้งที่อ่านไฟล์นี้ ({} ครั้ง) จึงเลิกอ่าน กดลองใหม่ภายหลัง "
             "หรือลงทะเบียนด้วยตนเองจากไฟล์ที่เก็บไว้")


def on_task_finished(sender, task_result, **kwargs) -> None:
    """A reading whose worker died TASK_MAX_ATTEMPTS times (prasan.tasks.leases) is failed, with retry and
    discard, instead of showing "processing" forever."""
    if task_result.task.func is not process_intake.func or task_result.status != "FAILED":
        return
    intake_id = (task_result.args or [None])[0]
    LetterIntake.objects.filter(pk=intake_id, status__in=[LetterIntake.Status.QUEUED, LetterIntake.Status.PROCESSING]
                                ).update(status=LetterIntake.Status.FAILED, progress=0, touched_at=timezone.now(),
                                         error=ABANDONED.format(len(task_result.worker_ids)))


def fail(intake: LetterIntake, message: str) -> None:
    LetterIntake.objects.filter(pk=intake.pk).update(status=LetterIntake.Status.FAILED, error=message, progress=0,
                                                     touched_at=timezone.now())


def preview_name(intake: LetterIntake, page: int) -> str:
    return f"intake/previews/{intake.pk}/page-{page}.png"


def _keep_previews(intake: LetterIntake, folder: Path, count: int) -> int:
    for page in range(1, count + 1):
        name = preview_name(intake, page)
        default_storage.delete(name)
        default_storage.save(name, ContentFile((folder / f"page-{page}.png").read_bytes()))
    return count


def _progress(intake, percent: int, label: str, status: str | None = None) -> None:
    update = {"progress": percent, "progress_label": label[:200], "touched_at": timezone.now()}
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
