"""Filtering the matter list: one reading of filters for the pages, the API, the exports and the dashboards."""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from prasan.thai.date_input import DateInputError, parse_date
from prasan.tracking.calendar import add_working_days
from prasan.tracking.local_date import LocalDate

from .choices import OPEN_STATES, SECRECY_BY_CODE, DutyType, State, Urgency
from .models import Matter


def list_queryset(qs: QuerySet) -> QuerySet:
    """What every list row shows, fetched in a fixed number of queries."""
    return qs.select_related("office", "owner_unit").prefetch_related("assignees")


def late_requests(requests: QuerySet, today: dt.date) -> QuerySet:
    """Agency requests answered after their deadline's day, or still unanswered past it.

    Either way the deadline has passed, so the (status, deadline) index narrows the rows first. An answer
    is late when its local date is after the deadline; the plain comparison before it is true for every
    such answer and needs no time-zone conversion, so most on-time answers are dropped cheaply."""
    return requests.filter(status__in=("sent", "acknowledged", "answered"), deadline__lt=today).filter(
        Q(status__in=("sent", "acknowledged"))
        | (Q(answered_at__gt=F("deadline")) & GreaterThan(LocalDate("answered_at"), F("deadline")))
    )


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the office's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass
class MatterFilter:
    state: str = ""
    duty_type: str = ""
    urgency: str = ""
    secrecy: str = ""
    unit: int | None = None
    no_unit: bool = False
    assignee: int | None = None
    unassigned: bool = False
    overdue: bool = False
    due_within: int | None = None
    created_from: dt.date | None = None
    created_to: dt.date | None = None
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    late_agency: int | None = None  # matters with a late request to this agency …
    late_since: dt.date | None = None  # … whose deadline is on or after this day
    q: str = ""
    open_only: bool = False
    # Set by apply: the text filter reads the list's own titles (a common or short phrase), so a page counts its
    # matches only to its own end (BoundedPaginator page_only) — counting on would read the list far down.
    scans_text: bool = field(default=False, init=False, compare=False, repr=False)

    @classmethod
    def from_params(cls, params) -> "MatterFilter":
        def as_int(name):
            value = (params.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        def as_date(name):
            # Links carry ISO dates; a person types a Buddhist-era one: the one parser reads both.
            try:
                return parse_date(params.get(name) or "")
            except DateInputError:
                return None

        def as_bool(name):
            return params.get(name) in ("1", "true", "on")

        return cls(
            state=params.get("state", "") if params.get("state", "") in State.values + ["open"] else "",
            duty_type=params.get("duty_type", "") if params.get("duty_type", "") in DutyType.values else "",
            urgency=params.get("urgency", "") if params.get("urgency", "") in Urgency.values else "",
            secrecy=params.get("secrecy", "") if params.get("secrecy", "") in SECRECY_BY_CODE else "",
            unit=as_int("unit"),
            no_unit=as_bool("no_unit"),
            assignee=as_int("assignee"),
            unassigned=as_bool("unassigned"),
            overdue=as_bool("overdue"),
            due_within=as_int("due_within"),
            created_from=as_date("created_from"),
            created_to=as_date("created_to"),
            closed_from=as_date("closed_from"),
            closed_to=as_date("closed_to"),
            late_agency=as_int("late_agency"),
            late_since=as_date("late_since"),
            q=(params.get("q") or "").strip()[:200],
        )

    def apply(self, qs: QuerySet, today: dt.date | None = None) -> QuerySet:
        today = today or timezone.localdate()
        if self.state == "open":
            qs = qs.filter(state__in=OPEN_STATES)
        elif self.state:
            qs = qs.filter(state=self.state)
        if self.duty_type:
            qs = qs.filter(duty_type=self.duty_type)
        if self.urgency:
            qs = qs.filter(urgency=self.urgency)
        if self.secrecy:
            qs = qs.filter(secrecy=SECRECY_BY_CODE[self.secrecy])
        if self.unit:
            qs = qs.filter(owner_unit_id=self.unit)
        if self.no_unit:
            qs = qs.filter(owner_unit__isnull=True)
        through = Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"))
        if self.assignee:
            qs = qs.filter(Exists(through.filter(user_id=self.assignee)))
        if self.unassigned:
            qs = qs.filter(~Exists(through))
        if self.overdue:
            qs = qs.filter(state__in=OPEN_STATES, internal_deadline__lt=today)
        if self.due_within is not None:
            limit = add_working_days(today, min(self.due_within, 365))
            qs = qs.filter(state__in=OPEN_STATES, internal_deadline__gte=today, internal_deadline__lte=limit)
        if self.created_from:
            qs = qs.filter(created_at__gte=_start_of(self.created_from))
        if self.created_to:
            qs = qs.filter(created_at__lt=_start_of(self.created_to + dt.timedelta(days=1)))
        if self.closed_from or self.closed_to:
            qs = qs.filter(state=State.CLOSED)  # closed_at is kept only while a matter is closed
        if self.closed_from:
            qs = qs.filter(closed_at__gte=_start_of(self.closed_from))
        if self.closed_to:
            qs = qs.filter(closed_at__lt=_start_of(self.closed_to + dt.timedelta(days=1)))
        if self.late_agency:
            from prasan.coordination.models import AgencyRequest

            requests = AgencyRequest.objects.filter(matter_id=OuterRef("pk"), agency_id=self.late_agency)
            if self.late_since:
                requests = requests.filter(deadline__gte=self.late_since)
            qs = qs.filter(Exists(late_requests(requests, today)))
        if self.q:
            from prasan.search.filters import matter_ids_titled

            titled = matter_ids_titled(self.q)
            self.scans_text = titled is None
            qs = qs.filter(title__icontains=self.q) if titled is None else qs.filter(pk__in=titled)
        return qs

    def params(self) -> dict[str, str]:
        """The query parameters that give this filter back through from_params."""
        values = {
            "state": self.state, "duty_type": self.duty_type, "urgency": self.urgency, "secrecy": self.secrecy,
            "unit": self.unit, "no_unit": self.no_unit, "assignee": self.assignee, "unassigned": self.unassigned,
            "overdue": self.overdue, "due_within": self.due_within,
            "created_from": self.created_from, "created_to": self.created_to,
            "closed_from": self.closed_from, "closed_to": self.closed_to,
            "late_agency": self.late_agency, "late_since": self.late_since, "q": self.q,
        }
        result = {}
        for name, value in values.items():
            if value is None or value == "" or value is False:
                continue
            result[name] = "1" if value is True else value.isoformat() if isinstance(value, dt.date) else str(value)
        return result

    def query_string(self) -> str:
        return urlencode(self.params())

    def is_active(self) -> bool:
        return bool(self.params())

