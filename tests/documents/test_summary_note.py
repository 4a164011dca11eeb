"""The summary note (บันทึกสรุปเรื่อง, the seed's form 1) is the one-page sheet the seed shows: the seed's
ordinary content (docs/samples/summary_note.json: three key points, the background, the
considerations, the proposal, two reviewers) fits one A4 page in the PDF and in the DOCX as
LibreOffice lays it out, drafted and signed alike; the ตรวจเสนอ column never breaks a name inside a
word. The DOCX half runs with PRASAN_LIBREOFFICE=1 (as the page make-up test)."""

import os

import pypdfium2
import pytest

from prasan.documents.forms import get_form
from prasan.documents.forms.base import Printer
from prasan.documents.render import pagination as pg
from prasan.documents.render.docx import render_docx
from prasan.documents.render.html import render_pdf

from .conftest import pdf_text, sample, squeeze

# A signed note: the head of office's date under the position, the stamp beside the name (demo
# certificate: the stamp's longest form).
SIGNED = {"name": "นายประสาน ราชการดี", "position": ["หัวหน้าสำนักงานรัฐมนตรี"],
          "when": "๒๖ พฤศจิกายน ๒๕๖๙ เวลา ๑๔.๓๐ น.", "date": "๒๖ พฤศจิกายน ๒๕๖๙", "time": "๑๔.๓๐ น.",
          "fingerprint": "4821-0937-5510-2846", "demo": True}


def _signed_data() -> dict:
    data = sample("summary_note")
    data["head_of_office"] = data["head_of_office"] | {"date": "2026-11-26"}
    return data


def pages(pdf: bytes) -> int:
    return len(pypdfium2.PdfDocument(pdf))


def test_the_seeds_ordinary_content_fits_one_pdf_page():
    pdf = render_pdf("summary_note", sample("summary_note"))
    assert pages(pdf) == 1
    text = squeeze(pdf_text(pdf))
    for part in ("สรุปประเด็นสำคัญ", "เรื่องเดิม", "ข้อพิจารณา/ข้อกฎหมาย", "ข้อเสนอ", "ตรวจเสนอ",
                 "เพื่อโปรดพิจารณาให้ความเห็นชอบ", "(นายประสานราชการดี)", "หัวหน้าสำนักงานรัฐมนตรี"):
        assert part in text


def test_the_signed_note_still_fits_one_pdf_page_with_its_stamp_beside_the_name():
    pdf = render_pdf("summary_note", _signed_data(), esign=SIGNED)
    assert pages(pdf) == 1
    text = squeeze(pdf_text(pdf))
    assert "ลงนามอิเล็กทรอนิกส์" in text and "4821-0937-5510-2846" in text and "๒๖พ.ย.๒๕๖๙" in text


def test_a_longer_note_goes_on_to_a_second_page_with_its_box_and_signature_kept_with_the_body():
    data = sample("summary_note")
    data["considerations"] = "\n".join([data["considerations"]] * 4)
    pdf = render_pdf("summary_note", data)
    assert pages(pdf) == 2
    spec = get_form("summary_note")
    start = pg.signature_start("summary_note", spec.printed(spec.clean(data), Printer()))
    assert pg.measure(pdf, "summary_note", start).ok


def test_the_review_column_puts_a_wide_name_on_two_lines_at_its_space_and_a_narrow_one_on_one():
    spec = get_form("summary_note")
    data = sample("summary_note")
    data["reviewers"] = [{"name": "นางสาวมาลัย ศรีสวัสดิ์", "position": "นักวิเคราะห์", "date": "2026-11-24"},
                         {"name": "นายก ข", "position": "ผู้ช่วย", "date": "2026-11-25"}]
    reviewers = spec.printed(spec.clean(data), Printer())["reviewers"]
    assert [r["name"] for r in reviewers] == [["นางสาวมาลัย", "ศรีสวัสดิ์"], ["นายก ข"]]


@pytest.mark.libreoffice
def test_the_seeds_ordinary_content_fits_one_page_in_libreoffice_drafted_and_signed():
    if pg.libreoffice() is None:
        pytest.skip("LibreOffice is not installed (scripts/system-packages.sh --bench)")
    if not os.environ.get("PRASAN_LIBREOFFICE"):
        pytest.skip("LibreOffice takes a while: run with PRASAN_LIBREOFFICE=1 (or the bench)")
    converted = pg.docx_to_pdfs({
        "draft": render_docx("summary_note", sample("summary_note")),
        "signed": render_docx("summary_note", _signed_data(), esign=SIGNED),
    })
    assert {name: pages(pdf) for name, pdf in converted.items()} == {"draft": 1, "signed": 1}
    assert "4821-0937-5510-2846" in pdf_text(converted["signed"])
