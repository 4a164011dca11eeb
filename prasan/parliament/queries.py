"""Filtering the item list: one reading of filters for the list page, the API and the exports."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils import timezone

from prasan.tracking.calendar import add_working_days

from .choices import OPEN_STATUSES, House, ItemKind, Status
from .models import Item


def list_queryset(qs: QuerySet) -> QuerySet:
    """What every list row shows (number, kind, subject, matter number and secrecy, dates), in one query."""
    return qs.select_related("matter__office", "session")


@dataclass
class ItemFilter:
    kind: str = ""
    house: str = ""
    status: str = ""  # a status, or "open"
    session: int | None = None
    overdue: bool = False
    due_within: int | None = None
    q: str = ""

    @classmethod
    def from_params(cls, params) -> "ItemFilter":
        def pick(name, values):
            value = params.get(name) or ""
            return value if value in values else ""

        def as_int(name):
            value = (params.get(name) or "").strip()
            return int(value) if value.isdigit() and len(value) < 10 else None

        return cls(
            kind=pick("kind", ItemKind.values), house=pick("house", House.values),
            status=pick("status", [*Status.values, "open"]), session=as_int("session"),
            overdue=params.get("overdue") in ("1", "true", "on"), due_within=as_int("due_within"),
            q=(params.get("q") or "").strip()[:200],
        )

    def apply(self, qs: QuerySet, today: dt.date | None = None) -> QuerySet:
        today = today or timezone.localdate()
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.house:
            qs = qs.filter(house=self.house)
        if self.status == "open":
            qs = qs.filter(status__in=OPEN_STATUSES)
        elif self.status:
            qs = qs.filter(status=self.status)
        if self.session:
            qs = qs.filter(session_id=self.session)
        if self.overdue:
            qs = qs.filter(status__in=OPEN_STATUSES, due_on__lt=today)
        if self.due_within is not None:
            limit = add_working_days(today, min(self.due_within, 365))
            qs = qs.filter(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=limit)
        if self.q:
            from django.db.models import Q

            qs = qs.filter(Q(subject__icontains=self.q) | Q(number__icontains=self.q)
                           | Q(asker_name__icontains=self.q) | Q(committee__icontains=self.q))
        return qs

    def params(self) -> dict[str, str]:
        values = {"kind": self.kind, "house": self.house, "status": self.status, "session": self.session,
                  "overdue": self.overdue, "due_within": self.due_within, "q": self.q}
        return {name: "1" if value is True else str(value) for name, value in values.items()
                if value not in (None, "", False)}

    def query_string(self) -> str:
        return urlencode(self.params())

    def is_active(self) -> bool:
        return bool(self.params())


def visible_items(user, office) -> QuerySet:
    return Item.objects.visible_to(user).filter(office=office)
