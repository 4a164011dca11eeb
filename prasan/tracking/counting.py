"""Counting the matters a viewer may see, fast, for the dashboards.

Every count runs over all the matters in scope (the office or one unit), where the indexes cover the
columns counted, and then takes away the same counts over the secret matters the viewer may not see.
Those are read once per page, grouped, starting from the secrecy index: a few rows, never a
visibility test on every row. The result is exactly the count over Matter.objects.visible_to(user).
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.matters.choices import OPEN_STATES, Secrecy, State
from prasan.matters.models import Matter
from prasan.matters.queries import MatterFilter

from .calendar import WorkingCalendar

DUE_SOON_DAYS = 3
AGE_BOUNDS = (5, 10, 20)  # working days open: 0–5, 6–10, 11–20, more
WEEKS = 12
OPEN = sorted(OPEN_STATES, key=State.values.index)
PROFILE_KEYS = ("state", "duty_type", "urgency", "owner_unit_id")
OPEN_MEASURES = ("n", "overdue", "due_soon", "age0", "age1", "age2")


def sees_everything(user) -> bool:
    return user.role in (Role.HEAD, Role.EXECUTIVE) and user.clearance >= max(Secrecy.values)


def visible_matters(user, unit_id: int | None = None) -> QuerySet:
    """Matter.objects.visible_to(user) (narrowed to one unit if asked), without the need-to-know
    subqueries where they cannot exclude anything: the head of office and executives with top
    clearance may see every matter, and a group head every matter of the unit up to the clearance."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return Matter.objects.none()
    if sees_everything(user):
        matters = Matter.objects.all()
    elif unit_id and user.role == Role.GROUP_HEAD and user.unit_id == unit_id:
        matters = Matter.objects.filter(secrecy__lte=user.clearance)
    else:
        matters = Matter.objects.visible_to(user)
    return matters.filter(owner_unit_id=unit_id) if unit_id else matters


