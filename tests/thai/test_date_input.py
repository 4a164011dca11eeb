"""The one reading of a typed date: every shape a Thai office writes, Buddhist era first, and clear
Thai refusals for what could be either era or is no date at all."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prasan.thai.date_input import (
    DateInputError,
    check_christian_era,
    format_input,
    parse_date,
    parse_time,
)
from prasan.thai.dates import MONTHS, MONTHS_ABBR, thai_date
from prasan.thai.digits import to_thai

DEC_7 = dt.date(2026, 12, 7)
TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text", [
    # the four shapes, in Thai and Arabic digits
    "๗ ธ.ค. ๖๙", "7 ธ.ค. 69", "7/12/2569", "๗/๑๒/๒๕๖๙", "7 ธันวาคม 2569", "๗ ธันวาคม ๒๕๖๙", "2569-12-07",
    "๒๕๖๙-๑๒-๐๗",
    # what else people type
    "07/12/2569", "7-12-2569", "7.12.2569", "7/12/69", "7 ธค 69", "7 ธ. ค. 2569", "7ธ.ค.2569", "7 ธันวา 69",
    "7 ธันวาคม พ.ศ. 2569", "๗ ธันวาคม พ.ศ. ๒๕๖๙", "วันจันทร์ที่ 7 ธันวาคม 2569", "วันที่ 7 ธ.ค. 2569",
    "  7   ธ.ค.   2569  ", "2569/12/7",
    # Christian era where nothing else is possible: links, exports and people who write 2026
    "2026-12-07", "07/12/2026", "7 ธันวาคม ค.ศ. 2026", "7 ธ.ค. 2026",
])
def test_every_shape_reads_as_7_december_2569(text):
    assert parse_date(text, today=TODAY) == DEC_7


def test_a_day_and_month_alone_are_this_year():
    assert parse_date("7 ธ.ค.", today=TODAY) == DEC_7
    assert parse_date("๑ มกรา", today=TODAY) == dt.date(2026, 1, 1)


def test_a_two_digit_year_is_buddhist_era():
    assert parse_date("1/1/00") == dt.date(1957, 1, 1)  # พ.ศ. 2500
    assert parse_date("31 ธ.ค. 99") == dt.date(2056, 12, 31)  # พ.ศ. 2599


def test_29_february_of_a_buddhist_leap_year():
    # 2567 BE is 2024 CE, a leap year; 2567 read as a Christian year would not be
    assert parse_date("29 ก.พ. 2567") == dt.date(2024, 2, 29)
    with pytest.raises(DateInputError, match="ไม่มีวันที่ 29 กุมภาพันธ์ 2569"):
        parse_date("29/2/2569")


@pytest.mark.parametrize(("text", "message"), [
    ("", "กรุณากรอกวันที่"),
    ("พรุ่งนี้", "อ่านวันที่ “พรุ่งนี้” ไม่ออก"),
    ("7 ธันวาคม", None),  # fine: this year
    ("12/7", "ไม่ออก"),
    ("31/4/2569", "ไม่มีวันที่ 31 เมษายน 2569"),
    ("7/13/2569", "ไม่มีเดือนที่ 13"),
    ("2300-01-01", "ไม่ชัดเจนว่าเป็น พ.ศ. หรือ ค.ศ."),
    ("1/1/2250", "ไม่ชัดเจน"),
    ("1/1/1850", "ปี 1850 ไม่ถูกต้อง"),
    ("1/1/2900", "นอกช่วง"),
    ("1 ม.ค. พ.ศ. 2026", "นอกช่วง"),
    ("7 ธันวาคม 569", "ไม่ออก"),
    ("7 ธันวาคัม 2569", "ไม่ออก"),
    ("2569-12-07T10:00", "ไม่ออก"),
])
def test_what_it_refuses_it_says_in_thai(text, message):
    if message is None:
        parse_date(text, today=TODAY)
        return
    with pytest.raises(DateInputError, match=message):
        parse_date(text, today=TODAY)


def test_a_buddhist_year_is_never_stored_as_a_christian_one():
    assert parse_date("2569-12-07").year == 2026
    assert parse_date("2569-12-07") != dt.date(2569, 12, 7)


def test_iso_dates_of_the_api_refuse_a_buddhist_year():
    assert check_christian_era(DEC_7) == DEC_7
    with pytest.raises(ValueError, match="ดูเหมือนเป็นปี พ.ศ."):
        check_christian_era(dt.date(2569, 12, 7))
    with pytest.raises(ValueError, match="2026-12-07"):
        check_christian_era(dt.date(2569, 12, 7))


@pytest.mark.parametrize(("text", "expected"), [
    ("14:05", dt.time(14, 5)), ("14.05", dt.time(14, 5)), ("14.05 น.", dt.time(14, 5)), ("1405", dt.time(14, 5)),
    ("๑๔.๐๕ น.", dt.time(14, 5)), ("9", dt.time(9, 0)), ("9.30 นาฬิกา", dt.time(9, 30)), ("0:00", dt.time(0, 0)),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "14:60", "บ่ายสอง", "", "14:5:00"])
def test_bad_times_are_refused_in_thai(text):
    with pytest.raises(DateInputError):
        parse_time(text)


# Every date from 2400 to 2700 BE, written every way Prasan writes one, reads back as itself.
be_dates = st.dates(min_value=dt.date(2400 - 543, 1, 1), max_value=dt.date(2700 - 543, 12, 31))


def _shapes(day: dt.date) -> list[str]:
    be = day.year + 543
    return [
        format_input(day), format_input(day, thai_digits=True),
        thai_date(day), thai_date(day, abbr=True), thai_date(day, thai_digits=False),
        thai_date(day, abbr=True, thai_digits=False),
        f"{day.day}/{day.month}/{be}", f"{day.day:02d}/{day.month:02d}/{be}", to_thai(f"{day.day}/{day.month}/{be}"),
        f"{be}-{day.month:02d}-{day.day:02d}", f"{day.day} {MONTHS[day.month - 1]} พ.ศ. {be}",
        f"{day.day} {MONTHS_ABBR[day.month - 1].replace('.', '')} {be}",
    ]


@settings(max_examples=400, deadline=None)
@given(day=be_dates)
def test_every_date_from_2400_to_2700_be_formats_and_parses_back(day):
    for text in _shapes(day):
        assert parse_date(text) == day, text


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1957, 1, 1), max_value=dt.date(2056, 12, 31)))
def test_two_digit_buddhist_years_read_back_within_their_century(day):
    text = f"{day.day} {MONTHS_ABBR[day.month - 1]} {(day.year + 543) % 100:02d}"
    assert parse_date(text) == day
    assert parse_date(to_thai(text)) == day


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_iso_christian_dates_read_back_as_themselves(day):
    assert parse_date(day.isoformat()) == day
