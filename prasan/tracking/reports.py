"""The office's performance over a month, a fiscal quarter or a fiscal year, as the report pages show it.

The median working days to close (and to answer) need each row's dates, so only those columns
are fetched for the period, once, and the on-time counts are taken in the same pass; what needs
no dates (requests still overdue) is counted in the database. One working-day calendar answers
every question of the report.
"""

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils import timezone

from prasan.accounts.models import Role, User
from prasan.coordination.models import AgencyRequest
from prasan.directory.models import Agency, Unit
from prasan.matters.choices import DutyType, State
from prasan.matters.models import Matter
from prasan.thai.dates import BE_OFFSET, MONTHS, MONTHS_ABBR, be_year, fiscal_year

from .calendar import WorkingCalendar

REPORT_ROLES = frozenset({Role.HEAD, Role.GROUP_HEAD, Role.EXECUTIVE, Role.AUDITOR})
OPEN_REQUEST = (AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED)
# Quarter q of fiscal year FY starts in this month of CE year (FY − 543 − 1 if the month is October).
QUARTER_FIRST_MONTH = {1: 10, 2: 1, 3: 4, 4: 7}


@dataclass(frozen=True)
class Period:
    """`month` of BE calendar year `year`, or quarter `number` / the whole of BE fiscal year `year`."""

    kind: str  # "month" | "quarter" | "fiscal_year"
    year: int
    number: int = 0

    @classmethod
    def month_of(cls, day: dt.date) -> "Period":
        return cls("month", be_year(day), day.month)

    @classmethod
    def quarter_of(cls, day: dt.date) -> "Period":
        return cls("quarter", fiscal_year(day), (day.month - 10) % 12 // 3 + 1)

    @classmethod
    def fiscal_year_of(cls, day: dt.date) -> "Period":
        return cls("fiscal_year", fiscal_year(day))

    @classmethod
    def parse(cls, code: str) -> "Period | None":
        """`m-2569-01`, `q-2569-1`, `fy-2569` (BE years); None for anything else."""
        parts = (code or "").strip().split("-")
        try:
            numbers = [int(p) for p in parts[1:]]
        except ValueError:
            return None
        if not numbers or not 2400 <= numbers[0] <= 2800:
            return None
        if parts[0] == "m" and len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return cls("month", *numbers)
        if parts[0] == "q" and len(numbers) == 2 and 1 <= numbers[1] <= 4:
            return cls("quarter", *numbers)
        if parts[0] == "fy" and len(numbers) == 1:
            return cls("fiscal_year", numbers[0])
        return None

    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"m-{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"q-{self.year}-{self.number}"
        return f"fy-{self.year}"

    @property
    def start(self) -> dt.date:
        ce = self.year - BE_OFFSET
        if self.kind == "month":
            return dt.date(ce, self.number, 1)
        if self.kind == "quarter":
            month = QUARTER_FIRST_MONTH[self.number]
            return dt.date(ce - 1 if month == 10 else ce, month, 1)
        return dt.date(ce - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        months = {"month": 1, "quarter": 3, "fiscal_year": 12}[self.kind]
        start = self.start
        year, month = divmod(start.month - 1 + months, 12)
        return dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        start, end = self.start, self.end
        if self.kind == "month":
            return f"เดือน{MONTHS[self.number - 1]} {self.year}"
        if self.kind == "quarter":
            span = f"{MONTHS_ABBR[start.month - 1]}–{MONTHS_ABBR[end.month - 1]} {be_year(start)}"
            return f"ไตรมาส {self.number} ปีงบประมาณ {self.year} ({span})"
        return f"ปีงบประมาณ {self.year} (1 ต.ค. {self.year - 1} – 30 ก.ย. {self.year})"

    @property
    def short_label(self) -> str:
        if self.kind == "month":
            return f"{MONTHS_ABBR[self.number - 1]} {self.year}"
        if self.kind == "quarter":
            return f"ไตรมาส {self.number}/{self.year}"
        return f"ปีงบประมาณ {self.year}"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, stop) as aware datetimes in the office's time zone."""
        tz = timezone.get_current_timezone()
        start = dt.datetime.combine(self.start, dt.time.min, tzinfo=tz)
        stop = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return start, stop


def period_choices(today: dt.date, selected: Period | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The picker's groups: the last 24 months, the quarters and the fiscal years of recent years
    (and the selected period, if it is older)."""
    months, day = [], today.replace(day=1)
    for _ in range(24):
        months.append(Period.month_of(day))
        day = (day - dt.timedelta(days=1)).replace(day=1)
    this_fy = fiscal_year(today)
    current_quarter = Period.quarter_of(today)
    quarters = [
        Period("quarter", fy, q) for fy in range(this_fy, this_fy - 3, -1) for q in (4, 3, 2, 1)
        if (fy, q) <= (current_quarter.year, current_quarter.number)
    ]
    years = [Period("fiscal_year", fy) for fy in range(this_fy, this_fy - 5, -1)]
    groups = {"month": months, "quarter": quarters, "fiscal_year": years}
    if selected is not None and selected not in groups[selected.kind]:
        groups[selected.kind].append(selected)
    return [
        ("รายเดือน", [(p.code, p.label) for p in months]),
        ("รายไตรมาส (ปีงบประมาณ)", [(p.code, p.label) for p in quarters]),
        ("ปีงบประมาณ", [(p.code, p.label) for p in years]),
    ]


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


@dataclass
class Performance:
    """Matters closed in the period, for one unit, duty type, person, or the whole scope."""

    label: str
    closed: int = 0
    external_due: int = 0
    external_on_time: int = 0
    internal_due: int = 0
    internal_on_time: int = 0
    days: list[int] = field(default_factory=list, repr=False)

    @property
    def external_rate(self) -> float | None:
        return _rate(self.external_on_time, self.external_due)

    @property
    def internal_rate(self) -> float | None:
        return _rate(self.internal_on_time, self.internal_due)

    @property
    def median_days(self) -> float | None:
        return _median(self.days)

    def count(self, external: dt.date | None, internal: dt.date | None, closed_on: dt.date, days: int) -> None:
        """One matter closed on `closed_on` after `days` working days, with its two deadlines."""
        self.closed += 1
        if external is not None:
            self.external_due += 1
            self.external_on_time += closed_on <= external
        if internal is not None:
            self.internal_due += 1
            self.internal_on_time += closed_on <= internal
        self.days.append(days)

    def add(self, other: "Performance") -> None:
        self.closed += other.closed
        self.external_due += other.external_due
        self.external_on_time += other.external_on_time
        self.internal_due += other.internal_due
        self.internal_on_time += other.internal_on_time
        self.days += other.days


@dataclass
class AgencyPerformance:
    """Requests answered in the period, and those due in it still unanswered."""

    label: str
    answered: int = 0
    answered_on_time: int = 0
    overdue_open: int = 0
    days: list[int] = field(default_factory=list, repr=False)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.answered_on_time, self.answered)

    @property
    def median_days(self) -> float | None:
        return _median(self.days)


@dataclass
class Report:
    period: Period
    scope: str
    generated_at: dt.datetime
    total: Performance
    by_unit: list[Performance]
    by_duty: list[Performance]
    by_person: list[Performance]
    agencies: list[AgencyPerformance]


def scope_for(user) -> tuple[object, str]:
    """The matters a user's report covers (only what the user may see) and a Thai label of the scope."""
    if user.role not in REPORT_ROLES:
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์ดูรายงานผลการดำเนินงาน")
    matters = Matter.objects.visible_to(user)
    if user.role == Role.GROUP_HEAD:
        if user.unit_id is None:
            raise PermissionDenied("ยังไม่ได้กำหนดกลุ่มงานของท่าน จึงดูรายงานของกลุ่มงานไม่ได้")
        return matters.filter(owner_unit_id=user.unit_id), f"เฉพาะ{user.unit.name}"
    return matters, "ทั้งสำนักงาน"


class _Dates:
    """Bangkok dates of stored datetimes and working days between dates, remembered: a period's
    rows repeat the same few hundred date pairs."""

    def __init__(self, calendar: WorkingCalendar):
        self.calendar = calendar
        self.tz = timezone.get_current_timezone()
        self._days: dict[tuple[dt.date, dt.date], int] = {}

    def local(self, value: dt.datetime) -> dt.date:
        return value.astimezone(self.tz).date()

    def working_days(self, start: dt.date, end: dt.date) -> int:
        days = self._days.get((start, end))
        if days is None:
            days = self._days[(start, end)] = self.calendar.working_days_between(start, end)
        return days


def build(user, period: Period, *, today: dt.date | None = None) -> Report:
    today = today or timezone.localdate()
    matters, scope = scope_for(user)
    start, stop = period.bounds()
    closed = matters.filter(state=State.CLOSED, closed_at__gte=start, closed_at__lt=stop).order_by()
    dates = _Dates(WorkingCalendar())
    by_unit: dict = {}
    by_duty: dict = {}
    by_person: dict = {}

    # One pass over the period's closed matters, one row per (matter, assignee). The medians need
    # every row's dates anyway; counting on-time in the same pass is cheaper than also grouping in
    # the database, where the Bangkok-date conversion of closed_at runs per row for each grouping.
    rows = closed.values_list(
        "pk", "owner_unit_id", "duty_type", "created_at", "closed_at", "external_deadline", "internal_deadline",
        "assignees",
    )
    outcomes: dict[int, tuple] = {}  # the join gives a matter once per assignee, in no set order
    for pk, unit_id, duty, created_at, closed_at, external, internal, assignee in rows.iterator(chunk_size=5000):
        outcome = outcomes.get(pk)
        if outcome is None:
            closed_on = dates.local(closed_at)
            days = dates.working_days(dates.local(created_at), closed_on)
            outcome = outcomes[pk] = (external, internal, closed_on, days)
            by_unit.setdefault(unit_id, Performance("")).count(*outcome)
            by_duty.setdefault(duty, Performance("")).count(*outcome)
        if assignee is not None:
            by_person.setdefault(assignee, Performance("")).count(*outcome)

    units = dict(Unit.objects.filter(pk__in=[u for u in by_unit if u]).values_list("pk", "name"))
    for unit_id, row in by_unit.items():
        row.label = units.get(unit_id, "ไม่ระบุกลุ่มงาน")
    for duty, row in by_duty.items():
        row.label = DutyType(duty).label if duty in DutyType.values else duty
    people = User.objects.filter(pk__in=list(by_person)).values_list("pk", "first_name", "last_name", "username")
    for pk, first, last, username in people:
        by_person[pk].label = f"{first} {last}".strip() or username

    total = Performance("รวม")
    for row in by_duty.values():
        total.add(row)
    duty_order = {code: i for i, code in enumerate(DutyType.values)}
    return Report(
        period=period, scope=scope, generated_at=timezone.now(), total=total,
        by_unit=sorted(by_unit.values(), key=lambda r: (r.label == "ไม่ระบุกลุ่มงาน", r.label)),
        by_duty=[by_duty[code] for code in sorted(by_duty, key=lambda c: duty_order.get(c, 99))],
        by_person=sorted(by_person.values(), key=lambda r: (-r.closed, r.label)),
        agencies=_agencies(matters, period, today, dates),
    )


def _agencies(matters, period: Period, today: dt.date, dates: _Dates) -> list[AgencyPerformance]:
    start, stop = period.bounds()
    requests = AgencyRequest.objects.filter(matter__in=matters.values("pk")).order_by()
    result: dict[int, AgencyPerformance] = {}
    answered = requests.filter(status=AgencyRequest.Status.ANSWERED, answered_at__gte=start, answered_at__lt=stop)
    for agency_id, created_at, answered_at, deadline in answered.values_list(
        "agency_id", "created_at", "answered_at", "deadline"
    ).iterator(chunk_size=5000):
        entry = result.setdefault(agency_id, AgencyPerformance(""))
        answered_on = dates.local(answered_at)
        entry.answered += 1
        entry.answered_on_time += answered_on <= deadline
        entry.days.append(dates.working_days(dates.local(created_at), answered_on))
    # Still unanswered although their deadline (inside the period) has passed: a plain count.
    last_due = min(period.end, today - dt.timedelta(days=1))
    overdue = requests.filter(status__in=OPEN_REQUEST, deadline__gte=period.start, deadline__lte=last_due)
    for item in overdue.values("agency").annotate(n=Count("pk")):
        result.setdefault(item["agency"], AgencyPerformance("")).overdue_open = item["n"]
    names = dict(Agency.objects.filter(pk__in=list(result)).values_list("pk", "name"))
    for agency_id, entry in result.items():
        entry.label = names.get(agency_id, "")
    return sorted(result.values(), key=lambda r: r.label)
