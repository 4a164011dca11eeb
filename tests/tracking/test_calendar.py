"""Working days of Thai government offices, checked against the cabinet's lists for 2568–2570."""

import datetime as dt

import pytest

from prasan.tracking.calendar import (
    MAX_WORKING_DAYS,
    WorkingCalendar,
    add_working_days,
    for_request,
    government_holidays,
    working_days_between,
)
from prasan.tracking.models import Holiday

D = dt.date

# Monday–Friday days off for government offices, as the cabinet announced them (2568, 2569) or as
# the rules give them (2570, whose Royal Ploughing Day the palace had not yet dated).
WEEKDAYS_OFF = {
    2025: [
        D(2025, 1, 1), D(2025, 2, 12), D(2025, 4, 7), D(2025, 4, 14), D(2025, 4, 15), D(2025, 4, 16),
        D(2025, 5, 5), D(2025, 5, 9), D(2025, 5, 12), D(2025, 6, 2), D(2025, 6, 3), D(2025, 7, 10),
        D(2025, 7, 11), D(2025, 7, 28), D(2025, 8, 11), D(2025, 8, 12), D(2025, 10, 13), D(2025, 10, 23),
        D(2025, 12, 5), D(2025, 12, 10), D(2025, 12, 31),
    ],
    2026: [
        D(2026, 1, 1), D(2026, 1, 2), D(2026, 3, 3), D(2026, 4, 6), D(2026, 4, 13), D(2026, 4, 14),
        D(2026, 4, 15), D(2026, 5, 4), D(2026, 5, 13), D(2026, 6, 1), D(2026, 6, 3), D(2026, 7, 28),
        D(2026, 7, 29), D(2026, 7, 30), D(2026, 8, 12), D(2026, 10, 13), D(2026, 10, 23), D(2026, 12, 7),
        D(2026, 12, 10), D(2026, 12, 31),
    ],
    2027: [
        D(2027, 1, 1), D(2027, 2, 22), D(2027, 4, 6), D(2027, 4, 13), D(2027, 4, 14), D(2027, 4, 15),
        D(2027, 5, 4), D(2027, 5, 20), D(2027, 6, 3), D(2027, 7, 19), D(2027, 7, 20), D(2027, 7, 28),
        D(2027, 8, 12), D(2027, 10, 13), D(2027, 10, 25), D(2027, 12, 6), D(2027, 12, 10), D(2027, 12, 31),
    ],
}


def no_office_days() -> WorkingCalendar:
    return WorkingCalendar(office_days={})


@pytest.mark.parametrize("year", sorted(WEEKDAYS_OFF))
def test_weekdays_off_match_the_cabinet_list(year):
    calendar = no_office_days()
    off = [day for day in calendar.holidays_in(year) if day.weekday() < 5]
    assert sorted(off) == WEEKDAYS_OFF[year]


@pytest.mark.parametrize("year", sorted(WEEKDAYS_OFF))
def test_working_days_in_a_year_are_weekdays_less_days_off(year):
    calendar = no_office_days()
    weekdays = sum(1 for i in range(366) if (D(year, 1, 1) + dt.timedelta(i)).year == year
                   and (D(year, 1, 1) + dt.timedelta(i)).weekday() < 5)
    assert calendar.working_days_between(D(year - 1, 12, 31), D(year, 12, 31)) == weekdays - len(WEEKDAYS_OFF[year])


@pytest.mark.parametrize("day", [D(2025, 5, 1), D(2026, 5, 1), D(2027, 5, 3)])
def test_labour_day_and_its_substitution_day_are_working_days(day):
    calendar = no_office_days()
    assert calendar.is_working_day(day)
    assert calendar.holiday_name(day) is None


def test_labour_day_on_a_saturday_is_not_a_working_day():
    assert not no_office_days().is_working_day(D(2027, 5, 1))


def test_royal_ploughing_day_is_a_holiday():
    calendar = no_office_days()
    assert not calendar.is_working_day(D(2026, 5, 13))
    assert calendar.holiday_name(D(2026, 5, 13)) == "วันพืชมงคล"
    assert calendar.add_working_days(D(2026, 5, 12), 1) == D(2026, 5, 14)


def test_childrens_day_on_a_saturday_changes_nothing():
    calendar = no_office_days()
    assert calendar.holiday_name(D(2026, 1, 10)) == "วันเด็กแห่งชาติ"
    assert calendar.working_days_between(D(2026, 1, 9), D(2026, 1, 12)) == 1
    assert calendar.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)


