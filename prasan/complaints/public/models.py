"""What the public pages count to throttle: filings and failed status look-ups, by address and time. Rows, not
cache entries, so every web worker sees the same counts and a restart forgets nothing (as sign-in throttling)."""

from django.db import models
from django.utils import timezone


class PublicAttempt(models.Model):
    class Kind(models.TextChoices):
        FILED = "filed", "ยื่นเรื่องร้องเรียน"
        BOT = "bot", "แบบฟอร์มที่ส่งโดยโปรแกรมอัตโนมัติ"
        MISSED = "missed", "ตรวจสถานะไม่พบ"
        UPLOAD = "upload", "ส่งแบบฟอร์มพร้อมไฟล์แนบ"

    kind = models.CharField("ชนิด", max_length=10, choices=Kind.choices)
    address = models.CharField("ที่อยู่ IP", max_length=45)
    at = models.DateTimeField("เวลา", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "การใช้หน้าสาธารณะ"
        verbose_name_plural = "การใช้หน้าสาธารณะ"
        indexes = [models.Index(fields=["kind", "address", "at"], name="public_attempt_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} @ {self.address}"
