"""The matter's state machine as a table: events, who may fire them, and what must be present.

Substantive matters take the full path of the seed (consider → coordinate → write up →
review → minister → follow up); facilitation matters (extra information, corrections,
protocol, appointments) take the short path received → coordinating → closed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from prasan.accounts.models import Role

from . import document_path
from .access import in_scope
from .choices import OPEN_STATES, Kind, State
from .models import Decision, Matter, Transition

OFFICE_STAFF = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
SUPERVISORS = frozenset({Role.GROUP_HEAD, Role.HEAD})


class WorkflowError(Exception):
    """Base of refusals; `str(e)` is a Thai sentence saying why."""

    status = 409


class WrongState(WorkflowError):
    status = 409


class NotPermitted(WorkflowError):
    status = 403


class GuardFailed(WorkflowError):
    status = 422


class OpenRequestsLeft(WorkflowError):
    """Closing while agencies still owe answers: the closer must choose to cancel or keep those requests."""

    status = 409

    def __init__(self, message: str, requests: list):
        super().__init__(message)
        self.requests = requests


@dataclass(frozen=True)
class Guard:
    check: Callable[[Matter], bool]
    refusal: str


def _has_plan(m: Matter) -> bool:
    return hasattr(m, "plan") and bool(m.plan.targets.strip())


# An agency request is settled once answered or cancelled; anything else still waits for the agency.
SETTLED_REQUESTS = ("answered", "cancelled")
# What closing does with requests still open: cancel them (their links stop working), or keep them open.
OPEN_REQUEST_CHOICES = {"cancel": "ยกเลิกคำขอที่ยังไม่ได้ตอบ", "keep": "คงคำขอไว้ (หน่วยงานยังตอบได้)"}


def _has_open_requests(m: Matter) -> bool:
    return m.agency_requests.exclude(status__in=SETTLED_REQUESTS).exists()


def pending_requests(m: Matter) -> list:
    """The matter's agency requests still waiting for an answer, soonest deadline first."""
    return list(m.agency_requests.exclude(status__in=SETTLED_REQUESTS).select_related("agency")
                .order_by("deadline", "id"))


def _has_draft(m: Matter) -> bool:
    return any(check(m) for check in DRAFT_CHECKS)


def _has_outcome(m: Matter) -> bool:
    """The minister decided, or every document the office made for it is through (decided or sent)."""

    if m.decisions.exists():
        return True
    return document_path.has_documents(m) and document_path.held_at(m) == State.FOLLOWING_UP


# Apps further down the line (documents) add their own "a draft exists" checks here.
DRAFT_CHECKS: list[Callable[[Matter], bool]] = [
    lambda m: m.files.filter(kind="draft").exists(),
]

HAS_PLAN = Guard(_has_plan, "ต้องบันทึกแผนการประสาน (อย่างน้อยเป้าหมาย) ก่อนเริ่มประสานงาน")
HAS_OPEN_REQUESTS = Guard(_has_open_requests, "ยังไม่มีคำขอถึงหน่วยงานที่รอคำตอบ")
HAS_DRAFT = Guard(_has_draft, "ต้องมีร่างเอกสารก่อนเสนอตรวจ")
HAS_DECISION = Guard(_has_outcome, "ต้องบันทึกคำสั่งการ/เกษียนของผู้บริหาร หรือส่งเอกสารของเรื่องให้ครบ ก่อนปิดเรื่อง")


@dataclass(frozen=True)
class Rule:
    event: str
    label: str
    sources: frozenset
    target: str
    roles: frozenset
    guards: tuple = ()
    needs_message: bool = False
    message_label: str = "ข้อความ"
    style: str = "primary"
    extra: dict = field(default_factory=dict)


