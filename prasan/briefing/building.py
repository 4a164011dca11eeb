"""Building a pack in the background (`prasan worker`): the page asks (request_build), the worker renders each part,
converts the attachments in the sandbox, puts the PDF together (assemble.py) and keeps it on the pack, writing its
progress as it goes for the progress page.

The parts are checked against the need-to-know rule twice: when the build is asked for, and again by the worker
(a matter may have become secret, or a share been withdrawn, in between). Either refusal names the parts."""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from prasan import sandbox
from prasan.audit.models import record
from prasan.documents.forms.base import FormError
from prasan.documents.output import document_file
from prasan.matters.access import may_edit
from prasan.matters.choices import Secrecy
from prasan.thai.dates import thai_date
from prasan.thai.digits import to_thai
from prasan.thai.preferences import document_digits

from . import assemble, parts, printed
from .models import Pack, Part

logger = logging.getLogger(__name__)


class BuildError(ValueError):
    """A Thai sentence for the pack's page: which part could not be made, and why."""


def may_build(user, pack: Pack) -> bool:
    """Whoever may change the pack's matter (matters.access.may_edit) may put its pack together."""
    return may_edit(user, pack.matter)


def request_build(pack: Pack, *, by) -> None:
    if pack.busy:
        raise BuildError("กำลังสร้างแฟ้มนี้อยู่ กรุณารอให้เสร็จก่อน")
    if not pack.parts.exists():
        raise BuildError("แฟ้มยังไม่มีส่วนใด เพิ่มเรื่อง เอกสาร คำตอบ หรือไฟล์แนบก่อนสร้างแฟ้ม")
    refusals = parts.refused(by, pack)
    if refusals:
        raise BuildError(parts.refusal_message(refusals))
    with transaction.atomic():
        Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.QUEUED, progress=0, progress_label="รอคิว",
                                               error="", built_by=by, touched_at=timezone.now())
        record(by, "briefing.build", pack, parts=pack.parts.count())
        pk = pack.pk
        transaction.on_commit(lambda: build_task.enqueue(pk))


@task()
def build_task(pack_id: int) -> None:
    build(pack_id)


def build(pack_id: int) -> None:
    pack = Pack.objects.select_related("matter__office", "built_by").get(pk=pack_id)
    if pack.status not in (Pack.Status.QUEUED, Pack.Status.BUILDING):
        return
    started = time.monotonic()
    _progress(pack, 1, "เริ่มสร้างแฟ้ม", Pack.Status.BUILDING)
    try:
        refusals = parts.refused(pack.built_by, pack) if pack.built_by else []
        if refusals:
            raise BuildError(parts.refusal_message(refusals))
        with tempfile.TemporaryDirectory(prefix="prasan-pack-") as work:
            content, total, chapters, secrecy = _make(pack, Path(work))
    except BuildError as error:
        _fail(pack, str(error))
        return
    except Exception as exc:  # noqa: BLE001 — the pack page must say it failed, never spin for ever
        logger.exception("briefing pack %s could not be built", pack_id)
        _fail(pack, f"สร้างแฟ้มไม่สำเร็จ ({type(exc).__name__}) กรุณาลองใหม่ หรือแจ้งผู้ดูแลระบบ")
        return
    seconds = time.monotonic() - started
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        pack.refresh_from_db()
        old = pack.pdf.name if pack.pdf else ""
        pack.pdf.save(f"pack-{pack.pk}-{digest[:12]}.pdf", ContentFile(content), save=False)
        pack.status, pack.progress, pack.progress_label, pack.error = Pack.Status.DONE, 100, "สร้างแฟ้มเสร็จแล้ว", ""
        pack.secrecy, pack.pages, pack.sha256, pack.seconds = secrecy, total, digest, round(seconds, 2)
        pack.built_at = pack.touched_at = timezone.now()
        pack.save()
        for chapter, part in chapters:
            Part.objects.filter(pk=part.pk).update(start_page=chapter.start, pages=chapter.pages)
        record(pack.built_by, "briefing.built", pack, pages=total, secrecy=secrecy, sha256=digest,
               seconds=round(seconds, 2), parts=len(chapters))
    if old and old != pack.pdf.name:
        pack.pdf.storage.delete(old)


