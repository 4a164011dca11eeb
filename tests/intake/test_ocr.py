"""Step 4: OCR of scans — page layout and Thai-digit re-reading alone, and one real Tesseract run."""

import pytest

from prasan.correspondence.intake import glyphs, layout, pipeline, reread, thai_digits
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


def _tsv(words: list[tuple[str, "glyphs.Box"]]) -> str:
    """Tesseract's TSV for one line of `words` (text, box), as it would give it."""
    left, top = min(b.left for _, b in words), min(b.top for _, b in words)
    right, bottom = max(b.right for _, b in words), max(b.bottom for _, b in words)
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            f"4\t1\t1\t1\t1\t0\t{left}\t{top}\t{right - left}\t{bottom - top}\t-1\t"]
    rows += [f"5\t1\t1\t1\t1\t{n}\t{b.left}\t{b.top}\t{b.right - b.left}\t{b.bottom - b.top}\t91\t{text}"
             for n, (text, b) in enumerate(words, start=1)]
    return "\n".join(rows)


def _spanning(found: list, start: int, end: int) -> "glyphs.Box":
    part = found[start:end]
    return glyphs.Box(min(g.box.left for g in part), min(g.box.top for g in part),
                      max(g.box.right for g in part), max(g.box.bottom for g in part))


@pytest.mark.parametrize("glued", [False, True])
def test_a_days_digit_read_as_a_letter_before_the_month_is_read_from_its_glyph_and_doubted(glued):
    image = page_image(["๑ ธันวาคม ๒๕๖๙"], dpi=300, size_pt=14)
    found = sorted((g for g in glyphs.components(image) if g.box.bottom - g.box.top > 10), key=lambda g: g.box.left)
    # ๑ | ธ น ว า ค ม (ั above is small and left out) | ๒ ๕ ๖ ๙
    day, month, year = _spanning(found, 0, 1), _spanning(found, 1, 7), _spanning(found, 7, 11)
    if glued:  # Tesseract's `จธันวาคม`: one word for the day and the month
        words, text = [("จธันวาคม", _spanning(found, 0, 7)), ("๒๕๖๙", year)], "จธันวาคม ๒๕๖๙"
    else:
        words, text = [("จ", day), ("ธันวาคม", month), ("๒๕๖๙", year)], "จ ธันวาคม ๒๕๖๙"
    doubted = []
    assert thai_digits.reread_digits(image, text, _tsv(words), doubted) == "๑ ธันวาคม ๒๕๖๙"
    assert doubted == [words[0][1]]  # the day's word is shown ควรตรวจ, however sure Tesseract was of its จ
    line = reread.doubt(reread.words(_tsv(words)), doubted)
    assert [w.conf for w in line] == [reread.DOUBTED] + [91.0] * (len(line) - 1)


def test_a_letter_before_the_month_stays_a_letter():
    image = page_image(["ณ ธันวาคม ๒๕๖๙"], dpi=300, size_pt=14)
    found = sorted((g for g in glyphs.components(image) if g.box.bottom - g.box.top > 10), key=lambda g: g.box.left)
    words = [("ณ", _spanning(found, 0, 1)), ("ธันวาคม", _spanning(found, 1, 7)), ("๒๕๖๙", _spanning(found, 7, 11))]
    doubted = []
    assert thai_digits.reread_digits(image, "ณ ธันวาคม ๒๕๖๙", _tsv(words), doubted) == "ณ ธันวาคม ๒๕๖๙"
    assert doubted == []
