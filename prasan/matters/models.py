"""The matter (เรื่อง) and what hangs on it: transitions, plan, milestones, files, decisions, shares."""

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from prasan.thai.dates import be_year

from .choices import (
    OPEN_STATES,
    CommandChannel,
    DutyType,
    Kind,
    Process,
    Secrecy,
    Source,
    State,
    Urgency,
)


class MatterCounter(models.Model):
    """The last running number used per office and Buddhist-era year; locked while a matter is numbered."""

    office = models.ForeignKey("directory.Office", on_delete=models.CASCADE)
    year = models.IntegerField()
    value = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="matter_counter_unique")]

    @classmethod
    def next(cls, office, year: int) -> int:
        """Call inside the transaction that saves the matter, so a failure leaves no gap."""
        cls.objects.get_or_create(office=office, year=year)
        counter = cls.objects.select_for_update().get(office=office, year=year)
        counter.value += 1
        counter.save(update_fields=["value"])
        return counter.value


# Sent by MatterQuerySet.update (which sends no pre_save or post_save) inside its transaction, with the ids of the
# matters updated and the names of the fields set, so what is kept from matters (open work, the dashboards'
# counters) stays exact through it too. matters_updating comes before the update: a receiver may read the rows as
# they were and return a callable, which is called once the update is made.
matters_updating = Signal()
matters_updated = Signal()


class MatterQuerySet(models.QuerySet):
    def update(self, **fields):
        if not (matters_updated.has_listeners(self.model) or matters_updating.has_listeners(self.model)):
            return super().update(**fields)
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))  # before: the update may take them out of the filter
            names = frozenset(fields)
            afterwards = [then for _, then in matters_updating.send(self.model, pks=pks, fields=names) if then]
            count = super().update(**fields)
            for then in afterwards:
                then()
            matters_updated.send(self.model, pks=pks, fields=names)
        return count

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def visible_to(self, user):
        """The matters `user` may see: matters.access states the rule (need to know) and renders it."""
        from .access import visible

        return visible(self, user)

    def assigned_to(self, user):
        """visible_to(user) among the matters the user is assigned to (matters.access.assigned)."""
        from .access import assigned

        return assigned(self, user)

    def numbered(self, text: str):
        """The matter numbered as people write it, "สร 12/2569" or "๑๒/๒๕๖๙" (none if it is no number)."""
        from prasan.thai.digits import to_arabic

        try:
            seq, year = to_arabic(text or "").strip().split()[-1].split("/")
            return self.filter(seq=int(seq), year=int(year))
        except (ValueError, IndexError):
            return self.none()


