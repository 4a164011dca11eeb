"""Failed or abandoned letters have "ลองใหม่" (retry) and "ทิ้ง" (discard), audited; a task whose worker died is
queued again, up to the attempt limit, then fails the letter (issue 14, item 4)."""

import datetime as dt
import os
import subprocess

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from prasan.audit.models import AuditEvent
from prasan.correspondence.models import LetterIntake
from prasan.correspondence.receiving import process_intake
from prasan.tasks import leases
from prasan.tasks.models import WorkerLease

pytestmark = pytest.mark.django_db
LETTER = "เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วย\nเรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n".encode()


@pytest.fixture
def intake(users, settings, tmp_path):
    from django.core.files.base import ContentFile

    letter = LetterIntake(name="letter.txt", sha256="0" * 64, size=len(LETTER), created_by=users["registrar"],
                          status="failed", error="อ่านไฟล์ไม่ได้")
    letter.file.save("letter.bin", ContentFile(LETTER), save=False)
    letter.save()
    return letter


def running_task(intake_id, workers, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    result = process_intake.enqueue(intake_id)
    DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", worker_ids=workers, started_at=timezone.now())
    return DBTaskResult.objects.get(pk=result.id)


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_task_of_a_dead_worker_is_queued_again_and_a_live_workers_is_left_alone(intake, settings):
    LetterIntake.objects.filter(pk=intake.pk).update(status="processing")
    WorkerLease.objects.create(worker_id="live", host=leases.HOST, pid=os.getpid())
    WorkerLease.objects.create(worker_id="dead", host=leases.HOST, pid=dead_pid())
    WorkerLease.objects.create(worker_id="silent", host="another-host", pid=1,
                               renewed_at=timezone.now() - dt.timedelta(hours=1))
    alive = running_task(intake.pk, ["live"], settings)
    killed = running_task(intake.pk, ["dead"], settings)
    silent = running_task(intake.pk, ["silent"], settings)
    assert leases.requeue_abandoned() == {"requeued": 2, "failed": 0}
    statuses = {t.pk: t.status for t in DBTaskResult.objects.all()}
    assert statuses == {alive.pk: "RUNNING", killed.pk: "READY", silent.pk: "READY"}
    assert not WorkerLease.objects.filter(worker_id="silent").exists()


def test_after_the_attempt_limit_the_task_fails_and_the_letter_offers_retry_and_discard(intake, settings, login, users):
    settings.TASK_MAX_ATTEMPTS = 3
    LetterIntake.objects.filter(pk=intake.pk).update(status="processing", progress=8)
    task = running_task(intake.pk, ["w1", "w2", "w3"], settings)
    assert leases.requeue_abandoned() == {"requeued": 0, "failed": 1}
    task.refresh_from_db()
    intake.refresh_from_db()
    assert task.status == "FAILED" and task.exception_class_path.endswith("TaskAbandoned")
    assert intake.status == "failed" and "3 ครั้ง" in intake.error
    page = login(users["registrar"]).get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "ลองใหม่" in page and "ทิ้ง" in page


def test_retry_reads_a_failed_letter_again_and_is_audited(intake, login, users):
    client = login(users["registrar"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("intake-retry", args=[intake.pk]))
    assert response.status_code == 302
    intake.refresh_from_db()
    assert intake.status == "ready" and "ครูผู้ช่วย" in intake.text
    assert AuditEvent.objects.filter(action="intake.retry", actor=users["registrar"]).exists()


def test_an_abandoned_letter_shows_retry_and_discard_while_processing(intake, login, users, settings):
    LetterIntake.objects.filter(pk=intake.pk).update(
        status="processing", progress=8, touched_at=timezone.now() - dt.timedelta(seconds=settings.INTAKE_STALE_SECONDS + 5))
    client = login(users["registrar"])
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "ลองใหม่" in page and "ทิ้ง" in page and "งานอาจค้าง" in page
    LetterIntake.objects.filter(pk=intake.pk).update(touched_at=timezone.now())
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "ลองใหม่" not in page
    assert client.post(reverse("intake-discard", args=[intake.pk])).status_code == 302
    assert LetterIntake.objects.get(pk=intake.pk).status == "processing"  # not abandoned: nothing discarded


def test_discard_sets_the_letter_aside_keeps_the_file_and_is_audited(intake, login, users):
    client = login(users["registrar"])
    response = client.post(reverse("intake-discard", args=[intake.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("intake-home")
    intake.refresh_from_db()
    assert intake.status == "discarded" and intake.file.read() == LETTER
    assert AuditEvent.objects.filter(action="intake.discard", actor=users["registrar"]).exists()
    assert reverse("intake-detail", args=[intake.pk]) not in client.get(reverse("intake-home")).content.decode()
    assert client.get(reverse("intake-detail", args=[intake.pk])).status_code == 404


def test_a_ready_letter_cannot_be_discarded_or_retried(intake, login, users):
    LetterIntake.objects.filter(pk=intake.pk).update(status="ready")
    client = login(users["registrar"])
    client.post(reverse("intake-discard", args=[intake.pk]))
    client.post(reverse("intake-retry", args=[intake.pk]))
    assert LetterIntake.objects.get(pk=intake.pk).status == "ready"
    assert not AuditEvent.objects.filter(action__in=["intake.discard", "intake.retry"]).exists()


@pytest.mark.parametrize("name", ["intake-retry", "intake-discard"])
def test_who_may_retry_or_discard(intake, login, users, client, name):
    url = reverse(name, args=[intake.pk])
    assert client.post(url).status_code == 302 and "login" in client.post(url)["Location"]  # anonymous
    assert login(users["auditor"]).post(url).status_code == 403  # wrong role
    assert login(users["outsider"]).post(url).status_code == 404  # a coordinator who did not upload it
    LetterIntake.objects.filter(pk=intake.pk).update(fields={"secrecy": "ลับมาก"}, created_by=users["uncleared"])
    assert login(users["uncleared"]).post(url).status_code == 404  # without clearance for the letter
    assert LetterIntake.objects.get(pk=intake.pk).status == "failed"
    assert login(users["head"]).post(url).status_code == 302  # right role
