"""Baht in words, exact for Decimal amounts, and Thai word segmentation."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import bahttext

from prasan.thai.text import baht_text, segment


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (Decimal("1234.50"), "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
        (Decimal("21"), "ยี่สิบเอ็ดบาทถ้วน"),
        (Decimal("101.00"), "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (Decimal("0"), "ศูนย์บาทถ้วน"),
        (Decimal("0.50"), "ห้าสิบสตางค์"),
        (Decimal("0.01"), "หนึ่งสตางค์"),
        (Decimal("-5"), "ลบห้าบาทถ้วน"),
        (Decimal("1.005"), "หนึ่งบาทหนึ่งสตางค์"),  # satang round half up
        (1500, "หนึ่งพันห้าร้อยบาทถ้วน"),
    ],
)
def test_baht_text_reads_the_amount(amount, words):
    assert baht_text(amount) == words


def test_baht_text_is_exact_for_a_national_budget():
    assert baht_text(Decimal("3780000000000.01")) == "สามล้านเจ็ดแสนแปดหมื่นล้านบาทหนึ่งสตางค์"


def test_baht_text_refuses_float():
    with pytest.raises(TypeError):
        baht_text(12.5)


@given(st.decimals(min_value=1, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_baht_text_agrees_with_pythainlp_for_ordinary_amounts(amount):
    assert baht_text(amount) == bahttext(float(amount))


def test_segment_splits_thai_words():
    words = segment("ประสานงานกับหน่วยงานในสังกัด ครบถ้วน")
    assert "หน่วยงาน" in words and "ครบถ้วน" in words
    assert "".join(words) == "ประสานงานกับหน่วยงานในสังกัดครบถ้วน"
