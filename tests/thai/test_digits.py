"""Thai and Arabic digits convert either way and leave everything else alone."""

from hypothesis import given
from hypothesis import strategies as st

from prasan.thai.digits import to_arabic, to_thai


def test_it_turns_arabic_digits_into_thai():
    assert to_thai("ที่ ศธ 0201/1234 ลงวันที่ 25") == "ที่ ศธ ๐๒๐๑/๑๒๓๔ ลงวันที่ ๒๕"


def test_it_turns_thai_digits_into_arabic():
    assert to_arabic("สร ๑๒๓๔/๒๕๖๙") == "สร 1234/2569"


def test_it_leaves_text_without_digits_alone():
    assert to_thai("ด่วนที่สุด") == "ด่วนที่สุด"
    assert to_arabic("ลับมาก") == "ลับมาก"


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_arabic_to_thai_and_back_is_the_same_text(text):
    assert to_arabic(to_thai(text)) == text


@given(st.text(alphabet="๐๑๒๓๔๕๖๗๘๙กขค /-."))
def test_thai_to_arabic_and_back_is_the_same_text(text):
    assert to_thai(to_arabic(text)) == text
