"""Whose turn is it now: what waits for one person, read from the state of documents, requests and matters.

Nothing here is a message that can be missed or marked away: an item stays while the thing it names
still waits for this person, and goes as soon as someone acts (the document moves on, the answer is
taken in, the request is answered). The page (งานของฉัน), the header's count and the API's
/me/inbox read these kinds.

Each kind is a query, oldest first, already narrowed by the need-to-know rule (matters.access) in SQL. A person
with a backlog of hundreds costs what a person with three does: the counts are one query, and the inbox shows the
oldest few of each kind with the number of the rest; the rest are a kind's own paginated list.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import Role, User
from prasan.coordination.models import AgencyRequest
from prasan.documents.chain import SENT_OUT
from prasan.documents.models import Document, ReviewStep
from prasan.matters.access import visible
from prasan.matters.choices import State
from prasan.matters.models import Matter
from prasan.openwork.models import OpenWork

DRAFTING_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
FIRST = 5  # of each kind on the inbox; the rest are on the kind's own list

LABELS = {
    "decision": "รอท่านวินิจฉัย/สั่งการ",
    "review": "รอท่านตรวจ",
    "sign": "รอท่านลงนาม",
    "returned": "ส่งกลับให้แก้ไข",
    "dispatch": "ลงนามแล้ว รอส่ง",
    "answered": "หน่วยงานตอบแล้ว",
    "overdue_request": "หน่วยงานยังไม่ตอบ เกินกำหนด",
    "matter_decision": "เรื่องรอท่านสั่งการ",
    "accept": "เรื่องใหม่ที่ได้รับมอบหมาย",
}
ORDER = list(LABELS)
# Who may have each kind waiting: the others are never asked (and are refused the kind's list).
ROLES = {
    "decision": frozenset({Role.EXECUTIVE}),
    "review": frozenset({Role.GROUP_HEAD, Role.HEAD}),
    "sign": frozenset({Role.HEAD}),
    "returned": DRAFTING_ROLES,
    "dispatch": DRAFTING_ROLES,
    "answered": DRAFTING_ROLES,
    "overdue_request": DRAFTING_ROLES,
    "matter_decision": frozenset({Role.EXECUTIVE}),
    "accept": DRAFTING_ROLES,
}


@dataclass
class InboxItem:
    type: str
    id: int  # the document's, the request's or the matter's, by type
    matter: int
    number: str
    title: str
    since: dt.datetime
    url: str
    document: Document | None = None  # for the minister's buttons beside the item

    @property
    def label(self) -> str:
        return LABELS[self.type]


@dataclass
class Section:
    """One kind on the inbox: how many wait, and the oldest few of them."""

    type: str
    count: int
    items: list[InboxItem] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.type]

    @property
    def more(self) -> int:
        return self.count - len(self.items)


@dataclass
class Inbox:
    sections: list[Section]

    @property
    def count(self) -> int:
        return sum(section.count for section in self.sections)

    @property
    def items(self) -> list[InboxItem]:
        return [item for section in self.sections for item in section.items]


def kinds_for(user) -> list[str]:
    """The kinds that can wait for `user`, in the inbox's order."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [kind for kind in ORDER if user.role in ROLES[kind]]


def counts_for(user) -> dict[str, int]:
    """How many of each kind wait for `user`, in one query (the user's own row carrying a COUNT per kind)."""
    return _counts(user, {kind: _waiting(user, kind) for kind in kinds_for(user)})


def count_for(user) -> int:
    """The header's badge: the sum of the kinds' counts; no item is read."""
    return sum(counts_for(user).values())


def inbox_for(user, first: int = FIRST) -> Inbox:
    """What waits for `user`, by kind in the order above: each kind's count and its `first` oldest items. A kind
    with none waiting costs no more than its count."""
    waiting = {kind: _waiting(user, kind) for kind in kinds_for(user)}
    sections = [Section(kind, count) for kind, count in _counts(user, waiting).items()]
    for section in sections:
        if section.count:
            rows_ = _first(waiting[section.type], section.type, first)
            section.items = [item_of(section.type, row) for row in rows_]
    return Inbox(sections)


def rows(user, kind: str) -> QuerySet:
    """The rows of one kind waiting for `user` (review steps, documents, requests or matters), oldest first, of
    matters the user may see, with what item_of reads."""
    return _waiting(user, kind).select_related(*_KINDS[kind].related).order_by(*_KINDS[kind].oldest)


def _counts(user, waiting: dict[str, QuerySet]) -> dict[str, int]:
    if not waiting:
        return {}
    counts = {kind: Subquery(rows_.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
                             output_field=IntegerField())
              for kind, rows_ in waiting.items()}
    row = User.objects.filter(pk=user.pk).values(**counts).first() or {}
    return {kind: row.get(kind) or 0 for kind in waiting}


def _first(waiting: QuerySet, kind: str, n: int) -> QuerySet:
    """The first n of a kind's rows, chosen by their ids alone: the sort then carries the order's columns of every
    row waiting, not every joined column."""
    spec = _KINDS[kind]
    chosen = waiting.order_by(*spec.oldest).values("pk")[:n]
    return waiting.model.objects.filter(pk__in=chosen).select_related(*spec.related).order_by(*spec.oldest)


def _waiting(user, kind: str) -> QuerySet:
    spec = _KINDS[kind]
    queryset = spec.query(user)
    # Rows on the person's open work are already what they may see (OpenWork.objects.of: the rule for open work).
    return queryset if spec.path is None else visible(queryset, user, spec.path)


