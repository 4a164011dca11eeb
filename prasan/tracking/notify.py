"""Delivering reminders once: log first (insert-or-skip), then send by email, LINE or in-app.

The log row is committed before anything leaves, under a unique key (rule, object, deadline,
recipient, channel), so a second tick, a second worker or a restart finds it and sends nothing.
A send that fails is marked and retried by later ticks; one left "pending" by a crash mid-send is
never retried automatically (it may have gone out), but shown in the admin for a person to decide.
"""

import datetime as dt
from collections import Counter
from itertools import groupby

from django.db import IntegrityError, transaction
from django.db.models import F

from prasan.audit.models import record
from prasan.coordination import links
from prasan.coordination.models import Activity, AgencyRequest
from prasan.coordination.sending import SendError, push_line, send_email
from prasan.coordination.services import LINK_IN_LOG
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter

from .calendar import WorkingCalendar
from .models import Notification, ReminderLog, ReminderRule
from .reminders import Reminder, due_reminders

MAX_ATTEMPTS = 5
RETRY_FOR = dt.timedelta(days=3)
STALE_PENDING = dt.timedelta(minutes=15)
# Wait longer after each failure (5, 10, 15, 20 minutes): a server that is down or a LINE quota
# that is spent is not helped by asking every minute.
BACKOFF = dt.timedelta(minutes=5)
SYSTEM = "ระบบแจ้งเตือน"
CRASHED = "ระบบหยุดทำงานระหว่างส่ง ไม่ทราบว่าผู้รับได้รับหรือไม่ จึงไม่ส่งซ้ำอัตโนมัติ (ส่งใหม่ได้จากหน้าผู้ดูแลระบบ)"
NO_LONGER_DUE = "ไม่ส่งแล้ว เพราะเรื่องหรือคำขอปิดไปแล้ว หรือเปลี่ยนกำหนดแล้ว"


def deliver(channel: str, address: str, subject: str, body: str) -> str:
    """Send one message; raises SendError with a Thai reason."""
    if channel == "email":
        return send_email(address, subject, body)
    if channel == "line":
        return push_line(address, body)
    raise SendError(f"ไม่รู้จักช่องทาง {channel}")


def _key(reminder: Reminder) -> tuple:
    return (reminder.target_type, reminder.object_id, reminder.deadline, reminder.recipient.key, reminder.channel)


def _known(rule: ReminderRule, batch: list[Reminder]) -> set[tuple]:
    """Keys of this batch already in the log: one query instead of a failed insert per reminder."""
    deadlines = {r.deadline for r in batch}
    rows = ReminderLog.objects.filter(rule=rule, deadline__in=deadlines).values_list(
        "target_type", "object_id", "deadline", "recipient", "channel")
    return set(rows)


def _claim(reminder: Reminder, now: dt.datetime) -> ReminderLog | None:
    """Insert the log row (and the in-app notification with it); None if another tick got there first."""
    log = ReminderLog(
        rule=reminder.rule, target_type=reminder.target_type, object_id=reminder.object_id,
        deadline=reminder.deadline, recipient=reminder.recipient.key, channel=reminder.channel,
        matter=reminder.matter, user=reminder.recipient.user, address=reminder.address,
        subject=reminder.subject[:500], body=reminder.body, created_at=now, updated_at=now,
    )
    if reminder.channel == "in_app":  # delivered by the same transaction that logs it
        log.status, log.attempts, log.sent_at, log.detail = ReminderLog.Status.SENT, 1, now, "แจ้งเตือนในระบบแล้ว"
    try:
        with transaction.atomic():
            log.save(force_insert=True)
            if reminder.channel == "in_app":
                Notification.objects.create(user=reminder.recipient.user, matter=reminder.matter,
                                            text=reminder.subject, url=reminder.url, created_at=now)
    except IntegrityError:
        return None
    return log


def _send(log: ReminderLog, now: dt.datetime, request: AgencyRequest | None = None) -> bool:
    try:
        detail = deliver(log.channel, log.address, log.subject, log.body)
        status = ReminderLog.Status.SENT
    except SendError as exc:
        detail = str(exc)
        status = ReminderLog.Status.FAILED if log.attempts + 1 < MAX_ATTEMPTS else ReminderLog.Status.GAVE_UP
    ReminderLog.objects.filter(pk=log.pk).update(
        status=status, attempts=F("attempts") + 1, detail=detail, updated_at=now,
        sent_at=now if status == ReminderLog.Status.SENT else None,
    )
    sent = status == ReminderLog.Status.SENT
    if sent and log.target_type == "agency_request" and log.user_id is None:
        _log_follow_up(log, detail, now, request)
    return sent


