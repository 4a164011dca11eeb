"""The item follows its answer document, so nobody records the same step twice: the answer submitted for
review → ร่างคำตอบแล้ว; the minister's เกษียน on it (not "ไม่อนุมัติ") → รัฐมนตรีเห็นชอบแล้ว; the signed
answer sent → ตอบ/ชี้แจงแล้ว, with the day it was sent. The item's own page still moves it by hand for
what no document shows (postponed, lapsed, withdrawn, a live question answered in the chamber)."""

from django.utils import timezone

from . import services, statuses
from .choices import Status

ANSWER_FORMS = {"question_answer", "speaking_brief"}
FOLLOW = {"submitted": Status.ANSWER_DRAFTED, "decided": Status.APPROVED, "dispatched": Status.ANSWERED}
ORDER = [Status.RECEIVED, Status.ASSIGNED, Status.INFORMATION_REQUESTED, Status.ANSWER_DRAFTED,
         Status.APPROVED, Status.ANSWERED]


def follow_document(sender, document, step, by, **kwargs) -> None:
    target = FOLLOW.get(step)
    if target is None or document.form not in ANSWER_FORMS:
        return
    if step == "dispatched" and document.form != "question_answer":
        return  # a brief is spoken from, not sent
    from .models import Item

    item = Item.objects.select_for_update().filter(matter_id=document.matter_id).first()
    if item is None or _reached(item.status, target):
        return
    if step == "decided" and _refused(document):
        return
    if step == "dispatched":
        item.answer_sent_on = timezone.localdate()
    for status in _path(item.status, target):
        services.change_status(item, by=by, to=status, note=f"ตาม{document.title}")


def _reached(current: str, target: str) -> bool:
    return current in ORDER and ORDER.index(current) >= ORDER.index(target)


def _path(current: str, target: str) -> list[str]:
    """The moves from `current` to `target` by the table (statuses.MOVES), each the furthest allowed step
    short of the target (a draft the minister approved before anyone set ร่างคำตอบแล้ว passes through it);
    none when the table has no way there."""
    moves, at = [], current
    for _ in ORDER:
        options = statuses.allowed(at)
        if target in options:
            return [*moves, target]
        ahead = [s for s in options if s in ORDER and ORDER.index(s) < ORDER.index(target)]
        if not ahead:
            break
        at = max(ahead, key=ORDER.index)
        moves.append(at)
    return []


def _refused(document) -> bool:
    step = document.steps.filter(decision__isnull=False).select_related("decision").order_by("-round", "-order").first()
    return step is not None and step.decision.verdict == "not_approved"
