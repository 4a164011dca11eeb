"""Filtering the complaint list: one reading of the filters for the page, its exports and the API."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.utils import timezone

from .choices import Channel, Result
from .models import Complaint

STATES = {"open": "ยังไม่ยุติ", "unacknowledged": "ยังไม่แจ้งรับเรื่อง", "past_due": "เกินกำหนดตอบ",
          "paused": "หยุดนับเวลา", "concluded": "ยุติแล้ว"}


def list_queryset(qs: QuerySet) -> QuerySet:
    """What every row shows (number, subject, channel, category, clock), in one query."""
    return qs.select_related("matter__office", "category")


@dataclass
class ComplaintFilter:
    channel: str = ""
    category: int | None = None
    state: str = ""
    result: str = ""
    province: str = ""
    q: str = ""

    @classmethod
    def from_params(cls, params) -> "ComplaintFilter":
        category = (params.get("category") or "").strip()
        return cls(
            channel=params.get("channel") if params.get("channel") in Channel.values else "",
            category=int(category) if category.isdigit() and len(category) < 10 else None,
            state=params.get("state") if params.get("state") in STATES else "",
            result=params.get("result") if params.get("result") in Result.values else "",
            province=(params.get("province") or "").strip()[:100], q=(params.get("q") or "").strip()[:200],
        )

    def apply(self, qs: QuerySet) -> QuerySet:
        today = timezone.localdate()
        if self.channel:
            qs = qs.filter(channel=self.channel)
        if self.category:
            qs = qs.filter(category_id=self.category)
        if self.result:
            qs = qs.filter(result=self.result)
        if self.province:
            qs = qs.filter(province=self.province)
        if self.state == "open":
            qs = qs.filter(result="")
        elif self.state == "unacknowledged":
            qs = qs.filter(result="", acknowledged_at__isnull=True)
        elif self.state == "past_due":
            qs = qs.filter(result="", responded_at__isnull=True, paused_since__isnull=True, answer_due__lt=today)
        elif self.state == "paused":
            qs = qs.filter(paused_since__isnull=False)
        elif self.state == "concluded":
            qs = qs.exclude(result="")
        if self.q:
            # Never by the complainant's name or contact: the list is for everyone who works complaints.
            qs = qs.filter(Q(subject__icontains=self.q) | Q(about__icontains=self.q)
                           | Q(channel_ref__icontains=self.q))
        return qs

    def params(self) -> dict[str, str]:
        values = {"channel": self.channel, "category": self.category, "state": self.state, "result": self.result,
                  "province": self.province, "q": self.q}
        return {name: str(value) for name, value in values.items() if value not in (None, "")}

    def query_string(self) -> str:
        return urlencode(self.params())

    def is_active(self) -> bool:
        return bool(self.params())


def visible_complaints(user, office) -> QuerySet:
    return Complaint.objects.visible_to(user).filter(office=office)


def suggest_related(complaint, user, limit: int = 5) -> list:
    """Earlier complaints likely about the same person or thing: the same phone or e-mail, the same body
    complained about, or the same subject; only those the user may see, not already linked."""
    rule = Q()
    if complaint.complainant_phone:
        rule |= Q(complainant_phone=complaint.complainant_phone)
    if complaint.complainant_email:
        rule |= Q(complainant_email__iexact=complaint.complainant_email)
    if complaint.about:
        rule |= Q(about__iexact=complaint.about)
    rule |= Q(subject__iexact=complaint.subject)
    linked = complaint.related.values("pk")
    return list(list_queryset(visible_complaints(user, complaint.office)).filter(rule)
                .exclude(pk=complaint.pk).exclude(pk__in=linked).order_by("-received_at")[:limit])