def _make(pack: Pack, work: Path):
    thai = document_digits() == "thai"
    items = list(parts.parts_of(pack))
    secrecy = max((part.matter.secrecy for part in items), default=Secrecy.NORMAL)
    # 1. the attachments (and the answers' files), converted together in one sandboxed process
    jobs, where = [], {}
    for part in items:
        for matter_file in _files_of(part):
            source = work / f"in-{matter_file.pk}"
            with matter_file.file.open("rb") as handle, source.open("wb") as out:
                shutil.copyfileobj(handle, out)
            where[matter_file.pk] = len(jobs)
            jobs.append([str(source), matter_file.content_type, matter_file.name, str(work / f"file-{matter_file.pk}.pdf")])
    converted = _convert(pack, jobs) if jobs else []
    # 2. the parts in order
    chapters = []
    for index, part in enumerate(items, start=1):
        _progress(pack, 40 + int(40 * index / len(items)), f"ส่วนที่ {index}/{len(items)}: {part.title[:80]}")
        chapter = assemble.Chapter(part.position, part.get_kind_display(), part.title)
        for path, title in _sections(part, work, thai):
            chapter.sections.append(assemble.Section(path, title, assemble_pages(path)))
        for matter_file in _files_of(part):
            outcome = converted[where[matter_file.pk]]
            if "error" in outcome:
                raise BuildError(f"ส่วนที่ {part.position} ({part.get_kind_display()}: {part.title[:80]}): "
                                 f"{outcome['error']}")
            chapter.sections.append(assemble.Section(jobs[where[matter_file.pk]][3], matter_file.name,
                                                     outcome["pages"]))
        chapters.append((chapter, part))
    # 3. together
    _progress(pack, 85, "กำลังรวมแฟ้ม ใส่เลขหน้า ชั้นความลับ และที่คั่นหน้า")
    context = _context(pack, len(items), secrecy, thai)

    def progress(done, total):
        _progress(pack, 85 + int(14 * done / max(total, 1)), f"กำลังรวมแฟ้ม หน้า {done}/{total}")

    content, total = assemble.assemble(context, [c for c, _ in chapters], thai=thai, progress=progress)
    return content, total, chapters, secrecy


def assemble_pages(path: str) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _files_of(part: Part) -> list:
    if part.kind == Part.Kind.FILE:
        return [part.matter_file]
    if part.kind == Part.Kind.ANSWER:
        return [f for f in part.agency_request.files.order_by("uploaded_at", "id") if parts.printable(f)]
    return []


def _sections(part: Part, work: Path, thai: bool) -> list[tuple[str, str]]:
    """The PDFs the worker itself renders for the part (the attachments come from the sandbox)."""
    path = work / f"part-{part.pk}.pdf"
    if part.kind == Part.Kind.MATTER:
        path.write_bytes(printed.matter_pdf(part.matter, thai=thai))
    elif part.kind == Part.Kind.DOCUMENT:
        try:
            content, _type, _name = document_file(part.document, "pdf")
        except FormError as error:
            raise BuildError(f"ส่วนที่ {part.position} (เอกสาร: {part.title[:80]}) ยังพิมพ์ไม่ได้: {error}") from error
        path.write_bytes(content)
    elif part.kind == Part.Kind.ANSWER:
        path.write_bytes(printed.answer_pdf(part.agency_request, _files_of(part), thai=thai))
    else:
        return []
    return [(str(path), part.title)]


def _convert(pack: Pack, jobs: list) -> list[dict]:
    from prasan.briefing import convert

    def progress(done, total):
        _progress(pack, 5 + int(35 * done / max(total, 1)), f"แปลงไฟล์แนบ {done}/{total}")

    try:
        outcome = sandbox.call(f"{convert.__name__}.convert_all", jobs, getattr(settings, "BRIEFING_OFFICE", True),
                               limits=sandbox.Limits.from_settings(),
                               progress=progress)
    except sandbox.SandboxError as error:
        raise BuildError(f"แปลงไฟล์แนบไม่สำเร็จ: {error.message}") from error
    return outcome.value


def _context(pack: Pack, count: int, secrecy: int, thai: bool) -> dict:
    built_by = pack.built_by.display_name if pack.built_by else ""
    now = timezone.localtime()
    stamp = f"{thai_date(now, thai_digits=thai)} เวลา {now:%H:%M} น."
    return {
        "title": pack.title, "office": pack.matter.office.name if pack.matter.office else "",
        "occasion": " ".join(x for x in (pack.get_occasion_display(), pack.occasion_text) if x),
        "occasion_on": thai_date(pack.occasion_on, thai_digits=thai) if pack.occasion_on else "",
        "matter_number": pack.matter.number, "mark": Secrecy(secrecy).label if secrecy else "",
        "built_at": to_thai(stamp) if thai else stamp, "built_by": built_by,
        "parts_count": to_thai(str(count)) if thai else count, "pages_text": "",
    }


def _progress(pack: Pack, percent: int, label: str, status: str | None = None) -> None:
    update = {"progress": min(percent, 99), "progress_label": label[:200], "touched_at": timezone.now()}
    if status:
        update["status"] = status
    Pack.objects.filter(pk=pack.pk).update(**update)


def _fail(pack: Pack, message: str) -> None:
    Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.FAILED, error=message, progress=0,
                                           progress_label="", touched_at=timezone.now())
    record(pack.built_by, "briefing.failed", pack, error=message[:500])


ABANDONED = "ระบบหยุดกลางคันทุกครั้งที่สร้างแฟ้มนี้ ({} ครั้ง) จึงเลิกสร้าง ตรวจส่วนที่ใหญ่ผิดปกติแล้วกดสร้างแฟ้มอีกครั้ง"


def on_task_finished(sender, task_result, **kwargs) -> None:
    """A build whose worker died TASK_MAX_ATTEMPTS times (prasan.tasks.leases) is failed, with the button to try
    again, instead of showing "building" for ever."""
    if task_result.task.func is not build_task.func or task_result.status != "FAILED":
        return
    pack_id = (task_result.args or [None])[0]
    Pack.objects.filter(pk=pack_id, status__in=[Pack.Status.QUEUED, Pack.Status.BUILDING]).update(
        status=Pack.Status.FAILED, progress=0, touched_at=timezone.now(),
        error=ABANDONED.format(len(task_result.worker_ids)))
