"""What the dashboards count, for the whole office, one unit or the minister's desk.

The matters' numbers are read from the counters kept as matters change (counting.Scope.tally over
tracking.tallies); the unit's people and the late agencies are aggregate queries over the rows they
count. Every number comes with the link to the matter list that shows exactly those matters: each link is a
MatterFilter, so the list and the dashboard read filters in one place.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Count, Q, QuerySet, When
from django.utils import timezone

from prasan.accounts.models import Role, User
from prasan.matters.choices import DutyType, State, Urgency
from prasan.matters.queries import late_requests
from prasan.thai.dates import shown_date

from . import generations
from .charts import Figure
from .counting import AGE_BOUNDS, DUE_SOON_DAYS, OPEN, WEEKS, Scope, start_of, visible_matters  # noqa: F401
from .local_date import LocalDate

LATE_WINDOW_DAYS = 365  # agencies are judged on requests due in the last year
LATE_KEPT_SECONDS = 24 * 3600  # memory only: a table kept is never read after a change (late_agencies_kept)
TOP_AGENCIES = 10
URGENCY_ORDER = [Urgency.MOST_URGENT, Urgency.VERY_URGENT, Urgency.URGENT, Urgency.NORMAL]


def net(build, counted: QuerySet, hidden: QuerySet | None, keys) -> dict:
    """The rows of build(counted) less the counts of build(hidden), by key (one key: the bare value)."""
    totals = {tuple(row[k] for k in keys): dict(row) for row in build(counted)}
    if hidden is not None:
        for row in build(hidden):
            total = totals[tuple(row[k] for k in keys)]  # hidden ⊂ counted: the key is there
            for name, value in row.items():
                if name not in keys:
                    total[name] -= value
    return {key if len(keys) != 1 else key[0]: row for key, row in totals.items()}


@dataclass
class Deadlines:
    by_state: list[Figure]
    open: Figure
    overdue: Figure
    due_soon: Figure
    awaiting_minister: Figure


def deadlines(scope: Scope) -> Deadlines:
    """Open matters by state, with how many are overdue or due within three working days.

    The open matters by state, and the deadline counters' two ranges of days."""
    rows = scope.tally("state", states=OPEN)
    by_state = [Figure(State(s).label, rows.get(s, {}).get("n", 0), scope.url(state=s), key=s) for s in OPEN]
    due = scope.tally(measures=("overdue", "due_soon"))[()]

    def total(name):
        return due[name] if name in due else sum(row[name] for row in rows.values())

    return Deadlines(
        by_state=by_state,
        open=Figure("เรื่องที่ยังไม่ปิด", total("n"), scope.url(state="open"), key="open"),
        overdue=Figure("เกินกำหนด", total("overdue"), scope.url(overdue=True), key="overdue", tone="bad"),
        due_soon=Figure(f"ครบกำหนดใน {DUE_SOON_DAYS} วันทำการ", total("due_soon"),
                        scope.url(due_within=DUE_SOON_DAYS), key="due_soon", tone="warn"),
        awaiting_minister=Figure("รอรัฐมนตรีพิจารณา", rows.get(State.WITH_MINISTER, {}).get("n", 0),
                                 scope.url(state=State.WITH_MINISTER), key=State.WITH_MINISTER),
    )


def open_by_duty_type(scope: Scope) -> list[Figure]:
    counts = _counts(scope, "duty_type")  # the (duty_type, state) index
    return [Figure(label, counts.get(value, 0), scope.url(state="open", duty_type=value), key=value)
            for value, label in DutyType.choices]


def open_by_urgency(scope: Scope) -> list[Figure]:
    counts = _counts(scope, "urgency")  # the (urgency, state) index
    return [Figure(Urgency(value).label, counts.get(value, 0), scope.url(state="open", urgency=value), key=value,
                   tone="bad" if value != Urgency.NORMAL else "") for value in URGENCY_ORDER]


def open_by_unit(scope: Scope) -> list[Figure]:
    from prasan.directory.models import Unit

    counts = {pk: n for pk, n in _counts(scope, "owner_unit_id").items() if n}  # the (owner_unit, state) index
    names = dict(Unit.objects.filter(pk__in=[pk for pk in counts if pk]).values_list("pk", "name"))
    figures = [Figure(names.get(pk, "—"), n, scope.url(state="open", unit=pk), key=str(pk))
               for pk, n in counts.items() if pk]
    figures.sort(key=lambda f: (-f.value, f.label))
    if counts.get(None):
        figures.append(Figure("ไม่ระบุกลุ่มงาน", counts[None], scope.url(state="open", no_unit=True), key="none"))
    return figures


