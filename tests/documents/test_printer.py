"""What gets printed: Thai digits and Buddhist-era dates by default, Arabic on request; memo numbering."""

import datetime as dt

from prasan.documents.forms import get_form
from prasan.documents.forms.base import Printer
from prasan.thai.linebreak import plain

from .conftest import sample


def test_dates_print_in_the_buddhist_era_with_thai_digits():
    assert Printer().date(dt.date(2026, 11, 25)) == "๒๕ พฤศจิกายน ๒๕๖๙"


def test_orders_and_announcements_print_the_era_before_the_year():
    assert Printer().date(dt.date(2026, 11, 25), era=True) == "๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙"


def test_arabic_digits_on_request():
    printer = Printer("arabic")
    assert printer.date(dt.date(2026, 11, 25)) == "25 พฤศจิกายน 2569"
    assert printer.text("ที่ ศธ ๐๒๐๑/๑๒") == "ที่ ศธ 0201/12"


def test_numbers_in_the_text_become_thai_digits():
    ctx = get_form("office_memo").printed(get_form("office_memo").clean(sample("office_memo")), Printer())
    assert ctx["doc_number"] == "สร ๐๑๐๐/๑๒๓๔"
    assert "๒,๘๑๔ อัตรา" in ctx["blocks"][0]["text"]


def test_an_email_address_keeps_its_own_characters():
    lines = Printer().contact("0 2628 5612", None, "saraban2@moe.go.th")
    assert lines == ["โทร. ๐ ๒๖๒๘ ๕๖๑๒", "ไปรษณีย์อิเล็กทรอนิกส์ saraban2@moe.go.th"]


def test_several_facts_are_numbered_under_their_point():
    blocks = Printer().section(2, ["ก", "ข"], "ขอเรียนข้อมูล ดังนี้")
    assert [(b["label"], plain(b["text"]), b["level"]) for b in blocks] == [
        ("๒.", "ขอเรียนข้อมูล ดังนี้", 1), ("๒.๑", "ก", 2), ("๒.๒", "ข", 2)]


def test_a_single_fact_takes_no_sub_number():
    blocks = Printer().section(2, ["ก"], "ขอเรียนข้อมูล ดังนี้")
    assert [(b["label"], b["text"]) for b in blocks] == [("๒.", "ก")]


def test_a_single_recommendation_follows_its_lead_in():
    blocks = Printer().section(4, ["อนุมัติตามข้อ ๓"], "เห็นควร", join_single=True)
    assert plain(blocks[0]["text"]) == "เห็นควรอนุมัติตามข้อ ๓"
