"""Work that cannot get stuck: a task whose worker died is queued again, a limited number of times.

django-tasks' database backend marks a task RUNNING when a worker claims it (appending the worker's id to
`worker_ids`) and nothing ever looks at it again: a worker killed mid-task (kill -9, out of memory, a
reboot) leaves it RUNNING forever. Each `prasan worker` therefore holds a lease (WorkerLease) that a
heartbeat thread renews; on start and at every renewal a worker looks for RUNNING tasks whose last worker
holds no live lease and puts them back to READY — or, once they have been claimed TASK_MAX_ATTEMPTS times
(a file that kills every worker reading it), FAILED, announcing it with django-tasks' task_finished signal
so the task's owner can say so (a letter intake turns "failed", with retry and discard).
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerLease

logger = logging.getLogger(__name__)
HOST = socket.gethostname()[:255]


class TaskAbandoned(Exception):
    """The task's worker died each time it ran it."""


def take(worker_id: str) -> WorkerLease:
    lease, _ = WorkerLease.objects.update_or_create(
        worker_id=worker_id, defaults={"host": HOST, "pid": os.getpid(), "renewed_at": timezone.now()})
    return lease


def renew(worker_id: str) -> None:
    WorkerLease.objects.filter(worker_id=worker_id).update(renewed_at=timezone.now())


def release(worker_id: str) -> None:
    WorkerLease.objects.filter(worker_id=worker_id).delete()


def live_workers() -> set[str]:
    fresh = timezone.now() - timedelta(seconds=settings.WORKER_LEASE_SECONDS)
    live = set()
    for lease in WorkerLease.objects.filter(renewed_at__gte=fresh):
        if lease.host != HOST or _running(lease.pid):
            live.add(lease.worker_id)
    return live


def _running(pid: int) -> bool:
    """On this host a lease can be judged at once: its process exists or not (a fresh heartbeat cannot tell
    a worker killed a second ago from a live one)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def requeue_abandoned() -> dict[str, int]:
    """Put back the RUNNING tasks of dead workers; fail those that have used up their attempts."""
    live = live_workers()
    counts = {"requeued": 0, "failed": 0}
    finished = []
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update():
            owner = result.worker_ids[-1] if result.worker_ids else None
            if owner in live:
                continue
            if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                result.set_failed(TaskAbandoned(
                    f"worker died {len(result.worker_ids)} times running this task ({', '.join(result.worker_ids)})"))
                finished.append(result)
                counts["failed"] += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
        stale = timezone.now() - timedelta(seconds=settings.WORKER_LEASE_SECONDS)
        WorkerLease.objects.filter(renewed_at__lt=stale).delete()
    for result in finished:  # after commit: receivers may write and must see the task failed
        _announce(result)
    if counts["requeued"] or counts["failed"]:
        logger.warning("tasks of dead workers: %(requeued)d queued again, %(failed)d failed", counts)
    return counts


def _announce(result: DBTaskResult) -> None:
    from django_tasks.signals import task_finished

    try:
        task_result = result.task_result
        task_finished.send(sender=type(result.task.get_backend()), task_result=task_result)
    except Exception:  # noqa: BLE001 — a task whose code is gone must not stop the worker
        logger.exception("could not announce the failed task %s", result.id)
