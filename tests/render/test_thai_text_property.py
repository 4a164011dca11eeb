"""Any Thai text, in any Sarabun face, comes back from the PDF as it went in."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prasan.documents.render.pdf import html_to_pdf

from .test_pdf_text import pdfium_text, pdftotext

CONSONANTS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮฤฦ"
ABOVE_OR_BELOW = ["", "ิ", "ี", "ึ", "ื", "ั", "ุ", "ู", "ฺ"]
TONES = ["", "่", "้", "๊", "๋", "์"]
BEFORE = ["", "เ", "แ", "โ", "ใ", "ไ"]
AFTER = ["", "า", "ำ", "ะ", "ๅ"]


@st.composite
def syllables(draw) -> str:
    vowel, tone, after = draw(st.sampled_from(ABOVE_OR_BELOW)), draw(st.sampled_from(TONES)), \
        draw(st.sampled_from(AFTER))
    if after == "ำ":
        vowel = ""
    return draw(st.sampled_from(BEFORE)) + draw(st.sampled_from(CONSONANTS)) + vowel + tone + after


words = st.lists(syllables(), min_size=1, max_size=4).map("".join)
phrases = st.lists(words, min_size=1, max_size=6).map(" ".join)
faces = st.sampled_from(["", "font-weight: bold", "font-style: italic",
                         "font-weight: bold; font-style: italic"])


@pytest.mark.parametrize("extract", [pdftotext, pdfium_text], ids=["poppler", "pdfium"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=phrases, face=faces)
def test_random_thai_phrases_come_back_word_for_word(extract, text, face):
    pdf = html_to_pdf(f"<p style='font-family: Sarabun; font-size: 16pt; {face}'>{text}</p>")

    assert extract(pdf).split() == text.split()