def test_substitution_days_from_the_package_are_holidays():
    calendar = no_office_days()
    for day in (D(2025, 4, 7), D(2025, 4, 16), D(2025, 5, 5), D(2026, 6, 1), D(2026, 12, 7), D(2027, 10, 25)):
        assert not calendar.is_working_day(day), day
        assert calendar.holiday_name(day).startswith("ชดเชย"), day


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 4, 10), 1, D(2026, 4, 16)),  # Friday; 13–15 April Songkran
        (D(2026, 4, 30), 1, D(2026, 5, 1)),  # Labour Day: government offices work
        (D(2026, 5, 1), 1, D(2026, 5, 5)),  # weekend, then 4 May Coronation Day
        (D(2026, 4, 30), 2, D(2026, 5, 5)),
        (D(2025, 5, 8), 1, D(2025, 5, 13)),  # Royal Ploughing Day, weekend, Visakha Bucha substitution
        (D(2025, 12, 30), 1, D(2026, 1, 5)),  # New Year's Eve, New Year, the cabinet's 2 January
        (D(2027, 4, 30), 1, D(2027, 5, 3)),  # Labour Day's substitution day is worked too
        (D(2026, 4, 11), 0, D(2026, 4, 11)),  # zero days: the start itself, even on a Saturday
        (D(2026, 4, 16), -1, D(2026, 4, 10)),  # backwards over Songkran
        (D(2026, 5, 5), -1, D(2026, 5, 1)),
        (D(2026, 5, 3), -1, D(2026, 5, 1)),  # from a Sunday, the Friday before
    ],
)
def test_add_working_days_on_known_dates(start, n, expected):
    assert no_office_days().add_working_days(start, n) == expected


def test_working_days_between_counts_after_start_up_to_end():
    calendar = no_office_days()
    assert calendar.working_days_between(D(2026, 4, 10), D(2026, 4, 16)) == 1
    assert calendar.working_days_between(D(2026, 4, 10), D(2026, 4, 17)) == 2
    assert calendar.working_days_between(D(2026, 4, 16), D(2026, 4, 10)) == -1
    assert calendar.working_days_between(D(2026, 4, 10), D(2026, 4, 10)) == 0


def test_working_days_between_spans_years():
    calendar = no_office_days()
    total = sum(calendar.working_days_between(D(y - 1, 12, 31), D(y, 12, 31)) for y in (2025, 2026, 2027))
    assert calendar.working_days_between(D(2024, 12, 31), D(2027, 12, 31)) == total


def test_it_refuses_an_absurd_number_of_working_days():
    with pytest.raises(ValueError, match="ต้องไม่เกิน"):
        no_office_days().add_working_days(D(2026, 1, 1), MAX_WORKING_DAYS + 1)


def test_the_package_list_is_read_only():
    with pytest.raises(TypeError):
        government_holidays(2026)[D(2026, 1, 5)] = "x"


@pytest.mark.django_db
def test_an_office_holiday_adds_a_day_off():
    Holiday.objects.create(date=D(2026, 4, 16), name="วันหยุดพิเศษ (มติ ครม.)")
    assert add_working_days(D(2026, 4, 10), 1) == D(2026, 4, 17)
    assert WorkingCalendar().holiday_name(D(2026, 4, 16)) == "วันหยุดพิเศษ (มติ ครม.)"


@pytest.mark.django_db
def test_a_swapped_saturday_is_a_working_day():
    Holiday.objects.create(date=D(2026, 4, 11), name="สลับวันทำงาน", source=Holiday.Source.OFFICE,
                           is_working_day=True)
    assert add_working_days(D(2026, 4, 10), 1) == D(2026, 4, 11)
    assert working_days_between(D(2026, 4, 10), D(2026, 4, 16)) == 2


@pytest.mark.django_db
def test_the_office_table_can_cancel_a_package_holiday():
    Holiday.objects.create(date=D(2026, 5, 13), name="งดวันหยุด", is_working_day=True)
    calendar = WorkingCalendar()
    assert calendar.is_working_day(D(2026, 5, 13))
    assert calendar.holiday_name(D(2026, 5, 13)) is None


@pytest.mark.django_db
def test_a_calendar_reads_the_office_table_once(django_assert_num_queries):
    Holiday.objects.create(date=D(2027, 5, 12), name="วันพืชมงคล")
    calendar = WorkingCalendar()
    with django_assert_num_queries(1):
        for offset in range(400):
            calendar.add_working_days(D(2026, 1, 1) + dt.timedelta(offset), 5)
        calendar.working_days_between(D(2020, 1, 1), D(2030, 1, 1))
    assert not calendar.is_working_day(D(2027, 5, 12))


@pytest.mark.django_db
def test_a_request_keeps_one_calendar(rf, django_assert_num_queries):
    request = rf.get("/")
    with django_assert_num_queries(1):
        for_request(request).add_working_days(D(2026, 4, 10), 3)
        for_request(request).add_working_days(D(2026, 5, 10), 3)
    assert for_request(request) is for_request(request)
