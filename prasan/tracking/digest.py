"""The daily digest: each person's overdue, due-today and newly assigned matters, once a working day.

It goes out from 07:30 Asia/Bangkok by email (and LINE for those who ask), at most once per person
per day (`DigestLog`), and not at all on days off. A digest with nothing in it is not sent.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import Role, User
from prasan.coordination.sending import SendError
from prasan.matters.access import safe_title
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter
from prasan.openwork.models import OpenWork
from prasan.thai.dates import WEEKDAYS, thai_date

from .calendar import WorkingCalendar
from .models import DigestLog, Notification, NotificationPreference
from .notify import MAX_ATTEMPTS, deliver, is_sending_time

# Everyone who works matters gets one; auditors and system admins do not.
DIGEST_ROLES = (Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR)
LIST_LIMIT = 20


@dataclass
class Digest:
    user: User
    today: dt.date
    overdue: list = field(default_factory=list)
    overdue_count: int = 0
    due_today: list = field(default_factory=list)
    assigned: list = field(default_factory=list)
    overview: list = field(default_factory=list)  # (label, count, link) for group heads and the head

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due_today or self.assigned or any(n for _, n, _ in self.overview))


def _link(path: str) -> str:
    return settings.BASE_URL + path


def _due(day: dt.date, op: str) -> Q:
    """The matter's deadline (internal, else external) compared with `day`."""
    return (Q(**{f"internal_deadline__{op}": day})
            | Q(internal_deadline__isnull=True, **{f"external_deadline__{op}": day}))


def build(user: User, today: dt.date, since: dt.datetime, now: dt.datetime) -> Digest:
    digest = Digest(user, today)
    # Drive from the person's open work (a few rows, however many matters they were ever given); its clearance
    # rule drops a matter raised past the person's clearance while assigned: not told of, not even by number.
    mine = (Matter.objects.filter(pk__in=OpenWork.objects.of(user).values("matter_id"))
            .select_related("office")
            .order_by(F("internal_deadline").asc(nulls_last=True), "pk"))
    overdue = mine.filter(_due(today, "lt"))
    digest.overdue = list(overdue[:LIST_LIMIT])
    digest.overdue_count = len(digest.overdue) if len(digest.overdue) < LIST_LIMIT else overdue.count()
    digest.due_today = list(mine.filter(_due(today, "exact"))[:LIST_LIMIT])
    fresh = (Notification.objects.filter(user=user, kind=Notification.Kind.ASSIGNED, created_at__gt=since,
                                         created_at__lte=now, matter__state__in=OPEN_STATES)
             .select_related("matter__office").order_by("created_at"))
    seen, digest.assigned = set(), []
    for note in fresh[:LIST_LIMIT * 2]:
        if note.matter_id not in seen and len(digest.assigned) < LIST_LIMIT:
            seen.add(note.matter_id)
            digest.assigned.append(note.matter)
    late = Matter.objects.filter(state__in=OPEN_STATES, internal_deadline__lt=today)
    matter_list = reverse("matter-list")
    if user.role == Role.GROUP_HEAD and user.unit_id:
        count = late.filter(owner_unit_id=user.unit_id).count()
        digest.overview.append(("เรื่องของกลุ่มงานที่เกินกำหนดภายใน", count,
                                _link(f"{matter_list}?state=open&overdue=1&unit={user.unit_id}")))
    elif user.role == Role.HEAD:
        digest.overview.append(("เรื่องทั้งสำนักงานที่เกินกำหนดภายใน", late.count(),
                                _link(f"{matter_list}?state=open&overdue=1")))
    return digest


def _line(matter: Matter, note: str = "") -> str:
    title = safe_title(matter)
    return f"• {matter.number} {title}{note}\n  {_link(matter.get_absolute_url())}"