def hidden_matters(user, counted: QuerySet, visible: QuerySet, unit_id: int | None) -> QuerySet | None:
    """The matters of `counted` that `visible` leaves out (all secret), or None when there are none."""
    if sees_everything(user):
        return None
    if user.clearance == Secrecy.NORMAL:
        secret = Matter.objects.filter(secrecy__gt=Secrecy.NORMAL)
    elif unit_id and user.role == Role.GROUP_HEAD and user.unit_id == unit_id:
        secret = Matter.objects.filter(secrecy__gt=user.clearance)
    else:
        secret = Matter.objects.filter(secrecy__gt=Secrecy.NORMAL).exclude(
            pk__in=visible.filter(secrecy__gt=Secrecy.NORMAL).values("pk"))
    # The secret ids come from the secrecy index alone (no other condition may tempt the database into
    # another index); the few rows they name are then looked up by id.
    return counted.filter(pk__in=secret.values("pk"))


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass
class Scope:
    """Whose matters are counted (`counted`), what of them the viewer may not see (`hidden`), the
    rows the viewer may see (`matters`), the list filter every link starts from, and the day."""

    matters: QuerySet
    counted: QuerySet
    hidden: QuerySet | None = None
    base: MatterFilter = field(default_factory=MatterFilter)
    today: dt.date = field(default_factory=timezone.localdate)
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    @classmethod
    def for_user(cls, user, unit_id: int | None = None, **kwargs) -> "Scope":
        matters = visible_matters(user, unit_id)
        counted = Matter.objects.filter(owner_unit_id=unit_id) if unit_id else Matter.objects.all()
        base = MatterFilter(unit=unit_id) if unit_id else MatterFilter()
        hidden = hidden_matters(user, counted, matters, unit_id)
        if hidden is not None and not hidden.exists():
            hidden = None  # one look saves a subtraction per count
        return cls(matters, counted, hidden, base, **kwargs)

    def url(self, **narrowing) -> str:
        """The matter list filtered by the scope plus `narrowing` (MatterFilter fields)."""
        query = replace(self.base, **narrowing).query_string()
        return reverse("matter-list") + (f"?{query}" if query else "")

    @cached_property
    def due_limit(self) -> dt.date:
        return self.calendar.add_working_days(self.today, DUE_SOON_DAYS)

    @cached_property
    def age_starts(self) -> list[dt.date]:
        """For each bound k of AGE_BOUNDS, the earliest intake day whose matters are at most k working
        days old today (age = working days after the intake day up to today): buckets are date ranges."""
        result, day = [], self.today
        for bound in AGE_BOUNDS:
            while self.calendar.working_days_between(day - dt.timedelta(days=1), self.today) <= bound:
                day -= dt.timedelta(days=1)
            result.append(day)
        return result

    @cached_property
    def week_starts(self) -> list[dt.date]:
        """The Mondays of the last WEEKS weeks, this week's last."""
        monday = self.today - dt.timedelta(days=self.today.weekday())
        return [monday - dt.timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS)]

    @cached_property
    def measures(self) -> dict[str, Q | None]:
        """Every condition a count may use, by name; None counts every row."""
        ages = [start_of(day) for day in self.age_starts]
        edges = [start_of(day) for day in self.week_starts] + [start_of(self.week_starts[-1] + dt.timedelta(weeks=1))]
        measures = {
            "n": None,
            "overdue": Q(internal_deadline__lt=self.today),
            "due_soon": Q(internal_deadline__gte=self.today, internal_deadline__lte=self.due_limit),
            "age0": Q(created_at__gte=ages[0]),
            "age1": Q(created_at__gte=ages[1], created_at__lt=ages[0]),
            "age2": Q(created_at__gte=ages[2], created_at__lt=ages[1]),
        }
        for i in range(WEEKS):
            measures[f"in{i}"] = Q(created_at__gte=edges[i], created_at__lt=edges[i + 1])
            measures[f"out{i}"] = Q(closed_at__gte=edges[i], closed_at__lt=edges[i + 1])
        return measures

    def tally(self, *keys: str, measures=("n",), states=None, narrow: Q | None = None) -> dict:
        """Counts of visible matters grouped by `keys` (PROFILE_KEYS), in `states`, for each named
        measure. `narrow` only helps the database find the rows: every measure must imply it."""
        if self.base.unit and list(states or ()) == OPEN and set(measures) <= set(OPEN_MEASURES):
            return self._from_open_profile(keys, measures)
        qs = self.counted.order_by()
        if states is not None:
            qs = qs.filter(state__in=states)
        if narrow is not None:
            qs = qs.filter(narrow)
        aggregates = {name: _count(self.measures[name]) for name in measures}
        if keys:
            rows = {tuple(row[k] for k in keys): row for row in qs.values(*keys).annotate(**aggregates)}
        else:
            rows = {(): qs.aggregate(**aggregates)}
        for hidden in self._hidden_profile():
            if states is not None and hidden["state"] not in states:
                continue
            row = rows.setdefault(tuple(hidden[k] for k in keys), dict.fromkeys(measures, 0))
            for name in measures:
                row[name] -= hidden[name]
        return {key[0] if len(keys) == 1 else key: row for key, row in rows.items()}

    def _from_open_profile(self, keys, measures) -> dict:
        """A unit's open matters are few enough to fetch grouped by every key at once: one query
        (on the owner_unit index) answers every breakdown of the unit's dashboard."""
        if not hasattr(self, "_open"):
            aggregates = {name: _count(self.measures[name]) for name in OPEN_MEASURES}
            rows = self.counted.filter(state__in=OPEN).order_by().values(*PROFILE_KEYS).annotate(**aggregates)
            self._open = list(rows)
        result: dict = {} if keys else {(): dict.fromkeys(measures, 0)}
        for sign, rows in ((1, self._open), (-1, self._hidden_profile())):
            for row in rows:
                if row["state"] not in OPEN:
                    continue
                total = result.setdefault(tuple(row[k] for k in keys), dict.fromkeys(measures, 0))
                for name in measures:
                    total[name] += sign * row[name]
        return {key[0] if len(keys) == 1 else key: row for key, row in result.items()}

    def _hidden_profile(self) -> list[dict]:
        """The hidden matters' counts for every measure, grouped by every key: one query per page."""
        if self.hidden is None:
            return []
        if not hasattr(self, "_profile"):
            aggregates = {name: _count(q) for name, q in self.measures.items()}
            self._profile = list(self.hidden.order_by().values(*PROFILE_KEYS).annotate(**aggregates))
        return self._profile


def _count(condition: Q | None) -> Count:
    return Count("pk") if condition is None else Count("pk", filter=condition)
