"""A complaint (เรื่องร้องเรียน/ร้องทุกข์) and what hangs on it: its category, its clock's pauses, its forwardings to
agencies, its replies to the complainant; and the office's policy and breach register for the complainants' data.

A complaint is always tied to one matter of duty type `complaint`: whoever may see the matter may see the complaint
(matters.access), but the complainant's identity and contact are seen unmasked only by the holders of the
permission `view_complainant` ("เห็นข้อมูลผู้ร้อง", see masking.may_see_complainant).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .choices import LAWFUL_BASES, Channel, ReplyKind, ReplyVia, Result


class Category(models.Model):
    """A kind of complaint, a table the office edits (seeded with the ministry's usual ones)."""

    office = models.ForeignKey("directory.Office", on_delete=models.CASCADE, related_name="complaint_categories",
                               verbose_name="สำนักงาน")
    name = models.CharField("ประเภทเรื่องร้องเรียน", max_length=200)
    position = models.PositiveSmallIntegerField("ลำดับ", default=100)
    active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "ประเภทเรื่องร้องเรียน"
        verbose_name_plural = "ประเภทเรื่องร้องเรียน"
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="complaint_category_unique")]

    def __str__(self) -> str:
        return self.name


class ComplaintQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The complaints whose matters `user` may see: the matters' own rule, on each complaint's matter."""
        from prasan.matters.access import visible

        return visible(self, user, path="matter__")


class Complaint(models.Model):
    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT, verbose_name="สำนักงาน")
    matter = models.OneToOneField("matters.Matter", on_delete=models.CASCADE, related_name="complaint",
                                  verbose_name="เรื่อง")
    channel = models.CharField("ช่องทางที่รับเรื่อง", max_length=20, choices=Channel.choices)
    channel_ref = models.CharField("เลขอ้างอิงของช่องทาง", max_length=100, blank=True,
                                   help_text="เช่น เลขเรื่องของศูนย์ 1111 หรือ Traffy Fondue")
    received_at = models.DateTimeField("รับเรื่องเมื่อ", default=timezone.now)
    subject = models.CharField("เรื่อง", max_length=500)
    details = models.TextField("รายละเอียด", blank=True)
    about = models.CharField("ผู้ถูกร้อง/หน่วยงานที่ถูกร้อง", max_length=300, blank=True)
    province = models.CharField("จังหวัด", max_length=100, blank=True)
    district = models.CharField("อำเภอ/เขต", max_length=100, blank=True)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.PROTECT, related_name="complaints",
                                 verbose_name="ประเภท")
    asked_for = models.TextField("สิ่งที่ขอให้ดำเนินการ", blank=True)
    # The complainant: personal data, shown masked to anyone without the permission; wiped by anonymisation.
    complainant_name = models.CharField("ชื่อผู้ร้อง", max_length=200, blank=True)
    complainant_phone = models.CharField("โทรศัพท์ผู้ร้อง", max_length=50, blank=True)
    complainant_email = models.EmailField("อีเมลผู้ร้อง", blank=True)
    complainant_address = models.TextField("ที่อยู่ผู้ร้อง", blank=True)
    complainant_line_id = models.CharField("ไอดี LINE ผู้ร้อง", max_length=100, blank=True)
    anonymous = models.BooleanField("ผู้ร้องขอไม่เปิดเผยตัวตน", default=False)
    # The default protects the complainant: the agency complained about is not told who complained.
    disclose_to_agency = models.BooleanField("ยินยอมให้เปิดเผยชื่อแก่หน่วยงาน", default=False)
    lawful_basis = models.CharField("ฐานทางกฎหมายในการประมวลผลข้อมูล", max_length=30, choices=LAWFUL_BASES,
                                    default="public_task")
    # The status page's private code, as a password hash: the plaintext is shown once, when filed.
    public_code_hash = models.CharField(max_length=200, blank=True, editable=False)
    related = models.ManyToManyField("self", blank=True, verbose_name="เรื่องร้องเรียนที่เกี่ยวข้อง")
    # The clock (working days, see clock.py): acknowledgement, then an answer or a progress notice.
    ack_due = models.DateField("กำหนดแจ้งรับเรื่อง", null=True, blank=True)
    answer_due = models.DateField("กำหนดตอบ/แจ้งความคืบหน้า", null=True, blank=True)
    acknowledged_at = models.DateTimeField("แจ้งรับเรื่องเมื่อ", null=True, blank=True)
    responded_at = models.DateTimeField("ตอบหรือแจ้งความคืบหน้าครั้งแรกเมื่อ", null=True, blank=True)
    paused_since = models.DateField("หยุดนับเวลาตั้งแต่", null=True, blank=True)
    result = models.CharField("ผลการพิจารณา (ยุติเรื่อง)", max_length=20, choices=Result.choices, blank=True)
    result_note = models.TextField("สรุปผลการพิจารณา", blank=True)
    concluded_at = models.DateTimeField("ยุติเรื่องเมื่อ", null=True, blank=True)
    satisfaction = models.TextField("ความพึงพอใจของผู้ร้อง", blank=True)
    anonymised_at = models.DateTimeField("ลบข้อมูลระบุตัวผู้ร้องเมื่อ", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "เรื่องร้องเรียน"
        verbose_name_plural = "เรื่องร้องเรียน"
        permissions = [("view_complainant", "เห็นข้อมูลผู้ร้อง")]
        constraints = [
            # An import run twice skips what it brought before: one complaint per channel reference.
            models.UniqueConstraint(fields=["office", "channel", "channel_ref"], condition=~Q(channel_ref=""),
                                    name="complaint_channel_ref_unique"),
        ]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="complaint_recent_idx"),
            models.Index(fields=["channel", "received_at"], name="complaint_channel_idx"),
            models.Index(fields=["answer_due", "responded_at"], name="complaint_due_idx"),
            models.Index(fields=["concluded_at", "anonymised_at"], name="complaint_retention_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}" if self.matter_id else self.subject

    @property
    def number(self) -> str:
        return self.matter.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("complaint-detail", args=[self.pk])

    @property
    def shown_subject(self) -> str:
        """The subject as anyone who works complaints may read it: the complainant's name, phone, e-mail and ID
        numbers masked wherever they were written into it (masking.scrub)."""
        from .masking import scrub

        return scrub(self.subject, self)

    @property
    def has_contact(self) -> bool:
        return any((self.complainant_phone, self.complainant_email, self.complainant_address,
                    self.complainant_line_id))

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    @property
    def is_concluded(self) -> bool:
        return bool(self.result)

    def ack_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (not self.acknowledged_at and not self.is_paused and self.ack_due is not None
                and self.ack_due < today)

    def answer_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (not self.responded_at and not self.is_paused and self.answer_due is not None
                and self.answer_due < today)

    @property
    def answered_in_time(self) -> bool | None:
        """Whether the first answer or progress notice came by the (pause-adjusted) 15-day date; None if not yet."""
        if not self.responded_at or not self.answer_due:
            return None
        return timezone.localtime(self.responded_at).date() <= self.answer_due


class ClockPause(models.Model):
    """The clock stopped, with its reason (e.g. waiting for the complainant's documents); on resume the due dates
    move by the working days it stood."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="pauses",
                                  verbose_name="เรื่องร้องเรียน")
    started_on = models.DateField("หยุดนับตั้งแต่")
    ended_on = models.DateField("นับต่อเมื่อ", null=True, blank=True)
    reason = models.CharField("เหตุผลที่หยุดนับเวลา", max_length=500)
    working_days = models.PositiveSmallIntegerField("จำนวนวันทำการที่หยุด", default=0)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                           verbose_name="ผู้สั่งหยุด")

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = "การหยุดนับเวลา"
        verbose_name_plural = "การหยุดนับเวลา"


