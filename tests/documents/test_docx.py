"""DOCX rendering: the same words as the PDF, and Thai fonts and sizes set where Word looks for them."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from prasan.documents.forms import get_form
from prasan.documents.forms.base import Printer
from prasan.documents.render.docx import FONT, render_docx

from .conftest import FORM_CODES, sample


def open_docx(content: bytes):
    return Document(io.BytesIO(content))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    section = document.sections[0]
    for story in (section.header, section.first_page_header, section.footer):
        parts += [p.text for p in story.paragraphs]
    return "\n".join(parts)


def printed_strings(ctx) -> list[str]:
    """Every string the form prints (the renderers' shared context), line by line."""
    out = []
    if isinstance(ctx, str):
        out += [line for line in ctx.splitlines() if line.strip()]
    elif isinstance(ctx, dict):
        for value in ctx.values():
            out += printed_strings(value)
    elif isinstance(ctx, list | tuple):
        for value in ctx:
            out += printed_strings(value)
    return out


@pytest.mark.parametrize("code", FORM_CODES)
def test_each_form_renders_a_docx_with_every_printed_string(code):
    spec = get_form(code)
    ctx = spec.printed(spec.clean(sample(code)), Printer())
    text = all_text(open_docx(render_docx(code, sample(code))))
    missing = [s for s in printed_strings(ctx) if s not in text and s != spec.title]
    assert not missing


@pytest.mark.parametrize("code", FORM_CODES)
def test_every_run_and_style_carries_the_complex_script_font_and_size(code):
    document = open_docx(render_docx(code, sample(code)))
    parts = [document.element, document.styles.element]
    section = document.sections[0]
    parts += [section.header._element, section.first_page_header._element,
              section.footer._element, section.first_page_footer._element]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert runs
    for run in runs:
        rpr = run.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == FONT and fonts.get(qn("w:ascii")) == FONT
        assert rpr.find(qn("w:szCs")) is not None and rpr.find(qn("w:sz")) is not None
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
        if rpr.find(qn("w:b")) is not None:
            assert rpr.find(qn("w:bCs")) is not None
    for style_rpr in document.styles.element.iter(qn("w:rPr")):
        fonts = style_rpr.find(qn("w:rFonts"))
        if fonts is not None:  # theme fonts would override the explicit ones
            assert fonts.get(qn("w:cstheme")) is None and fonts.get(qn("w:asciiTheme")) is None


def test_the_default_style_is_sarabun_16_point_for_thai():
    document = open_docx(render_docx("office_memo", sample("office_memo")))
    rpr = document.styles["Normal"].element.find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == FONT
    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "32"


def test_the_page_is_a4_with_the_regulations_margins():
    section = open_docx(render_docx("external_letter", sample("external_letter"))).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert abs(section.left_margin - Cm(3)) < Cm(0.01)
    assert abs(section.right_margin - Cm(2)) < Cm(0.01)


def test_secrecy_is_in_every_header_and_footer_and_page_numbers_start_on_page_two():
    document = open_docx(render_docx("ps_memo", sample("ps_memo")))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    for story in (section.header, section.first_page_header, section.footer,
                  section.first_page_footer):
        assert "ลับ" in "".join(p.text for p in story.paragraphs)
    instructions = [i.text for i in section.header._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))
    page_numbers = document.sections[0]._sectPr.find(qn("w:pgNumType"))
    assert page_numbers.get(qn("w:fmt")) == "thaiNumbers"


def test_arabic_digits_in_docx():
    document = open_docx(render_docx("office_memo", sample("office_memo"), digits="arabic"))
    assert "25 พฤศจิกายน 2569" in all_text(document)
    assert document.sections[0]._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) == "decimal"


def test_urgency_is_red_bold_and_at_least_32_point():
    document = open_docx(render_docx("ps_memo", sample("ps_memo")))
    run = next(r for r in document.element.iter(qn("w:r"))
               if "".join(t.text for t in r.iter(qn("w:t"))) == "ด่วนที่สุด")
    rpr = run.find(qn("w:rPr"))
    assert rpr.find(qn("w:color")).get(qn("w:val")) == "D00000"
    assert int(rpr.find(qn("w:szCs")).get(qn("w:val"))) >= 64
    assert rpr.find(qn("w:bCs")) is not None


def test_the_emblem_is_three_cm_on_letters_and_one_and_a_half_on_memos():
    for code, height in (("external_letter", 3.0), ("internal_memo", 1.5)):
        document = open_docx(render_docx(code, sample(code)))
        shape = document.inline_shapes[0]
        assert abs(shape.height.cm - height) < 0.01


def test_an_office_emblem_replaces_the_placeholder(tmp_path):
    from PIL import Image

    emblem = tmp_path / "office.png"
    Image.new("RGB", (200, 400), "black").save(emblem)
    document = open_docx(render_docx("external_letter", sample("external_letter"),
                                     emblem_path=emblem))
    shape = document.inline_shapes[0]
    assert abs(shape.height.cm - 3.0) < 0.01 and abs(shape.width.cm - 1.5) < 0.01


def test_an_svg_emblem_needs_a_png_beside_it_for_docx(tmp_path):
    emblem = tmp_path / "office.svg"
    emblem.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="PNG"):
        render_docx("external_letter", sample("external_letter"), emblem_path=emblem)
