"""Filtering the matter list: one function shared by the pages and the API."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from prasan.tracking.calendar import add_working_days

from .choices import OPEN_STATES, SECRECY_BY_CODE, DutyType, Secrecy, State, Urgency
from .models import Matter


def list_queryset(qs: QuerySet) -> QuerySet:
    """What every list row shows, fetched in a fixed number of queries."""
    return qs.select_related("office", "owner_unit").prefetch_related("assignees")


@dataclass
class MatterFilter:
    state: str = ""
    duty_type: str = ""
    urgency: str = ""
    secrecy: str = ""
    unit: int | None = None
    assignee: int | None = None
    overdue: bool = False
    due_within: int | None = None
    q: str = ""
    open_only: bool = False

    @classmethod
    def from_params(cls, params) -> "MatterFilter":
        def as_int(name):
            value = (params.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        return cls(
            state=params.get("state", "") if params.get("state", "") in State.values + ["open"] else "",
            duty_type=params.get("duty_type", "") if params.get("duty_type", "") in DutyType.values else "",
            urgency=params.get("urgency", "") if params.get("urgency", "") in Urgency.values else "",
            secrecy=params.get("secrecy", "") if params.get("secrecy", "") in SECRECY_BY_CODE else "",
            unit=as_int("unit"),
            assignee=as_int("assignee"),
            overdue=params.get("overdue") in ("1", "true", "on"),
            due_within=as_int("due_within"),
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
        if self.assignee:
            through = Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"), user_id=self.assignee)
            qs = qs.filter(Exists(through))
        if self.overdue:
            qs = qs.filter(state__in=OPEN_STATES, internal_deadline__lt=today)
        if self.due_within is not None:
            limit = add_working_days(today, min(self.due_within, 365))
            qs = qs.filter(state__in=OPEN_STATES, internal_deadline__gte=today, internal_deadline__lte=limit)
        if self.q:
            qs = qs.filter(title__icontains=self.q)
        return qs

    def is_active(self) -> bool:
        return any(
            [self.state, self.duty_type, self.urgency, self.secrecy, self.unit, self.assignee,
             self.overdue, self.due_within is not None, self.q]
        )


SECRECY_LABELS = dict(Secrecy.choices)
