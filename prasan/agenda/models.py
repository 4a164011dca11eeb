"""The minister's agenda (กำหนดการรัฐมนตรี): each engagement — a visit, an inspection (ตรวจราชการ), a ceremony, a
meeting, an appointment — with its time, place, who invited, its protocol, and its status from the invitation to
done. Every item is tied to one facilitation matter (its `matter`), made with the item, which carries the item's
secrecy and need to know (prasan.matters.access) and its coordination log: whoever may see the matter may see the
item, whoever may change the matter may change the item. Other matters the engagement concerns are linked."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from prasan.accounts.models import SecretFeed

from .choices import ATTENDED, AgendaKind, AgendaStatus


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The items whose matters `user` may see (the matters' own rule, never restated here)."""
        from prasan.matters.models import Matter

        matters = Matter.objects.visible_to(user)
        if not matters.query.where:  # cleared for everything: no condition at all
            return self.all()
        return self.filter(matter__in=matters.values("pk"))

    def between(self, start: dt.datetime, end: dt.datetime):
        """Items that take any part of [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def attended(self):
        return self.filter(status__in=ATTENDED)


class AgendaItem(models.Model):
    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT, verbose_name="สำนักงาน")
    kind = models.CharField("ประเภท", max_length=20, choices=AgendaKind.choices, default=AgendaKind.VISIT)
    title = models.CharField("ภารกิจ", max_length=500)
    starts_at = models.DateTimeField("เริ่ม")
    ends_at = models.DateTimeField("สิ้นสุด")
    place = models.CharField("สถานที่", max_length=300, blank=True)
    invited_by = models.CharField("ผู้เชิญ", max_length=300, blank=True,
                                  help_text="ชื่อและตำแหน่งผู้เชิญ หรือหน่วยงานภายนอกที่ไม่มีในทำเนียบ")
    invited_by_agency = models.ForeignKey("directory.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+", verbose_name="หน่วยงานผู้เชิญ")
    programme = models.TextField("กำหนดการ", blank=True, help_text="ลำดับพิธีการ/กำหนดการโดยละเอียด บรรทัดละขั้น")
    dress = models.CharField("การแต่งกาย", max_length=300, blank=True, help_text="เช่น เครื่องแบบปกติขาว")
    entourage = models.TextField("ผู้ติดตาม", blank=True)
    transport = models.CharField("การเดินทาง", max_length=300, blank=True, help_text="เช่น รถยนต์ส่วนกลาง, เที่ยวบินการบินไทยจากดอนเมือง")
    note = models.TextField("หมายเหตุ", blank=True)
    status = models.CharField("สถานะ", max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.INVITED)
    delegated_to = models.CharField("ผู้รับมอบ (ผู้แทนรัฐมนตรี)", max_length=300, blank=True)
    matter = models.ForeignKey("matters.Matter", on_delete=models.PROTECT, related_name="agenda_items",
                               verbose_name="เรื่องอำนวยความสะดวก")
    linked_matters = models.ManyToManyField("matters.Matter", blank=True, related_name="agenda_links",
                                            verbose_name="เรื่องที่เกี่ยวข้อง")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = "กำหนดการรัฐมนตรี"
        verbose_name_plural = "กำหนดการรัฐมนตรี"
        ordering = ["starts_at", "id"]
        indexes = [
            # A day or a week of the office's agenda, in time order; the matter for the viewer's rule.
            models.Index(fields=["office", "starts_at", "id", "matter"], name="agenda_item_when_idx"),
            models.Index(fields=["office", "ends_at"], name="agenda_item_ends_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="agenda_item_ends_after"),
        ]

    def __str__(self) -> str:
        from prasan.matters.access import secret_safe

        return secret_safe(self.matter, self.title, "กำหนดการชั้นความลับ") if self.matter_id else self.title

    @property
    def day(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def hours(self) -> str:
        """`09:00–11:30 น.` as pages show times (digits by the office's screen setting)."""
        from prasan.thai.dates import time_range
        from prasan.thai.preferences import screen_thai_digits

        return time_range(self.starts_at, self.ends_at, dated=False, thai_digits=screen_thai_digits())

    @property
    def is_secret(self) -> bool:
        return self.matter.secrecy > 0

    @property
    def inviter(self) -> str:
        """Who invited, as printed: the typed name and the agency from the directory, either or both."""
        agency = self.invited_by_agency.name if self.invited_by_agency_id else ""
        return " — ".join(part for part in (self.invited_by.strip(), agency) if part)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("agenda-item", args=[self.pk])

    def clean(self):
        errors = {}
        if isinstance(self.starts_at, dt.datetime) and isinstance(self.ends_at, dt.datetime):
            if self.ends_at < self.starts_at:
                errors["ends_at"] = "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม"
            elif self.ends_at - self.starts_at > dt.timedelta(days=14):
                errors["ends_at"] = "กำหนดการหนึ่งรายการยาวได้ไม่เกิน 14 วัน (แยกเป็นหลายรายการ)"
        if self.status == AgendaStatus.DELEGATED and not (self.delegated_to or "").strip():
            errors["delegated_to"] = "กรุณาระบุผู้รับมอบ"
        if errors:
            raise ValidationError(errors)


class AgendaTransition(models.Model):
    """Append-only: every status change of an item (who, when, from, to, why). History is never rewritten."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="transitions",
                             verbose_name="กำหนดการ")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                           verbose_name="ผู้เปลี่ยน")
    at = models.DateTimeField("เมื่อ", default=timezone.now)
    from_status = models.CharField("จาก", max_length=20, choices=AgendaStatus.choices, blank=True)
    to_status = models.CharField("เป็น", max_length=20, choices=AgendaStatus.choices)
    note = models.TextField("หมายเหตุ", blank=True)

    class Meta:
        verbose_name = "การเปลี่ยนสถานะกำหนดการ"
        verbose_name_plural = "การเปลี่ยนสถานะกำหนดการ"
        ordering = ["at", "id"]


class AgendaFeed(SecretFeed):
    """A person's subscription to the minister's agenda (ICS) under a secret URL, apart from their personal
    calendar (tracking/ics.py): the team keeps the minister's schedule as a calendar of its own and can revoke one
    link without the other."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feeds",
                             verbose_name="ผู้ใช้")

    class Meta:
        verbose_name = "ลิงก์ปฏิทินกำหนดการรัฐมนตรี"
        verbose_name_plural = "ลิงก์ปฏิทินกำหนดการรัฐมนตรี"

    def __str__(self) -> str:
        state = "ยกเลิกแล้ว" if self.revoked_at else "ใช้งานอยู่"
        return f"ลิงก์ของ {self.user} ({state})"


def work_records(matter):
    """The minister's engagement a facilitation matter arranges, for the matter page (matters.work_records)."""
    from prasan.matters.choices import Kind
    from prasan.matters.work_records import WorkRecord
    from prasan.thai.dates import shown_datetime

    if matter.kind != Kind.FACILITATION:
        return []
    return [WorkRecord("กำหนดการรัฐมนตรี", f"{item.get_kind_display()} {shown_datetime(item.starts_at)}",
                       item.get_absolute_url(), "agenda")
            for item in AgendaItem.objects.filter(matter=matter).only("pk", "kind", "starts_at")[:5]]
