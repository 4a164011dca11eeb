"""One import of an export file: the file as uploaded, how far the worker has got, and what it did."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "รอนำเข้า"
        RUNNING = "running", "กำลังนำเข้า"
        DONE = "done", "เสร็จแล้ว"
        FAILED = "failed", "นำเข้าไม่ได้"

    file = models.FileField(upload_to="complaint-imports/%Y/%m/")
    name = models.CharField("ชื่อไฟล์", max_length=255)
    size = models.BigIntegerField()
    dry_run = models.BooleanField("ตรวจอย่างเดียว", default=False)
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.QUEUED)
    system = models.CharField("ระบบต้นทาง", max_length=100, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)  # created, skipped, refused: lists of rows
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "การนำเข้าเรื่องร้องเรียน"
        verbose_name_plural = "การนำเข้าเรื่องร้องเรียน"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return 100 if self.status == self.Status.DONE else int(100 * self.done / self.total) if self.total else 0
