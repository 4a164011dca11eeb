"""Step 5: Thai text cleaned of what extraction and OCR break."""

from prasan.correspondence.intake.normalize import collapse, for_parsing, normalize


def test_split_sara_am_is_joined():
    assert normalize("ส ํานักงาน จ ํานวน") == "สำนักงาน จำนวน"
    assert normalize("นํ้า") == "น้ำ"


def test_zero_width_and_odd_spaces_are_removed():
    assert normalize("กระทรวง\u200bศึกษา\u00a0ธิการ\ufeff") == "กระทรวงศึกษา ธิการ"


def test_double_sara_e_becomes_sara_ae():
    assert normalize("เเบบสอบถาม") == "แบบสอบถาม"


def test_a_space_before_a_following_vowel_is_dropped():
    assert normalize("ขอคว ามเห็น") == "ขอความเห็น"


def test_lines_and_indentation_stay_but_inner_runs_of_spaces_shrink():
    text = normalize("ที่ ศธ 0201/1          สำนักงาน\n\n\n\n        ด้วย")
    assert text == "ที่ ศธ 0201/1  สำนักงาน\n\n        ด้วย"


def test_parsing_text_has_arabic_digits():
    assert for_parsing("๒๘ ตุลาคม ๒๕๖๙") == "28 ตุลาคม 2569"


def test_collapse_gives_one_line():
    assert collapse("  ขอส่ง\n   ข้อมูล  ") == "ขอส่ง ข้อมูล"
