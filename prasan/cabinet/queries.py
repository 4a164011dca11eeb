"""The meeting list, upcoming first, with how many of each meeting's agenda items the viewer may see."""

import datetime as dt

from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone

from prasan.matters.models import Matter

from .choices import MeetingStatus
from .models import AgendaItem, Meeting


def start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


def meeting_list(user, office, *, status: str = "") -> QuerySet:
    """Meetings from today on, soonest first, then past ones, latest first; each with `agenda_count` of the
    items `user` may see (counted in the same query)."""
    today = start_of_today()
    matters = Matter.objects.visible_to(user)
    seen = Q() if not matters.query.where else Q(items__matter__in=matters.values("pk"))
    qs = Meeting.objects.filter(office=office)
    if status in MeetingStatus.values:
        qs = qs.filter(status=status)
    return (qs.annotate(upcoming=Case(When(meets_at__gte=today, then=Value(True)), default=Value(False),
                                      output_field=BooleanField()),
                        agenda_count=Count("items", filter=seen))
            .order_by(F("upcoming").desc(), Case(When(meets_at__gte=today, then=F("meets_at"))).asc(),
                      F("meets_at").desc(), "-id"))


def agenda_of(meeting: Meeting, user) -> QuerySet:
    """The meeting's items `user` may see, in agenda order, with what each row shows in one query."""
    return (AgendaItem.objects.visible_to(user).filter(meeting=meeting)
            .select_related("matter__office", "followup__office").order_by("order", "id"))