def render(digest: Digest, calendar: WorkingCalendar) -> tuple[str, str]:
    """(subject, body) in Thai, plain text: it reads the same in an email and on LINE."""
    today = digest.today
    date = f"วัน{WEEKDAYS[today.weekday()]}ที่ {thai_date(today, thai_digits=False)}"
    subject = f"สรุปงานประจำวัน{date}"
    parts = [f"เรียน {digest.user.display_name}", "", subject]
    if digest.overdue:
        parts += ["", f"เกินกำหนด ({digest.overdue_count} เรื่อง)"]
        for matter in digest.overdue:
            late = calendar.working_days_between(matter.due_date, today)
            parts.append(_line(matter, f" — กำหนด {thai_date(matter.due_date, abbr=True, thai_digits=False)}"
                                       f" (เกิน {late} วันทำการ)"))
        if digest.overdue_count > len(digest.overdue):
            parts.append(f"  และอีก {digest.overdue_count - len(digest.overdue)} เรื่อง")
    if digest.due_today:
        parts += ["", f"ครบกำหนดวันนี้ ({len(digest.due_today)} เรื่อง)"]
        parts += [_line(matter) for matter in digest.due_today]
    if digest.assigned:
        parts += ["", f"ได้รับมอบหมายใหม่ ({len(digest.assigned)} เรื่อง)"]
        parts += [_line(matter, f" — กำหนด {thai_date(matter.due_date, abbr=True, thai_digits=False)}"
                                if matter.due_date else "") for matter in digest.assigned]
    for label, count, link in digest.overview:
        parts += ["", f"{label}: {count} เรื่อง", f"  {link}"]
    parts += ["", f"งานของฉันทั้งหมด: {_link(reverse('my-work'))}",
              f"ตั้งค่าการแจ้งเตือน: {_link(reverse('notification-preferences'))}"]
    return subject, "\n".join(parts)


def _claim(user: User, today: dt.date, now: dt.datetime) -> DigestLog | None:
    try:
        with transaction.atomic():
            return DigestLog.objects.create(user=user, date=today, created_at=now)
    except IntegrityError:
        pass
    # Only a digest whose every channel failed is tried again; claim it so one tick does.
    log = DigestLog.objects.filter(user=user, date=today, status=DigestLog.Status.FAILED,
                                   attempts__lt=MAX_ATTEMPTS).first()
    if log and DigestLog.objects.filter(pk=log.pk, status=DigestLog.Status.FAILED,
                                        attempts=log.attempts).update(status=DigestLog.Status.PENDING):
        return log
    return None


def _previous(user: User, today: dt.date, now: dt.datetime) -> dt.datetime:
    """New assignments count from the last digest's time (a day back for the first one)."""
    last = (DigestLog.objects.filter(user=user, date__lt=today)
            .exclude(status=DigestLog.Status.PENDING).order_by("-date").values_list("created_at", flat=True).first())
    return last or now - dt.timedelta(days=1)


def send_digest(user: User, now: dt.datetime, calendar: WorkingCalendar) -> str:
    """Build and send one person's digest for today, unless it was sent already; returns the outcome."""
    today = timezone.localtime(now).date()
    pref = NotificationPreference.for_user(user)
    addresses = [("email", user.email if pref.digest else ""),
                 ("line", user.line_user_id if pref.digest_line and settings.LINE_TOKEN else "")]
    addresses = [(channel, address) for channel, address in addresses if address]
    if not addresses:
        return "none"
    log = _claim(user, today, now)
    if log is None:
        return "done"
    digest = build(user, today, _previous(user, today, now), now)
    if digest.is_empty:
        DigestLog.objects.filter(pk=log.pk).update(status=DigestLog.Status.EMPTY, sent_at=now)
        return "empty"
    subject, body = render(digest, calendar)
    results, sent = [], False
    for channel, address in addresses:
        try:
            results.append(deliver(channel, address, subject, body))
            sent = True
        except SendError as exc:
            results.append(str(exc))
    DigestLog.objects.filter(pk=log.pk).update(
        status=DigestLog.Status.SENT if sent else DigestLog.Status.FAILED, attempts=F("attempts") + 1,
        detail="\n".join(results), sent_at=now if sent else None,
    )
    return "sent" if sent else "failed"


def run_digests(now: dt.datetime, calendar: WorkingCalendar | None = None) -> Counter:
    counts = Counter()
    calendar = calendar or WorkingCalendar()
    if not is_sending_time(now, calendar):
        return counts
    today = timezone.localtime(now).date()
    finished = set(DigestLog.objects.filter(date=today).exclude(status=DigestLog.Status.FAILED)
                   .values_list("user_id", flat=True))
    people = (User.objects.filter(is_active=True, role__in=DIGEST_ROLES).exclude(pk__in=finished)
              .select_related("notification_preference").order_by("pk"))
    for user in people:
        counts["digest_" + send_digest(user, now, calendar)] += 1
    counts.pop("digest_none", None)
    return counts
