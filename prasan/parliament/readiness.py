"""How ready an item is for its sitting: its status along the path, its agencies' answers, and where its answer
documents (คำตอบกระทู้ถาม, ประเด็นชี้แจง) stand in their own review chain.

The documents are read as they are, never copied into the item: an answer drafted, in review, approved or
sent shows so here as soon as the document says so, even when nobody moved the item's status by hand.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document, ReviewStep

from . import statuses
from .choices import Status
from .following import ANSWER_FORMS

D = Document.Status
# How far each document status carries the item (the same 0–1 scale as statuses.READINESS); the answer is
# ready once signed (it is the minister's word) and the brief once it passed review (it is spoken from).
DOCUMENT_READINESS = {
    "question_answer": {D.DRAFT: 0.5, D.RETURNED: 0.5, D.IN_REVIEW: 0.7, D.APPROVED: 0.9, D.SIGNED: 1.0,
                        D.DISPATCHED: 1.0},
    "speaking_brief": {D.DRAFT: 0.5, D.RETURNED: 0.5, D.IN_REVIEW: 0.7, D.APPROVED: 1.0, D.SIGNED: 1.0,
                       D.DISPATCHED: 1.0},
}
FORM_LABELS = {"question_answer": "คำตอบกระทู้ถาม", "speaking_brief": "ประเด็นชี้แจง"}
STATUS_LABELS = {D.DRAFT: "กำลังร่าง", D.RETURNED: "ส่งกลับแก้ไข", D.IN_REVIEW: "อยู่ระหว่างตรวจเสนอ",
                 D.APPROVED: "ผ่านการตรวจแล้ว", D.SIGNED: "ลงนามแล้ว", D.DISPATCHED: "ส่งแล้ว"}
REFUSED = 0.5  # the minister did not approve it: a new answer has to be drafted
_ORDER = [D.DRAFT, D.RETURNED, D.IN_REVIEW, D.APPROVED, D.SIGNED, D.DISPATCHED]


@dataclass(frozen=True)
class AnswerDocument:
    form: str
    status: str
    refused: bool

    @property
    def share(self) -> float:
        return REFUSED if self.refused else DOCUMENT_READINESS[self.form][self.status]

    @property
    def label(self) -> str:
        state = "รัฐมนตรีไม่เห็นชอบ" if self.refused else STATUS_LABELS[self.status]
        return f"{FORM_LABELS[self.form]}: {state}"

    def rank(self) -> tuple:
        return (not self.refused, _ORDER.index(self.status))


@dataclass
class Readiness:
    percent: int
    answered: int  # agency requests answered
    asked: int  # agency requests made (not cancelled)
    ready: bool
    documents: list[AnswerDocument] = field(default_factory=list)  # the furthest of each form

    @property
    def label(self) -> str:
        if self.documents:
            return " · ".join(d.label for d in self.documents)
        if self.ready:
            return "พร้อม"
        return self.agencies or ("ยังไม่ได้ขอข้อมูล" if self.percent < 40 else "กำลังจัดทำ")

    @property
    def agencies(self) -> str:
        return f"หน่วยงานตอบแล้ว {self.answered}/{self.asked}" if self.asked else ""


def readiness(items: list) -> dict[int, Readiness]:
    """Each item's readiness, for a page of items: one query for the agencies' answers and one for the answer
    documents, whatever the number of items."""
    matters = [item.matter_id for item in items]
    counts = {
        row["matter_id"]: row for row in AgencyRequest.objects.filter(matter_id__in=matters)
        .exclude(status=AgencyRequest.Status.CANCELLED).values("matter_id")
        .annotate(asked=Count("pk"), answered=Count("pk", filter=Q(status=AgencyRequest.Status.ANSWERED)))
    }
    documents = _answer_documents(matters)
    result = {}
    for item in items:
        found = counts.get(item.matter_id, {})
        docs = documents.get(item.matter_id, [])
        share = max([statuses.READINESS.get(item.status, 0), *(d.share for d in docs)])
        ready = item.status in (Status.APPROVED, Status.ANSWERED) or share >= 1.0
        result[item.pk] = Readiness(int(share * 100), found.get("answered", 0), found.get("asked", 0), ready, docs)
    return result


def _answer_documents(matters: list[int]) -> dict[int, list[AnswerDocument]]:
    """The furthest answer document of each form on each matter (a refused one counts behind any other)."""
    refused = ReviewStep.objects.filter(document=OuterRef("pk"), status=ReviewStep.Status.APPROVED,
                                        verdict="not_approved")
    rows = (Document.objects.filter(matter_id__in=matters, form__in=ANSWER_FORMS)
            .annotate(refused=Exists(refused)).values_list("matter_id", "form", "status", "refused"))
    best: dict[tuple[int, str], AnswerDocument] = {}
    for matter_id, form, status, was_refused in rows:
        if status not in STATUS_LABELS:
            continue
        doc = AnswerDocument(form, status, was_refused)
        held = best.get((matter_id, form))
        if held is None or doc.rank() > held.rank():
            best[(matter_id, form)] = doc
    result: dict[int, list[AnswerDocument]] = {}
    for (matter_id, _form), doc in sorted(best.items(), key=lambda pair: (pair[0][0], pair[0][1] != "question_answer")):
        result.setdefault(matter_id, []).append(doc)
    return result
