"""Office holiday table; reminder rules, their log, in-app notifications, preferences and digests."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Holiday(models.Model):
    class Source(models.TextChoices):
        CABINET = "cabinet", "มติคณะรัฐมนตรี/ประกาศสำนักนายกรัฐมนตรี"
        OFFICE = "office", "สำนักงานกำหนด"

    date = models.DateField("วันที่", unique=True)
    name = models.CharField("ชื่อวันหยุด", max_length=200)
    source = models.CharField("ที่มา", max_length=20, choices=Source.choices, default=Source.CABINET)
    is_working_day = models.BooleanField(
        "เป็นวันทำงาน", default=False,
        help_text="ติ๊กเมื่อวันนี้ให้มาทำงาน ทั้งที่ปกติเป็นวันหยุด (เช่น สลับวันทำงาน)",
    )

    class Meta:
        verbose_name = "วันหยุดของสำนักงาน"
        verbose_name_plural = "วันหยุดของสำนักงาน"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


# --- Reminders, escalation, notifications and digests -------------------------------------------

RECIPIENT_CHOICES = [
    ("assignees", "ผู้รับผิดชอบเรื่อง"),
    ("group_head", "หัวหน้ากลุ่มงานเจ้าของเรื่อง"),
    ("head_of_office", "หัวหน้าสำนักงานรัฐมนตรี"),
    ("liaison", "ผู้ประสานงานของหน่วยงาน (เฉพาะคำขอถึงหน่วยงาน)"),
]
CHANNEL_CHOICES = [("email", "อีเมล"), ("line", "LINE"), ("in_app", "แจ้งเตือนในระบบ")]
# What a message template may say; {link} is the matter's page, or the reply link for a liaison officer.
PLACEHOLDERS = ("number", "title", "deadline", "link", "agency", "days", "recipient")
# What the admin types: Thai names; the English ones of earlier rules keep working.
THAI_PLACEHOLDERS = {"เลขเรื่อง": "number", "ชื่อเรื่อง": "title", "วันครบกำหนด": "deadline", "ลิงก์": "link",
                     "หน่วยงาน": "agency", "จำนวนวัน": "days", "ชื่อผู้รับ": "recipient"}
PLACEHOLDER_HELP = ("ใช้ได้: {เลขเรื่อง} {ชื่อเรื่อง} {วันครบกำหนด} {ลิงก์} {หน่วยงาน} "
                    "{จำนวนวัน} (วันทำการ) {ชื่อผู้รับ}")


class ReminderRule(models.Model):
    """One reminder or escalation: which deadline, how many working days from it, to whom, how."""

    class Target(models.TextChoices):
        MATTER_INTERNAL = "matter_internal", "กำหนดภายในของเรื่อง"
        MATTER_EXTERNAL = "matter_external", "กำหนดส่ง (ภายนอก) ของเรื่อง"
        AGENCY_REQUEST = "agency_request", "กำหนดส่งของคำขอถึงหน่วยงาน"
        # A policy's progress reports (prasan.policy) are requests too, reminded on their own rules.
        POLICY_REPORT = "policy_report", "กำหนดส่งรายงานความก้าวหน้าตามนโยบาย"

    name = models.CharField("ชื่อกฎ", max_length=200)
    target = models.CharField("นับจากกำหนดของ", max_length=20, choices=Target.choices)
    offset_working_days = models.IntegerField(
        "จำนวนวันทำการ",
        help_text="ติดลบ = ก่อนครบกำหนด (−2 คือ 2 วันทำการก่อน) 0 = วันครบกำหนด บวก = เกินกำหนดแล้วกี่วันทำการ",
    )
    recipients = models.JSONField("ผู้รับ", default=list)
    channels = models.JSONField("ช่องทาง", default=list)
    subject_template = models.CharField(
        "หัวเรื่องอีเมล", max_length=300,
        help_text=PLACEHOLDER_HELP,
    )
    message_template = models.TextField(
        "ข้อความ", help_text=PLACEHOLDER_HELP,
    )
    active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        verbose_name = "กฎการแจ้งเตือน"
        verbose_name_plural = "กฎการแจ้งเตือน"
        ordering = ["target", "offset_working_days", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        from .reminders import template_errors

        errors = {}
        known = {code for code, _ in RECIPIENT_CHOICES}
        if not self.recipients or set(self.recipients) - known:
            errors["recipients"] = "เลือกผู้รับอย่างน้อยหนึ่งกลุ่ม"
        elif "liaison" in self.recipients and self.target not in REQUEST_TARGETS:
            errors["recipients"] = "ผู้ประสานงานของหน่วยงานใช้ได้เฉพาะกฎของคำขอถึงหน่วยงาน"
        if not self.channels or set(self.channels) - {code for code, _ in CHANNEL_CHOICES}:
            errors["channels"] = "เลือกช่องทางอย่างน้อยหนึ่งช่องทาง"
        for field in ("subject_template", "message_template"):
            problem = template_errors(getattr(self, field) or "")
            if problem:
                errors[field] = problem
        if abs(self.offset_working_days or 0) > 60:
            errors["offset_working_days"] = "จำนวนวันทำการต้องอยู่ระหว่าง −60 ถึง 60"
        if errors:
            raise ValidationError(errors)


REQUEST_TARGETS = (ReminderRule.Target.AGENCY_REQUEST, ReminderRule.Target.POLICY_REPORT)


class Notification(models.Model):
    """An in-app notification; the bell in the header counts the unread ones."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "แจ้งเตือนกำหนดเวลา"
        ASSIGNED = "assigned", "ได้รับมอบหมายเรื่อง"
        REVIEW = "review", "รอท่านตรวจหรือวินิจฉัย"
        RETURNED = "returned", "ส่งกลับแก้ไข"
        DECIDED = "decided", "ผู้บริหารสั่งการแล้ว"
        ANSWERED = "answered", "หน่วยงานตอบแล้ว"
        OVERDUE = "overdue", "หน่วยงานตอบเกินกำหนด"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                             verbose_name="ผู้ใช้")
    matter = models.ForeignKey("matters.Matter", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="เรื่อง")
    kind = models.CharField("ชนิด", max_length=20, choices=Kind.choices, default=Kind.REMINDER)
    text = models.TextField("ข้อความ")
    url = models.CharField("ลิงก์", max_length=500, blank=True)
    created_at = models.DateTimeField("เมื่อ", default=timezone.now)
    read_at = models.DateTimeField("อ่านเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "การแจ้งเตือนในระบบ"
        verbose_name_plural = "การแจ้งเตือนในระบบ"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["user", "kind", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ReminderLog(models.Model):
    """One reminder to one recipient over one channel: inserted before sending, so it is sent once."""

    class Status(models.TextChoices):
        PENDING = "pending", "กำลังส่ง"
        SENT = "sent", "ส่งแล้ว"
        FAILED = "failed", "ส่งไม่สำเร็จ (จะลองใหม่)"
        GAVE_UP = "gave_up", "ส่งไม่สำเร็จ (เลิกลองแล้ว)"

    rule = models.ForeignKey(ReminderRule, on_delete=models.CASCADE, related_name="logs", verbose_name="กฎ")
    target_type = models.CharField("ชนิด", max_length=20)  # "matter" or "agency_request"
    object_id = models.BigIntegerField("รหัส")
    deadline = models.DateField("กำหนดที่เตือน")
    recipient = models.CharField("ผู้รับ", max_length=40)  # "user:12", "contact:3", "agency:5"
    channel = models.CharField("ช่องทาง", max_length=10, choices=CHANNEL_CHOICES)
    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="+", verbose_name="เรื่อง")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+", verbose_name="ผู้ใช้")
    address = models.CharField("ที่อยู่ผู้รับ", max_length=200, blank=True)
    subject = models.CharField("หัวเรื่อง", max_length=500, blank=True)
    body = models.TextField("ข้อความ")
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ส่ง", default=0)
    detail = models.TextField("ผลการส่ง", blank=True)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("ปรับปรุงเมื่อ", default=timezone.now)
    sent_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "ประวัติการแจ้งเตือน"
        verbose_name_plural = "ประวัติการแจ้งเตือน"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "target_type", "object_id", "deadline", "recipient", "channel"],
                name="reminder_once",
            )
        ]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.rule} → {self.recipient} ({self.channel})"