def item_of(kind: str, row) -> InboxItem:
    if kind in ("decision", "review"):
        return _document_item(kind, row.document)
    if kind in ("sign", "returned", "dispatch"):
        return _document_item(kind, row)
    if kind == "answered":
        return _request_item(kind, row, row.answered_at)
    if kind == "overdue_request":
        since = timezone.make_aware(dt.datetime.combine(row.deadline + dt.timedelta(days=1), dt.time()))
        return _request_item(kind, row, since)
    return _matter_item(kind, row)


def _mine(user):
    """On one of `user`'s open matters that they may see (their open work), as a condition on rows that have a
    matter: what waits for a drafter waits on an open matter (a closed one is no longer theirs to change), and a
    person's open work is a few rows however many matters they were ever given."""
    return Q(matter_id__in=OpenWork.objects.of(user).values("matter_id"))


def _first_pending_steps():
    """Pending review steps with no pending step before them in their round: whose turn it is."""
    earlier = ReviewStep.objects.filter(document_id=OuterRef("document_id"), status=ReviewStep.Status.PENDING,
                                        round=OuterRef("round"), order__lt=OuterRef("order"))
    return ReviewStep.objects.filter(status=ReviewStep.Status.PENDING).exclude(Exists(earlier))


def _steps(user):
    steps = _first_pending_steps().filter(role=user.role, document__status=Document.Status.IN_REVIEW)
    if user.role == Role.GROUP_HEAD:
        return steps.filter(document__matter__owner_unit_id=user.unit_id) if user.unit_id else steps.none()
    return steps


def _to_sign(user):
    # Approved by the office (letters), or before the minister (memos are signed before he decides).
    at_minister = _first_pending_steps().filter(role=Role.EXECUTIVE)
    return Document.objects.filter(register_entry__isnull=True).filter(
        Q(status=Document.Status.APPROVED)
        | Q(status=Document.Status.IN_REVIEW, pk__in=at_minister.values("document_id")))


def _returned(user):
    return Document.objects.filter(_mine(user), status=Document.Status.RETURNED)


def _to_send(user):
    return Document.objects.filter(_mine(user), status=Document.Status.SIGNED, form__in=SENT_OUT)


def _answered(user):
    return AgencyRequest.objects.filter(_mine(user), status=AgencyRequest.Status.ANSWERED,
                                        answer_seen_at__isnull=True)


def _overdue(user):
    return AgencyRequest.objects.filter(_mine(user), status__in=(AgencyRequest.Status.SENT,
                                                                 AgencyRequest.Status.ACKNOWLEDGED),
                                        deadline__lt=timezone.localdate())


def _without_document(user):
    # A matter whose draft was made outside Prasan reaches the minister without a document here.
    return Matter.objects.filter(state=State.WITH_MINISTER).exclude(
        Exists(Document.objects.filter(matter_id=OuterRef("pk"))))


def _new(user):
    return Matter.objects.filter(pk__in=OpenWork.objects.of(user).filter(state=State.RECEIVED).values("matter_id"))


@dataclass(frozen=True)
class _Kind:
    query: Callable  # user → the rows of the kind waiting for them
    path: str | None  # to the rows' matter, for the need-to-know rule; None: on the user's open work already
    oldest: tuple  # the order of the list: when it began to wait, then the id (ties as the items' own ids)
    related: tuple = ()


_DOCUMENTS = ("matter__office",)
_REQUESTS = ("matter__office", "agency")
_KINDS = {
    "decision": _Kind(_steps, "document__matter__", ("document__updated_at", "document_id"),
                      ("document__matter__office",)),
    "review": _Kind(_steps, "document__matter__", ("document__updated_at", "document_id"),
                    ("document__matter__office",)),
    "sign": _Kind(_to_sign, "matter__", ("updated_at", "pk"), _DOCUMENTS),
    "returned": _Kind(_returned, None, ("updated_at", "pk"), _DOCUMENTS),
    "dispatch": _Kind(_to_send, None, ("updated_at", "pk"), _DOCUMENTS),
    "answered": _Kind(_answered, None, ("answered_at", "pk"), _REQUESTS),
    "overdue_request": _Kind(_overdue, None, ("deadline", "pk"), _REQUESTS),
    "matter_decision": _Kind(_without_document, "", ("updated_at", "pk"), ("office",)),
    "accept": _Kind(_new, None, ("created_at", "pk"), ("office",)),
}


def _document_item(kind: str, document: Document) -> InboxItem:
    matter = document.matter
    return InboxItem(kind, document.pk, matter.pk, matter.number, document.title, document.updated_at,
                     reverse("document-detail", args=[document.pk]), document)


def _request_item(kind: str, request: AgencyRequest, since) -> InboxItem:
    matter = request.matter
    return InboxItem(kind, request.pk, matter.pk, matter.number, f"{request.agency.name}: {request.deliverable}"[:200],
                     since, f"{reverse('matter-detail', args=[matter.pk])}#request-{request.pk}")


def _matter_item(kind: str, matter: Matter) -> InboxItem:
    return InboxItem(kind, matter.pk, matter.pk, matter.number, matter.title,
                     matter.updated_at if kind == "matter_decision" else matter.created_at,
                     reverse("matter-detail", args=[matter.pk]))
