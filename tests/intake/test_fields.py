"""Step 6, one field parser at a time: dates, numbers, marks, lists, deadlines, parties, kind."""

import datetime as dt

import pytest

from prasan.correspondence.intake.fields import deadlines, lists, marks, parties
from prasan.correspondence.intake.fields.dates import date_only, find_dates, parse_date
from prasan.correspondence.intake.fields.header import ISSUED
from prasan.correspondence.intake.fields.lines import Letter
from prasan.correspondence.intake.fields.numbers import fix_digit_confusions, number_line
from prasan.correspondence.intake.normalize import for_parsing


def letter(text: str) -> Letter:
    return Letter(fix_digit_confusions(for_parsing(text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("๒๕ พฤศจิกายน ๒๕๖๙", dt.date(2026, 11, 25)),
    ("25 พฤศจิกายน 2569", dt.date(2026, 11, 25)),
    ("๓ พ.ย. ๒๕๖๙", dt.date(2026, 11, 3)),
    ("5 ธ.ค. 2569", dt.date(2026, 12, 5)),
    ("1 มี.ค. 2567", dt.date(2024, 3, 1)),
    ("20 ม.ค.2570", dt.date(2027, 1, 20)),
    ("๒๘ ต.ค. ๖๙", dt.date(2026, 10, 28)),  # a memo's two-digit year
    ("วันที่ ๑๐ เดือน ตุลาคม พ.ศ. ๒๕๖๙", dt.date(2026, 10, 10)),
    ("25 พฤศจิกายบ 2569", dt.date(2026, 11, 25)),  # one OCR slip in the month
    ("๓ ฉันว่าคม ๒๕๖๙", dt.date(2026, 12, 3)),  # one slip and a tone mark no month has
    ("๓ ฉันว่าคา ๒๕๖๙", None),  # two slips
    ("15 February 2026", None),
    ("31 กุมภาพันธ์ 2569", None),
])
def test_thai_dates(text, expected):
    assert parse_date(for_parsing(text)) == expected


def test_a_date_line_holds_only_a_date():
    assert date_only("        28  ตุลาคม  2569") == dt.date(2026, 10, 28)
    assert date_only("ระหว่างวันที่ 15 - 17 ธันวาคม 2569 ณ อาคาร") is None
    assert len(find_dates("ระหว่างวันที่ 15 - 17 ธันวาคม 2569")) == 1
    # an announcement's own date line, when its title was lost on a scan and it is taken for another kind
    assert date_only("ประกาศ ณวันที่ 27 พฤศจิกายน พ.ศ. 2569") == dt.date(2026, 11, 27)
    assert date_only("ให้ไว้ ณ วันที่ 1 ธันวาคม 2569 เป็นต้นไป") is None


@pytest.mark.parametrize("line", ["ประกาศ ณ วันที่ ๒ ธันวาคม ๒๕๖๙", "ก. ประกาศ ณวันที่ ๒ ธันวาคม ๒๕๖๙",
                                  "ประกาศ ณววันที่ ๒ ธันวาคม ๒๕๖๙", "   สั่ง ณ วันที่ ๒ ธันวาคม ๒๕๖๙"])
def test_an_issued_line_read_with_a_speck_or_a_stutter_is_still_one(line):
    assert ISSUED.match(line).group("date") == "๒ ธันวาคม ๒๕๖๙"


def test_a_body_line_that_mentions_an_announcement_is_no_issued_line():
    assert ISSUED.match("ตามประกาศ ณ วันที่ ๒ ธันวาคม ๒๕๖๙") is None


@pytest.mark.parametrize(("line", "expected"), [
    ("ที่ ศธ ๐๔๐๐๖/๓๒๑๗      สำนักงาน", "ศธ 04006/3217"),
    ("ที่ นร ๐๕๐๓/ว ๓๑๒", "นร 0503/ว 312"),
    ("ที่ ศธ ๐๒๑๐.๑/ว๔๕", "ศธ 0210.1/ว 45"),
    ("ที่ อว ๖๔.๐๑/๕๖๗๘", "อว 64.01/5678"),
    ("ที่  ศธ  O4OO9/ l2O5", "ศธ 04009/1205"),  # OCR's O and l
    ("ที่ศธ ๐๒๐๑.๓/ล ๑๒", "ศธ 0201.3/ล 12"),
    ("ที่ นม ๐๐๑๗.๑/๔๕๖๗", "นม 0017.1/4567"),  # a province's code is not "corrected"
    ("ที่ ศจ 04006/12", "ศธ 04006/12"),  # a look-alike slip in a ministry code is
])
def test_letter_numbers(line, expected):
    found = number_line(fix_digit_confusions(for_parsing(line)))
    assert found is not None and found.text == expected


@pytest.mark.parametrize("line", ["ที่ประชุมได้มีมติ", "ที่อยู่ 123/45 ถนนพหลโยธิน", "เรื่อง ที่ดิน"])
def test_lines_that_are_no_letter_number(line):
    assert number_line(for_parsing(line)) is None


def test_circular_numbers_carry_the_series_letter():
    assert number_line(for_parsing("ที่ กค ๐๔๐๕.๒/ว ๓๒๑")).series == "ว"


def test_marks_are_whole_line_words():
    text = "ลับ\nด่วนมาก\nที่ มท 0816.3/1234\nเรื่อง การถ่ายโอน\nเรียน รัฐมนตรี\n        ด้วย ...\nลับ"
    assert marks.urgency(letter(text))[0] == "ด่วนมาก"
    assert marks.secrecy(letter(text))[0] == "ลับ"


def test_a_mark_inside_a_reference_is_no_mark():
    text = ("ที่ กค 0405.2/ว 321\nเรื่อง หลักเกณฑ์\nเรียน อธิบดี\n"
            "อ้างถึง หนังสือกรมบัญชีกลาง ด่วนที่สุด ที่ กค 0405.2/ว 112\n        ด้วย กลับมา")
    assert marks.urgency(letter(text))[0] is None
    assert marks.secrecy(letter(text))[0] is None


def test_memo_mark_on_the_title_line_and_spaced_out_marks():
    assert marks.urgency(letter("ด่วนมาก        บันทึกข้อความ\nเรียน รมว."))[0] == "ด่วนมาก"
    assert marks.urgency(letter("ด่วน ที่สุด\nบันทึกข้อความ\nเรียน รมว."))[0] == "ด่วนที่สุด"
    assert marks.secrecy(letter("ลับที่สุด\nบันทึกข้อความ\nเรียน รมว."))[0] == "ลับที่สุด"


def test_numbered_references_may_wrap():
    text = ("เรียน รัฐมนตรี\n"
            "อ้างถึง  ๑. หนังสือกระทรวงศึกษาธิการ ที่ ศธ ๐๒๐๑.๒/๕๕๕ ลงวันที่ ๒ กันยายน ๒๕๖๙\n"
            "        ๒. มติคณะกรรมการการกระจายอำนาจ\n"
            "           ในการประชุมครั้งที่ ๓/๒๕๖๙\n\n"
            "            ตามที่อ้างถึง กระทรวงศึกษาธิการได้ขอทราบความเห็นเกี่ยวกับแนวทางการถ่ายโอนสถานศึกษา")
    refs, _, end = lists.references(letter(text))
    assert refs == ["หนังสือกระทรวงศึกษาธิการ ที่ ศธ 0201.2/555 ลงวันที่ 2 กันยายน 2569",
                    "มติคณะกรรมการการกระจายอำนาจในการประชุมครั้งที่ 3/2569"]
    assert end == 4


def test_an_enclosure_item_between_two_numbers_belongs_to_the_first():
    text = ("เรียน รัฐมนตรี\nสิ่งที่ส่งมาด้วย  ๑. โครงการ\n   ๒. กำหนดการประชุม\n   ของวันที่ ๑๐ มกราคม ๒๕๗๐\n"
            "   ๓. แผนที่\n        ด้วยคณะครุศาสตร์")
    items, _, _ = lists.enclosures(letter(text))
    assert items == ["โครงการ", "กำหนดการประชุมของวันที่ 10 มกราคม 2570", "แผนที่"]


def test_a_single_enclosure_stops_at_the_body():
    text = "ถึง สำนักงานรัฐมนตรี\nสิ่งที่ส่งมาด้วย แบบรายงาน จำนวน 1 ชุด\nด้วยสำนักงาน ขอความร่วมมือ"
    assert lists.enclosures(letter(text))[0] == ["แบบรายงาน จำนวน 1 ชุด"]


def test_enclosures_named_inside_the_body_are_no_list():
    text = "เรียน รมว.ศธ.\n  ๑. ปัญหา รายละเอียดตามหนังสือ (สิ่งที่ส่งมาด้วย ๑)"
    assert lists.enclosures(letter(text))[0] == []


@pytest.mark.parametrize(("body", "expected"), [
    ("ขอความกรุณาแจ้งการตอบรับภายในวันที่ ๒๐ พฤศจิกายน ๒๕๖๙", dt.date(2026, 11, 20)),
    ("จึงขอให้แจ้งความเห็นภายในวันที่ 5 ธ.ค. 2569 เพื่อ", dt.date(2026, 12, 5)),
    ("และส่งกลับคืน\nก่อนวันที่ ๑๕ มกราคม ๒๕๗๐ จักขอบคุณยิ่ง", dt.date(2027, 1, 15)),
    ("ส่งภายในวันศุกร์ที่ 4 ธันวาคม 2569", dt.date(2026, 12, 4)),
    ("กำหนดจัดงานในวันที่ 15 ธันวาคม 2569", None),
])
def test_reply_by(body, expected):
    assert deadlines.reply_by(for_parsing(body))[0] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("โปรดแจ้งภายใน ๗ วัน", 7),
    ("จัดส่งคำตอบภายใน 15 วันทำการ", 15),
    ("ตอบกระทู้ถามภายใน ๑๕ วัน นับแต่วันที่ได้รับหนังสือนี้", 15),
    ("ขอให้แจ้งภายในเจ็ดวัน", 7),
    ("ภายในวันที่ 5 ธันวาคม 2569", None),
])
def test_reply_within_days(body, expected):
    assert deadlines.reply_within_days(for_parsing(body))[0] == expected


