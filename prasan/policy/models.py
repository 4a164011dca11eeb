"""A policy (นโยบายรัฐมนตรี / ข้อสั่งการ) followed up with agencies: its indicators, each agency's commitment with
milestones and a schedule of progress reports, and the reports themselves.

Every policy hangs on one matter of duty type policy follow-up: whoever may see the matter may see the policy
(matters.access, never restated here), and it appears in the matter lists and the search as any matter does. Each
report due is answered through the coordination app's reply link: the due's AgencyRequest carries the deadline,
the link, the reminders and the late-agency tables."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from .choices import CommitmentStatus, Origin, PolicyKind, Role, Schedule


class PolicyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The policies whose matters `user` may see: matters.access.visible on the joined matter."""
        from prasan.matters.access import visible

        return visible(self, user, path="matter__")


class Policy(models.Model):
    matter = models.OneToOneField("matters.Matter", on_delete=models.PROTECT, related_name="policy",
                                  verbose_name="เรื่อง")
    kind = models.CharField("ประเภท", max_length=20, choices=PolicyKind.choices, default=PolicyKind.POLICY)
    origin = models.CharField("ที่มา", max_length=20, choices=Origin.choices, default=Origin.ENTERED)
    cabinet_item = models.ForeignKey("cabinet.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="มติคณะรัฐมนตรี")
    goals = models.TextField("เป้าหมาย", blank=True)
    starts_on = models.DateField("เริ่ม")
    ends_on = models.DateField("สิ้นสุด")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)

    objects = PolicyQuerySet.as_manager()

    class Meta:
        verbose_name = "นโยบาย/ข้อสั่งการ"
        verbose_name_plural = "นโยบาย/ข้อสั่งการ"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="policy_recent_idx")]

    def __str__(self) -> str:
        return str(self.matter)

    @property
    def title(self) -> str:
        return self.matter.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("policy-detail", args=[self.pk])


class Indicator(models.Model):
    """A KPI: what is measured, in which unit, from where to where, over which period."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField("ตัวชี้วัด", max_length=300)
    unit = models.CharField("หน่วยนับ", max_length=40)
    baseline = models.DecimalField("ค่าฐาน", max_digits=16, decimal_places=2, default=0)
    target = models.DecimalField("ค่าเป้าหมาย", max_digits=16, decimal_places=2)
    period = models.CharField("ช่วงเวลาวัดผล", max_length=100, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "ตัวชี้วัด"
        verbose_name_plural = "ตัวชี้วัด"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class Commitment(models.Model):
    """One agency's part of a policy, its milestones and when it reports."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="commitments")
    agency = models.ForeignKey("directory.Agency", on_delete=models.PROTECT, related_name="+",
                               verbose_name="หน่วยงาน")
    role = models.CharField("บทบาท", max_length=10, choices=Role.choices, default=Role.LEAD)
    task = models.TextField("ภารกิจที่รับผิดชอบ", blank=True)
    schedule = models.CharField("รอบการรายงาน", max_length=20, choices=Schedule.choices, default=Schedule.MONTHLY)
    report_dates = models.JSONField("วันที่ต้องรายงาน", default=list, blank=True)
    starts_on = models.DateField("เริ่ม")
    ends_on = models.DateField("สิ้นสุด")
    status = models.CharField("สถานะ", max_length=10, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.OPEN)
    closed_at = models.DateTimeField("ปิดเมื่อ", null=True, blank=True)
    closed_note = models.CharField("เหตุที่ปิด", max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "ภารกิจของหน่วยงาน"
        verbose_name_plural = "ภารกิจของหน่วยงาน"
        ordering = ["policy", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["policy", "agency"], name="policy_commitment_agency_once")]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == CommitmentStatus.OPEN


class Milestone(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("ขั้นงาน", max_length=300)
    due = models.DateField("กำหนดแล้วเสร็จ")
    done_on = models.DateField("แล้วเสร็จเมื่อ", null=True, blank=True)
    done_report = models.ForeignKey("ProgressReport", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="milestones_done", verbose_name="รายงานที่แจ้งแล้วเสร็จ")

    class Meta:
        verbose_name = "ขั้นงาน (ภารกิจ)"
        verbose_name_plural = "ขั้นงาน (ภารกิจ)"
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class ReportDue(models.Model):
    """One progress report a commitment owes: its period, its due date, and the request that asks for it (made
    when the report opens, so its reply link is fresh and reminders follow it)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="dues")
    seq = models.PositiveIntegerField("ครั้งที่")
    label = models.CharField("งวด", max_length=60)
    period_start = models.DateField("ตั้งแต่")
    period_end = models.DateField("ถึง")
    due_on = models.DateField("กำหนดส่ง")
    opens_on = models.DateField("เปิดรับรายงาน")
    request = models.OneToOneField("coordination.AgencyRequest", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="policy_due", verbose_name="คำขอถึงหน่วยงาน")

    class Meta:
        verbose_name = "งวดรายงาน"
        verbose_name_plural = "งวดรายงาน"
        ordering = ["commitment", "seq"]
        constraints = [models.UniqueConstraint(fields=["commitment", "seq"], name="policy_due_seq_once")]
        # The tick's question: which dues open today and have no request yet.
        indexes = [models.Index(fields=["opens_on"], condition=models.Q(request__isnull=True),
                                name="policy_due_unopened_idx")]

    def __str__(self) -> str:
        return f"{self.commitment.agency} งวด {self.label}"

    def is_late(self, today: dt.date | None = None) -> bool:
        """Due and not reported (a report sent after the due date is `ProgressReport.late`)."""
        today = today or timezone.localdate()
        return self.due_on < today and not hasattr(self, "report")


class ProgressReport(models.Model):
    due = models.OneToOneField(ReportDue, on_delete=models.PROTECT, related_name="report")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reports")
    progress = models.DecimalField("ความก้าวหน้า (ร้อยละ)", max_digits=5, decimal_places=1)
    narrative = models.TextField("ผลการดำเนินงาน")
    problems = models.TextField("ปัญหา/อุปสรรค", blank=True)
    reporter_name = models.CharField("ผู้รายงาน", max_length=200)
    submitted_at = models.DateTimeField("รายงานเมื่อ", default=timezone.now)
    late = models.BooleanField("ส่งเกินกำหนด", default=False)

    class Meta:
        verbose_name = "รายงานความก้าวหน้า"
        verbose_name_plural = "รายงานความก้าวหน้า"
        ordering = ["commitment", "submitted_at", "id"]
        indexes = [models.Index(fields=["commitment", "submitted_at"], name="policy_report_commitment_idx")]

    def __str__(self) -> str:
        return f"รายงาน{self.due.label} ของ {self.commitment.agency}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("policy-due", args=[self.commitment.policy_id, self.due_id])


class IndicatorValue(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField("ค่าที่วัดได้", max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = "ค่าตัวชี้วัด"
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="policy_value_once")]


def work_records(matter):
    """The policy a policy-follow-up matter follows, for the matter page (matters.work_records)."""
    from prasan.matters.choices import DutyType
    from prasan.matters.work_records import WorkRecord

    if matter.duty_type != DutyType.POLICY_FOLLOWUP:
        return []
    policy = Policy.objects.filter(matter=matter).only("pk", "kind").first()
    if policy is None:
        return []
    return [WorkRecord(policy.get_kind_display(), "ตัวชี้วัด หน่วยงาน รายงานผล และภาพรวมความก้าวหน้า",
                       policy.get_absolute_url(), "policy")]