def _counts(scope: Scope, column: str, states=OPEN) -> dict:
    return {key: row["n"] for key, row in scope.tally(column, states=states).items()}


def ageing(scope: Scope, open_total: int) -> list[Figure]:
    """Open matters by working days since intake: exact working days, counted as ranges of intake days
    (only the last few weeks are read; the oldest bucket is the rest)."""
    starts = scope.age_starts
    recent = scope.tally(measures=("age0", "age1", "age2"))[()]
    values = [recent["age0"], recent["age1"], recent["age2"]]
    values.append(max(open_total - sum(values), 0))
    one_day = dt.timedelta(days=1)
    ranges = [(starts[0], None), (starts[1], starts[0] - one_day), (starts[2], starts[1] - one_day),
              (None, starts[2] - one_day)]
    lows = [0] + [bound + 1 for bound in AGE_BOUNDS]
    labels = [f"{low}–{high} วันทำการ" for low, high in zip(lows, AGE_BOUNDS, strict=False)] + [f"เกิน {AGE_BOUNDS[-1]} วันทำการ"]
    tones = ["ok", "", "warn", "bad"]
    return [Figure(label, value, scope.url(state="open", created_from=created_from, created_to=created_to),
                   key=f"age{low}", tone=tone)
            for label, value, (created_from, created_to), low, tone in zip(labels, values, ranges, lows, tones, strict=True)]


@dataclass
class Week:
    start: dt.date
    intake: Figure
    closed: Figure

    @property
    def label(self) -> str:
        return shown_date(self.start).rsplit(" ", 1)[0]


def weekly_flow(scope: Scope) -> list[Week]:
    """Matters received and closed in each of the last twelve weeks (Monday to Sunday, this week last).

    Two ranges of days of the intake and closure counters."""
    starts = scope.week_starts
    intake = scope.tally(measures=[f"in{i}" for i in range(WEEKS)])[()]
    closed = scope.tally(measures=[f"out{i}" for i in range(WEEKS)])[()]
    weeks = []
    for i, start in enumerate(starts):
        end = start + dt.timedelta(days=6)
        weeks.append(Week(
            start,
            Figure("รับเรื่อง", intake[f"in{i}"], scope.url(created_from=start, created_to=end), key=f"in{i}"),
            Figure("ปิดเรื่อง", closed[f"out{i}"], scope.url(closed_from=start, closed_to=end), key=f"out{i}"),
        ))
    return weeks


@dataclass
class LateAgency:
    name: str
    matters: Figure
    requests: int
    median_days_late: float


def late_agencies(scope: Scope) -> list[LateAgency]:
    """Agencies whose requests (due in the last year) were answered late or are still unanswered past
    their deadline: the ten with the most such matters, with the median working days late.

    Two passes over the late-request index (status, deadline, agency, matter, answered_at), which
    holds every column read: the matters per agency, and a histogram of days late."""
    from prasan.coordination.models import AgencyRequest
    from prasan.directory.models import Agency

    since = scope.today - dt.timedelta(days=LATE_WINDOW_DAYS)
    requests = AgencyRequest.objects.filter(deadline__gte=since).order_by()
    # The hidden matters are few and inside the scope: their requests are found from them.
    hidden = None if scope.hidden is None else requests.filter(matter__in=scope.hidden.values("pk"))
    if scope.base.unit:
        # From each request due in the year to its matter, not from the unit's matters to their requests:
        # the year's requests are what is counted, while a unit's matters pile up over the years.
        requests = requests.filter(matter__owner_unit_id=scope.base.unit)

    late = late_requests(requests, scope.today)
    late_hidden = None if hidden is None else late_requests(hidden, scope.today)

    def count(build, *keys):
        return {key: row["n"] for key, row in net(build, late, late_hidden, keys).items() if row["n"]}

    matter_counts = count(lambda qs: qs.values("agency_id").annotate(n=Count("matter_id", distinct=True)),
                          "agency_id")
    if not matter_counts:
        return []
    top = sorted(matter_counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_AGENCIES]
    # Days late from a histogram of the agencies shown, (agency, deadline, answer day) → requests; never
    # one row per request. An answered request is late by the working days to its answer, one still open
    # by the working days to today.
    answered_on = Case(When(status=AgencyRequest.Status.ANSWERED, then=LocalDate("answered_at")))
    histogram = count(lambda qs: qs.filter(agency_id__in=[pk for pk, _ in top]).annotate(day=answered_on)
                      .values("agency_id", "deadline", "day").annotate(n=Count("agency_id")),
                      "agency_id", "deadline", "day")
    days: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (agency_id, deadline, day), n in histogram.items():
        days[agency_id].append((scope.calendar.working_days_between(deadline, day or scope.today), n))
    names = dict(Agency.objects.filter(pk__in=[pk for pk, _ in top]).values_list("pk", "name"))
    return [
        LateAgency(
            names.get(pk, "—"),
            Figure(names.get(pk, "—"), n, scope.url(late_agency=pk, late_since=since), key=f"agency{pk}", tone="bad"),
            sum(count for _, count in days[pk]),
            weighted_median(days[pk]),
        )
        for pk, n in top
    ]


