"""A worker's lease: who is running background work, where, and when it last said so."""

from django.db import models
from django.utils import timezone


class WorkerLease(models.Model):
    """One live `prasan worker`. Its heartbeat thread renews `renewed_at`; a lease not renewed within
    WORKER_LEASE_SECONDS, or whose process is gone from this host, belongs to a dead worker."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    renewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "สัญญาเช่างานของตัวประมวลผล"
        verbose_name_plural = "สัญญาเช่างานของตัวประมวลผล"

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