class Matter(models.Model):
    office = models.ForeignKey("directory.Office", on_delete=models.PROTECT, verbose_name="สำนักงาน")
    year = models.IntegerField("ปี พ.ศ.")
    seq = models.IntegerField("เลขลำดับ")
    title = models.CharField("เรื่อง", max_length=500)
    description = models.TextField("รายละเอียด/สาระของคำสั่งการ", blank=True)
    duty_type = models.CharField("ประเภทภารกิจ", max_length=30, choices=DutyType.choices)
    source = models.CharField("ที่มา", max_length=30, choices=Source.choices)
    commanded_by = models.CharField("ผู้สั่งการ", max_length=200, blank=True)
    commanded_at = models.DateTimeField("เวลาที่สั่งการ", null=True, blank=True)
    command_channel = models.CharField(
        "ช่องทางที่สั่งการ", max_length=20, choices=CommandChannel.choices, blank=True
    )
    kind = models.CharField("ลักษณะงาน", max_length=20, choices=Kind.choices, default=Kind.SUBSTANTIVE)
    process = models.CharField("กระบวนการ", max_length=20, choices=Process.choices, default=Process.MAIN)
    urgency = models.CharField("ชั้นความเร็ว", max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    secrecy = models.IntegerField("ชั้นความลับ", choices=Secrecy.choices, default=Secrecy.NORMAL)
    owner_unit = models.ForeignKey(
        "directory.Unit", null=True, blank=True, on_delete=models.PROTECT, verbose_name="กลุ่มงานเจ้าของเรื่อง"
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assigned_matters", verbose_name="ผู้รับผิดชอบ"
    )
    external_deadline = models.DateField("กำหนดส่ง (ภายนอก)", null=True, blank=True)
    internal_deadline = models.DateField("กำหนดภายใน", null=True, blank=True)
    state = models.CharField("สถานะ", max_length=20, choices=State.choices, default=State.RECEIVED)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children", verbose_name="เรื่องหลัก"
    )
    tags = models.CharField("คำสำคัญ", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    closed_at = models.DateTimeField("ปิดเรื่องเมื่อ", null=True, blank=True)

    objects = MatterQuerySet.as_manager()

    class Meta:
        verbose_name = "เรื่อง"
        verbose_name_plural = "เรื่อง"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year", "seq"], name="matter_number_unique"),
            models.CheckConstraint(condition=Q(secrecy__gte=min(Secrecy.values), secrecy__lte=max(Secrecy.values)),
                                   name="matter_secrecy_level"),
        ]
        indexes = [
            # Open matters by deadline (overdue, due soon), and with id and secrecy the open side of my-work's
            # join with a person's assignments, from the index alone.
            models.Index(fields=["state", "internal_deadline", "id", "secrecy"], name="matter_state_deadline_idx"),
            # The matter list by duty type and state (and urgency): its count and its open page's ids from the index
            # alone — by duty type and urgency alone (the index below) the count read every closed matter of the
            # kind too and looked each one up for its state (50-70 ms at a million matters).
            models.Index(fields=["duty_type", "state", "urgency", "created_at", "secrecy"], name="matter_duty_state_idx"),
            # The matter list, newest first; secrecy last, so a viewer's list is read from the index alone.
            models.Index(fields=["-created_at", "-id", "secrecy"], name="matter_recent_idx"),
            models.Index(fields=["urgency", "state"]),
            models.Index(fields=["state", "closed_at"]),
            # The dashboards' counts, read from the index alone: every breakdown of the open matters …
            # (id last: PostgreSQL's indexes hold no row id of their own, and my-work picks ids from here)
            models.Index(fields=["state", "owner_unit", "duty_type", "urgency", "internal_deadline", "created_at",
                                 "secrecy", "id"], name="matter_open_profile_idx"),
            # … a unit's weekly intake and closures (the office's use created_at and state, closed_at), and
            # its matters' ids …
            models.Index(fields=["owner_unit", "created_at", "id"], name="matter_unit_intake_idx"),
            models.Index(fields=["owner_unit", "state", "closed_at"], name="matter_unit_closed_idx"),
            # … and the same counts over the secret matters a viewer may not see, which are taken away.
            models.Index(fields=["secrecy", "state", "owner_unit", "duty_type", "urgency", "internal_deadline",
                                 "created_at", "closed_at", "id"], name="matter_secret_profile_idx"),
            # The matter list by state, and by duty type and urgency: a page's ids read in order, newest first,
            # and its count, from the index alone (secrecy last, for the viewers whose list depends on it).
            models.Index(fields=["state", "-created_at", "-id", "secrecy"], name="matter_state_recent_idx"),
            models.Index(fields=["duty_type", "urgency", "-created_at", "-id", "secrecy"], name="matter_duty_recent_idx"),
            # Few matters have a parent; on this index alone SQLite sees a child lookup as the few rows it is.
            models.Index(fields=["parent"], condition=Q(parent__isnull=False), name="matter_children_idx"),
        ]

    def save(self, *args, **kwargs):
        # The row and what is kept from it by pre/post_save (open work, the search index, the dashboards' counters)
        # in one transaction.
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            super().save(*args, **kwargs)

    def __str__(self) -> str:
        # Shown by the admin's pickers and change log and anything else that prints a matter: never a secret title.
        from .access import safe_title

        return f"{self.number} {safe_title(self)}"

    @property
    def number(self) -> str:
        return f"{self.office.abbreviation} {self.seq}/{self.year}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_secret(self) -> bool:
        return self.secrecy > Secrecy.NORMAL

    @property
    def due_date(self) -> dt.date | None:
        return self.internal_deadline or self.external_deadline

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("matter-detail", args=[self.pk])

    def fire(self, event: str, *, by, **kwargs):
        """Fire a workflow event (see workflow.py); raises WorkflowError with a Thai reason."""
        from .workflow import fire

        return fire(self, event, by=by, **kwargs)

    @classmethod
    def create(cls, *, by, office, assignees=(), **fields) -> "Matter":
        """Number and save a new matter, log its receipt, audit it — all or nothing."""
        from prasan.audit.models import record

        with transaction.atomic():
            year = be_year(timezone.localdate())
            matter = cls(office=office, year=year, created_by=by, **fields)
            matter.seq = MatterCounter.next(office, year)
            # by=None: filed by nobody signed in (the public complaint form, an import run by the system)
            matter.full_clean(exclude=["assignees"] + (["created_by"] if by is None else []))
            matter.save()
            if assignees:
                matter.assignees.set(assignees)
            Transition.objects.create(
                matter=matter, by=by, event="create", from_state="", to_state=matter.state,
                message=f"รับเรื่องจาก{matter.get_source_display()}",
            )
            record(by, "matter.create", matter, number=matter.number, title=matter.title)
        return matter


