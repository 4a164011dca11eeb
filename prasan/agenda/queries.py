"""The agenda as the pages and the API read it: a day or a week of the office's engagements the viewer may see,
in time order, with what each row shows in one query."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from prasan.thai.dates import WEEKDAYS

from .models import AgendaItem

# A week view is the page: bounded by time, and by this many rows against a runaway import.
MOST = 300


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def items_between(user, office, first: dt.date, last: dt.date) -> QuerySet:
    """The engagements `user` may see that take any part of the days first..last."""
    return (AgendaItem.objects.visible_to(user).filter(office=office)
            .between(start_of(first), start_of(last + dt.timedelta(days=1)))
            .select_related("matter__office", "invited_by_agency").order_by("starts_at", "id"))


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


@dataclass
class Day:
    day: dt.date
    weekday: str
    items: list
    is_today: bool


def by_day(items, first: dt.date, last: dt.date) -> list[Day]:
    """Each day first..last with the items that take part of it (a two-day inspection shows on both)."""
    today = timezone.localdate()
    days = []
    current = first
    while current <= last:
        begin, end = start_of(current), start_of(current + dt.timedelta(days=1))
        days.append(Day(current, WEEKDAYS[current.weekday()],
                        [i for i in items if i.starts_at < end and i.ends_at > begin
                         or i.starts_at == i.ends_at == begin], current == today))
        current += dt.timedelta(days=1)
    return days


def parse_day(text: str | None, default: dt.date | None = None) -> dt.date | None:
    """An ISO day from a link (CE); a malformed or absurd one is None (the caller answers 404 or falls back)."""
    if not text:
        return default
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2400 else None
