"""What awaits the minister's decision, oldest first, for the executive's dashboard."""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from prasan.matters.choices import State, Urgency
from prasan.matters.models import Transition
from prasan.matters.queries import list_queryset

from .charts import Figure
from .dashboards import URGENCY_ORDER, Scope, _counts

AWAITING_LIMIT = 50


@dataclass
class Awaiting:
    total: Figure
    by_urgency: list[Figure]
    matters: list  # Matter rows with waiting_since and days_waiting, oldest first


def awaiting_decision(scope: Scope) -> Awaiting:
    """What awaits the minister's decision, oldest first: waiting since the matter last reached the
    minister (its last transition into with_minister; its intake if it has none)."""
    waiting = scope.matters.filter(state=State.WITH_MINISTER)
    counts = _counts(scope, "urgency", states=[State.WITH_MINISTER])  # the (urgency, state) index
    by_urgency = [Figure(Urgency(v).label, counts.get(v, 0), scope.url(state=State.WITH_MINISTER, urgency=v), key=v,
                         tone="bad" if v != Urgency.NORMAL else "") for v in URGENCY_ORDER]
    total = Figure("รอรัฐมนตรีพิจารณา", sum(counts.values()), scope.url(state=State.WITH_MINISTER))
    rows = oldest_waiting(waiting, AWAITING_LIMIT) if total.value else []
    for matter in rows:
        since = timezone.localtime(matter.waiting_since).date()
        matter.days_waiting = scope.calendar.working_days_between(since, scope.today)
    return Awaiting(total, by_urgency, rows)


def oldest_waiting(waiting: QuerySet, limit: int, batch: int = 200, max_batches: int = 10) -> list:
    """The `limit` matters that have waited longest, without computing every matter's wait: a matter
    reaches the minister after its intake, so walking matters in intake order can stop as soon as the
    next intake is later than the `limit`-th longest wait found so far. The walk reads (id, intake, wait)
    alone; only the matters shown are read whole, with what a list row shows (a batch of 200 whole rows and
    their assignees was 40 of the page's 60 ms of CPU at a million matters)."""
    arrived = Transition.objects.filter(matter_id=OuterRef("pk"), to_state=State.WITH_MINISTER).order_by("-at")
    keys = waiting.annotate(waiting_since=Coalesce(Subquery(arrived.values("at")[:1]), F("created_at"))) \
        .values_list("pk", "created_at", "waiting_since")
    best: list = []
    last = None
    for _ in range(max_batches):
        page = keys.order_by("created_at", "pk")
        if last is not None:
            pk, created_at, _since = last
            page = page.filter(Q(created_at__gt=created_at) | Q(created_at=created_at, pk__gt=pk))
        chunk = list(page[:batch])
        best = sorted(best + chunk, key=lambda key: (key[2], key[0]))[:limit]
        if len(chunk) < batch or (len(best) == limit and chunk[-1][1] > best[-1][2]):
            return _rows(waiting, best)
        last = chunk[-1]
    # Matters that reached the minister long after intake: order them all by their wait.
    return _rows(waiting, list(keys.order_by("waiting_since", "pk")[:limit]))


def _rows(waiting: QuerySet, keys: list) -> list:
    """The matters of `keys` (id, intake, wait) in their order, read whole, each with its waiting_since."""
    rows = {m.pk: m for m in list_queryset(waiting.filter(pk__in=[pk for pk, _, _ in keys]))} if keys else {}
    found = []
    for pk, _created, since in keys:
        if pk in rows:
            rows[pk].waiting_since = since
            found.append(rows[pk])
    return found
