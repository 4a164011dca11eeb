"""Reading scans (issue 19): dotted leaders, a title in large type, specks and noise lines, a second reading
with the Thai model alone, and the fields' sureness from Tesseract's confidence in each letter."""

import pytest

from prasan.correspondence.intake import layout, ocr, pipeline, reread, sureness
from prasan.correspondence.intake.reread import Word

from .conftest import page_image, png_bytes


def _ink_columns(image) -> set[int]:
    binary = layout.ink(image)
    return {x for x in range(binary.width) if any(binary.getpixel((x, y)) for y in range(binary.height))}


def test_a_dotted_leader_is_whited_out_and_the_words_stay():
    plain = page_image(["ที่ สร ๐๑๐๐/๑๒๔๐"], dpi=300).crop((300, 100, 2400, 260))
    dotted = page_image(["ที่ สร ๐๑๐๐/๑๒๔๐ ............................ วันที่"], dpi=300).crop((300, 100, 2400, 260))
    words = _ink_columns(plain)
    cleaned = layout.erase_leaders(dotted)
    left = {x for x in _ink_columns(cleaned) if x <= max(words)}
    assert left == words  # the number is untouched
    gap = [x for x in _ink_columns(dotted) if max(words) + 40 < x < max(words) + 400]
    assert gap and not _ink_columns(cleaned) & set(gap)  # the dots after it are gone
    assert _ink_columns(cleaned) - words  # วันที่ is still there


def test_four_dots_are_no_leader():
    line = page_image(["พ.ศ. ...."], dpi=300).crop((300, 100, 1200, 260))
    assert _ink_columns(layout.erase_leaders(line)) == _ink_columns(line)


def test_a_title_in_large_type_is_one_line():
    image = page_image(["บันทึกข้อความ"], dpi=300, size_pt=29)
    lines = layout.find_lines(layout.clean(image))
    assert len(lines) == 1


def test_a_page_lit_unevenly_is_read_as_if_lit_evenly():
    from PIL import Image, ImageChops

    lines = ["ที่ กค (กวจ) ๐๔๐๕.๓/๔๖๕๖", "เรื่อง ซักซ้อมแนวทางการเบิกจ่าย", "เรียน เลขาธิการคณะกรรมการ"] * 4
    page = page_image(lines, dpi=300)
    light = Image.linear_gradient("L").resize(page.size).point(lambda v: round(235 * (1 - 0.45 * v / 255)))
    shaded = ImageChops.multiply(page, light)  # grey paper, darker towards the bottom
    assert len(layout.find_lines(layout.clean(page))) == 12
    assert len(layout.find_lines(layout.clean(shaded))) == 12
    flat = layout.flatten(shaded)
    assert min(flat.crop((0, 0, 200, flat.height)).getextrema()[0], 255) >= 240  # the margin is paper again


def _words(*pairs) -> list[Word]:
    out, left = [], 0
    for text, conf, height in pairs:
        out.append(Word(text, left, left + 30, 100 - height, 100, conf))
        left += 40
    return out


def test_specks_at_a_lines_end_are_dropped_and_a_full_stop_stays():
    line = _words(("โท", 95, 40), ("ร", 95, 40), (".", 95, 6), ("๕", 90, 40), ("๖", 90, 40), ("7", 85, 8))
    text, kept = reread.drop_specks("โทร. ๕๖ 7", line)
    assert text == "โทร. ๕๖" and len(kept) == 5


def test_a_line_no_letter_of_which_is_trusted_is_noise():
    assert reread.noise(_words(("on", 19, 40)))
    assert not reread.noise(_words(("บัน", 30, 40), ("ทึก", 92, 40)))


def test_a_latin_word_read_unsurely_on_a_thai_line_calls_for_a_second_reading():
    assert reread.unsure(_words(("wale!", 40, 40), ("๗", 90, 40)))
    assert not reread.unsure(_words(("BESS", 96, 40), ("ก", 93, 40)))


def test_a_latin_word_where_the_month_stands_is_read_again_however_sure():
    latin = _words(("๑", 97, 40), ("๕", 97, 40), ("reel", 93, 40), ("พ", 93, 40), (".", 92, 8), ("ศ", 93, 40),
                   (".", 93, 8), ("๒", 93, 40), ("๕", 97, 40), ("๖", 96, 40), ("๙", 90, 40))
    assert reread.unsure(latin)
    thai = _words(("๑", 90, 40), ("๕", 90, 40), ("ตุ", 60, 40), ("ลา", 60, 40), ("คม", 60, 40), ("๒", 90, 40),
                  ("๕", 90, 40), ("๖", 90, 40), ("๙", 90, 40))
    first, second = ("๑๕ reel พ.ศ.๒๕๖๙", _tsv(latin)), ("๑๕ ตุลาคม ๒๕๖๙", _tsv(thai))
    assert reread.better(first, second) == second  # though Tesseract was surer of the Latin


