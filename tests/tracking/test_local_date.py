"""LocalDate: the database's local date of a stored time is the one Python gives, at the stroke of midnight too,
and an answer is late from the first moment of the day after its deadline."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.queries import late_requests
from prasan.tracking.local_date import LocalDate, fixed_offset

DEADLINE = dt.date(2026, 3, 10)


def test_a_time_zone_with_one_offset_is_told_from_one_with_summer_time():
    assert fixed_offset("Asia/Bangkok") == 7 * 3600
    assert fixed_offset("UTC") == 0
    assert fixed_offset("Europe/London") is None


def answered(make_matter, agency, moments) -> list[AgencyRequest]:
    matter = make_matter()
    return [AgencyRequest.objects.create(matter=matter, agency=agency, deliverable="ข้อมูล", deadline=DEADLINE,
                                         status="answered", answered_at=moment) for moment in moments]


def around_midnight_after(day: dt.date) -> list[dt.datetime]:
    midnight = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return [midnight - dt.timedelta(microseconds=1), midnight, midnight + dt.timedelta(microseconds=1),
            midnight - dt.timedelta(hours=12)]


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Asia/Bangkok", "Europe/London"])  # SQLite's own date(), and Django's function
def test_the_local_date_is_pythons_and_an_answer_is_late_from_the_next_days_first_moment(make_matter, agencies, zone):
    with override_settings(TIME_ZONE=zone), timezone.override(zone):
        requests = answered(make_matter, agencies[0], around_midnight_after(DEADLINE))
        dates = dict(AgencyRequest.objects.annotate(day=LocalDate("answered_at")).values_list("pk", "day"))
        assert [dates[r.pk] for r in requests] == [timezone.localtime(r.answered_at).date() for r in requests]
        late = set(late_requests(AgencyRequest.objects.all(), DEADLINE + dt.timedelta(days=5))
                   .values_list("pk", flat=True))
        assert [r.pk in late for r in requests] == [False, True, True, False]
