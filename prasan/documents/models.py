"""Documents drafted from a matter: versions, the review chain (ตรวจเสนอ), signing and dispatch."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewRoute(models.Model):
    """Who reviews a form, in order; the most specific route (form and unit) wins."""

    form = models.CharField("แบบเอกสาร", max_length=40, blank=True, help_text="เว้นว่าง = ทุกแบบ")
    unit = models.ForeignKey("directory.Unit", null=True, blank=True, on_delete=models.CASCADE,
                             verbose_name="กลุ่มงาน", help_text="เว้นว่าง = ทุกกลุ่มงาน")
    steps = models.JSONField("ลำดับผู้ตรวจ (บทบาท)", default=list,
                             help_text='เช่น ["group_head", "head", "executive"]')

    class Meta:
        verbose_name = "เส้นทางการตรวจเสนอ"
        verbose_name_plural = "เส้นทางการตรวจเสนอ"

    def __str__(self) -> str:
        from prasan.accounts.models import Role

        from .forms import FORMS

        form = FORMS[self.form].title if self.form in FORMS else (self.form or "ทุกแบบ")
        steps = " → ".join(Role(step).label if step in Role.values else str(step) for step in self.steps or [])
        return f"{form} / {self.unit or 'ทุกกลุ่ม'}: {steps}"


class Document(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "ร่าง"
        IN_REVIEW = "in_review", "อยู่ระหว่างตรวจเสนอ"
        RETURNED = "returned", "ส่งกลับแก้ไข"
        APPROVED = "approved", "ผ่านการตรวจ รอลงนาม"
        SIGNED = "signed", "ลงนามแล้ว"
        DISPATCHED = "dispatched", "ส่งแล้ว"

    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="documents",
                               verbose_name="เรื่อง")
    form = models.CharField("แบบเอกสาร", max_length=40)
    title = models.CharField("ชื่อเอกสาร", max_length=500)
    fields = models.JSONField("ข้อมูลในแบบ", default=dict)
    version = models.PositiveIntegerField("ฉบับที่", default=1)
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้จัดทำ")
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุดเมื่อ", auto_now=True)
    register_entry = models.OneToOneField("correspondence.RegisterEntry", null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name="document",
                                          verbose_name="รายการในทะเบียนหนังสือ")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name="ผู้ลงนาม")
    signed_name = models.CharField("ชื่อผู้ลงนาม (พิมพ์)", max_length=200, blank=True)
    signed_at = models.DateTimeField("ลงนามเมื่อ", null=True, blank=True)
    signed_position = models.TextField("ตำแหน่งผู้ลงนาม (ตามที่พิมพ์)", blank=True)
    signature_fingerprint = models.CharField("รหัสเอกสาร (ลายนิ้วมือ)", max_length=19, blank=True)
    signature_certificate = models.CharField("ใบรับรองที่ลงนาม", max_length=200, blank=True)
    signature_demo = models.BooleanField("ใบรับรองสาธิต", default=False)
    pdf = models.FileField("ไฟล์ PDF", upload_to="documents/%Y/%m/", blank=True)
    docx = models.FileField("ไฟล์ DOCX", upload_to="documents/%Y/%m/", blank=True)
    dispatched_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # The inbox's "returned to me" and "signed, for me to send" lists walk one status newest first.
        indexes = [models.Index(fields=["status", "-created_at", "-id"], name="document_status_recent")]
        verbose_name = "เอกสาร"
        verbose_name_plural = "เอกสาร"

    def __str__(self) -> str:
        return self.title

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def current_step(self):
        return self.steps.filter(status=ReviewStep.Status.PENDING).order_by("round", "order").first()


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    fields = models.JSONField()
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")]


class ReviewStep(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "รอตรวจ"
        APPROVED = "approved", "ผ่าน"
        RETURNED = "returned", "ส่งกลับแก้ไข"
        CANCELLED = "cancelled", "ยกเลิก"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="steps")
    round = models.PositiveIntegerField("รอบที่", default=1)
    order = models.PositiveIntegerField("ลำดับ")
    role = models.CharField("บทบาทผู้ตรวจ", max_length=20)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    name = models.CharField("ชื่อ", max_length=200, blank=True)
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    verdict = models.CharField("คำวินิจฉัย (ผู้บริหาร)", max_length=20, blank=True)
    comment = models.TextField("ความเห็น/เกษียน", blank=True)
    # The executive's step made the matter's decision: this is that one record.
    decision = models.OneToOneField("matters.Decision", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="review_step")

    class Meta:
        ordering = ["round", "order"]
        # Whose turn it is (the inbox, the badge): the pending steps of one role are a few rows however many
        # documents were ever reviewed.
        indexes = [models.Index(fields=["status", "role"], name="review_step_turn_idx")]

    @property
    def role_label(self) -> str:
        from prasan.accounts.models import Role

        return Role(self.role).label if self.role in Role.values else self.role

    @property
    def verdict_label(self) -> str:
        """The executive's verdict as the chain page prints it (ทราบ, อนุมัติ, …), not its code."""
        from prasan.matters.models import Decision

        return Decision.Verdict(self.verdict).label if self.verdict in Decision.Verdict.values else self.verdict


def holds(matter) -> list[str]:
    """Where each of the matter's documents holds it (see matters/document_path.py): with the minister while
    the executive's step is pending, in review while an office step is pending or it waits to be signed or
    sent, drafting while it can be edited; a document decided by the executive, or sent, holds nothing."""
    from prasan.accounts.models import Role
    from prasan.matters.choices import State

    documents = list(matter.documents.values_list("id", "status"))
    if not documents:
        return []
    steps = ReviewStep.objects.filter(document__matter=matter).filter(
        models.Q(status=ReviewStep.Status.PENDING) | models.Q(role=Role.EXECUTIVE, status=ReviewStep.Status.APPROVED)
    ).order_by("round", "order").values_list("document_id", "status", "role")
    current, decided = {}, set()
    for document_id, status, role in steps:
        if status == ReviewStep.Status.PENDING:
            current.setdefault(document_id, role)
        else:
            decided.add(document_id)
    held = []
    for document_id, status in documents:
        if status in (Document.Status.DRAFT, Document.Status.RETURNED):
            held.append(State.DRAFTING)
        elif status == Document.Status.IN_REVIEW:
            held.append(State.WITH_MINISTER if current.get(document_id) == Role.EXECUTIVE else State.IN_REVIEW)
        elif status in (Document.Status.APPROVED, Document.Status.SIGNED) and document_id not in decided:
            held.append(State.IN_REVIEW)  # to sign, or signed and not yet sent
    return held
