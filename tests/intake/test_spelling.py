"""Marks put back in OCR'd Thai (intake/spelling.py): the repairs that made 300-dpi scans' subjects and
addressees right, and the words it must leave alone — common words a mark would turn into other words."""

import pytest

from prasan.correspondence.intake.spelling import ocr_could_drop, restore_marks


@pytest.mark.parametrize(("read", "meant"), [
    ("แต่งดังคณะทำงาน", "แต่งตั้งคณะทำงาน"),  # ด for ต and the tone mark lost, and ดัง is a word
    ("ปัญหาหนีสินครู", "ปัญหาหนี้สินครู"),
    ("การศึกษาขันพีนฐาน", "การศึกษาขั้นพื้นฐาน"),  # two marks lost, ื read as ี
    ("แหล่งน้าของ", "แหล่งน้ำของ"),  # ำ read as า
    ("ที่ส่งมา", "ที่ส่งมา"),
    # ยืน (stand) is commoner than ยื่น (submit), but a letter submits a document: the office's phrase decides
    ("ช่องทางการยืนเรื่องร้องเรียน", "ช่องทางการยื่นเรื่องร้องเรียน"),
    ("ได้ยืนหนังสือต่อนายกรัฐมนตรี", "ได้ยื่นหนังสือต่อนายกรัฐมนตรี"),
    ("สำนักงานรัธมนตรี", "สำนักงานรัฐมนตรี"),  # ฐ read as ธ, in a bold title

])
def test_marks_lost_by_ocr_are_put_back(read, meant):
    assert restore_marks(read) == meant


@pytest.mark.parametrize("text", [
    "ผู้ร้องได้ขอพบรัฐมนตรี",  # ขอ is commoner than ข้อ: not ข้อพับ
    "ความปลอดภัยของรถรับส่งนักเรียน",  # not รับสั่ง
    "จึงขอความร่วมมือ",  # not ข้อความ
    "ได้ยื่นเรื่องร้องเรียน",  # a mark is never taken away: not ยินเรื่อง
    "ผู้มีสิทธิเลือกตั้ง",  # a thanthakhat is never added: สิทธิ is spelt so too
    "นายอภิชาติ สุขประเสริฐ",
    "(ศาสตราจารย์สมศักดิ์ เรืองชัย)",  # a name, though เรื่อง is a word with one mark more
    "ประชาชนยืนรอหน้ากระทรวง",  # standing, not submitting anything
    "ขอยืนยันการเข้าร่วมประชุม",
])
def test_right_text_is_left_alone(text):
    assert restore_marks(text) == text


def test_what_ocr_could_have_dropped():
    assert ocr_could_drop("ขันพีนฐาน", "ขั้นพื้นฐาน")
    assert not ocr_could_drop("ยื่นเรื่อง", "ยินเรื่อง")  # the tone mark taken away
    assert not ocr_could_drop("สิทธิ", "สิทธิ์")
    assert not ocr_could_drop("แต่งตั้ง", "แต่งตั้ง")  # nothing to change