class Forwarding(models.Model):
    """The complaint sent to an agency for facts and action, through an agency request and its reply link, with the
    copy as redacted for that agency; the agency's findings are the request's answer."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="forwardings",
                                  verbose_name="เรื่องร้องเรียน")
    request = models.OneToOneField("coordination.AgencyRequest", on_delete=models.CASCADE,
                                   related_name="complaint_forwarding", verbose_name="คำขอถึงหน่วยงาน")
    redacted_text = models.TextField("สำเนาเรื่องที่ส่งหน่วยงาน")
    identity_disclosed = models.BooleanField("เปิดเผยชื่อผู้ร้องแก่หน่วยงาน", default=False)
    created_at = models.DateTimeField("ส่งเมื่อ", default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "การส่งเรื่องให้หน่วยงาน"
        verbose_name_plural = "การส่งเรื่องให้หน่วยงาน"


class Reply(models.Model):
    """What the office told the complainant: acknowledgement, progress, final answer; by which means, when."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="replies",
                                  verbose_name="เรื่องร้องเรียน")
    kind = models.CharField("ชนิด", max_length=20, choices=ReplyKind.choices)
    via = models.CharField("ส่งทาง", max_length=20, choices=ReplyVia.choices)
    text = models.TextField("ข้อความ", blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name="หนังสือ")
    # Where it went: personal data, wiped by anonymisation with the complainant's.
    address = models.CharField("ส่งถึง", max_length=300, blank=True)
    outcome = models.CharField("ผลการส่ง", max_length=300, blank=True)
    sent_at = models.DateTimeField("เมื่อ", default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                           verbose_name="ผู้บันทึก")

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = "การแจ้งผู้ร้อง"
        verbose_name_plural = "การแจ้งผู้ร้อง"