def _log_follow_up(log: ReminderLog, detail: str, now: dt.datetime, req: AgencyRequest | None) -> None:
    """A follow-up to an agency is a contact like any other: it goes into the matter's coordination log."""
    if req is None:
        req = AgencyRequest.objects.select_related("matter", "agency", "contact").filter(pk=log.object_id).first()
        if req is None:
            return
    # The reply link is a bearer credential: it stays out of the log every reader of the matter sees.
    summary = log.body.replace(links.reply_url(req), LINK_IN_LOG)
    with transaction.atomic():
        activity = Activity.objects.create(
            matter=req.matter, channel=log.channel, direction=Activity.Direction.OUTGOING, agency=req.agency,
            counterpart=req.contact.name if req.contact else req.agency.name, address=log.address,
            summary=summary, occurred_at=now, delivery=Activity.Delivery.SENT, delivery_detail=detail,
            agency_request=req, outcome="ติดตามคำขอโดยอัตโนมัติ (เกินกำหนดส่ง)",
        )
        record(SYSTEM, "activity.create", req.matter, channel=log.channel, activity=activity.pk,
               reminder=log.pk)


def still_due(log: ReminderLog) -> bool:
    """Before a retry: the matter (and request) still open, and the deadline still the one reminded of."""
    if log.target_type == "agency_request":
        return AgencyRequest.objects.filter(
            pk=log.object_id, deadline=log.deadline, matter__state__in=OPEN_STATES,
            status__in=(AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED)).exists()
    column = ("internal_deadline" if log.rule.target == ReminderRule.Target.MATTER_INTERNAL
              else "external_deadline")
    return Matter.objects.filter(pk=log.object_id, state__in=OPEN_STATES, **{column: log.deadline}).exists()


def retry(now: dt.datetime) -> Counter:
    counts = Counter()
    recent = ReminderLog.objects.filter(created_at__gte=now - RETRY_FOR).exclude(channel="in_app")
    # Left "pending" by a crash: it may have gone out, so it is never sent again by itself.
    crashed = recent.filter(status=ReminderLog.Status.PENDING, updated_at__lt=now - STALE_PENDING)
    stuck = crashed.update(status=ReminderLog.Status.GAVE_UP, detail=CRASHED, updated_at=now)
    if stuck:
        counts["crashed"] = stuck
    for log in recent.filter(status=ReminderLog.Status.FAILED).select_related("rule").order_by("pk"):
        if log.updated_at > now - BACKOFF * log.attempts:
            continue
        # Claim it: of two ticks retrying at once, only one changes the row and sends.
        claimed = ReminderLog.objects.filter(pk=log.pk, status=ReminderLog.Status.FAILED,
                                             attempts=log.attempts).update(status=ReminderLog.Status.PENDING,
                                                                           updated_at=now)
        if not claimed:
            continue
        if not still_due(log):
            ReminderLog.objects.filter(pk=log.pk).update(status=ReminderLog.Status.GAVE_UP, detail=NO_LONGER_DUE,
                                                         updated_at=now)
            continue
        counts["retried_sent" if _send(log, now) else "retried_failed"] += 1
    return counts


def run_reminders(now: dt.datetime, calendar: WorkingCalendar | None = None) -> Counter:
    """Send every reminder due at `now` that has not gone out yet; then retry failed ones."""
    counts = Counter()
    calendar = calendar or WorkingCalendar()
    if not is_sending_time(now, calendar):
        return counts
    for rule, group in groupby(due_reminders(now, calendar), key=lambda r: r.rule):
        batch = list(group)
        known = _known(rule, batch)
        for reminder in batch:
            if _key(reminder) in known:
                continue
            log = _claim(reminder, now)
            if log is None:
                continue
            if reminder.channel == "in_app":
                counts["in_app"] += 1
            elif _send(log, now, reminder.extra.get("request")):
                counts[reminder.channel] += 1
            else:
                counts["failed"] += 1
    counts.update(retry(now))
    return counts


def is_sending_time(now: dt.datetime, calendar: WorkingCalendar) -> bool:
    """Working days from 07:30 Asia/Bangkok: nothing goes out at night or on a day off."""
    from django.utils import timezone

    from .reminders import SEND_FROM

    local = timezone.localtime(now)
    return local.time() >= SEND_FROM and calendar.is_working_day(local.date())
