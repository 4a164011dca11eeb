"""How a matter follows its documents: each step on a document moves the matter, as a table.

A step is taken once, on the document (documents/chain.py decides who may take it); the matter
only follows, and its history records the transition the step caused. With several documents on
one matter, the matter stands where its furthest-from-done document stands: a memo with the
minister keeps the matter "with the minister" while a letter is still being drafted, and the
matter is followed up only when every document is through.

Facilitation matters (received → coordinating → closed) have no drafting or review states; their
documents do not move them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .choices import OPEN_STATES, Kind, State
from .models import Decision, Matter, Transition


@dataclass(frozen=True)
class Step:
    """One step of a document's path: the matter event it records and where it sends the matter."""

    name: str
    event: str  # recorded on the matter's history, with that event's label
    target: str
    closes_when_done: bool = False  # the matter closes at this step when nothing is left open


# The document's path (the table), in the order a document takes it.
PATH = (
    Step("started", "draft", State.DRAFTING),
    Step("submitted", "submit", State.IN_REVIEW),
    Step("returned", "return", State.DRAFTING),
    Step("office_approved", "approve_in_office", State.IN_REVIEW),  # letters signed in the office: to sign
    Step("to_minister", "approve", State.WITH_MINISTER),
    Step("decided", "record_decision", State.FOLLOWING_UP),
    Step("signed", "sign", State.IN_REVIEW),  # signed, not yet sent
    Step("dispatched", "dispatch", State.FOLLOWING_UP, closes_when_done=True),
)
STEPS = {step.name: step for step in PATH}

# What each of the matter's documents holds it at; the furthest from done wins.
# (A document that is through — decided or sent — holds nothing: FOLLOWING_UP.)
HOLD_ORDER = (State.WITH_MINISTER, State.IN_REVIEW, State.DRAFTING, State.FOLLOWING_UP)

# The matter events a document's path takes: offered on the matter page only while the matter has no
# document in Prasan (a draft made elsewhere and uploaded as a file goes the matter's own way).
DOCUMENT_EVENTS = frozenset({"draft", "submit", "return", "approve", "record_decision"})
EVENT_LABELS = {"approve_in_office": "เอกสารผ่านการตรวจ รอลงนาม", "sign": "ลงนามเอกสารแล้ว",
                "dispatch": "ส่งหนังสือแล้ว"}

# Set by the documents app (it sits further down the line than matters):
# holds(matter) -> the states its documents hold it at; has_documents(matter); finished(matter) -> every
# document is through (decided or sent).
HOLDS: list[Callable[[Matter], list[str]]] = []
HAS_DOCUMENTS: list[Callable[[Matter], bool]] = []


def has_documents(matter: Matter) -> bool:
    return any(check(matter) for check in HAS_DOCUMENTS)


def held_at(matter: Matter) -> str:
    """Where the matter's documents hold it: the furthest from done of them."""
    held = {state for hold in HOLDS for state in hold(matter)}
    return next((state for state in HOLD_ORDER if state in held), State.FOLLOWING_UP)


def nothing_left_open(matter: Matter) -> bool:
    """No agency still owes an answer and every document is through."""
    if matter.agency_requests.exclude(status__in=("answered", "cancelled")).exists():
        return False
    return held_at(matter) == State.FOLLOWING_UP


def record_decision(matter: Matter, *, by, verdict: str, text: str, decided_by: str) -> Decision:
    """The executive's เกษียน on a document is the matter's decision: one row, made here only."""
    return Decision.objects.create(
        matter=matter, verdict=verdict if verdict in Decision.Verdict.values else Decision.Verdict.OTHER,
        text=text, decided_by=decided_by or "รัฐมนตรี", recorded_by=by)


def follow(matter: Matter, step_name: str, *, by, message: str = "") -> Transition | None:
    """Move the matter after its document took `step_name`; None when it stays where it is.

    Call inside the transaction that changed the document, after the document's new status is saved."""
    from prasan.audit.models import record

    step = STEPS[step_name]
    message = (message or "").strip() or "-"
    with transaction.atomic():
        locked = Matter.objects.select_for_update().get(pk=matter.pk)
        if locked.kind != Kind.SUBSTANTIVE or locked.state not in OPEN_STATES:
            return None
        target = held_at(locked)
        if step.closes_when_done and target == State.FOLLOWING_UP and nothing_left_open(locked):
            target = State.CLOSED
        if target == locked.state:
            return None
        before = locked.state
        locked.state = target
        locked.closed_at = timezone.now() if target == State.CLOSED else None
        locked.save(update_fields=["state", "closed_at", "updated_at"])
        transition = Transition.objects.create(matter=locked, by=by, event=step.event, from_state=before,
                                               to_state=target, message=message)
        record(by, f"matter.{step.event}", locked, from_state=before, to_state=target, message=message,
               by_document=True)
    matter.state, matter.closed_at = locked.state, locked.closed_at
    return transition