def _tsv(line) -> str:
    rows = ["level\tpage\tblock\tpar\tline\tword\tleft\ttop\twidth\theight\tconf\ttext"]
    rows += [f"5\t1\t1\t1\t1\t{i}\t{w.left}\t{w.top}\t{w.right - w.left}\t{w.bottom - w.top}\t{w.conf}\t{w.text}"
             for i, w in enumerate(line)]
    return "\n".join(rows)


def _lines(text: str, conf: float, weak: str = "", weak_conf: float = 0.0):
    words = [Word(ch, 0, 0, 0, 0, weak_conf if ch in weak else conf) for ch in text.replace(" ", "")]
    return [(text, words)]


def test_a_field_read_from_sure_letters_is_sure_and_from_a_doubted_letter_is_not():
    fields = {"doc_number": "ศธ 0208/227", "subject": "ขอเชิญประชุม", "signer": None}
    parsed = {"doc_number": 0.95, "subject": 0.95, "signer": 0.9}
    lines = _lines("ที่ ศธ ๐๒๐๘/๒๒๗", 96) + _lines("เรื่อง ขอเชิญประชุม", 96, weak="ญ", weak_conf=55)
    sure = sureness.from_letters(fields, parsed, lines)
    assert sure["doc_number"] >= 0.85  # every letter read at 96
    assert sure["subject"] < 0.85  # one letter at 55
    assert sure["signer"] < 0.85  # nothing found is no proof there is nothing


def test_a_value_not_found_in_what_was_read_is_not_sure():
    sure = sureness.from_letters({"to": "อธิบดีกรมบัญชีกลาง"}, {"to": 0.95}, _lines("เรียน อธิบดีกรมบัญชี", 99))
    assert sure["to"] < 0.85


def test_a_date_is_as_sure_as_the_letters_it_was_written_in():
    sure = sureness.from_letters({"date": "2026-11-26"}, {"date": 0.95}, _lines("๒๖ พฤศจิกายน ๒๕๖๙", 95))
    assert sure["date"] >= 0.85


def test_a_dates_day_is_as_sure_as_the_digit_beside_its_month_not_one_elsewhere():
    lines = _lines("ที่ ศธ ๐๒๐๑/๑", 96) + _lines("๑ ธันวาคม ๒๕๖๙", 96, weak="๑", weak_conf=70)
    assert sureness.from_letters({"date": "2026-12-01"}, {"date": 0.95}, lines)["date"] < 0.85


def test_a_number_read_in_thai_digits_with_look_alikes_is_never_sure_however_surely_read():
    sure = sureness.from_letters({"doc_number": "นร 0505/4012"}, {"doc_number": 0.95},
                                 _lines("ที่ นร ๐๕๐๕/๔๐๑๒", 97))  # ๔/๕ and ๑/๓ differ by a stroke
    assert 0.5 <= sure["doc_number"] < 0.85
    sure = sureness.from_letters({"doc_number": "นร 0505/4012"}, {"doc_number": 0.95}, _lines("ที่ นร 0505/4012", 97))
    assert sure["doc_number"] >= 0.85  # Arabic digits have no such twins


def test_a_number_where_an_acronym_stands_is_never_sure_however_surely_read():
    subject = "ผลการประกวดออกแบบระบบกักเก็บพลังงาน (8555)"  # (BESS), its capitals read as digits
    sure = sureness.from_letters({"subject": subject}, {"subject": 0.95}, _lines("เรื่อง " + subject, 97))
    assert 0.5 <= sure["subject"] < 0.85
    counted = "ขอเชิญประชุมวิชาการ ครั้งที่ 18 ประจำปี 2569"  # a count with its word, a year: as sure as read
    sure = sureness.from_letters({"subject": counted}, {"subject": 0.95}, _lines("เรื่อง " + counted, 97))
    assert sure["subject"] >= 0.85


@pytest.mark.ocr
def test_a_scanned_memo_with_a_large_title_and_dotted_leaders_is_read():
    lines = ["บันทึกข้อความ", "ส่วนราชการ สร. กลุ่มประสานราชการ โทร. ๕๖๑๒ ..................",
             "ที่ สร ๐๑๐๐/๑๒๔๐ ........................ วันที่ ๒๖ พฤศจิกายน ๒๕๖๙",
             "เรื่อง ขอเชิญประชุมติดตามงาน ......................", "เรียน ผู้อำนวยการสำนักนโยบายและยุทธศาสตร์"]
    image = page_image(lines, dpi=300)
    result = pipeline.run(png_bytes(image), "memo.png")
    assert result.fields["kind"] == "memo"
    assert result.fields["doc_number"] == "สร 0100/1240"
    assert result.fields["date"] == "2026-11-26"
    assert result.fields["subject"] == "ขอเชิญประชุมติดตามงาน"
    assert set(result.confidence) >= {"doc_number", "subject"}
    assert isinstance(ocr.read_image(image).lines, list)
