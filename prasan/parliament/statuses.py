"""An item's status path as a table: from each status, where it may go, and what a move needs.

received → assigned → information_requested → answer_drafted → approved → answered, with a step back
where work is returned; from any open status it may be postponed (with the new date: counted), lapse
(ตกไป) or be withdrawn. Answered, lapsed and withdrawn are final.
"""

from .choices import FINAL_STATUSES, Status

S = Status
_ENDINGS = {S.POSTPONED, S.LAPSED, S.WITHDRAWN}
MOVES: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.ASSIGNED, S.INFORMATION_REQUESTED, S.ANSWER_DRAFTED, *_ENDINGS}),
    S.ASSIGNED: frozenset({S.INFORMATION_REQUESTED, S.ANSWER_DRAFTED, *_ENDINGS}),
    S.INFORMATION_REQUESTED: frozenset({S.ANSWER_DRAFTED, *_ENDINGS}),
    S.ANSWER_DRAFTED: frozenset({S.APPROVED, S.INFORMATION_REQUESTED, *_ENDINGS}),
    S.APPROVED: frozenset({S.ANSWERED, S.ANSWER_DRAFTED, *_ENDINGS}),
    # Work goes on after a postponement, from wherever it had reached; it may be postponed again.
    S.POSTPONED: frozenset({S.ASSIGNED, S.INFORMATION_REQUESTED, S.ANSWER_DRAFTED, S.APPROVED, S.ANSWERED,
                            *_ENDINGS}),
}
for _final in FINAL_STATUSES:
    MOVES[_final] = frozenset()

# How far along an item is, for the this-week page's readiness (0 = nothing yet, 1 = ready to answer).
READINESS = {
    S.RECEIVED: 0.0, S.ASSIGNED: 0.2, S.INFORMATION_REQUESTED: 0.4, S.ANSWER_DRAFTED: 0.6, S.APPROVED: 1.0,
    S.ANSWERED: 1.0, S.POSTPONED: 0.0, S.LAPSED: 0.0, S.WITHDRAWN: 0.0,
}

# The words on each move's button.
ACTIONS = {
    S.ASSIGNED: "มอบหมายผู้รับผิดชอบแล้ว", S.INFORMATION_REQUESTED: "ขอข้อมูลหน่วยงานแล้ว",
    S.ANSWER_DRAFTED: "ร่างคำตอบแล้ว", S.APPROVED: "รัฐมนตรีเห็นชอบแล้ว", S.ANSWERED: "ตอบ/ชี้แจงแล้ว",
    S.POSTPONED: "เลื่อน", S.LAPSED: "ตกไป", S.WITHDRAWN: "ถอน",
}


class StatusRefused(Exception):
    """A move the table does not allow, or one missing what it needs; `str(e)` says why in Thai."""

    status = 409


def allowed(current: str) -> list[str]:
    """The statuses an item in `current` may move to, in the path's order."""
    targets = MOVES.get(current, frozenset())
    return [s for s in Status.values if s in targets]


def check(current: str, target: str, *, new_date=None) -> None:
    if target not in Status.values:
        raise StatusRefused(f"ไม่รู้จักสถานะ “{target}”")
    if target not in MOVES.get(current, frozenset()):
        raise StatusRefused(f"เปลี่ยนจาก “{Status(current).label}” เป็น “{Status(target).label}” ไม่ได้")
    if target == S.POSTPONED and new_date is None:
        raise StatusRefused("การเลื่อนต้องระบุวันประชุม/วันตอบใหม่")
