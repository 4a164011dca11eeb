"""A cabinet meeting (ประชุมคณะรัฐมนตรี): when, where (Government House or off-site in a province), and whether
it was held. Meetings themselves are not secret: their agenda items carry the secrecy of their matters."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from prasan.thai import provinces
from prasan.thai.dates import shown_date

from ..choices import Location, MeetingStatus


class Meeting(models.Model):
    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT, verbose_name="สำนักงาน")
    meets_at = models.DateTimeField("วันเวลาประชุม")
    number = models.CharField("ครั้งที่", max_length=40, blank=True, help_text="เช่น 12/2569")
    location = models.CharField("สถานที่", max_length=20, choices=Location.choices,
                                default=Location.GOVERNMENT_HOUSE)
    province = models.CharField("จังหวัด (ครม. นอกสถานที่)", max_length=100, blank=True)
    venue = models.CharField("ห้อง/อาคาร", max_length=200, blank=True,
                             help_text="เช่น ตึกสันติไมตรี หรือ ศาลากลางจังหวัดขอนแก่น")
    status = models.CharField("สถานะ", max_length=20, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED)
    note = models.TextField("หมายเหตุ", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)

    class Meta:
        verbose_name = "การประชุมคณะรัฐมนตรี"
        verbose_name_plural = "การประชุมคณะรัฐมนตรี"
        ordering = ["-meets_at", "-id"]
        indexes = [models.Index(fields=["office", "meets_at", "id"], name="cabinet_meeting_when_idx")]

    def __str__(self) -> str:
        return self.label

    @property
    def day(self) -> dt.date:
        return timezone.localtime(self.meets_at).date() if timezone.is_aware(self.meets_at) else self.meets_at.date()

    @property
    def label(self) -> str:
        """`ประชุม ครม. ครั้งที่ 12/2569 (12 พ.ค. 2569)` — as the office names a meeting."""
        number = f" ครั้งที่ {self.number}" if self.number else ""
        return f"ประชุม ครม.{number} ({shown_date(self.day)})"

    @property
    def place(self) -> str:
        """`ทำเนียบรัฐบาล กรุงเทพมหานคร` or `ครม. นอกสถานที่ จังหวัดขอนแก่น`, with the venue when known."""
        where = (f"ครม. นอกสถานที่ จังหวัด{self.province}" if self.location == Location.OFFSITE
                 else Location.GOVERNMENT_HOUSE.label)
        return f"{where} ({self.venue})" if self.venue else where

    @property
    def is_upcoming(self) -> bool:
        return self.status == MeetingStatus.SCHEDULED and self.meets_at >= timezone.now()

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cabinet-meeting", args=[self.pk])

    def clean(self):
        errors = {}
        self.province = (self.province or "").strip().removeprefix("จังหวัด").strip()
        if self.location == Location.OFFSITE:
            if not self.province:
                errors["province"] = "ครม. นอกสถานที่ต้องระบุจังหวัด"
            elif self.province not in provinces.names():
                errors["province"] = f"ไม่รู้จักจังหวัด “{self.province}” กรุณาพิมพ์ชื่อจังหวัดให้ถูกต้อง"
        elif self.province:
            errors["province"] = "ระบุจังหวัดเฉพาะ ครม. นอกสถานที่ (หรือเลือกสถานที่เป็น ครม. นอกสถานที่)"
        if errors:
            raise ValidationError(errors)