ANY_OPEN = frozenset(OPEN_STATES)
_common = (
    Rule("await_agencies", "รอหน่วยงานตอบ", frozenset({State.COORDINATING}), State.AWAITING_AGENCIES,
         OFFICE_STAFF, (HAS_OPEN_REQUESTS,), style="secondary"),
    Rule("resume", "กลับมาประสานงานต่อ", frozenset({State.AWAITING_AGENCIES}), State.COORDINATING,
         OFFICE_STAFF, style="secondary"),
    Rule("transfer", "โอนเรื่อง", ANY_OPEN, State.TRANSFERRED, SUPERVISORS, needs_message=True,
         message_label="โอนไปที่ใดและเพราะเหตุใด", style="danger"),
    Rule("cancel", "ยกเลิกเรื่อง", ANY_OPEN, State.CANCELLED, SUPERVISORS, needs_message=True,
         message_label="เหตุผลที่ยกเลิก", style="danger"),
    Rule("reopen", "เปิดเรื่องใหม่", frozenset({State.CLOSED}), State.COORDINATING, SUPERVISORS,
         needs_message=True, message_label="เหตุผลที่เปิดเรื่องใหม่", style="secondary"),
)

SUBSTANTIVE = (
    Rule("accept", "รับพิจารณา", frozenset({State.RECEIVED}), State.PLANNING, OFFICE_STAFF),
    Rule("start", "เริ่มประสานงาน", frozenset({State.PLANNING}), State.COORDINATING, OFFICE_STAFF, (HAS_PLAN,)),
    Rule("draft", "จัดทำเอกสาร", frozenset({State.COORDINATING}), State.DRAFTING, OFFICE_STAFF),
    Rule("submit", "เสนอตรวจ", frozenset({State.DRAFTING}), State.IN_REVIEW, OFFICE_STAFF, (HAS_DRAFT,)),
    Rule("return", "ส่งกลับแก้ไข", frozenset({State.IN_REVIEW}), State.DRAFTING, SUPERVISORS,
         needs_message=True, message_label="สิ่งที่ต้องแก้ไข", style="secondary"),
    Rule("approve", "ตรวจแล้ว เสนอรัฐมนตรี", frozenset({State.IN_REVIEW}), State.WITH_MINISTER,
         frozenset({Role.HEAD})),
    Rule("record_decision", "บันทึกคำสั่งการของรัฐมนตรี", frozenset({State.WITH_MINISTER}),
         State.FOLLOWING_UP, frozenset({Role.EXECUTIVE, Role.HEAD}), needs_message=True,
         message_label="ข้อความเกษียน/คำสั่งการ"),
    Rule("close", "ปิดเรื่อง", frozenset({State.FOLLOWING_UP}), State.CLOSED, OFFICE_STAFF, (HAS_DECISION,)),
) + _common

FACILITATION = (
    Rule("start", "เริ่มประสานงาน", frozenset({State.RECEIVED}), State.COORDINATING, OFFICE_STAFF),
    Rule("close", "ปิดเรื่อง", frozenset({State.COORDINATING}), State.CLOSED, OFFICE_STAFF,
         needs_message=True, message_label="ผลการดำเนินการ"),
) + _common

# Per kind by default; a duty type may get its own table here.
WORKFLOWS: dict[str, tuple[Rule, ...]] = {Kind.SUBSTANTIVE: SUBSTANTIVE, Kind.FACILITATION: FACILITATION}
DUTY_WORKFLOWS: dict[tuple[str, str], tuple[Rule, ...]] = {}

EVENT_LABELS = {rule.event: rule.label for table in WORKFLOWS.values() for rule in table}
EVENT_LABELS["create"] = "รับเรื่อง"
EVENT_LABELS.update(document_path.EVENT_LABELS)
EVENT_LABELS["deadline_changed"] = "เลื่อนกำหนด"


def rules_for(matter: Matter) -> tuple[Rule, ...]:
    return DUTY_WORKFLOWS.get((matter.kind, matter.duty_type), WORKFLOWS[matter.kind])


def find_rule(matter: Matter, event: str) -> Rule | None:
    return next((r for r in rules_for(matter) if r.event == event), None)