def late_agencies_kept(scope: Scope) -> tuple[list[LateAgency], dt.datetime]:
    """late_agencies(scope) and when it was counted. It reads a year of requests, so it is kept, per process, under
    the generations it was counted at (tracking.generations): any change to a request, to a matter's unit or
    secrecy, or (for a viewer who may not see every matter, who has a table of their own) to who may see what,
    is in the database with its transaction, so the next page counts afresh in every process. The day is in
    the key too: a request unanswered today is late tomorrow."""
    requests, visibility = generations.current(generations.REQUESTS, generations.VISIBILITY)
    seen = "" if scope.audience == "all" else f":{visibility}"
    key = f"tracking:late-agencies:{requests}{seen}:{scope.audience}:{scope.base.unit or 'office'}:{scope.today}"
    kept = cache.get(key)
    if kept is None:
        kept = (late_agencies(scope), timezone.now())
        cache.set(key, kept, LATE_KEPT_SECONDS)
    return kept


def weighted_median(pairs: list[tuple[int, int]]) -> float:
    """The median of a multiset given as (value, count) pairs."""
    total = sum(count for _, count in pairs)
    if not total:
        return 0
    ordered = sorted(pairs)

    def nth(k: int) -> int:  # the k-th smallest value, 0-based
        seen = 0
        for value, count in ordered:
            seen += count
            if k < seen:
                return value
        return ordered[-1][0]

    if total % 2:
        return nth(total // 2)
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


@dataclass
class Person:
    name: str
    open: Figure
    overdue: Figure
    due_soon: Figure


def by_person(scope: Scope, unit_id: int) -> list[Person]:
    """The unit's open matters by assignee (a matter with two assignees counts for each), members with
    none included, and the matters nobody is assigned to."""
    measures = {name: Count("pk", filter=scope.measures[name]) for name in ("overdue", "due_soon")}
    counts = net(lambda qs: qs.filter(state__in=OPEN).order_by().values("assignees")
                 .annotate(n=Count("pk"), **measures), scope.counted, scope.hidden, ["assignees"])
    people = User.objects.filter(
        Q(pk__in=[pk for pk in counts if pk])
        | Q(unit_id=unit_id, is_active=True, role__in=[Role.COORDINATOR, Role.GROUP_HEAD])
    ).order_by("first_name", "last_name", "pk")
    result = []
    for person in people:
        row = counts.get(person.pk, {"n": 0, "overdue": 0, "due_soon": 0})
        result.append(_person(scope, person.display_name, row, assignee=person.pk))
    result.sort(key=lambda p: (-p.overdue.value, -p.open.value, p.name))
    if None in counts:
        result.append(_person(scope, "ยังไม่มอบหมาย", counts[None], unassigned=True))
    return result


def _person(scope: Scope, name: str, row: dict, **who) -> Person:
    return Person(
        name,
        Figure("ยังไม่ปิด", row["n"], scope.url(state="open", **who)),
        Figure("เกินกำหนด", row["overdue"], scope.url(overdue=True, **who), tone="bad"),
        Figure(f"ครบกำหนดใน {DUE_SOON_DAYS} วันทำการ", row["due_soon"], scope.url(due_within=DUE_SOON_DAYS, **who),
               tone="warn"),
    )
