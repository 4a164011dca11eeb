from hypothesis import given
from hypothesis import strategies as st

from prasan.complaints.masking import (
    ID_MASK,
    is_thai_id,
    mask_email,
    mask_name,
    mask_phone,
    mask_text,
)


def with_checksum(twelve: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(twelve))
    return twelve + str((11 - total % 11) % 10)


twelve_digits = st.text(alphabet="0123456789", min_size=12, max_size=12)


def test_names_keep_first_letters_only():
    assert mask_name("สมชาย ทองดี") == "ส*** ท***"
    assert mask_name("นางสาวสมหญิง ทองดี") == "นางสาว ส*** ท***"
    assert mask_name("") == ""


def test_phones_keep_prefix_and_last_four():
    assert mask_phone("0812341234") == "08x-xxx-1234"
    assert mask_phone("081-234-1234") == "08x-xxx-1234"
    assert mask_phone("๐๘๑๒๓๔๑๒๓๔") == "08x-xxx-1234"
    assert mask_phone("") == ""


def test_emails_keep_first_letters_only():
    assert mask_email("somying@example.com") == "s***@e***"


@given(twelve_digits)
def test_a_valid_id_is_masked_however_it_is_written(twelve):
    number = with_checksum(twelve)
    grouped = f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
    for written in (number, grouped, grouped.replace("-", " ")):
        text = f"บัตรประชาชนเลขที่ {written} ของผู้ร้อง"
        assert mask_text(text) == f"บัตรประชาชนเลขที่ {ID_MASK} ของผู้ร้อง"
        assert number not in mask_text(text).replace("-", "").replace(" ", "")


@given(twelve_digits, st.integers(min_value=1, max_value=9))
def test_a_number_failing_the_checksum_is_left(twelve, wrong):
    number = with_checksum(twelve)
    bad = number[:12] + str((int(number[12]) + wrong) % 10)
    assert not is_thai_id(bad)
    assert mask_text(f"เลขพัสดุ {bad}") == f"เลขพัสดุ {bad}"


def test_thai_digits_and_longer_numbers():
    number = with_checksum("110370012345")
    thai = number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert mask_text(f"เลข {thai}") == f"เลข {ID_MASK}"
    assert mask_text(f"บัญชี 9{number}") == f"บัญชี 9{number}"  # 14 digits: not an ID
