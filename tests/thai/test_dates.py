"""Buddhist-era dates as Thai offices write them, and the Thai fiscal year."""

import datetime as dt

import pytest

from prasan.thai.dates import be_year, fiscal_year, thai_date, thai_datetime


def test_full_date_uses_thai_digits_and_the_buddhist_era():
    assert thai_date(dt.date(2026, 11, 25)) == "๒๕ พฤศจิกายน ๒๕๖๙"


def test_abbreviated_date_with_arabic_digits():
    assert thai_date(dt.date(2026, 11, 25), abbr=True, thai_digits=False) == "25 พ.ย. 2569"


def test_every_month_has_its_thai_name():
    names = [thai_date(dt.date(2026, month, 1), thai_digits=False).split()[1] for month in range(1, 13)]
    assert names[0] == "มกราคม" and names[4] == "พฤษภาคม" and names[11] == "ธันวาคม"
    assert len(set(names)) == 12


def test_buddhist_era_year_is_543_years_ahead():
    assert be_year(dt.date(2026, 1, 1)) == 2569
    assert be_year(dt.date(2025, 12, 31)) == 2568


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),  # 1 October starts the next fiscal year
        (dt.date(2026, 1, 15), 2569),
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
    ],
)
def test_fiscal_year_starts_on_1_october(day, year):
    assert fiscal_year(day) == year


def test_an_aware_datetime_is_dated_in_bangkok(settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    late_utc = dt.datetime(2025, 12, 31, 20, 0, tzinfo=dt.UTC)  # 03:00 on 1 January in Bangkok
    assert thai_date(late_utc, thai_digits=False) == "1 มกราคม 2569"
    assert thai_datetime(late_utc) == "1 ม.ค. 2569 03:00 น."


def test_thai_datetime_can_use_thai_digits():
    assert thai_datetime(dt.datetime(2026, 5, 1, 9, 5), thai_digits=True) == "๑ พ.ค. ๒๕๖๙ ๐๙:๐๕ น."


def test_no_date_is_empty_text():
    assert thai_date(None) == ""
    assert thai_datetime(None) == ""
