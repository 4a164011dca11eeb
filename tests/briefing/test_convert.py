"""Attachments made PDF for a pack (run here directly; the build runs them in the sandbox): Word through
python-docx → HTML → WeasyPrint or LibreOffice, pictures and text on A4 pages, a PDF as it is; Thai text kept
exact; a broken or locked file refused with its name, in Thai."""

import io
import shutil

import pytest
from pypdf import PdfReader, PdfWriter

from prasan.briefing import convert
from prasan.correspondence.intake.errors import IntakeError

from .conftest import DOCX_TYPE, THAI, docx_of, page_text, pdf_of, png_of


def _run(tmp_path, data: bytes, content_type: str, name: str, **options) -> tuple[int, bytes]:
    source, target = tmp_path / "in", tmp_path / "out.pdf"
    source.write_bytes(data)
    pages = convert.file_to_pdf(str(source), content_type, name, str(target), **options)
    return pages, target.read_bytes()


def _flat(text: str) -> str:
    return "".join(text.split())


def test_word_through_html_keeps_thai_exact(tmp_path):
    pages, pdf = _run(tmp_path, docx_of(THAI, paragraphs=4), DOCX_TYPE, "notes.docx", use_office=False)
    text = _flat(page_text(pdf, 1))
    assert pages == 1
    for phrase in ("บันทึกประกอบการตรวจราชการ", "น้ำท่วมที่จังหวัดขอนแก่น", "ผู้ใหญ่บ้านนำทีมสำรวจความเสียหาย",
                   "บ้านหนองน้ำใส", "๑๒๐"):
        assert phrase in text, phrase


@pytest.mark.libreoffice
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_word_through_libreoffice_when_installed(tmp_path):
    pages, pdf = _run(tmp_path, docx_of(THAI), DOCX_TYPE, "notes.docx", use_office=True)
    assert pages >= 1 and "บันทึกประกอบการตรวจราชการ" in _flat(page_text(pdf, 1))
    assert "LibreOffice" in (PdfReader(io.BytesIO(pdf)).metadata.producer or "")  # not WeasyPrint


def test_picture_and_text_each_on_a_page(tmp_path):
    pages, pdf = _run(tmp_path, png_of(), "image/png", "map.png")
    assert pages == 1 and "map.png" in page_text(pdf, 1)
    pages, pdf = _run(tmp_path, f"{THAI}\nบรรทัดที่สอง".encode(), "text/plain", "note.txt")
    assert pages == 1 and "น้ำท่วมที่จังหวัดขอนแก่น" in _flat(page_text(pdf, 1))


def test_a_pdf_goes_in_as_it_is(tmp_path):
    original = pdf_of("ภาคผนวก", 3)
    pages, pdf = _run(tmp_path, original, "application/pdf", "annex.pdf")
    assert pages == 3 and pdf == original


def test_broken_and_locked_files_are_refused_by_name(tmp_path):
    with pytest.raises(IntakeError, match="broken.pdf"):
        _run(tmp_path, b"%PDF-1.7 nothing", "application/pdf", "broken.pdf")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_of("ลับ"))))
    writer.encrypt("secret-2569")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(IntakeError, match="รหัสผ่าน"):
        _run(tmp_path, locked.getvalue(), "application/pdf", "locked.pdf")
    with pytest.raises(IntakeError, match="notes.docx"):
        _run(tmp_path, b"PK\x03\x04 not a zip", DOCX_TYPE, "notes.docx", use_office=False)
    with pytest.raises(IntakeError, match="photo.png"):
        _run(tmp_path, b"\x89PNG\r\n\x1a\nbroken", "image/png", "photo.png")


def test_a_batch_tells_each_file(tmp_path):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.write_bytes(png_of())
    bad.write_bytes(b"%PDF-1.7 nothing")
    results = convert.convert_all([[str(good), "image/png", "map.png", str(tmp_path / "1.pdf")],
                                   [str(bad), "application/pdf", "broken.pdf", str(tmp_path / "2.pdf")]], False)
    assert results[0] == {"pages": 1} and "broken.pdf" in results[1]["error"]
