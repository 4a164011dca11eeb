"""Thai government working days: weekends, the cabinet's government-office holidays, the office table.

The `holidays` package gives the public holidays, their substitution days (ชดเชย) and, in the
"government" category, Royal Ploughing Day (วันพืชมงคล; dated yearly by the palace, so the
package knows it only for announced years). Its public list also counts Labour Day, when
government offices work, so Labour Day and its substitution day are taken out. Whatever the
cabinet adds later (special days, a year's Royal Ploughing Day) and working-day swaps live in
the office table (`Holiday`), which overrides the package.
"""

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import holidays

# Thai names, as the package writes them; the substitution day is "ชดเชยวันแรงงานแห่งชาติ".
NOT_GOVERNMENT_HOLIDAYS = ("วันแรงงานแห่งชาติ",)
# About ten years of working days: anything larger is a typo, and would walk the calendar for ages.
MAX_WORKING_DAYS = 2600
ONE_DAY = dt.timedelta(days=1)

OfficeDays = Mapping[dt.date, tuple[str, bool]]


@lru_cache(maxsize=64)
def government_holidays(year: int) -> Mapping[dt.date, str]:
    """The package's holidays of one year for government offices: date → Thai name."""
    days = holidays.Thailand(years=year, categories=("public", "government"), language="th")
    result = {}
    for day, name in days.items():
        # A day can carry several names ("a; b"); drop only the ones offices do not observe.
        kept = [part for part in name.split("; ") if not any(n in part for n in NOT_GOVERNMENT_HOLIDAYS)]
        if kept:
            result[day] = "; ".join(kept)
    return MappingProxyType(result)


@dataclass(frozen=True)
class _Year:
    names: Mapping[dt.date, str]  # every day off with a name, weekends included
    closed: tuple[dt.date, ...]  # Monday–Friday days off, sorted
    opened: tuple[dt.date, ...]  # Saturday/Sunday working days, sorted
    opened_days: frozenset[dt.date]

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return day in self.opened_days
        return day not in self.names

    @classmethod
    def build(cls, year: int, office: OfficeDays) -> "_Year":
        names = dict(government_holidays(year))
        opened = []
        for day, (name, working) in office.items():
            if working:
                names.pop(day, None)
                if day.weekday() >= 5:
                    opened.append(day)
            else:
                names[day] = name
        closed = sorted(day for day in names if day.weekday() < 5)
        return cls(MappingProxyType(names), tuple(closed), tuple(sorted(opened)), frozenset(opened))


def _count_in(days: tuple[dt.date, ...], start: dt.date, stop: dt.date) -> int:
    return bisect_left(days, stop) - bisect_left(days, start)


def _weekdays_in(start: dt.date, stop: dt.date) -> int:
    """Monday–Friday days in [start, stop)."""
    weeks, rest = divmod((stop - start).days, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (first + i) % 7 < 5)


class WorkingCalendar:
    """Answers many working-day questions; reads the office table at most once (one query).

    Build one per request or per batch job and ask it everything; years are loaded as asked.
    Pass `office_days` (date → (name, is_working_day)) to use a table without the database.
    """

    def __init__(self, office_days: OfficeDays | None = None):
        self._office_by_year: dict[int, dict[dt.date, tuple[str, bool]]] | None = None
        if office_days is not None:
            self._office_by_year = self._by_year(office_days)
        self._years: dict[int, _Year] = {}

    @classmethod
    def around(cls, day: dt.date, years_after: int = 1) -> "WorkingCalendar":
        """Kept for callers that name a span; the calendar now covers every year it is asked about."""
        return cls()

    @staticmethod
    def _by_year(office_days: OfficeDays) -> dict[int, dict[dt.date, tuple[str, bool]]]:
        grouped: dict[int, dict[dt.date, tuple[str, bool]]] = {}
        for day, entry in office_days.items():
            grouped.setdefault(day.year, {})[day] = entry
        return grouped

    def _office(self, year: int) -> dict[dt.date, tuple[str, bool]]:
        if self._office_by_year is None:
            from .models import Holiday

            # The table holds a few dozen rows a year; one read serves every year asked about.
            rows = Holiday.objects.values_list("date", "name", "is_working_day")
            self._office_by_year = self._by_year({day: (name, working) for day, name, working in rows})
        return self._office_by_year.get(year, {})

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = _Year.build(year, self._office(year))
        return cached

    def is_working_day(self, day: dt.date) -> bool:
        return self._year(day.year).is_working_day(day)

    def holiday_name(self, day: dt.date) -> str | None:
        """The name of the holiday on `day` (weekend holidays too), or None."""
        return self._year(day.year).names.get(day)

    def holidays_in(self, year: int) -> Mapping[dt.date, str]:
        """Every named day off of one year, for listing and checking against the cabinet's list."""
        return self._year(year).names

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The `n`-th working day after `start` (before it if `n` is negative); counting starts the
        next working day, so `start` itself never counts. `n == 0` gives `start` back."""
        if abs(n) > MAX_WORKING_DAYS:
            raise ValueError(f"จำนวนวันทำการต้องไม่เกิน {MAX_WORKING_DAYS} วัน")
        day = start
        step = ONE_DAY if n > 0 else -ONE_DAY
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; if `end` is earlier, minus the
        working days from `end` up to but not including `start`. So for any working day `end`,
        `add_working_days(start, working_days_between(start, end)) == end`."""
        if end >= start:
            return self._count(start + ONE_DAY, end + ONE_DAY)
        return -self._count(end, start)

    def _count(self, start: dt.date, stop: dt.date) -> int:
        """Working days in [start, stop), by arithmetic: weekdays, less days off, plus swaps."""
        if stop <= start:
            return 0
        count = _weekdays_in(start, stop)
        for year in range(start.year, (stop - ONE_DAY).year + 1):
            table = self._year(year)
            count -= _count_in(table.closed, start, stop)
            count += _count_in(table.opened, start, stop)
        return count


def for_request(request) -> WorkingCalendar:
    """One calendar per request, so a page asking many questions reads the office table once."""
    calendar = getattr(request, "_prasan_calendar", None)
    if calendar is None:
        calendar = request._prasan_calendar = WorkingCalendar()
    return calendar


def is_working_day(day: dt.date) -> bool:
    return WorkingCalendar().is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """One question, one query; ask a `WorkingCalendar` when there are many."""
    return WorkingCalendar().add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    return WorkingCalendar().working_days_between(start, end)
