"""The coordination log (every contact over every channel) and requests to agencies."""

from django.conf import settings
from django.db import models
from django.dispatch import Signal
from django.utils import timezone

from prasan.thai.dates import shown_date


class Channel(models.TextChoices):
    PHONE = "phone", "โทรศัพท์"
    FAX = "fax", "โทรสาร"
    EMAIL = "email", "อีเมล"
    LINE = "line", "LINE"
    IN_PERSON = "in_person", "ประสานด้วยตนเอง"
    MEETING = "meeting", "การประชุม"
    LETTER = "letter", "หนังสือราชการ"
    CIRCULAR = "circular", "หนังสือเวียน"
    ANNOUNCEMENT = "announcement", "ประกาศ"


INFORMAL_CHANNELS = (Channel.PHONE, Channel.FAX, Channel.EMAIL, Channel.LINE, Channel.IN_PERSON)
SENDING_CHANNELS = (Channel.EMAIL, Channel.LINE)


class Activity(models.Model):
    class Direction(models.TextChoices):
        OUTGOING = "out", "ติดต่อออก"
        INCOMING = "in", "ติดต่อเข้า"

    class Delivery(models.TextChoices):
        NOT_SENT = "", "—"
        SENT = "sent", "ส่งแล้ว"
        FAILED = "failed", "ส่งไม่สำเร็จ"

    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="activities")
    channel = models.CharField("ช่องทาง", max_length=20, choices=Channel.choices)
    direction = models.CharField("ทิศทาง", max_length=3, choices=Direction.choices, default=Direction.OUTGOING)
    agency = models.ForeignKey(
        "directory.Agency", null=True, blank=True, on_delete=models.SET_NULL, verbose_name="หน่วยงาน"
    )
    counterpart = models.CharField("ผู้ที่ติดต่อ", max_length=200, blank=True)
    address = models.CharField("อีเมล/LINE ผู้รับ", max_length=200, blank=True)
    summary = models.TextField("สาระที่ประสาน")
    outcome = models.TextField("ผล", blank=True)
    next_follow_up = models.DateField("ติดตามครั้งต่อไป", null=True, blank=True)
    occurred_at = models.DateTimeField("เวลา", default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    delivery = models.CharField("การส่ง", max_length=10, choices=Delivery.choices, default="", blank=True)
    delivery_detail = models.TextField("รายละเอียดการส่ง", blank=True)
    agency_request = models.ForeignKey(
        "AgencyRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = "การประสานงาน"
        verbose_name_plural = "บันทึกการประสานงาน"
        indexes = [models.Index(fields=["matter", "occurred_at"]), models.Index(fields=["next_follow_up"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.get_direction_display()} {self.summary[:60]}"


# A queryset.update() of requests sends no post_save: this says it happened (tracking.generations listens).
requests_updated = Signal()


class AgencyRequestQuerySet(models.QuerySet):
    def update(self, **kwargs):
        changed = super().update(**kwargs)
        if changed:
            requests_updated.send(sender=self.model, fields=frozenset(kwargs))
        return changed


class AgencyRequest(models.Model):
    """What one agency must deliver for a matter, by when; answered through a reply link."""

    class Status(models.TextChoices):
        SENT = "sent", "ส่งคำขอแล้ว"
        ACKNOWLEDGED = "acknowledged", "หน่วยงานรับทราบแล้ว"
        ANSWERED = "answered", "ตอบแล้ว"
        CANCELLED = "cancelled", "ยกเลิก"

    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="agency_requests",
                               verbose_name="เรื่อง")
    agency = models.ForeignKey("directory.Agency", on_delete=models.PROTECT, verbose_name="หน่วยงาน")
    contact = models.ForeignKey(
        "directory.Contact", null=True, blank=True, on_delete=models.SET_NULL, verbose_name="ผู้ประสานงาน"
    )
    deliverable = models.TextField("สิ่งที่ขอให้ดำเนินการ/ส่ง")
    # The reply page is open to whoever holds the link: a secret matter's title goes on it only by choice.
    show_title = models.BooleanField("แสดงชื่อเรื่องแก่หน่วยงาน", default=False)
    deadline = models.DateField("กำหนดส่ง")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.SENT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้ส่งคำขอ")
    created_at = models.DateTimeField("ส่งคำขอเมื่อ", default=timezone.now)
    acknowledged_at = models.DateTimeField("รับทราบเมื่อ", null=True, blank=True)
    answered_at = models.DateTimeField("ตอบเมื่อ", null=True, blank=True)
    answer = models.TextField("คำตอบ", blank=True)
    answered_by_name = models.CharField("ผู้ตอบ", max_length=200, blank=True)
    # The office took the answer in (it leaves the assignees' "awaiting me" list).
    answer_seen_at = models.DateTimeField("รับทราบคำตอบเมื่อ", null=True, blank=True)
    answer_seen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name="ผู้รับทราบคำตอบ")
    # Bumped when a link is reissued or the request answered: older links stop working.
    link_version = models.PositiveIntegerField("ครั้งที่ออกลิงก์", default=1)
    # The link's age counts from here, so the same link is shown wherever it is rendered.
    link_issued_at = models.DateTimeField("ออกลิงก์เมื่อ", default=timezone.now)

    objects = AgencyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = "คำขอถึงหน่วยงาน"
        verbose_name_plural = "คำขอถึงหน่วยงาน"
        indexes = [
            # Which requests are late, by agency and matter, read from the index alone (the dashboards).
            models.Index(fields=["status", "deadline", "agency", "matter", "answered_at"], name="request_late_idx"),
            # … and the same for the requests of given matters (those a viewer may not see are taken away).
            models.Index(fields=["matter", "status", "deadline", "agency", "answered_at"], name="request_matter_idx"),
            models.Index(fields=["status", "answered_at"]),
        ]

    def __str__(self) -> str:
        return f"คำขอถึง {self.agency.name} กำหนด {shown_date(self.deadline)}"

    @property
    def title_for_agency(self) -> str:
        """What the reply page calls the matter: its number, and its title unless it is secret and the sender did
        not choose to show it."""
        from prasan.matters.access import title_for_agency

        return title_for_agency(self.matter, shown=self.show_title)

    @property
    def is_open(self) -> bool:
        """Still waiting for the agency: its link works and it can be reissued or cancelled."""
        return self.status in (self.Status.SENT, self.Status.ACKNOWLEDGED)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.deadline < today

    @property
    def status_label(self) -> str:
        if self.is_overdue():
            return "เกินกำหนด"
        return self.get_status_display()
