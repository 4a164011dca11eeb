"""The office's local date of a stored time, worked out by the database for every row it reads."""

import datetime as dt
import zoneinfo
from functools import cache

from django.db.models import DateField, Func
from django.utils import timezone


class LocalDate(Func):
    """The date of a timestamp in the office's time zone, as `TruncDate` gives it. On SQLite, Django
    works that out with a Python function called for every row (a few microseconds each: most of the
    cost of counting a year of agency answers); where the time zone keeps one offset from UTC (Thailand
    has since 1920), SQLite's own date() with that offset gives the same date."""

    arity = 1
    output_field = DateField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        zone = timezone.get_current_timezone_name()
        offset = fixed_offset(zone) if connection.vendor == "sqlite" else None
        if offset is None:
            return connection.ops.datetime_cast_date_sql(sql, tuple(params), zone)
        # Whole seconds first: SQLite's date arithmetic keeps milliseconds, and would round the last
        # microseconds of a day into the next.
        return f"date(substr({sql}, 1, 19), %s)", (*params, f"{offset:+d} seconds")


@cache
def fixed_offset(zone: str) -> int | None:
    """Seconds east of UTC if `zone` keeps one offset all this century, else None. Looked at weekly: every
    change of offset known lasts longer than a week (the shortest, Morocco's pause for Ramadan, a month)."""
    tz = zoneinfo.ZoneInfo(zone)
    day, end = dt.datetime(2000, 1, 1, 12), dt.datetime(2100, 1, 1, 12)
    offsets = set()
    while day < end and len(offsets) < 2:
        offsets.add(tz.utcoffset(day))
        day += dt.timedelta(weeks=1)
    return int(offsets.pop().total_seconds()) if len(offsets) == 1 else None
