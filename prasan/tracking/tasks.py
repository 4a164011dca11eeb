"""One tick of the tracking clock: every due reminder and digest, once; also as a django-tasks task.

Scheduling (see `prasan tick --help`): cron runs `prasan tick` every few minutes, or one
long-running `prasan tick --loop 60` does the same. `prasan worker` (django-tasks' db_worker) runs
`tick_task` when something enqueues it, such as the admin's "send due reminders now" action.
"""

import datetime as dt
from collections import Counter

from django.utils import timezone
from django_tasks import task

from prasan.backup.schedule import run_if_due
from prasan.complaints.privacy import run_retention
from prasan.planner import refresh_statistics

from .calendar import WorkingCalendar
from .digest import run_digests
from .notices import send_pending
from .notify import is_sending_time, run_reminders
from .signals import tell_overdue_requests


def run_tick(now: dt.datetime | None = None) -> Counter:
    """Send what is due at `now` (aware; default: the clock). Safe to call any number of times."""
    now = now or timezone.now()
    calendar = WorkingCalendar()
    counts = run_reminders(now, calendar)
    counts.update(run_digests(now, calendar))
    if is_sending_time(now, calendar):  # a clock's notice, like the reminders: working days from 07:30
        counts["overdue_told"] = tell_overdue_requests(timezone.localtime(now).date())
    if is_sending_time(now, calendar):  # a policy's reports whose time has come: their reply links go out
        from prasan.policy.services import open_due_reports

        counts["policy_reports_opened"] = open_due_reports(timezone.localtime(now).date())
    counts = +counts  # only what happened
    counts.update(send_pending(now))
    counts.update(+run_if_due(now))
    counts.update(+run_retention(now))  # complainants anonymised N years after their complaint ended
    counts.update(+_publish_due(now))  # scheduled news whose time came: recorded published, LINE broadcast sent
    refresh_statistics()
    return counts


def _publish_due(now):
    from prasan.publishing.workflow import publish_due

    return publish_due(now)


@task()
def tick_task(now_iso: str = "") -> dict:
    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    return dict(run_tick(now))