def check(matter: Matter, event: str, user) -> Rule:
    """Raise a WorkflowError saying why `user` may not fire `event` now; return the rule otherwise."""
    rule = find_rule(matter, event)
    if rule is None:
        raise WrongState(f"ไม่มีขั้นตอน “{EVENT_LABELS.get(event, event)}” สำหรับเรื่องประเภทนี้")
    if matter.state not in rule.sources:
        raise WrongState(
            f"ทำ “{rule.label}” ไม่ได้ขณะเรื่องอยู่ในสถานะ “{State(matter.state).label}”"
        )
    if user.role not in rule.roles:
        allowed = "、".join(Role(r).label for r in sorted(rule.roles))
        raise NotPermitted(f"“{rule.label}” ทำได้เฉพาะ {allowed}".replace("、", ", "))
    if not in_scope(user, matter):
        raise NotPermitted("เรื่องนี้ไม่อยู่ในความรับผิดชอบของกลุ่มงานหรือของท่าน")
    if event in document_path.DOCUMENT_EVENTS and document_path.has_documents(matter):
        raise WrongState(f"เรื่องนี้มีเอกสารในระบบ “{rule.label}” จึงทำที่หน้าเอกสาร และสถานะเรื่องจะเปลี่ยนตามเอกสารเอง")
    for guard in rule.guards:
        if not guard.check(matter):
            raise GuardFailed(guard.refusal)
    return rule


def available(matter: Matter, user) -> list[Rule]:
    """Events this user may fire now (for the matter page's buttons)."""
    result = []
    for rule in rules_for(matter):
        if matter.state in rule.sources and user.role in rule.roles:
            result.append(rule)
    if result and not in_scope(user, matter):
        return []
    if result and document_path.has_documents(matter):
        # Taken on the document's page; offering it here too would record the same step twice.
        result = [rule for rule in result if rule.event not in document_path.DOCUMENT_EVENTS]
    return result


def fire(matter: Matter, event: str, *, by, message: str = "", verdict: str = "", decided_by: str = "",
         open_requests: str = "") -> Transition:
    """Fire one event: check, change state, append the transition, audit — all or nothing.

    Closing a matter whose agencies still owe answers needs `open_requests` ("cancel" or "keep"): nothing is
    closed over an open request without someone saying what becomes of it."""
    from prasan.audit.models import record

    message = (message or "").strip()
    with transaction.atomic():
        locked = Matter.objects.select_for_update().get(pk=matter.pk)
        rule = check(locked, event, by)
        if rule.needs_message and not message:
            raise GuardFailed(f"กรุณากรอก “{rule.message_label}”")
        extra = _settle_requests(locked, open_requests, by) if rule.target == State.CLOSED else {}
        before = locked.state
        locked.state = rule.target
        if rule.target == State.CLOSED:
            locked.closed_at = timezone.now()
        elif before == State.CLOSED:
            locked.closed_at = None
        locked.save(update_fields=["state", "closed_at", "updated_at"])
        if event == "record_decision":
            Decision.objects.create(
                matter=locked,
                verdict=verdict if verdict in Decision.Verdict.values else Decision.Verdict.OTHER,
                text=message,
                decided_by=decided_by or "รัฐมนตรี",
                recorded_by=by,
            )
        transition = Transition.objects.create(
            matter=locked, by=by, event=event, from_state=before, to_state=rule.target, message=message
        )
        record(by, f"matter.{event}", locked, from_state=before, to_state=rule.target, message=message, **extra)
    matter.state = locked.state
    matter.closed_at = locked.closed_at
    return transition



def _settle_requests(matter: Matter, choice: str, by) -> dict:
    """Before closing: refuse while requests are open and no choice was made; cancel them if so chosen."""
    from prasan.thai.dates import thai_date

    pending = pending_requests(matter)
    if not pending:
        return {}
    if choice not in OPEN_REQUEST_CHOICES:
        listed = "; ".join(f"{r.agency.name} (กำหนด {thai_date(r.deadline, abbr=True, thai_digits=False)})" for r in pending)
        raise OpenRequestsLeft(f"ยังมีคำขอถึงหน่วยงานที่ยังไม่ได้ตอบ {len(pending)} รายการ: {listed} — "
                               "โปรดเลือกว่าจะยกเลิกคำขอเหล่านี้หรือคงไว้ แล้วจึงปิดเรื่อง", pending)
    if choice == "cancel":
        from prasan.coordination.services import cancel_request

        for request in pending:
            cancel_request(request, by=by)
    return {"open_requests": choice, "requests": [r.pk for r in pending]}
