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
    next intake is later than the `limit`-th longest wait found so far."""
    arrived = Transition.objects.filter(matter_id=OuterRef("pk"), to_state=State.WITH_MINISTER).order_by("-at")
    annotated = list_queryset(waiting.annotate(
        waiting_since=Coalesce(Subquery(arrived.values("at")[:1]), F("created_at"))))
    best: list = []
    last = None
    for _ in range(max_batches):
        page = annotated.order_by("created_at", "pk")
        if last is not None:
            page = page.filter(Q(created_at__gt=last.created_at) | Q(created_at=last.created_at, pk__gt=last.pk))
        chunk = list(page[:batch])
        best = sorted(best + chunk, key=lambda m: (m.waiting_since, m.pk))[:limit]
        if len(chunk) < batch or (len(best) == limit and chunk[-1].created_at > best[-1].waiting_since):
            return best
        last = chunk[-1]
    # Matters that reached the minister long after intake: order them all by their wait.
    return list(annotated.order_by("waiting_since", "pk")[:limit])
