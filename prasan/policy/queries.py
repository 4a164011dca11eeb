"""The policy list: newest first, only those whose matters the viewer may see, each row's agency and late-report
counts as correlated subqueries, so a page costs the same at a thousand policies as at ten."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .choices import CommitmentStatus
from .models import Commitment, Policy, ReportDue


def _count(rows, path: str):
    counted = rows.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def policy_list(user, *, q: str = ""):
    today = timezone.localdate()
    late = ReportDue.objects.filter(due_on__lt=today, report__isnull=True, commitment__status=CommitmentStatus.OPEN)
    rows = Policy.objects.visible_to(user).select_related("matter__office")
    if q:
        rows = rows.filter(matter__title__icontains=q)
    return rows.annotate(agency_count=_count(Commitment.objects.all(), "policy"),
                         late_count=_count(late, "commitment__policy")).order_by("-created_at", "-id")
