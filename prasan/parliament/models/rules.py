"""The office's answer-deadline rule per kind of item, kept as data and edited in the settings pages.

The starting rules are loaded by migration 0002 (where their values are written out).

The defaults are the office's working practice, not law: where a rule's legal text is not known the
citation says so. A date written in the letter ("ภายในวันที่ …") always wins over any rule.
"""

from django.db import models

from ..choices import ItemKind, RuleBasis


class DeadlineRule(models.Model):
    kind = models.CharField("ประเภท", max_length=30, choices=ItemKind.choices, unique=True)
    basis = models.CharField("นับจาก", max_length=40, choices=RuleBasis.choices)
    working_days = models.PositiveSmallIntegerField(
        "จำนวนวันทำการ", default=0,
        help_text="หลังวันรับเรื่อง หรือก่อนวันประชุม/วันตอบ ตามที่เลือก (ไม่ใช้เมื่อนับตามวันที่ในหนังสือ)")
    citation = models.CharField(
        "ที่มาของกำหนด", max_length=500, blank=True,
        help_text="ระเบียบหรือข้อบังคับที่อ้างถึง หากไม่มีให้ระบุว่าเป็นค่าที่สำนักงานตั้งเอง")
    active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        verbose_name = "กำหนดตอบตามประเภท"
        verbose_name_plural = "กำหนดตอบตามประเภท"
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.describe()}"

    def describe(self) -> str:
        if self.basis == RuleBasis.WORKING_DAYS_FROM_RECEIPT:
            return f"{self.working_days} วันทำการนับจากวันรับเรื่อง"
        if self.basis == RuleBasis.WORKING_DAYS_BEFORE_SITTING:
            return f"{self.working_days} วันทำการก่อนวันประชุม/วันตอบ" if self.working_days else "วันประชุม/วันตอบ"
        return "ตามวันที่ที่ระบุในหนังสือ"

