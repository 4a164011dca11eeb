"""An agenda item of a cabinet meeting that concerns the ministry, always tied to one matter (duty type
political_support): whoever may see the matter may see the item, and whoever may change it may change the item.
Its resolution (มติ ครม.) may start one follow-up matter (policy_followup), recorded here."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from prasan.thai.dates import shown_date

from ..choices import AgendaKind, AgendaSource


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The items whose matters `user` may see (matters' own rule, never restated here)."""
        from prasan.matters.models import Matter

        matters = Matter.objects.visible_to(user)
        if not matters.query.where:  # cleared for everything: no condition at all
            return self.all()
        return self.filter(matter__in=matters.values("pk"))


class AgendaItem(models.Model):
    meeting = models.ForeignKey("cabinet.Meeting", on_delete=models.PROTECT, related_name="items",
                                verbose_name="การประชุม")
    matter = models.ForeignKey("matters.Matter", on_delete=models.PROTECT, related_name="cabinet_items",
                               verbose_name="เรื่อง")
    order = models.CharField("ระเบียบวาระที่", max_length=20, blank=True, help_text="เช่น 4.2")
    subject = models.CharField("เรื่อง", max_length=500)
    kind = models.CharField("ประเภทวาระ", max_length=20, choices=AgendaKind.choices, default=AgendaKind.PROPOSAL)
    source = models.CharField("ที่มา", max_length=20, choices=AgendaSource.choices, default=AgendaSource.ENTERED)
    letter_number = models.CharField("ที่หนังสือ สลค.", max_length=60, blank=True, help_text="เช่น นร 0505/ว 123")
    letter_date = models.DateField("ลงวันที่ (หนังสือ สลค.)", null=True, blank=True)
    summary = models.TextField("สาระสำคัญ", blank=True)
    briefing_points = models.TextField("ประเด็นที่รัฐมนตรีต้องชี้แจง", blank=True)
    resolution = models.TextField("มติคณะรัฐมนตรี", blank=True)
    resolved_on = models.DateField("วันที่มีมติ", null=True, blank=True)
    followup = models.OneToOneField("matters.Matter", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="cabinet_resolution", verbose_name="เรื่องติดตามมติ")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = "วาระการประชุมคณะรัฐมนตรี"
        verbose_name_plural = "วาระการประชุมคณะรัฐมนตรี"
        ordering = ["meeting", "order", "id"]
        indexes = [models.Index(fields=["meeting", "order", "id", "matter"], name="cabinet_agenda_meeting_idx")]
        constraints = [models.UniqueConstraint(fields=["meeting", "matter"], name="cabinet_agenda_matter_once")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"วาระที่ {self.order}" if self.order else self.get_kind_display()

    def matter_title(self) -> str:
        return f"{self.get_kind_display()}ต่อคณะรัฐมนตรี เรื่อง {self.subject}"[:500]

    def followup_title(self) -> str:
        day = f" {shown_date(self.resolved_on)}" if self.resolved_on else ""
        return f"ติดตามมติคณะรัฐมนตรี{day} เรื่อง {self.subject}"[:500]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cabinet-agenda", args=[self.pk])

    def clean(self):
        errors = {}
        letter_date = self.letter_date if isinstance(self.letter_date, dt.date) else None
        resolved = self.resolved_on if isinstance(self.resolved_on, dt.date) else None
        if self.source == AgendaSource.SLK_LETTER and not (self.letter_number or "").strip():
            errors["letter_number"] = "วาระจากหนังสือ สลค. ต้องระบุที่หนังสือ"
        if letter_date and letter_date > timezone.localdate():
            errors["letter_date"] = "วันที่หนังสือต้องไม่อยู่ในอนาคต"
        if resolved and self.meeting_id and resolved < self.meeting.day:
            errors["resolved_on"] = f"วันที่มีมติต้องไม่อยู่ก่อนวันประชุม ({shown_date(self.meeting.day)})"
        if resolved and not (self.resolution or "").strip():
            errors["resolution"] = "กรุณากรอกมติคณะรัฐมนตรี"
        if errors:
            raise ValidationError(errors)


def work_records(matter):
    """The cabinet agenda item a matter prepares, or the resolution it follows up, for the matter page
    (matters.work_records)."""
    from prasan.matters.choices import DutyType
    from prasan.matters.work_records import WorkRecord

    if matter.duty_type == DutyType.POLITICAL_SUPPORT:
        items = AgendaItem.objects.filter(matter=matter)
        kind, slug = "วาระการประชุมคณะรัฐมนตรี", "cabinet-item"
    elif matter.duty_type == DutyType.POLICY_FOLLOWUP:
        items = AgendaItem.objects.filter(followup=matter)
        kind, slug = "มติคณะรัฐมนตรีที่ติดตาม", "cabinet-resolution"
    else:
        return []
    return [WorkRecord(kind, item.subject, item.get_absolute_url(), slug)
            for item in items.only("pk", "subject")[:5]]
