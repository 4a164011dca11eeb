"""The session report: what parliament asked of the office in one session and how it was answered.

Counted per item (a question, a motion, a summons…): received, answered, answered on time (on or before
its due date: the letter's or the office rule's), postponed at least once, lapsed, withdrawn, still open,
and the average working days from receipt to answer — by kind, by the minister asked, and by the agency
that supplied the answer (an agency request answered on the item's matter).
"""

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.coordination.models import AgencyRequest
from prasan.directory.models import Agency
from prasan.tracking.calendar import WorkingCalendar

from .access import REPORT_ROLES
from .choices import OPEN_STATUSES, ItemKind, Status
from .models import Item, Session

NOT_NAMED = "ไม่ระบุ"


@dataclass
class Tally:
    label: str
    received: int = 0
    answered: int = 0
    answered_due: int = 0  # answered items that had a due date
    on_time: int = 0
    postponed: int = 0  # items postponed at least once
    lapsed: int = 0
    withdrawn: int = 0
    open: int = 0
    days: list[int] = field(default_factory=list, repr=False)

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.answered_due if self.answered_due else None

    @property
    def average_days(self) -> float | None:
        return statistics.fmean(self.days) if self.days else None

    def count(self, row: "Row") -> None:
        self.received += 1
        self.postponed += row.postponements > 0
        self.lapsed += row.status == Status.LAPSED
        self.withdrawn += row.status == Status.WITHDRAWN
        self.open += row.status in OPEN_STATUSES
        if row.status == Status.ANSWERED and row.answered_on:
            self.answered += 1
            if row.due_on:
                self.answered_due += 1
                self.on_time += row.answered_on <= row.due_on
            self.days.append(row.days)


@dataclass
class Row:
    """One item as the report reads it."""

    pk: int
    kind: str
    number: str
    subject: str
    minister: str
    status: str
    received_on: dt.date
    sitting_on: dt.date | None
    due_on: dt.date | None
    answered_on: dt.date | None
    postponements: int
    matter_id: int
    days: int = 0

    @property
    def on_time(self) -> bool | None:
        if self.status != Status.ANSWERED or not self.answered_on or not self.due_on:
            return None
        return self.answered_on <= self.due_on


@dataclass
class Report:
    session: Session
    scope: str
    generated_at: dt.datetime
    total: Tally
    by_kind: list[Tally]
    by_minister: list[Tally]
    by_agency: list[Tally]
    rows: list[Row]


def scope_for(user, items):
    """What a reader's report covers: a group head their unit's items; who may not read reports, nothing."""
    if user.role not in REPORT_ROLES:
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์ดูรายงานงานรัฐสภา")
    if user.role == Role.GROUP_HEAD:
        if user.unit_id is None:
            raise PermissionDenied("ยังไม่ได้กำหนดกลุ่มงานของท่าน จึงดูรายงานของกลุ่มงานไม่ได้")
        return items.filter(matter__owner_unit_id=user.unit_id), f"เฉพาะ{user.unit.name}"
    return items, "ทั้งสำนักงาน"


def build(user, session: Session, *, office) -> Report:
    items, scope = scope_for(user, Item.objects.visible_to(user).filter(office=office, session=session))
    calendar = WorkingCalendar()
    rows = [Row(*values) for values in items.order_by("received_on", "id").values_list(
        "pk", "kind", "number", "subject", "minister_asked", "status", "received_on", "sitting_on", "due_on",
        "answered_on", "postponements", "matter_id")]
    total, by_kind, by_minister = Tally("รวมทั้งหมด"), {}, {}
    for row in rows:
        if row.answered_on:
            row.days = calendar.working_days_between(row.received_on, row.answered_on)
        total.count(row)
        by_kind.setdefault(row.kind, Tally(ItemKind(row.kind).label)).count(row)
        minister = row.minister.strip() or NOT_NAMED
        by_minister.setdefault(minister, Tally(minister)).count(row)
    order = {kind: i for i, kind in enumerate(ItemKind.values)}
    return Report(
        session=session, scope=scope, generated_at=timezone.now(), total=total,
        by_kind=[by_kind[k] for k in sorted(by_kind, key=order.get)],
        by_minister=sorted(by_minister.values(), key=lambda t: (t.label == NOT_NAMED, -t.received, t.label)),
        by_agency=_by_agency(rows), rows=rows,
    )


def _by_agency(rows: list[Row]) -> list[Tally]:
    """Each agency that answered a request on an item's matter, with those items tallied under it."""
    by_matter = {row.matter_id: row for row in rows}
    supplied: dict[int, set[int]] = {}
    answered = AgencyRequest.objects.filter(matter_id__in=list(by_matter), status=AgencyRequest.Status.ANSWERED)
    for agency_id, matter_id in answered.values_list("agency_id", "matter_id").order_by():
        supplied.setdefault(agency_id, set()).add(matter_id)
    names = dict(Agency.objects.filter(pk__in=list(supplied)).values_list("pk", "name"))
    result = []
    for agency_id, matters in supplied.items():
        tally = Tally(names.get(agency_id, ""))
        for matter_id in sorted(matters):
            tally.count(by_matter[matter_id])
        result.append(tally)
    return sorted(result, key=lambda t: (-t.received, t.label))
