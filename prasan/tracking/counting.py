"""Counting the matters a viewer may see, for the dashboards, from the counters kept as matters change.

The counters (tracking.tallies) hold, per cell of unit × secrecy × day (and state, duty type and urgency for
the open matters), how many matters stand there. A viewer's counts are the cells up to the secrecy they may see
(matters.access.visible_level), of the unit in scope; where need to know, not the clearance, hides some secret
matters within that level (matters.access.unknown_in_reach: an auditor cleared for secrets), those few are read
once per page and taken away. The result is exactly the count over Matter.objects.visible_to(user), and costs
the same whatever the number of matters.
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.db.models import Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone

from prasan.matters.access import TOP, hidden_from, unknown_in_reach, visible_in, visible_level
from prasan.matters.choices import OPEN_STATES, State
from prasan.matters.models import Matter
from prasan.matters.queries import MatterFilter

from . import tallies
from .calendar import WorkingCalendar

DUE_SOON_DAYS = 3
AGE_BOUNDS = (5, 10, 20)  # working days open: 0–5, 6–10, 11–20, more
WEEKS = 12
OPEN = sorted(OPEN_STATES, key=State.values.index)
# What the open matters are broken down by (the OPEN counters' keys).
PROFILE_KEYS = ("state", "owner_unit_id", "duty_type", "urgency")


def visible_matters(user, unit_id: int | None = None) -> QuerySet:
    """Matter.objects.visible_to(user), narrowed to one unit if asked (matters.access.visible_in)."""
    return visible_in(user, unit_id)


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass
class Scope:
    """Whose matters are counted (`counted`, as rows; `unit_id` and `level`, as counters), what of them the viewer
    may not see (`hidden`; `unknown`, those of them within the level), the rows the viewer may see (`matters`),
    the list filter every link starts from, and the day."""

    matters: QuerySet
    counted: QuerySet
    hidden: QuerySet | None = None
    base: MatterFilter = field(default_factory=MatterFilter)
    today: dt.date = field(default_factory=timezone.localdate)
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    audience: str = "all"  # who else sees the same counts: everyone who may see every matter in scope, or one user
    unit_id: int | None = None
    level: int = TOP
    unknown: QuerySet | None = None

    @classmethod
    def for_user(cls, user, unit_id: int | None = None, **kwargs) -> "Scope":
        matters = visible_matters(user, unit_id)
        counted = Matter.objects.filter(owner_unit_id=unit_id) if unit_id else Matter.objects.all()
        base = MatterFilter(unit=unit_id) if unit_id else MatterFilter()
        hidden = hidden_from(user, counted, unit_id)
        if hidden is not None and not hidden.exists():
            hidden = None  # one look saves a subtraction per count of rows (by person, late agencies)
        # What is hidden from one viewer follows from who they are and what they are assigned or shared.
        audience = "all" if hidden is None else \
            f"user{user.pk}-{user.role}-{user.clearance}-{user.unit_id}-{int(user.is_superuser)}"
        return cls(matters, counted, hidden, base, audience=audience, unit_id=unit_id, level=visible_level(user),
                   unknown=unknown_in_reach(user, counted, unit_id), **kwargs)

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
    def measures(self) -> dict[str, Q]:
        """The deadline measures as conditions on matter rows (the counts by person, which read rows)."""
        return {
            "overdue": Q(internal_deadline__lt=self.today),
            "due_soon": Q(internal_deadline__gte=self.today, internal_deadline__lte=self.due_limit),
        }

    @cached_property
    def spans(self) -> dict[str, tuple[str, dt.date | None, dt.date | None]]:
        """Every measure a count may use, by name: the kind of counter and its range of days (inclusive)."""
        one_day = dt.timedelta(days=1)
        ages = self.age_starts
        spans = {
            "n": (tallies.OPEN, None, None),
            "overdue": (tallies.DEADLINE, tallies.NO_DAY + one_day, self.today - one_day),
            "due_soon": (tallies.DEADLINE, self.today, self.due_limit),
            "age0": (tallies.AGE, ages[0], None),
            "age1": (tallies.AGE, ages[1], ages[0] - one_day),
            "age2": (tallies.AGE, ages[2], ages[1] - one_day),
        }
        for i, monday in enumerate(self.week_starts):
            sunday = monday + dt.timedelta(days=6)
            spans[f"in{i}"] = (tallies.INTAKE, monday, sunday)
            spans[f"out{i}"] = (tallies.CLOSED, monday, sunday)
        return spans

    def tally(self, *keys: str, measures=("n",), states=None) -> dict:
        """Counts of visible matters for each named measure, grouped by `keys` (PROFILE_KEYS: open matters
        only), `n` among the open ones in `states`."""
        if "n" in measures and not set(states or State.values) <= OPEN_STATES:
            raise ValueError("all matters are counted only while open (the counters keep no others by state)")
        kinds = {self.spans[name][0] for name in measures}
        if keys and kinds != {tallies.OPEN}:
            raise ValueError("only the open matters are broken down")
        states = set(states or OPEN_STATES)
        result: dict = {} if keys else {(): dict.fromkeys(measures, 0)}
        sums = self._sums() if kinds - {tallies.OPEN} else {}
        for name in measures:
            if name in sums:
                result[()][name] += sums[name]
        if tallies.OPEN in kinds:
            for profile, n in self._open_profile():
                if profile[0] in states:
                    key = tuple(profile[PROFILE_KEYS.index(k)] for k in keys)
                    total = result.get(key)
                    if total is None:
                        total = result[key] = dict.fromkeys(measures, 0)
                    total["n"] += n
        for cell in self._unknown_cells():
            kind, day, unit, _secrecy, state, duty_type, urgency = cell
            for name in measures:
                span_kind, lo, hi = self.spans[name]
                if kind != span_kind or not tallies.in_range(day, lo, hi):
                    continue
                if kind == tallies.OPEN:
                    if state not in states:
                        continue
                    profile = (state, unit or None, duty_type, urgency)
                    key = tuple(profile[PROFILE_KEYS.index(k)] for k in keys)
                else:
                    key = ()
                result.setdefault(key, dict.fromkeys(measures, 0))[name] -= 1
        return {key[0] if len(keys) == 1 else key: row for key, row in result.items()}

    def _cells(self, kind: str | None = None) -> QuerySet:
        cells = tallies.Tally.objects.filter(secrecy__lte=self.level)
        if kind is not None:
            cells = cells.filter(kind=kind)
        return cells.filter(unit_id=self.unit_id) if self.unit_id else cells

    def _sums(self) -> dict[str, int]:
        """Every measure but the open breakdowns, in one query a page: the open matters' deadlines, and the days
        of intake, ageing and closure the page shows."""
        if not hasattr(self, "_summed"):
            spans = {name: span for name, span in self.spans.items() if span[0] != tallies.OPEN}
            since = min(self.week_starts[0], self.age_starts[-1])
            cells = self._cells().filter(Q(kind=tallies.DEADLINE)
                                         | Q(kind__in=[tallies.AGE, tallies.INTAKE, tallies.CLOSED], day__gte=since))
            row = cells.aggregate(**{name: Sum("n", filter=Q(kind=kind) & tallies.day_range(lo, hi))
                                     for name, (kind, lo, hi) in spans.items()})
            self._summed = {name: value or 0 for name, value in row.items()}
        return self._summed

    def _open_profile(self) -> list[tuple[tuple, int]]:
        """The open matters by (state, unit, duty type, urgency): a few hundred counter rows, read once a page
        and summed for every breakdown in Python."""
        if not hasattr(self, "_open"):
            rows = self._cells(tallies.OPEN).values_list("state", "unit_id", "duty_type", "urgency") \
                .annotate(total=Sum("n")).order_by()
            self._open = [((state, unit or None, duty_type, urgency), n)
                          for state, unit, duty_type, urgency, n in rows if n]
        return self._open

    def _unknown_cells(self) -> list[tuple]:
        """The cells of the matters within the level the viewer may not see (need to know): one query a page,
        over the only rows a measure counts (open, or received or closed in the weeks shown)."""
        if self.unknown is None:
            return []
        if not hasattr(self, "_unknown"):
            first = start_of(self.week_starts[0])
            counted = Q(state__in=OPEN) | Q(created_at__gte=first) | Q(closed_at__gte=first)
            rows = self.unknown.filter(counted).order_by().values(*tallies.FIELDS)
            self._unknown = [cell for row in rows for cell in tallies.cells(row)]
        return self._unknown
