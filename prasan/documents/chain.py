"""The review chain (ตรวจเสนอ): each step approves or returns; the matter follows its documents.

Who may take a step is decided here; where the matter goes is the table in matters/document_path.py:
submitted → in review, returned → drafting, the last office step → with the minister (or, for letters
signed in the office, to sign), the executive's เกษียน → the matter's one decision and follow-up.
"""

from django.db import transaction
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.matters import document_path

from . import office_defaults
from .events import step_taken
from .forms import FormError, get_form
from .models import Document, ReviewRoute, ReviewStep

DEFAULT_STEPS = [Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE]
# Letters to agencies are signed in the office; they need no minister's decision by default.
OFFICE_SIGNED = {"external_letter", "stamp_letter", "circular", "internal_memo", "order", "announcement"}
# What leaves the office once signed, to wait in someone's list until sent: the office's letters, and the
# minister's answer to a parliamentary question (to the Cabinet Secretariat or the House).
SENT_OUT = OFFICE_SIGNED | {"question_answer"}


class ChainError(Exception):
    """A Thai sentence saying why the step cannot be taken; `status` is how an API caller hears it (409: not
    now, 403: not yours, 422: something missing)."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


def route_for(document: Document) -> list[str]:
    unit = document.matter.owner_unit
    for form, unit_filter in ((document.form, unit), (document.form, None), ("", unit), ("", None)):
        route = ReviewRoute.objects.filter(form=form, unit=unit_filter).first()
        if route and route.steps:
            return list(route.steps)
    if document.form in OFFICE_SIGNED:
        return [Role.GROUP_HEAD, Role.HEAD]
    return list(DEFAULT_STEPS)


def may_decide(user, step: ReviewStep) -> bool:
    if user.role != step.role:
        return False
    if user.role == Role.GROUP_HEAD:
        return user.unit_id is not None and user.unit_id == step.document.matter.owner_unit_id
    return True


def submit(document: Document, *, by) -> Document:
    """Validate the form (every required part present) and open a new round of review."""
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if not locked.editable:
            raise ChainError("เอกสารนี้เสนอไปแล้ว")
        try:
            get_form(locked.form).clean(office_defaults.apply(locked.fields, locked.matter.office, locked.form))
        except FormError as exc:
            raise ChainError("ยังเสนอไม่ได้: " + "; ".join(exc.errors.values()), 422) from None
        last_round = locked.steps.order_by("-round").values_list("round", flat=True).first() or 0
        for order, role in enumerate(route_for(locked), start=1):
            ReviewStep.objects.create(document=locked, round=last_round + 1, order=order, role=role)
        locked.status = Document.Status.IN_REVIEW
        locked.save(update_fields=["status", "updated_at"])
        document_path.follow(locked.matter, "submitted", by=by,
                             message=f"เสนอ{get_form(locked.form).title} ฉบับที่ {locked.version}")
        step_taken.send(Document, document=locked, step="submitted", by=by, comment="")
        record(by, "document.submit", locked, version=locked.version)
    return locked


def decide(document: Document, *, by, approve: bool, comment: str = "", verdict: str = "") -> ReviewStep:
    """The current step's reviewer approves or returns (a return needs a comment saying what to fix)."""
    comment = (comment or "").strip()
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        step = locked.current_step()
        if locked.status != Document.Status.IN_REVIEW or step is None:
            raise ChainError("เอกสารนี้ไม่ได้อยู่ระหว่างตรวจเสนอ")
        if not may_decide(by, step):
            raise ChainError(f"ขั้นนี้รอ{Role(step.role).label}ตรวจ", 403)
        if not approve and not comment:
            raise ChainError("กรุณาระบุสิ่งที่ต้องแก้ไข", 422)
        if step.role == Role.EXECUTIVE and approve and (not (verdict or comment) or verdict == "other" and not comment):
            raise ChainError("กรุณาระบุคำวินิจฉัยหรือข้อความเกษียน", 422)
        step.status = ReviewStep.Status.APPROVED if approve else ReviewStep.Status.RETURNED
        step.decided_by, step.decided_at = by, timezone.now()
        step.name, step.position = by.get_full_name() or by.username, by.position
        step.comment, step.verdict = comment, verdict if step.role == Role.EXECUTIVE else ""
        step.save()
        if not approve:
            locked.steps.filter(round=step.round, status=ReviewStep.Status.PENDING).update(
                status=ReviewStep.Status.CANCELLED)
            locked.status = Document.Status.RETURNED
        elif locked.current_step() is None:
            # A memo signed before the minister's step stays signed once the minister decides.
            locked.status = Document.Status.SIGNED if locked.register_entry_id else Document.Status.APPROVED
        locked.save(update_fields=["status", "updated_at"])
        if step.role == Role.EXECUTIVE and approve:
            text = comment or dict(VERDICTS).get(verdict, verdict)
            step.decision = document_path.record_decision(locked.matter, by=by, verdict=verdict, text=text,
                                                          decided_by=step.name)
            step.save(update_fields=["decision"])
            taken, comment = "decided", text
        elif not approve:
            taken = "returned"
        else:
            following = locked.current_step()
            taken = "to_minister" if following is not None and following.role == Role.EXECUTIVE else \
                "reviewed" if following is not None else "office_approved"
        if taken != "reviewed":  # between two office reviewers the matter stays in review
            document_path.follow(locked.matter, taken, by=by, message=comment or f"ตรวจ{locked.title}แล้ว")
        step_taken.send(Document, document=locked, step=taken, by=by, comment=comment)
        record(by, "document.review", locked, step=step.order, role=step.role, decision=step.status,
               comment=comment)
    return step


VERDICTS = [("acknowledged", "ทราบ"), ("approved", "อนุมัติ"), ("endorsed", "เห็นชอบ"), ("not_approved", "ไม่อนุมัติ"),
            ("proceed", "ดำเนินการ"), ("other", "อื่น ๆ (ตามข้อความ)")]

