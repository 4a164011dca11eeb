"""The complaint's clock in working days: acknowledge within N (default 3), answer or notify progress within M
(default 15, the Good Governance decree's), stopped only with a recorded reason.

The clock is also the matter's deadlines, so "งานของฉัน", the dashboards and the reminders of prasan.tracking
follow it as they follow any matter: until acknowledged, the internal deadline is the acknowledgement's; the
external one is the answer's (after a progress notice, the next notice's). A paused clock leaves the matter
without deadlines; resuming moves every due date by the working days it stood.
"""

import datetime as dt

from django.utils import timezone

from prasan.tracking.calendar import WorkingCalendar

from .models import Complaint, Policy

ACKNOWLEDGE, ANSWER, NEXT_NOTICE = "แจ้งรับเรื่อง", "ตอบ/แจ้งความคืบหน้า", "แจ้งความคืบหน้าครั้งต่อไป"


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def due_dates(office, received, *, calendar: WorkingCalendar | None = None) -> tuple[dt.date, dt.date]:
    """(acknowledgement due, answer due) for a complaint received at `received` (counting from the next working
    day, as every Prasan deadline)."""
    policy = Policy.of(office)
    calendar = calendar or WorkingCalendar()
    day = _day(received)
    return (calendar.add_working_days(day, policy.ack_working_days),
            calendar.add_working_days(day, policy.answer_working_days))


def matter_deadlines(complaint, *, calendar: WorkingCalendar | None = None) -> tuple[dt.date | None, dt.date | None]:
    """(internal, external) deadlines the complaint's matter carries now."""
    if complaint.is_paused or complaint.is_concluded:
        return None, None
    external = complaint.answer_due
    if complaint.responded_at:
        # Answered in part: the next progress notice is due a full period after the last one.
        last = complaint.replies.order_by("-sent_at").values_list("sent_at", flat=True).first()
        policy = Policy.of(complaint.office)
        external = (calendar or WorkingCalendar()).add_working_days(_day(last or complaint.responded_at),
                                                                   policy.answer_working_days)
    internal = complaint.ack_due if not complaint.acknowledged_at else external
    return internal, external


def sync_matter(complaint, *, calendar: WorkingCalendar | None = None) -> None:
    """Write the clock onto the matter (internal/external deadline) so tracking follows it."""
    internal, external = matter_deadlines(complaint, calendar=calendar)
    matter = complaint.matter
    if (matter.internal_deadline, matter.external_deadline) != (internal, external):
        matter.internal_deadline, matter.external_deadline = internal, external
        matter.save(update_fields=["internal_deadline", "external_deadline", "updated_at"])


def shifted(day: dt.date | None, working_days: int, calendar: WorkingCalendar) -> dt.date | None:
    return calendar.add_working_days(day, working_days) if day and working_days else day


def status(complaint, today: dt.date | None = None) -> tuple[str, str]:
    """(css class, Thai phrase) of the clock for the complaint's page and lists."""
    today = today or timezone.localdate()
    if complaint.is_concluded:
        return "done", f"ยุติเรื่องแล้ว ({complaint.get_result_display()})"
    if complaint.is_paused:
        return "paused", "หยุดนับเวลา"
    if complaint.ack_overdue(today):
        return "late", "เกินกำหนดแจ้งรับเรื่อง"
    if complaint.answer_overdue(today):
        return "late", "เกินกำหนดตอบ ๑๕ วัน"
    if not complaint.acknowledged_at:
        return "due", "รอแจ้งรับเรื่อง"
    if not complaint.responded_at:
        return "due", "รอตอบ/แจ้งความคืบหน้า"
    return "ok", "แจ้งความคืบหน้าแล้ว"


def next_due(complaint, external: dt.date | None) -> tuple[str, dt.date] | None:
    """Which of the two clocks runs out next and when, as (Thai phrase, date): the acknowledgement's until the
    complainant is told anything, then the answer's; after a progress notice, the next notice's, which is the
    matter's external deadline (`external`, written by sync_matter). None when the clock is stopped or done."""
    if complaint.is_concluded or complaint.is_paused:
        return None
    if not complaint.acknowledged_at:
        return (ACKNOWLEDGE, complaint.ack_due) if complaint.ack_due else None
    if not complaint.responded_at:
        return (ANSWER, complaint.answer_due) if complaint.answer_due else None
    return (NEXT_NOTICE, external) if external else None


def mark_matters(matters) -> None:
    """Give each complaint among list rows of matters its `complaint_due` (next_due), in one query for them all
    and none when no row is a complaint."""
    complaints = {m.pk: m for m in matters if m.duty_type == "complaint"}
    if not complaints:
        return
    fields = ("matter_id", "ack_due", "answer_due", "acknowledged_at", "responded_at", "paused_since",
              "concluded_at", "result")
    for complaint in Complaint.objects.filter(matter_id__in=complaints).only(*fields):
        matter = complaints[complaint.matter_id]
        matter.complaint_due = next_due(complaint, matter.external_deadline)
