"""PDF rendering: every form renders, its text comes back, and the marks sit where the regulation says."""

import re

import pytest

from prasan.documents.forms import FormError
from prasan.documents.render.html import render_html, render_pdf
from prasan.thai.digits import to_thai

from .conftest import FORM_CODES, pdf_text, sample, squeeze


@pytest.mark.parametrize("code", FORM_CODES)
def test_each_form_renders_a_pdf_whose_text_has_the_subject(code):
    data = sample(code)
    pdf = render_pdf(code, data)
    assert pdf.startswith(b"%PDF")
    text = squeeze(pdf_text(pdf))
    key = to_thai(data.get("subject") or data["body"][0][:60])
    assert squeeze(key) in text


def test_it_does_not_render_a_form_lacking_a_part():
    data = sample("external_letter")
    del data["to"]
    with pytest.raises(FormError) as caught:
        render_pdf("external_letter", data)
    assert caught.value.errors == {"to": "ต้องระบุ “เรียน”"}


def test_secrecy_marks_are_on_every_page_top_and_bottom_and_pages_are_numbered_from_two():
    data = sample("ps_memo")
    data["facts"] = data["facts"] * 3  # long enough for three pages
    pdf = render_pdf("ps_memo", data)
    first = pdf_text(pdf, first=1, last=1, layout=True)
    second = pdf_text(pdf, first=2, last=2, layout=True)
    assert first.split().count("ลับ") == 2
    assert "-๑-" not in squeeze(first)
    assert second.split().count("ลับ") == 2
    assert "-๒-" in squeeze(second)


def test_arabic_digits_reach_the_page_numbers_too():
    data = sample("ps_memo")
    data["facts"] = data["facts"] * 3
    pdf = render_pdf("ps_memo", data, digits="arabic")
    second = squeeze(pdf_text(pdf, first=2, last=2, layout=True))
    assert "-2-" in second
    assert "26พฤศจิกายน2569" in squeeze(pdf_text(pdf, first=1, last=1))


def test_urgency_is_printed_red_bold_and_at_least_32_point():
    html = render_html("ps_memo", sample("ps_memo"))
    assert '<span class="urgency">ด่วนที่สุด</span>' in html
    rule = re.search(r"\.urgency \{([^}]*)\}", html).group(1)
    assert "color: #d00000" in rule and "font-weight: bold" in rule
    assert int(re.search(r"font-size: (\d+)pt", rule).group(1)) >= 32


def test_user_text_is_escaped():
    data = sample("internal_memo") | {"subject": "<b>ทดสอบ</b> & ตัวอย่าง"}
    html = render_html("internal_memo", data)
    assert "&lt;b&gt;ทดสอบ&lt;/b&gt; &amp; ตัวอย่าง" in html
    assert "<b>ทดสอบ</b>" not in html


def test_the_emblem_can_be_left_out():
    html = render_html("external_letter", sample("external_letter"), with_emblem=False)
    assert "<img" not in html


def test_the_memo_emblem_is_placed_top_left_and_the_letter_emblem_centred():
    memo = render_html("internal_memo", sample("internal_memo"))
    letter = render_html("external_letter", sample("external_letter"))
    assert 'class="memo-title-row"' in memo and "emblem-placeholder.svg" in memo
    assert 'class="letter-top"' in letter and "emblem-placeholder.svg" in letter


def test_the_print_stylesheet_is_inline_in_the_page_and_parsed_once_for_the_pdf():
    from prasan.documents.render import pdf

    data = sample("office_memo")
    assert "<style>" in render_html("office_memo", data)  # the page stands alone
    assert "<style>" not in render_html("office_memo", data, external_css=True)
    render_pdf("office_memo", data)
    before = pdf._shared.cache_info()
    text = pdf_text(render_pdf("office_memo", data), layout=True)
    assert pdf._shared.cache_info().misses == before.misses  # fonts and stylesheet reused
    assert "บันทึกข้อความ" in text and "ส่วนราชการ" in text