class Policy(models.Model):
    """The office's settings for complaints: the clock, retention, the privacy notice and the record of processing."""

    office = models.OneToOneField("directory.Office", on_delete=models.CASCADE, related_name="complaint_policy",
                                  verbose_name="สำนักงาน")
    ack_working_days = models.PositiveSmallIntegerField("แจ้งรับเรื่องภายใน (วันทำการ)", default=3)
    answer_working_days = models.PositiveSmallIntegerField(
        "ตอบหรือแจ้งความคืบหน้าภายใน (วันทำการ)", default=15,
        help_text="พ.ร.ฎ. ว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. ๒๕๔๖ มาตรา ๓๘")
    retention_years = models.PositiveSmallIntegerField(
        "เก็บข้อมูลผู้ร้องหลังยุติเรื่อง (ปี)", default=5,
        help_text="พ้นกำหนดแล้ว ระบบลบชื่อและช่องทางติดต่อของผู้ร้องโดยอัตโนมัติ เนื้อหาเรื่องยังอยู่")
    lawful_basis = models.CharField("ฐานทางกฎหมาย", max_length=30, choices=LAWFUL_BASES, default="public_task")
    # Complaints that come in without a person of the office (the public form, imports) need a unit to work them.
    unit = models.ForeignKey("directory.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="กลุ่มงานที่รับผิดชอบเรื่องร้องเรียน",
                             help_text="เรื่องที่รับทางแบบฟอร์มบนเว็บไซต์หรือนำเข้าจาก 1111/Traffy Fondue เป็นของกลุ่มงานนี้")
    controller = models.CharField("ผู้ควบคุมข้อมูลส่วนบุคคล", max_length=300, blank=True)
    dpo_contact = models.CharField("ช่องทางติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล", max_length=300, blank=True)
    privacy_notice = models.TextField("ประกาศความเป็นส่วนตัว (ข้อความเพิ่มเติม)", blank=True,
                                      help_text="ว่างไว้ใช้ข้อความมาตรฐานของระบบ")

    class Meta:
        verbose_name = "การตั้งค่าเรื่องร้องเรียน"
        verbose_name_plural = "การตั้งค่าเรื่องร้องเรียน"

    def __str__(self) -> str:
        return f"การตั้งค่าเรื่องร้องเรียนของ{self.office}"

    @classmethod
    def of(cls, office) -> "Policy":
        """The office's policy; made on first use, with the default categories (the office edits them after)."""
        policy = getattr(office, "_complaint_policy", None) or cls.objects.filter(office=office).first()
        if policy is None:
            from django.db import transaction

            from .choices import DEFAULT_CATEGORIES

            with transaction.atomic():
                policy, created = cls.objects.get_or_create(office=office)
                if created:
                    for position, name in enumerate(DEFAULT_CATEGORIES, start=1):
                        Category.objects.get_or_create(office=office, name=name,
                                                       defaults={"position": position * 10})
        office._complaint_policy = policy
        return policy


