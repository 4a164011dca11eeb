"""Telling each person when it is their turn: in-app at once, by e-mail and LINE from the worker, once.

`announce()` is called inside the transaction of the step it tells of. It writes one Notice row per
person and channel under a unique key, so the same step is never told twice — not by a retry, not by
a second worker, not after a restart. The in-app notification is made in that same transaction; e-mail
and LINE rows are sent after commit by a task (`prasan worker`), and `prasan tick` sends any a dead worker
left behind. A row found "sending" after a crash may have gone out, so it is never sent again by itself.
Only people who may see the matter are told, and a secret matter's title never leaves in a message. An event
with no matter (a list of secret letters to destroy) is told to the people its caller chose, whose page checks
their clearance again when they open it; its subject must name nothing secret.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from prasan.coordination.sending import SendError
from prasan.matters import access
from prasan.matters.access import may_see
from prasan.matters.models import Matter

from .models import Notice, Notification, NotificationPreference

MAX_ATTEMPTS = 5
BACKOFF = dt.timedelta(minutes=5)
STALE_SENDING = dt.timedelta(minutes=15)
SECRET_TITLE = "(เรื่องชั้นความลับ)"
CRASHED = "ระบบหยุดทำงานระหว่างส่ง ไม่ทราบว่าผู้รับได้รับหรือไม่ จึงไม่ส่งซ้ำอัตโนมัติ"


@dataclass(frozen=True)
class Event:
    """What happened, told the same way on every channel."""

    key: str  # unique per happening, e.g. "review:step:12"
    kind: str  # Notification.Kind
    matter: Matter | None  # None: no matter behind it — the caller chose who may be told
    subject: str  # one line: names the matter's number (or the list's), never a secret title
    body: str = ""
    url: str = ""  # the exact page, as a path


def announce(event: Event, recipients, *, in_app_only: bool = False) -> int:
    """Queue `event` for each recipient who may see its matter; returns how many people were told.
    `in_app_only`: a note in Prasan and nothing sent (what one did oneself)."""
    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not people:
        return 0
    allowed = {pk for pk in people if event.matter is None or may_see(people[pk], event.matter)}
    now = timezone.now()
    told = 0
    for pk in sorted(allowed):
        user = people[pk]
        if _queue(event, user, "in_app", "", now):
            Notification.objects.create(user=user, matter=event.matter, kind=event.kind, text=event.subject,
                                        url=event.url, created_at=now)
            told += 1
        if in_app_only:
            continue
        pref = NotificationPreference.for_user(user)
        if pref.email and user.email:
            _queue(event, user, "email", user.email, now)
        if pref.line and user.line_user_id and settings.LINE_TOKEN:
            _queue(event, user, "line", user.line_user_id, now)
    transaction.on_commit(lambda: send_notices_task.enqueue())
    return told


def _queue(event: Event, user, channel: str, address: str, now) -> bool:
    """Insert the row; False when this happening was already told to this person on this channel."""
    in_app = channel == "in_app"
    subject = f"[ประสาน] {event.subject}" if channel == "email" else event.subject
    row = Notice(key=event.key, user=user, channel=channel, matter=event.matter, address=address,
                 subject=subject[:500], body=_body(event), url=event.url, created_at=now, updated_at=now,
                 status=Notice.Status.SENT if in_app else Notice.Status.PENDING, sent_at=now if in_app else None)
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        return False
    return True


def _body(event: Event) -> str:
    link = f"{settings.BASE_URL}{event.url}" if event.url else ""
    return "\n\n".join(part for part in (event.subject, event.body, link) if part)


def safe_title(matter: Matter) -> str:
    return access.safe_title(matter, SECRET_TITLE)


def send_pending(now: dt.datetime | None = None) -> Counter:
    """Send every e-mail and LINE notice due now: new ones, and failed ones after their back-off."""
    from prasan.tracking.notify import deliver

    now = now or timezone.now()
    counts = Counter()
    stale = Notice.objects.filter(status=Notice.Status.SENDING, updated_at__lt=now - STALE_SENDING)
    counts["crashed"] = stale.update(status=Notice.Status.GAVE_UP, detail=CRASHED, updated_at=now)
    due = Notice.objects.filter(status__in=(Notice.Status.PENDING, Notice.Status.FAILED)).order_by("pk")
    for notice in due.only("pk", "status", "attempts", "updated_at"):
        if notice.status == Notice.Status.FAILED and notice.updated_at > now - BACKOFF * notice.attempts:
            continue
        # Claim it: of two workers, only the one that changes the row sends it.
        if not Notice.objects.filter(pk=notice.pk, status=notice.status, attempts=notice.attempts).update(
                status=Notice.Status.SENDING, updated_at=now):
            continue
        notice = Notice.objects.get(pk=notice.pk)
        try:
            detail = deliver(notice.channel, notice.address, notice.subject, notice.body)
            status = Notice.Status.SENT
        except SendError as exc:
            detail = str(exc)
            status = Notice.Status.FAILED if notice.attempts + 1 < MAX_ATTEMPTS else Notice.Status.GAVE_UP
        Notice.objects.filter(pk=notice.pk).update(status=status, attempts=F("attempts") + 1, detail=detail,
                                                   updated_at=timezone.now(),
                                                   sent_at=timezone.now() if status == Notice.Status.SENT else None)
        counts[f"{notice.channel}_{'sent' if status == Notice.Status.SENT else 'failed'}"] += 1
    return +counts


@task()
def send_notices_task() -> dict:
    return dict(send_pending())
