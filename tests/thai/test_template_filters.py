"""The Thai template filters are built in: every template can use them without {% load %}."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import engines


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_thai_date_filter_renders_the_full_thai_date_in_the_offices_screen_digits():
    assert render("{{ d|thai_date }}", d=dt.date(2026, 11, 25)) == "25 พฤศจิกายน 2569"


@pytest.mark.django_db
def test_every_date_filter_follows_the_office_setting_for_thai_digits(office):
    office.screen_digits = "thai"
    office.save()
    assert render("{{ d|thai_date }}", d=dt.date(2026, 11, 25)) == "๒๕ พฤศจิกายน ๒๕๖๙"
    assert render("{{ d|thai_date_short }}", d=dt.date(2026, 11, 25)) == "๒๕ พ.ย. ๒๕๖๙"
    assert render("{{ t|thai_datetime }}", t=dt.datetime(2026, 5, 1, 14, 5)) == "๑ พ.ค. ๒๕๖๙ ๑๔:๐๕ น."
    assert render("{{ t|thai_time }}", t=dt.datetime(2026, 5, 1, 14, 5)) == "๑๔:๐๕ น."
    # what a person types into a date box stays in Arabic digits, which every keyboard has
    assert render("{{ d|thai_date_input }}", d=dt.date(2026, 11, 25)) == "25 พ.ย. 2569"


def test_iso_dates_from_document_data_show_in_the_buddhist_era():
    assert render("{{ d|thai_date_short }}", d="2026-12-07") == "7 ธ.ค. 2569"
    assert render("{{ d|thai_date_short }}", d="ไม่ใช่วันที่") == ""


@pytest.mark.parametrize(
    ("arg", "expected"),
    [("abbr,thai", "๒๕ พ.ย. ๒๕๖๙"), ("thai", "๒๕ พฤศจิกายน ๒๕๖๙"), ("arabic", "25 พฤศจิกายน 2569"),
     ("abbr,arabic", "25 พ.ย. 2569"), ("abbr", "25 พ.ย. 2569")],
)
def test_thai_date_filter_takes_options(arg, expected):
    assert render(f'{{{{ d|thai_date:"{arg}" }}}}', d=dt.date(2026, 11, 25)) == expected


def test_short_date_and_datetime_filters():
    assert render("{{ d|thai_date_short }}", d=dt.date(2026, 5, 1)) == "1 พ.ค. 2569"
    assert render("{{ t|thai_datetime }}", t=dt.datetime(2026, 5, 1, 14, 5)) == "1 พ.ค. 2569 14:05 น."


def test_thai_digits_filter():
    assert render("{{ n|thai_digits }}", n=1234) == "๑๒๓๔"
    assert render("{{ n|thai_digits }}", n=None) == ""


def test_baht_text_filter():
    assert render("{{ x|baht_text }}", x=Decimal("1234.50")) == "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"
    assert render("{{ x|baht_text }}", x=None) == ""
    assert render("{{ x|baht_text }}", x="ไม่ใช่ตัวเลข") == ""


def test_filters_escape_text_they_are_given():
    assert render("{{ n|thai_digits }}", n="<b>1</b>") == "&lt;b&gt;๑&lt;/b&gt;"
