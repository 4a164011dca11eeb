"""Step 7: the whole intake from bytes, as the rest of the app calls it."""

import pytest

from prasan.correspondence.intake import pipeline
from prasan.correspondence.intake.detect import DOCX, PDF, TEXT
from prasan.correspondence.intake.errors import IntakeError
from prasan.correspondence.intake.parse import FIELDS
from prasan.correspondence.intake.store import digest

from .conftest import docx_bytes, pdf_bytes


def test_a_text_letter_gives_fields_digest_and_no_ocr(letter_text):
    data = letter_text.encode()
    calls = []
    result = pipeline.run(data, "letter.txt", progress=lambda done, total: calls.append((done, total)))
    assert result.digest == digest(data) and result.content_type == TEXT
    assert result.fields["doc_number"] == "ศธ 04006/3217" and not result.ocr_used
    assert list(result.fields) == list(FIELDS) and calls == [(1, 1)]


def test_a_docx_letter(letter_text):
    result = pipeline.run(docx_bytes(letter_text.split("\n")), "letter.docx")
    assert result.content_type == DOCX
    assert result.fields["subject"] == "ขอส่งข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ พ.ศ. 2569"


def test_a_pdf_with_a_text_layer(letter_text):
    result = pipeline.run(pdf_bytes(letter_text.split("\n")), "letter.pdf")
    assert result.content_type == PDF and not result.ocr_used
    assert result.fields["from_agency"] == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
    assert result.fields["enclosures"][1] == "บัญชีรายชื่อเขตพื้นที่การศึกษาที่ยังขาดแคลนครู จำนวน 1 ฉบับ"
    assert any("สระ" in warning for warning in result.warnings)  # WeasyPrint's ำ mapping was repaired


def test_bad_input_raises_a_thai_error():
    with pytest.raises(IntakeError, match="ว่างเปล่า"):
        pipeline.run(b"", "empty.pdf")


def test_a_file_with_almost_no_text_is_flagged():
    result = pipeline.run("สวัสดี".encode(), "note.txt")
    assert any("น้อยมาก" in warning for warning in result.warnings)


def test_extract_file_reads_from_disk(tmp_path, letter_text):
    path = tmp_path / "letter.txt"
    path.write_text(letter_text, encoding="utf-8")
    assert pipeline.extract_file(path).fields["date"] == "2026-10-28"
