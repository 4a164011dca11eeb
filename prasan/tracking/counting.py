"""Counting the matters a viewer may see, fast, for the dashboards.

Every count runs over all the matters in scope (the office or one unit), where the indexes cover the
columns counted, and then takes away the same counts over the secret matters the viewer may not see.
Those are read once per page, grouped, from the secret-profile index (it begins with secrecy): a few
rows, never a visibility test on every row. Which matters those are is matters.access's to say (visible_in,
hidden_from); the result is exactly the count over Matter.objects.visible_to(user).
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import itemgetter

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from prasan.matters.access import hidden_from, visible_in
from prasan.matters.choices import OPEN_STATES, State
from prasan.matters.models import Matter
from prasan.matters.queries import MatterFilter

from .calendar import WorkingCalendar

DUE_SOON_DAYS = 3
AGE_BOUNDS = (5, 10, 20)  # working days open: 0–5, 6–10, 11–20, more
WEEKS = 12
OPEN = sorted(OPEN_STATES, key=State.values.index)
# The open-profile index's leading columns, in its order: grouping in that order needs no sort.
PROFILE_KEYS = ("state", "owner_unit_id", "duty_type", "urgency")
OPEN_MEASURES = ("n", "overdue", "due_soon", "age0", "age1", "age2")


def visible_matters(user, unit_id: int | None = None) -> QuerySet:
    """Matter.objects.visible_to(user), narrowed to one unit if asked (matters.access.visible_in)."""
    return visible_in(user, unit_id)


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
    audience: str = "all"  # who else sees the same counts: everyone who may see every matter in scope, or one user

    @classmethod
    def for_user(cls, user, unit_id: int | None = None, **kwargs) -> "Scope":
        matters = visible_matters(user, unit_id)
        counted = Matter.objects.filter(owner_unit_id=unit_id) if unit_id else Matter.objects.all()
        base = MatterFilter(unit=unit_id) if unit_id else MatterFilter()
        hidden = hidden_from(user, counted, unit_id)
        if hidden is not None and not hidden.exists():
            hidden = None  # one look saves a subtraction per count
        audience = "all" if hidden is None else f"user{user.pk}"
        return cls(matters, counted, hidden, base, audience=audience, **kwargs)

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
        if "n" in measures and not set(states or State.values) <= OPEN_STATES:
            raise ValueError("all matters are counted only while open (the hidden profile reads no others)")
        if list(states or ()) == OPEN and set(measures) <= set(OPEN_MEASURES):
            return self._from_open_profile(keys, measures)
        qs = self.counted.order_by()
        if states is not None:
            qs = qs.filter(state__in=states)
        if narrow is not None:
            qs = qs.filter(narrow)
        aggregates = {name: self._count(name) for name in measures}
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
        """Open matters are a small share of an office's years (old ones are closed), few enough to
        fetch grouped by every key at once: one query, read from the open-profile index alone (state,
        unit, duty type, urgency, deadline, intake), answers every breakdown of the office's or a
        unit's dashboard."""
        if not hasattr(self, "_open"):
            aggregates = {name: self._count(name) for name in OPEN_MEASURES}
            rows = self.counted.filter(state__in=OPEN).order_by().values(*PROFILE_KEYS).annotate(**aggregates)
            self._open = list(rows)
        # A thousand-odd rows summed five times a page: kept to plain dict and tuple work.
        key_of = itemgetter(*keys) if keys else lambda row: ()
        result: dict = {} if keys else {(): dict.fromkeys(measures, 0)}
        for sign, rows in ((1, self._open), (-1, self._hidden_profile())):
            for row in rows:
                if row["state"] not in OPEN_STATES:
                    continue
                key = key_of(row)
                total = result.get(key)
                if total is None:
                    total = result[key] = dict.fromkeys(measures, 0)
                for name in measures:
                    total[name] += sign * row[name]
        return result

    def _hidden_profile(self) -> list[dict]:
        """The hidden matters' counts for every measure, grouped by every key: one query per page, over
        the only rows a measure counts (open, or received or closed in the weeks shown)."""
        if self.hidden is None:
            return []
        if not hasattr(self, "_profile"):
            first = start_of(self.week_starts[0])
            counted = Q(state__in=OPEN) | Q(created_at__gte=first) | Q(closed_at__gte=first)
            aggregates = {name: self._count(name) for name in self.measures}
            # Grouped in the secret-profile index's order (secrecy first), so that index is the one read.
            keys = ("secrecy", *PROFILE_KEYS)
            self._profile = list(self.hidden.filter(counted).order_by().values(*keys).annotate(**aggregates))
        return self._profile

    def _count(self, name: str) -> Count:
        """The count of a measure, over a column that is never null where it is counted and that the
        index read holds (PostgreSQL's indexes do not hold the row id): intake on created_at, closure
        on closed_at, the rest on state."""
        column = "created_at" if name.startswith("in") else "closed_at" if name.startswith("out") else "state"
        return Count(column, filter=self.measures[name])
