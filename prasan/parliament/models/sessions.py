"""Parliamentary sessions (สมัยประชุม) and the sitting days within them, as the office keeps them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from prasan.thai.dates import shown_date

from ..choices import House, SessionKind


class Session(models.Model):
    """A session of the National Assembly; both houses sit within it, so it has no house of its own."""

    name = models.CharField("ชื่อสมัยประชุม", max_length=200,
                            help_text="เช่น สมัยประชุมสามัญประจำปีครั้งที่หนึ่ง (ปีที่ ๓)")
    kind = models.CharField("ประเภท", max_length=20, choices=SessionKind.choices, default=SessionKind.ORDINARY)
    starts_on = models.DateField("วันเปิดสมัยประชุม")
    ends_on = models.DateField("วันปิดสมัยประชุม")
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        verbose_name = "สมัยประชุม"
        verbose_name_plural = "สมัยประชุม"
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["starts_on"], name="parliament_session_start_unique"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="parliament_session_order"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({shown_date(self.starts_on)} – {shown_date(self.ends_on)})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "วันปิดสมัยประชุมต้องไม่อยู่ก่อนวันเปิดสมัยประชุม"})

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on

    @classmethod
    def on(cls, day) -> "Session | None":
        """The session a day falls in, if any."""
        return cls.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by("-starts_on").first()


class Sitting(models.Model):
    """A sitting day of one house (the House usually sits Wednesday–Thursday, the Senate Monday–Tuesday)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="sittings", verbose_name="สมัยประชุม")
    house = models.CharField("สภา", max_length=10, choices=House.choices)
    date = models.DateField("วันประชุม")
    title = models.CharField("การประชุม", max_length=200, blank=True, help_text="เช่น การประชุมสภาผู้แทนราษฎร ครั้งที่ ๑๒")
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        verbose_name = "วันประชุมสภา"
        verbose_name_plural = "วันประชุมสภา"
        ordering = ["date", "house"]
        constraints = [models.UniqueConstraint(fields=["house", "date"], name="parliament_sitting_unique")]
        indexes = [models.Index(fields=["date", "house"], name="parliament_sitting_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_house_display()} {shown_date(self.date)}"

    def clean(self):
        if self.session_id and self.date and not self.session.covers(self.date):
            raise ValidationError({"date": f"วันประชุมอยู่นอก{self.session.name} "
                                           f"({shown_date(self.session.starts_on)} – {shown_date(self.session.ends_on)})"})
