"""This week in parliament (สัปดาห์นี้ในรัฐสภา): every item due at the coming sittings, with how ready it is.

The week is today and the six days after it; when no house sits in it (a recess), the next sitting
days are shown instead, so the page always answers "what comes up next". Items late already are
listed too: they are the most urgent of all.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce

from .choices import OPEN_STATUSES, Status
from .models import Sitting

WEEK = dt.timedelta(days=6)
SHOWN = (*OPEN_STATUSES, Status.ANSWERED)


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    sittings: list  # Sitting rows within [start, end]
    recess: bool  # no sitting this week: the window is the next sitting week


def window(today: dt.date) -> Window:
    end = today + WEEK
    sittings = list(Sitting.objects.filter(date__gte=today, date__lte=end).order_by("date", "house"))
    if sittings:
        return Window(today, end, sittings, False)
    first = Sitting.objects.filter(date__gt=end).order_by("date").values_list("date", flat=True).first()
    if first is None:
        return Window(today, end, [], False)
    later = list(Sitting.objects.filter(date__gte=first, date__lte=first + WEEK).order_by("date", "house"))
    return Window(today, first + WEEK, later, True)


def items_due(items, win: Window):
    """The items to show, soonest first: at a sitting or due within the window, or open and already late."""
    span = (win.start, win.end)
    return (items.filter(status__in=SHOWN)
            .filter(Q(sitting_on__range=span) | Q(due_on__range=span)
                    | Q(status__in=OPEN_STATUSES, due_on__lt=win.start))
            .annotate(day=Coalesce("sitting_on", "due_on"))
            .order_by("day", "id"))


def by_day(rows: list, win: Window, ready: dict) -> list[dict]:
    """The page's rows grouped by day: late ones first, then each day with its sittings."""
    sittings: dict[dt.date, list] = {}
    for sitting in win.sittings:
        sittings.setdefault(sitting.date, []).append(sitting)
    groups: dict = {}
    for item in rows:
        # Late work due at a coming sitting stays under that sitting's day (marked late); only what has no
        # day left in the window goes to the top.
        late = item.status in OPEN_STATUSES and item.due_on is not None and item.due_on < win.start
        key = next((day for day in (item.day, item.due_on) if day and win.start <= day <= win.end), "late")
        groups.setdefault(key, []).append({"item": item, "ready": ready[item.pk], "late": late})
    ordered = [{"day": None, "late": True, "sittings": [], "rows": groups.pop("late")}] if "late" in groups else []
    days = sorted({*groups, *sittings}, key=lambda d: d)
    for day in days:
        ordered.append({"day": day, "late": False, "sittings": sittings.get(day, []), "rows": groups.get(day, [])})
    return ordered
