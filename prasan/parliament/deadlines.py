"""When an item is due: the letter's own "ภายในวันที่ …" if it has one, else the office's rule for its kind.

Days are government working days (prasan.tracking.calendar, with the office's holidays), never
calendar days.
"""

import datetime as dt

from prasan.thai.dates import shown_date
from prasan.tracking.calendar import WorkingCalendar

from .choices import RuleBasis
from .models import DeadlineRule


def rule_for(kind: str) -> DeadlineRule | None:
    return DeadlineRule.objects.filter(kind=kind, active=True).first()


def due(item, *, calendar: WorkingCalendar | None = None, rule: DeadlineRule | None = None
        ) -> tuple[dt.date | None, str]:
    """(the due date or None, how it was reached, in Thai)."""
    if item.letter_deadline:
        return item.letter_deadline, "ตามกำหนดในหนังสือ"
    rule = rule or rule_for(item.kind)
    if rule is None:
        return None, "ไม่มีกำหนดตอบของประเภทนี้"
    calendar = calendar or WorkingCalendar()
    if rule.basis == RuleBasis.WORKING_DAYS_FROM_RECEIPT:
        return calendar.add_working_days(item.received_on, rule.working_days), f"{rule.describe()} (กำหนดของสำนักงาน)"
    if rule.basis == RuleBasis.WORKING_DAYS_BEFORE_SITTING:
        if item.sitting_on is None:
            return None, "รอวันประชุม/วันตอบ"
        day = calendar.add_working_days(item.sitting_on, -rule.working_days)
        return day, f"{rule.describe()} {shown_date(item.sitting_on)} (กำหนดของสำนักงาน)"
    return None, "รอวันที่ตามหนังสือ"


def matter_deadlines(due_on: dt.date | None, today: dt.date, *, calendar: WorkingCalendar | None = None
                     ) -> tuple[dt.date | None, dt.date | None]:
    """(external, internal) for the item's matter: the office aims one working day early, as for any matter."""
    if due_on is None:
        return None, None
    internal = (calendar or WorkingCalendar()).add_working_days(due_on, -1)
    return due_on, internal if internal >= today else due_on
