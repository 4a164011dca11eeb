"""Thai government working days: weekends, the cabinet's government-office holidays, the office table."""

import datetime as dt
from functools import lru_cache

import holidays

# The package's public list counts days when government offices still work.
NOT_GOVERNMENT_HOLIDAYS = ("National Labor Day", "วันแรงงานแห่งชาติ")


@lru_cache(maxsize=64)
def _package_holidays(year: int) -> dict[dt.date, str]:
    days = holidays.Thailand(years=year, categories=("public", "government"), language="th")
    labour = holidays.Thailand(years=year, categories=("public",), language="en_US")
    result = {}
    for day, name in days.items():
        english = labour.get(day, "")
        if any(label in english or label in name for label in NOT_GOVERNMENT_HOLIDAYS):
            # Labour Day alone is removed; a day that is also another holiday stays.
            if ";" not in english:
                continue
        result[day] = name
    return result


def _office_table(start: dt.date, end: dt.date) -> dict[dt.date, tuple[str, bool]]:
    from .models import Holiday

    rows = Holiday.objects.filter(date__range=(start, end)).values_list("date", "name", "is_working_day")
    return {d: (name, working) for d, name, working in rows}


class WorkingCalendar:
    """Loads the holidays of a span of years once; answers many questions cheaply."""

    def __init__(self, start_year: int, end_year: int):
        self.holidays: dict[dt.date, str] = {}
        self.extra_working: set[dt.date] = set()
        for year in range(start_year, end_year + 1):
            self.holidays.update(_package_holidays(year))
        office = _office_table(dt.date(start_year, 1, 1), dt.date(end_year, 12, 31))
        for day, (name, working) in office.items():
            if working:
                self.extra_working.add(day)
                self.holidays.pop(day, None)
            else:
                self.holidays[day] = name

    @classmethod
    def around(cls, day: dt.date, years_after: int = 1) -> "WorkingCalendar":
        return cls(day.year - 1, day.year + years_after)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def holiday_name(self, day: dt.date) -> str | None:
        return self.holidays.get(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date `n` working days after `start`, counting from the next working day."""
        day = start
        remaining = n
        step = 1 if n >= 0 else -1
        while remaining != 0:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= step
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if end is before)."""
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        count = 0
        day = lo
        while day < hi:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return sign * count


def add_working_days(start: dt.date, n: int) -> dt.date:
    years_after = max(1, n // 200 + 1)
    return WorkingCalendar.around(start, years_after).add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    lo, hi = min(start, end), max(start, end)
    return WorkingCalendar(lo.year - 1, hi.year + 1).working_days_between(start, end)
