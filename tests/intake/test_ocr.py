"""Step 4: OCR of scans — page layout and Thai-digit re-reading alone, and one real Tesseract run."""

import pytest

from prasan.correspondence.intake import glyphs, layout, pipeline
from prasan.correspondence.intake.detect import PNG

from .conftest import page_image, png_bytes


def test_thai_digits_are_recognised_from_their_glyphs():
    image = page_image(["๐ ๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙"], dpi=300, size_pt=14)
    found = sorted(glyphs.components(image), key=lambda g: g.box.left)
    labels = [glyphs.classify(glyph, glyphs.THAI_DIGITS)[0] for glyph in found]
    assert "".join(labels) == "๐๑๒๓๔๕๖๗๘๙"


def test_a_thai_letter_is_no_digit():
    image = page_image(["ก"], dpi=300, size_pt=14)
    (glyph,) = glyphs.components(image)
    assert glyphs.classify(glyph, glyphs.THAI_DIGITS)[0] is None


def test_lines_are_found_with_their_marks():
    lines = ["เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วย", "เรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "", "ที่ นี่ นั้น ซึ่ง"]
    image = layout.clean(page_image(lines, dpi=300))
    assert len(layout.find_lines(image)) == 3


def test_a_tilted_page_is_straightened():
    image = page_image(["เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ"] * 6, dpi=150)
    tilted = image.rotate(1.0, fillcolor=255)
    assert layout.skew_angle(tilted) == pytest.approx(-1.0, abs=0.3)


@pytest.mark.ocr
def test_a_200_dpi_scan_is_read_with_thai_digits():
    lines = ["ที่ ศธ ๐๔๐๐๖/๓๒๑๗", "", "๒๘ ตุลาคม ๒๕๖๙", "", "เรื่อง ขอส่งข้อมูลจำนวนครู", "",
             "เรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]
    calls = []
    result = pipeline.run(png_bytes(page_image(lines, dpi=200)), "scan.png",
                          progress=lambda done, total: calls.append((done, total)))
    assert result.content_type == PNG and result.ocr_used and calls == [(1, 1)]
    assert result.fields["doc_number"] == "ศธ 04006/3217"
    assert result.fields["date"] == "2026-10-28"
    assert result.fields["subject"] == "ขอส่งข้อมูลจำนวนครู"
    assert result.fields["to"] == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
    assert result.confidence["subject"] < 0.95  # OCR'd fields are marked less certain