class NotificationPreference(models.Model):
    """How one user wants to be told; without a row, the defaults below apply."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference", verbose_name="ผู้ใช้")
    email = models.BooleanField("แจ้งเตือนทางอีเมล", default=True)
    line = models.BooleanField("แจ้งเตือนทาง LINE", default=False)
    digest = models.BooleanField("รับสรุปงานประจำวันทางอีเมล (07.30 น.)", default=True)
    digest_line = models.BooleanField("รับสรุปงานประจำวันทาง LINE ด้วย", default=False)

    class Meta:
        verbose_name = "การตั้งค่าการแจ้งเตือน"
        verbose_name_plural = "การตั้งค่าการแจ้งเตือน"

    def __str__(self) -> str:
        return f"การแจ้งเตือนของ {self.user}"

    @classmethod
    def for_user(cls, user) -> "NotificationPreference":
        """The saved preference, or an unsaved one holding the defaults."""
        try:
            return user.notification_preference
        except cls.DoesNotExist:
            return cls(user=user)


class DigestLog(models.Model):
    """The daily digest of one user on one day: at most one, whatever the number of ticks."""

    class Status(models.TextChoices):
        PENDING = "pending", "กำลังส่ง"
        SENT = "sent", "ส่งแล้ว"
        EMPTY = "empty", "ไม่มีเรื่องให้สรุป"
        FAILED = "failed", "ส่งไม่สำเร็จ (จะลองใหม่)"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name="ผู้ใช้")
    date = models.DateField("วันที่")
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ส่ง", default=0)
    detail = models.TextField("ผลการส่ง", blank=True)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    sent_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "ประวัติการส่งสรุปงานประจำวัน"
        verbose_name_plural = "ประวัติการส่งสรุปงานประจำวัน"
        ordering = ["-date", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="digest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user} {self.date}"


class Notice(models.Model):
    """One message telling one person that something is now their turn (or happened on their matter).

    The row is written in the same transaction as the step it tells of, under a unique key (what happened,
    to whom, by which channel), so a step taken once is told once, whatever retries or restarts follow;
    e-mail and LINE rows are then sent by the worker (prasan worker) or the next `prasan tick`."""

    class Status(models.TextChoices):
        PENDING = "pending", "รอส่ง"
        SENDING = "sending", "กำลังส่ง"
        SENT = "sent", "ส่งแล้ว"
        FAILED = "failed", "ส่งไม่สำเร็จ จะลองใหม่"
        GAVE_UP = "gave_up", "เลิกส่ง"

    key = models.CharField("เหตุการณ์", max_length=120)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name="ผู้รับ")
    channel = models.CharField("ช่องทาง", max_length=10, choices=CHANNEL_CHOICES)
    matter = models.ForeignKey("matters.Matter", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="เรื่อง")
    address = models.CharField("ที่อยู่ผู้รับ", max_length=200, blank=True)
    subject = models.CharField("หัวเรื่อง", max_length=500)
    body = models.TextField("ข้อความ")
    url = models.CharField("ลิงก์", max_length=500, blank=True)
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ส่ง", default=0)
    detail = models.TextField("ผลการส่ง", blank=True)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("ปรับปรุงเมื่อ", default=timezone.now)
    sent_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "การแจ้งเหตุการณ์"
        verbose_name_plural = "การแจ้งเหตุการณ์"
        constraints = [models.UniqueConstraint(fields=["key", "user", "channel"], name="notice_once")]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.user} ({self.get_channel_display()})"


from .generations import Generation  # noqa: E402, F401  (what kept results were counted from)
from .tallies import Tally  # noqa: E402, F401  (the dashboards' counters, kept with their code)