def test_signer_is_the_typed_name_in_parentheses():
    text = "เรียน รัฐมนตรี\n  ด้วย ...\n        ขอแสดงความนับถือ\n\n     (นายวิทยา ศรีสุข)\n  เลขาธิการ"
    assert parties.signer(letter(text))[0] == "นายวิทยา ศรีสุข"


def test_a_seal_is_no_signer():
    text = "ถึง สำนักงานรัฐมนตรี\n  ด้วย ...\n   สำนักงานปลัดกระทรวงศึกษาธิการ\n   ๑๔ พฤศจิกายน ๒๕๖๙\n   (ประทับตรา)"
    assert parties.signer(letter(text))[0] is None


def test_contact_phone_is_the_bottom_line_not_the_fax():
    text = "เรียน รัฐมนตรี\n ด้วย\nสำนักอำนวยการ\nโทรสาร ๐ ๒๒๘๑ ๐๗๔๔\nโทร. ๐ ๒๖๒๘ ๕๖๑๐ ต่อ ๑๒"
    assert parties.contact_phone(letter(text))[0] == "0 2628 5610 ต่อ 12"


def test_a_memo_phone_comes_from_its_unit_line():
    text = "บันทึกข้อความ\nส่วนราชการ สร. (นางสาวพิมพ์ใจ รักงาน โทร ๒๑๒๑)\nเรียน รมว.ศธ."
    assert parties.contact_phone(letter(text))[0] == "2121"
    assert parties.issuing_office(letter(text), "memo", None)[0] == "สร."
