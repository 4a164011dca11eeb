"""Correspondence registers (ทะเบียนหนังสือรับ/ส่ง, ว, คำสั่ง, ประกาศ, ลับ) and their entries."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Register(models.TextChoices):
    INCOMING = "incoming", "ทะเบียนหนังสือรับ"
    OUTGOING = "outgoing", "ทะเบียนหนังสือส่ง"
    CIRCULAR = "circular", "ทะเบียนหนังสือเวียน (ว)"
    ORDER = "order", "ทะเบียนคำสั่ง"
    ANNOUNCEMENT = "announcement", "ทะเบียนประกาศ"
    SECRET = "secret", "ทะเบียนหนังสือลับ"


class RegisterCounter(models.Model):
    """The last number used per office, register and year; locked while an entry is numbered."""

    office = models.ForeignKey("directory.Office", on_delete=models.CASCADE)
    register = models.CharField(max_length=20, choices=Register.choices)
    year = models.IntegerField()
    value = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "register", "year"], name="register_counter_unique")
        ]


class EntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secret register and secret entries need clearance; everything else is for staff."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        qs = self.filter(secrecy__lte=user.clearance)
        return qs if user.clearance >= 1 else qs.exclude(register=Register.SECRET)


class RegisterEntry(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "ลงทะเบียนแล้ว"
        RESERVED = "reserved", "จองเลข"
        CANCELLED = "cancelled", "ยกเลิก"

    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT)
    register = models.CharField("ทะเบียน", max_length=20, choices=Register.choices)
    year = models.IntegerField("ปี")
    number = models.IntegerField("เลขทะเบียน")
    doc_number = models.CharField("ที่", max_length=100, blank=True, db_index=True)
    letter_date = models.DateField("ลงวันที่", null=True, blank=True)
    registered_at = models.DateTimeField("วันเวลาที่รับ/ส่ง", default=timezone.now)
    sender = models.CharField("จาก", max_length=300, blank=True)
    recipient = models.CharField("ถึง", max_length=300, blank=True)
    subject = models.CharField("เรื่อง", max_length=500, blank=True)
    action = models.CharField("การปฏิบัติ", max_length=500, blank=True)
    remark = models.CharField("หมายเหตุ", max_length=500, blank=True)
    urgency = models.CharField("ชั้นความเร็ว", max_length=20, blank=True)
    secrecy = models.IntegerField("ชั้นความลับ", default=0)
    unit = models.ForeignKey("directory.Unit", null=True, blank=True, on_delete=models.PROTECT,
                             verbose_name="หน่วยงานเจ้าของเรื่อง")
    matter = models.ForeignKey("matters.Matter", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="register_entries", verbose_name="เรื่อง")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.ACTIVE)
    cancel_reason = models.CharField("เหตุที่ยกเลิก", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = "รายการในทะเบียน"
        verbose_name_plural = "รายการในทะเบียน"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["office", "register", "year", "number"], name="register_entry_unique")
        ]
        indexes = [
            models.Index(fields=["register", "-year", "-number"]),
            models.Index(fields=["register", "registered_at"]),
            # A received letter's duplicates are looked for among the letters of the same date.
            models.Index(fields=["letter_date", "register"], name="register_entry_letter_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_register_display()} {self.number}/{self.year}"


class EntryFile(models.Model):
    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="registers/%Y/%m/")
    name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(default=timezone.now)


class LetterIntake(models.Model):
    """One letter going through intake: stored, read (OCR if scanned), parsed, then confirmed by a person."""

    class Status(models.TextChoices):
        QUEUED = "queued", "รอประมวลผล"
        PROCESSING = "processing", "กำลังอ่านเอกสาร"
        READY = "ready", "รอตรวจยืนยัน"
        FAILED = "failed", "อ่านไม่สำเร็จ"
        REGISTERED = "registered", "ลงทะเบียนแล้ว"
        DISCARDED = "discarded", "ทิ้งแล้ว"

    file = models.FileField(upload_to="intake/%Y/%m/")
    name = models.CharField("ชื่อไฟล์", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    content_type = models.CharField(max_length=100, blank=True)
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_label = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    fields = models.JSONField(default=dict, blank=True)
    confidence = models.JSONField(default=dict, blank=True)
    ocr_used = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    previews = models.PositiveSmallIntegerField(default=0)  # pre-rendered page-N.png (receiving.preview_name)
    touched_at = models.DateTimeField(null=True, blank=True)  # last progress: a long silence means abandoned
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    entry = models.OneToOneField(RegisterEntry, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="intake")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "หนังสือรอลงทะเบียน"
        verbose_name_plural = "หนังสือรอลงทะเบียน"

    @property
    def abandoned(self) -> bool:
        """Queued or being read, yet silent for longer than any page takes: no live worker has it (the
        worker requeues what a dead worker held, up to TASK_MAX_ATTEMPTS; after that, or with no worker
        running at all, it waits here for a person)."""
        if self.status not in (self.Status.QUEUED, self.Status.PROCESSING):
            return False
        quiet = timezone.now() - (self.touched_at or self.created_at)
        return quiet.total_seconds() > settings.INTAKE_STALE_SECONDS

    @property
    def may_retry(self) -> bool:
        return self.status == self.Status.FAILED or self.abandoned
