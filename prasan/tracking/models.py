"""Office holiday table: cabinet special days, substitution days, and working-day swaps."""

from django.db import models


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
