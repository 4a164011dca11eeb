"""A parliamentary item (question, motion, bill opinion, bill, committee summons), always tied to one matter.

One table with a kind and the kind's own fields: the list, the this-week page, the reports and the API
read every kind alike (number, dates, status), and a form shows only the fields of its kind. Whoever may
see the matter may see its item; secrecy, unit and need to know are the matter's.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from prasan.thai.dates import shown_date
from prasan.thai.text import comparable

from ..choices import SHORT_LABELS, AnswerIn, BillStage, House, ItemKind, Status


def number_key(number: str) -> str:
    """`๑๕๗ ร.` and `157ร` are the same question number: compared without digits' script, spaces or dots."""
    return comparable(number).replace(".", "")


def _date(value):
    return value if isinstance(value, dt.date) else None


class ItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The items whose matters `user` may see: the matters' own rule (matters.access), on each item's matter."""
        from prasan.matters.access import visible

        return visible(self, user, path="matter__")


class Item(models.Model):
    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT, verbose_name="สำนักงาน")
    matter = models.OneToOneField("matters.Matter", on_delete=models.CASCADE, related_name="parliament_item",
                                  verbose_name="เรื่อง")
    kind = models.CharField("ประเภท", max_length=30, choices=ItemKind.choices)
    house = models.CharField("สภา", max_length=10, choices=House.choices, blank=True)
    session = models.ForeignKey("parliament.Session", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="items", verbose_name="สมัยประชุม")
    number = models.CharField("เลขที่ (ตามที่สำนักการประชุมเขียน)", max_length=40, blank=True,
                              help_text="เช่น 157 ร.")
    number_key = models.CharField(max_length=40, blank=True, editable=False)
    subject = models.CharField("เรื่อง", max_length=500)
    text = models.TextField("ข้อความคำถาม/ประเด็น", blank=True)
    status = models.CharField("สถานะ", max_length=30, choices=Status.choices, default=Status.RECEIVED)
    received_on = models.DateField("วันที่รับเรื่อง")
    sitting_on = models.DateField("วันประชุม/วันตอบ", null=True, blank=True)
    letter_deadline = models.DateField("กำหนดตามหนังสือ (ภายในวันที่)", null=True, blank=True)
    due_on = models.DateField("กำหนดส่ง", null=True, blank=True, editable=False)
    due_basis = models.CharField("ที่มาของกำหนดส่ง", max_length=300, blank=True, editable=False)
    postponements = models.PositiveSmallIntegerField("เลื่อนแล้ว (ครั้ง)", default=0, editable=False)
    # The day the item became answered (the answer's sent date when known): what "on time" is judged by.
    answered_on = models.DateField("วันที่ตอบ", null=True, blank=True, editable=False)
    # Questions
    asker_name = models.CharField("ผู้ตั้งกระทู้", max_length=200, blank=True)
    asker_party = models.CharField("พรรค", max_length=200, blank=True)
    asker_constituency = models.CharField("เขตเลือกตั้ง/ประเภท", max_length=200, blank=True,
                                          help_text="เช่น เขตเลือกตั้งที่ ๓ หรือ แบบบัญชีรายชื่อ")
    asker_province = models.CharField("จังหวัด", max_length=100, blank=True)
    minister_asked = models.CharField("ถามรัฐมนตรี", max_length=200, blank=True)
    fallback_answerer = models.CharField("ผู้ตอบสำรอง", max_length=200, blank=True)
    answer_in = models.CharField("ตอบใน", max_length=20, choices=AnswerIn.choices, blank=True)
    answer_sent_on = models.DateField("วันที่ส่งคำตอบ/ความเห็น", null=True, blank=True)
    gazette_volume = models.CharField("ราชกิจจานุเบกษา เล่ม", max_length=20, blank=True)
    gazette_issue = models.CharField("ตอนที่", max_length=20, blank=True)
    gazette_page = models.CharField("หน้า", max_length=20, blank=True)
    gazette_published_on = models.DateField("วันที่ประกาศในราชกิจจานุเบกษา", null=True, blank=True)
    # Bills of the ministry
    bill_stage = models.CharField("ขั้นตอนร่างพระราชบัญญัติ", max_length=20, choices=BillStage.choices, blank=True)
    # Committee summons
    committee = models.CharField("คณะกรรมาธิการ", max_length=300, blank=True)
    meeting_at = models.DateTimeField("วันเวลาประชุม", null=True, blank=True)
    room = models.CharField("ห้องประชุม", max_length=200, blank=True)
    names_by = models.DateField("ส่งรายชื่อผู้ชี้แจงภายใน", null=True, blank=True)
    briefing = models.TextField("เอกสารประกอบการชี้แจง", blank=True)
    outcome = models.TextField("ผลการชี้แจง/ผลการพิจารณา", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = "งานรัฐสภา"
        verbose_name_plural = "งานรัฐสภา"
        ordering = ["-received_on", "-id"]
        indexes = [
            # The list, newest first, and by kind or status; matter last so visibility is read from the index.
            models.Index(fields=["office", "-received_on", "-id", "matter"], name="parl_item_recent_idx"),
            models.Index(fields=["office", "kind", "-received_on", "-id"], name="parl_item_kind_idx"),
            models.Index(fields=["office", "status", "-received_on", "-id"], name="parl_item_status_idx"),
            # This week in parliament: open items by sitting day, and by due date.
            models.Index(fields=["office", "sitting_on", "status"], name="parl_item_sitting_idx"),
            models.Index(fields=["office", "due_on", "status"], name="parl_item_due_idx"),
            # A number already used in the same session and house.
            models.Index(fields=["session", "house", "number_key"], name="parl_item_number_idx"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """`กระทู้ถามเป็นหนังสือที่ 157 ร.` — the kind and number, as the office names an item."""
        short = SHORT_LABELS.get(self.kind, self.get_kind_display())
        return f"{short}ที่ {self.number}" if self.number else short

    @property
    def is_question(self) -> bool:
        from ..choices import QUESTION_KINDS

        return self.kind in QUESTION_KINDS

    @property
    def is_open(self) -> bool:
        from ..choices import OPEN_STATUSES

        return self.status in OPEN_STATUSES

    def matter_title(self) -> str:
        return f"{self.label} เรื่อง {self.subject}"[:500]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("parliament-item", args=[self.pk])

    def save(self, *args, **kwargs):
        self.number_key = number_key(self.number)
        self._meeting_day()
        super().save(*args, **kwargs)

    def _meeting_day(self) -> None:
        """A committee meeting's day is the item's sitting day."""
        if isinstance(self.meeting_at, dt.datetime):
            moment = timezone.localtime(self.meeting_at) if timezone.is_aware(self.meeting_at) else self.meeting_at
            self.sitting_on = moment.date()

    def clean(self):
        # Runs even when a field failed to parse (Django's order), so only dates are compared.
        self._meeting_day()
        errors = {}
        received = _date(self.received_on)
        sitting = _date(self.sitting_on)
        if self.session_id and sitting and not self.session.covers(sitting):
            errors["sitting_on"] = (f"วันประชุม/วันตอบ {shown_date(self.sitting_on)} อยู่นอก{self.session.name} "
                                    f"({shown_date(self.session.starts_on)} – {shown_date(self.session.ends_on)})")
        for name, what in (("letter_deadline", "กำหนดตามหนังสือ"), ("answer_sent_on", "วันที่ส่งคำตอบ"),
                           ("names_by", "วันส่งรายชื่อ")):
            value = _date(getattr(self, name))
            if received and value and value < received:
                errors[name] = f"{what}ต้องไม่อยู่ก่อนวันรับเรื่อง ({shown_date(received)})"
        if received and sitting and sitting < received and self.kind != ItemKind.ORAL_QUESTION:
            errors.setdefault("sitting_on", f"วันประชุม/วันตอบต้องไม่อยู่ก่อนวันรับเรื่อง ({shown_date(received)})")
        published, sent = _date(self.gazette_published_on), _date(self.answer_sent_on)
        if published and sent and published < sent:
            errors["gazette_published_on"] = "วันที่ประกาศต้องไม่อยู่ก่อนวันที่ส่งคำตอบ"
        if errors:
            raise ValidationError(errors)

    def duplicates(self):
        """Other items with the same number in the same session and house (a warning, not a refusal)."""
        key = number_key(self.number)
        if not key:
            return Item.objects.none()
        return (Item.objects.filter(office_id=self.office_id, session_id=self.session_id, house=self.house,
                                    number_key=key).exclude(pk=self.pk).order_by("id"))


class Delegation(models.Model):
    """One link of the answering chain (PM → minister → deputy): who was given the question, when."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="delegations")
    delegated_to = models.CharField("มอบให้ (ผู้ตอบ)", max_length=200)
    delegated_on = models.DateField("วันที่มอบ")
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        ordering = ["delegated_on", "id"]
        verbose_name = "การมอบหมายผู้ตอบ"
        verbose_name_plural = "การมอบหมายผู้ตอบ"

    def __str__(self) -> str:
        return f"{self.delegated_to} ({shown_date(self.delegated_on)})"