class Breach(models.Model):
    """A personal-data breach: the office must tell the PDPC (สคส.) within 72 hours of learning of it (PDPA s. 37(4))
    unless it is unlikely to risk the persons' rights."""

    class Risk(models.TextChoices):
        NONE = "none", "ไม่มีความเสี่ยงต่อสิทธิเสรีภาพ"
        RISK = "risk", "มีความเสี่ยง (ต้องแจ้ง สคส.)"
        HIGH = "high", "มีความเสี่ยงสูง (ต้องแจ้ง สคส. และเจ้าของข้อมูล)"

    office = models.ForeignKey("directory.Office", on_delete=models.CASCADE, verbose_name="สำนักงาน")
    title = models.CharField("เหตุการณ์", max_length=300)
    description = models.TextField("รายละเอียด", blank=True)
    discovered_at = models.DateTimeField("ทราบเหตุเมื่อ", default=timezone.now)
    risk = models.CharField("ระดับความเสี่ยง", max_length=10, choices=Risk.choices, default=Risk.RISK)
    persons_affected = models.PositiveIntegerField("จำนวนเจ้าของข้อมูลที่ได้รับผลกระทบ", default=0)
    complaints = models.ManyToManyField(Complaint, blank=True, related_name="breaches",
                                        verbose_name="เรื่องร้องเรียนที่เกี่ยวข้อง")
    measures = models.TextField("มาตรการแก้ไข/เยียวยา", blank=True)
    reported_at = models.DateTimeField("แจ้ง สคส. เมื่อ", null=True, blank=True)
    subjects_notified_at = models.DateTimeField("แจ้งเจ้าของข้อมูลเมื่อ", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)

    class Meta:
        ordering = ["-discovered_at", "-id"]
        verbose_name = "เหตุละเมิดข้อมูลส่วนบุคคล"
        verbose_name_plural = "ทะเบียนเหตุละเมิดข้อมูลส่วนบุคคล"

    def __str__(self) -> str:
        return self.title

    @property
    def report_due(self) -> dt.datetime:
        return self.discovered_at + dt.timedelta(hours=72)

    @property
    def must_report(self) -> bool:
        return self.risk != self.Risk.NONE

    def report_overdue(self, now: dt.datetime | None = None) -> bool:
        return self.must_report and self.reported_at is None and (now or timezone.now()) > self.report_due


def work_records(matter):
    """The complaint a complaint matter carries, for the matter page (matters.work_records)."""
    from prasan.matters.choices import DutyType
    from prasan.matters.work_records import WorkRecord

    if matter.duty_type != DutyType.COMPLAINT:
        return []
    complaint = Complaint.objects.filter(matter=matter).only("pk").first()
    if complaint is None:
        return []
    return [WorkRecord("เรื่องร้องเรียน", "ผู้ร้อง กำหนดแจ้งรับเรื่อง/ตอบ ส่งหน่วยงาน แจ้งผล",
                       complaint.get_absolute_url(), "complaint")]
