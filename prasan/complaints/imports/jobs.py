"""Imports run by the worker: the page stores the upload and queues it (nothing of the file is parsed in the web
process); the worker reads it in the sandbox, files each row, and writes its progress as it goes, which the page
shows until the report is in."""

import logging
import shutil
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from prasan import sandbox
from prasan.directory.models import Office

from . import run, tables
from .models import ImportRun

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 10  # rows between two progress writes
READ_LIMITS = {"memory_mb": 768, "cpu_seconds": 120, "wall_seconds": 180}


def start(upload, *, by, dry_run: bool) -> ImportRun:
    if upload.size > tables.MAX_BYTES:
        raise tables.TableError(f"ไฟล์ใหญ่เกิน {tables.MAX_BYTES // (1024 * 1024)} เมกะไบต์: แบ่งไฟล์แล้วนำเข้าทีละส่วน")
    if upload.size == 0:
        raise tables.TableError("ไฟล์ว่างเปล่า")
    job = ImportRun(name=upload.name[:255], size=upload.size, dry_run=dry_run, created_by=by)
    job.file.save(f"{timezone.now():%Y%m%d-%H%M%S}.bin", ContentFile(b"".join(upload.chunks())), save=False)
    job.save()
    pk = job.pk
    transaction.on_commit(lambda: import_task.enqueue(pk))
    return job


@task()
def import_task(run_id: int) -> None:
    execute(run_id)


def execute(run_id: int) -> None:
    job = ImportRun.objects.get(pk=run_id)
    if job.status == ImportRun.Status.DONE:
        return  # a task queued again after its worker died: rows done are skipped anyway, but nothing is left
    ImportRun.objects.filter(pk=run_id).update(status=ImportRun.Status.RUNNING)
    try:
        table = _read(job)
        system = run.system_of(table)
    except (tables.TableError, sandbox.SandboxError) as error:
        _finish(job, ImportRun.Status.FAILED, error=error.message)
        return
    ImportRun.objects.filter(pk=run_id).update(system=system.label, total=len(table.rows))

    def progress(done, total):
        if done == total or done % PROGRESS_EVERY == 0:
            ImportRun.objects.filter(pk=run_id).update(done=done, total=total)

    by = job.created_by or "prasan import"
    try:
        report = run.import_table(Office.current(), table, by=by, progress=progress, dry_run=job.dry_run)
    except Exception as exc:  # noqa: BLE001 — rows filed so far stay filed (each whole); the page says so
        logger.exception("complaint import %s stopped", run_id)
        _finish(job, ImportRun.Status.FAILED, error=f"นำเข้าหยุดกลางคัน ({type(exc).__name__}) แถวที่นำเข้าแล้ว"
                                                    "บันทึกไว้ครบทุกช่อง นำเข้าไฟล์เดิมอีกครั้งได้ แถวเหล่านั้นจะข้ามไป")
        return
    _finish(job, ImportRun.Status.DONE, report={
        "rows": report.rows, "created": report.created, "skipped": report.skipped, "refused": report.refused})


def _read(job: ImportRun) -> tables.Table:
    with tempfile.TemporaryDirectory(prefix="prasan-import-") as work:
        path = Path(work) / "export"
        with job.file.open("rb") as handle, path.open("wb") as out:
            shutil.copyfileobj(handle, out)
        outcome = sandbox.call(f"{tables.__name__}.read_file", str(path), job.name,
                               limits=sandbox.Limits(**READ_LIMITS))
    return tables.from_json(outcome.value)


def _finish(job: ImportRun, status: str, *, error: str = "", report: dict | None = None) -> None:
    ImportRun.objects.filter(pk=job.pk).update(status=status, error=error, report=report or {},
                                               finished_at=timezone.now())
