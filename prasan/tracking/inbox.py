"""Whose turn is it now: what waits for one person, read from the state of documents, requests and matters.

Nothing here is a message that can be missed or marked away: an item stays while the thing it names
still waits for this person, and goes as soon as someone acts (the document moves on, the answer is
taken in, the request is answered). The page (งานของฉัน), the header's count and the API's
/me/inbox read this one list.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.coordination.models import AgencyRequest
from prasan.documents.chain import SENT_OUT
from prasan.documents.models import Document, ReviewStep
from prasan.matters.choices import State
from prasan.matters.models import Matter
from prasan.openwork.models import OpenWork

DRAFTING_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
LIMIT = 100  # per kind; a person with more than this has a list, not an inbox

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


def inbox_for(user) -> list[InboxItem]:
    """Everything waiting for `user`, by kind in the order above, oldest first within a kind."""
    if not getattr(user, "is_authenticated", False):
        return []
    items = _documents(user) + _requests(user) + _matters(user)
    visible = set(Matter.objects.visible_to(user).filter(pk__in={i.matter for i in items}).values_list("pk", flat=True))
    items = [item for item in items if item.matter in visible]
    items.sort(key=lambda item: (ORDER.index(item.type), item.since, item.id))
    return items


def count_for(user) -> int:
    return len(inbox_for(user))


def _mine(user):
    """On one of `user`'s open matters (their open work), as a condition on rows that have a matter: what waits
    for a drafter waits on an open matter (a closed one is no longer theirs to change), and a person's open work
    is a few rows however many matters they were ever given."""
    return Q(matter_id__in=OpenWork.objects.filter(person_id=user.pk).values("matter_id"))


def _documents(user) -> list[InboxItem]:
    items = []
    earlier = ReviewStep.objects.filter(document_id=OuterRef("document_id"), status=ReviewStep.Status.PENDING,
                                        round=OuterRef("round"), order__lt=OuterRef("order"))
    if user.role in (Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE):
        steps = ReviewStep.objects.filter(status=ReviewStep.Status.PENDING, role=user.role,
                                          document__status=Document.Status.IN_REVIEW).exclude(Exists(earlier))
        if user.role == Role.GROUP_HEAD:
            steps = steps.filter(document__matter__owner_unit_id=user.unit_id) if user.unit_id else steps.none()
        kind = "decision" if user.role == Role.EXECUTIVE else "review"
        for step in steps.select_related("document__matter__office").order_by("document__updated_at")[:LIMIT]:
            items.append(_document_item(kind, step.document))
    if user.role == Role.HEAD:
        # Approved by the office (letters), or before the minister (memos are signed before he decides).
        at_minister = ReviewStep.objects.filter(status=ReviewStep.Status.PENDING, role=Role.EXECUTIVE).exclude(
            Exists(earlier))
        to_sign = Document.objects.filter(register_entry__isnull=True).filter(
            Q(status=Document.Status.APPROVED)
            | Q(status=Document.Status.IN_REVIEW, pk__in=at_minister.values("document_id")))
        for document in to_sign.select_related("matter__office").order_by("updated_at")[:LIMIT]:
            items.append(_document_item("sign", document))
    if user.role not in DRAFTING_ROLES:
        return items
    mine = Document.objects.filter(_mine(user))
    returned = mine.filter(status=Document.Status.RETURNED).select_related("matter__office")
    for document in returned.order_by("updated_at", "pk")[:LIMIT]:
        items.append(_document_item("returned", document))
    to_send = mine.filter(status=Document.Status.SIGNED, form__in=SENT_OUT)
    for document in to_send.select_related("matter__office").order_by("updated_at", "pk")[:LIMIT]:
        items.append(_document_item("dispatch", document))
    return items


def _document_item(kind: str, document: Document) -> InboxItem:
    matter = document.matter
    return InboxItem(kind, document.pk, matter.pk, matter.number, document.title, document.updated_at,
                     reverse("document-detail", args=[document.pk]), document)


def _requests(user) -> list[InboxItem]:
    if user.role not in DRAFTING_ROLES:
        return []
    items = []
    requests = AgencyRequest.objects.filter(_mine(user)).select_related("matter__office", "agency")
    answered = requests.filter(status=AgencyRequest.Status.ANSWERED, answer_seen_at__isnull=True)
    for request in answered.order_by("answered_at")[:LIMIT]:
        items.append(_request_item("answered", request, request.answered_at))
    today = timezone.localdate()
    overdue = requests.filter(status__in=(AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED),
                              deadline__lt=today)
    for request in overdue.order_by("deadline")[:LIMIT]:
        since = timezone.make_aware(dt.datetime.combine(request.deadline + dt.timedelta(days=1), dt.time()))
        items.append(_request_item("overdue_request", request, since))
    return items


def _request_item(kind: str, request: AgencyRequest, since) -> InboxItem:
    matter = request.matter
    return InboxItem(kind, request.pk, matter.pk, matter.number, f"{request.agency.name}: {request.deliverable}"[:200],
                     since, f"{reverse('matter-detail', args=[matter.pk])}#request-{request.pk}")


def _matters(user) -> list[InboxItem]:
    items = []
    if user.role == Role.EXECUTIVE:
        # A matter whose draft was made outside Prasan reaches the minister without a document here.
        waiting = Matter.objects.filter(state=State.WITH_MINISTER).exclude(
            Exists(Document.objects.filter(matter_id=OuterRef("pk"))))
        for matter in waiting.select_related("office").order_by("updated_at")[:LIMIT]:
            items.append(_matter_item("matter_decision", matter))
    if user.role in DRAFTING_ROLES:
        new = OpenWork.objects.of(user).filter(state=State.RECEIVED).values("matter_id")
        for matter in Matter.objects.filter(pk__in=new).select_related("office").order_by("created_at")[:LIMIT]:
            items.append(_matter_item("accept", matter))
    return items


def _matter_item(kind: str, matter: Matter) -> InboxItem:
    return InboxItem(kind, matter.pk, matter.pk, matter.number, matter.title,
                     matter.updated_at if kind == "matter_decision" else matter.created_at,
                     reverse("matter-detail", args=[matter.pk]))