class Attendee(models.Model):
    """Who attends a committee meeting or a bill's sitting: a person of the office (whose calendar shows it) or
    of an agency."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="parliament_attendances", verbose_name="บุคลากรของสำนักงาน")
    agency = models.ForeignKey("directory.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               verbose_name="หน่วยงาน")
    name = models.CharField("ชื่อ", max_length=200)
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "ผู้เข้าร่วมชี้แจง"
        verbose_name_plural = "ผู้เข้าร่วมชี้แจง"
        indexes = [models.Index(fields=["user", "item"], name="parl_attendee_user_idx")]

    def __str__(self) -> str:
        return self.name


class StatusChange(models.Model):
    """Append-only history of an item's status; never edited."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="status_changes")
    at = models.DateTimeField("เวลา", default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField("จากสถานะ", max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField("เป็นสถานะ", max_length=30, choices=Status.choices)
    new_date = models.DateField("วันประชุม/วันตอบใหม่", null=True, blank=True)
    note = models.TextField("หมายเหตุ", blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["item", "at"], name="parl_status_item_idx")]

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("status changes are append-only")
        super().save(*args, **kwargs)


def work_records(matter):
    """The question, motion or bill a parliament matter answers, for the matter page (matters.work_records)."""
    from prasan.matters.choices import DutyType
    from prasan.matters.work_records import WorkRecord

    if matter.duty_type != DutyType.PARLIAMENT:
        return []
    return [WorkRecord("งานรัฐสภา", item.label, item.get_absolute_url(), "parliament")
            for item in Item.objects.filter(matter=matter).only("pk", "kind", "number")]