class MatterShare(models.Model):
    """An explicit need-to-know grant for a secret matter."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="shares", verbose_name="เรื่อง")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name="ผู้ได้รับสิทธิ์")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="ผู้ให้สิทธิ์")
    granted_at = models.DateTimeField("ให้สิทธิ์เมื่อ", default=timezone.now)

    class Meta:
        verbose_name = "สิทธิ์เข้าถึงเรื่องลับ"
        verbose_name_plural = "สิทธิ์เข้าถึงเรื่องลับ"
        constraints = [models.UniqueConstraint(fields=["matter", "user"], name="matter_share_unique")]


class Transition(models.Model):
    """Append-only history of the matter's state; never edited."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="transitions")
    at = models.DateTimeField("เวลา", default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    event = models.CharField("เหตุการณ์", max_length=30)
    from_state = models.CharField("จากสถานะ", max_length=20, blank=True)
    to_state = models.CharField("เป็นสถานะ", max_length=20)
    message = models.TextField("ข้อความ", blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["matter", "at"])]

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("transitions are append-only")
        super().save(*args, **kwargs)

    @property
    def to_label(self) -> str:
        """The new state, or what happened when the state stayed (e.g. a deadline moved)."""
        if self.from_state == self.to_state:
            from .workflow import EVENT_LABELS

            return EVENT_LABELS.get(self.event, self.event)
        return State(self.to_state).label if self.to_state in State.values else self.to_state


class Plan(models.Model):
    """Step 2 of the seed: targets, methods, time conditions and deliverables."""

    matter = models.OneToOneField(Matter, on_delete=models.CASCADE, related_name="plan")
    targets = models.TextField("เป้าหมาย (หน่วยงาน/บุคคล)")
    methods = models.JSONField("วิธีการประสาน", default=list, blank=True)
    deliverables = models.TextField("ผลงานที่ต้องได้", blank=True)
    notes = models.TextField("การวิเคราะห์/ข้อสังเกต", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "แผนการประสาน"


class Milestone(models.Model):
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("ขั้นงาน", max_length=300)
    due = models.DateField("กำหนด")
    done_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        verbose_name = "ขั้นงาน"


class MatterFile(models.Model):
    class Kind(models.TextChoices):
        SOURCE = "source", "เอกสารต้นเรื่อง"
        DRAFT = "draft", "ร่างเอกสาร"
        ANSWER = "answer", "เอกสารตอบจากหน่วยงาน"
        OTHER = "other", "อื่น ๆ"

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("ชนิด", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(upload_to="matters/%Y/%m/")
    name = models.CharField("ชื่อไฟล์", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    activity = models.ForeignKey(
        "coordination.Activity", null=True, blank=True, on_delete=models.SET_NULL, related_name="files"
    )
    agency_request = models.ForeignKey(
        "coordination.AgencyRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="files"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]


class Decision(models.Model):
    """เกษียน/คำสั่งการ: the minister's or an executive's written decision on a matter."""

    class Verdict(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", "ทราบ"
        APPROVED = "approved", "อนุมัติ"
        ENDORSED = "endorsed", "เห็นชอบ"
        NOT_APPROVED = "not_approved", "ไม่อนุมัติ"
        PROCEED = "proceed", "ดำเนินการ"
        OTHER = "other", "อื่น ๆ (ตามข้อความ)"

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="decisions")
    verdict = models.CharField("คำวินิจฉัย", max_length=20, choices=Verdict.choices)
    text = models.TextField("ข้อความเกษียน", blank=True)
    decided_by = models.CharField("ผู้สั่งการ", max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]
