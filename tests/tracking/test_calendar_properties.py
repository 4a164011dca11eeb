"""Properties of working-day arithmetic that hold for any start, any count and any office table."""

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from prasan.tracking.calendar import WorkingCalendar

starts = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31))
counts = st.integers(min_value=-300, max_value=300)
office_tables = st.dictionaries(
    st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2030, 6, 30)),
    st.tuples(st.just("วันของสำนักงาน"), st.booleans()),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=counts, office=office_tables)
def test_the_result_is_a_working_day(start, n, office):
    calendar = WorkingCalendar(office_days=office)
    due = calendar.add_working_days(start, n)
    assert n == 0 or calendar.is_working_day(due)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=counts, office=office_tables)
def test_the_result_lies_on_the_side_n_points_to(start, n, office):
    due = WorkingCalendar(office_days=office).add_working_days(start, n)
    assert (due > start) if n > 0 else (due < start) if n < 0 else (due == start)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=counts, office=office_tables)
def test_counting_back_the_days_gives_n(start, n, office):
    calendar = WorkingCalendar(office_days=office)
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@settings(max_examples=200, deadline=None)
@given(start=starts, n=st.integers(min_value=-300, max_value=299), office=office_tables)
def test_one_more_working_day_is_always_later(start, n, office):
    calendar = WorkingCalendar(office_days=office)
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)


@settings(max_examples=200, deadline=None)
@given(a=starts, b=starts, office=office_tables)
def test_counting_matches_walking_day_by_day(a, b, office):
    calendar = WorkingCalendar(office_days=office)
    lo, hi = min(a, b), max(a, b)
    walked = sum(1 for i in range(1, (hi - lo).days + 1) if calendar.is_working_day(lo + dt.timedelta(i)))
    assert calendar.working_days_between(lo, hi) == walked
    if lo != hi:
        walked_back = sum(1 for i in range((hi - lo).days) if calendar.is_working_day(lo + dt.timedelta(i)))
        assert calendar.working_days_between(hi, lo) == -walked_back


@settings(max_examples=200, deadline=None)
@given(start=starts, end=starts, office=office_tables)
def test_any_working_day_is_reached_from_its_count(start, end, office):
    calendar = WorkingCalendar(office_days=office)
    assume(calendar.is_working_day(end))
    assert calendar.add_working_days(start, calendar.working_days_between(start, end)) == end
