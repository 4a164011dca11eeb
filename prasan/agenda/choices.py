"""The minister's agenda's vocabularies: codes in English for the API, labels in Thai for people."""

from django.db import models


class AgendaKind(models.TextChoices):
    VISIT = "visit", "เยี่ยมชม/ลงพื้นที่"
    INSPECTION = "inspection", "ตรวจราชการ"
    CEREMONY = "ceremony", "พิธีการ/งานพิธี"
    MEETING = "meeting", "ประชุม"
    APPOINTMENT = "appointment", "นัดหมาย/เข้าพบ"
    OTHER = "other", "อื่น ๆ"


class AgendaStatus(models.TextChoices):
    INVITED = "invited", "ได้รับเชิญ (รอตอบ)"
    ACCEPTED = "accepted", "ตอบรับ"
    DECLINED = "declined", "ปฏิเสธ"
    DELEGATED = "delegated", "มอบหมายผู้แทน"
    PREPARED = "prepared", "เตรียมการพร้อม"
    DONE = "done", "เสร็จสิ้น"
    CANCELLED = "cancelled", "ยกเลิก"


# Where the minister himself is expected (or might be: an invitation not yet answered). Only these can clash.
ATTENDED = frozenset({AgendaStatus.INVITED, AgendaStatus.ACCEPTED, AgendaStatus.PREPARED, AgendaStatus.DONE})
# Settled: nothing more happens to the item.
FINAL = frozenset({AgendaStatus.DECLINED, AgendaStatus.DONE, AgendaStatus.CANCELLED})
