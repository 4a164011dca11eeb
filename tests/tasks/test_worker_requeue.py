"""Work that cannot get stuck (issue 14, item 4): a real `prasan worker` killed with SIGKILL in the middle of
reading a scanned letter; the next worker to start queues the task again and the letter is read."""

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tasks_db.models import DBTaskResult

from prasan.correspondence.models import LetterIntake
from prasan.correspondence.receiving import receive
from tests.intake.conftest import page_image

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
LINES = ["ที่ ศธ 04006/3217", "เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วย", "เรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
         "ตามที่ท่านได้ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ พ.ศ. 2569 นั้น"]


def scanned_pdf(pages: int) -> bytes:
    """A scan: pages of pictures of text, no text layer, so every page needs OCR."""
    images = [page_image(LINES, dpi=200) for _ in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return out.getvalue()


def start_worker(settings) -> subprocess.Popen:
    env = {**os.environ, "PRASAN_TEST_OVERRIDES": json.dumps({
        "NAME": str(connection.settings_dict["NAME"]), "MEDIA_ROOT": str(settings.MEDIA_ROOT)})}
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "worker_process.py")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_worker_killed_mid_ocr_leaves_work_the_next_worker_finishes(settings, users):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    settings.WORKER_LEASE_SECONDS = 60  # the dead worker's lease is still fresh: its pid tells it is dead
    intake = receive(SimpleUploadedFile("scan.pdf", scanned_pdf(2)), by=users["registrar"])
    task = DBTaskResult.objects.get()
    assert task.status == "READY"

    first = start_worker(settings)
    try:
        wait_for(lambda: LetterIntake.objects.filter(pk=intake.pk, progress_label__startswith="หน้า 1/").exists(),
                 180, "the first page read")
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    killed_at = time.monotonic()
    intake.refresh_from_db()
    task.refresh_from_db()
    assert intake.status == "processing" and task.status == "RUNNING" and len(task.worker_ids) == 1

    second = start_worker(settings)
    try:
        wait_for(lambda: LetterIntake.objects.filter(pk=intake.pk, status="ready").exists(), 240,
                 "the letter read by the second worker")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    intake.refresh_from_db()
    task.refresh_from_db()
    print(f"\nkilled mid-OCR; read by the next worker {time.monotonic() - killed_at:.1f} s later")
    assert task.status == "SUCCESSFUL" and len(task.worker_ids) == 2 and task.worker_ids[0] != task.worker_ids[1]
    assert intake.ocr_used and "ครูผู้ช่วย" in intake.text and intake.previews == 2
