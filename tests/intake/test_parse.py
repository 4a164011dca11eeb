"""Step 6 as a whole: a letter's text → exactly the register fields, with a confidence for each."""

import json
from pathlib import Path

import pytest

from prasan.correspondence.intake.parse import FIELDS, parse

LETTERS = Path(__file__).resolve().parents[2] / "bench/letters"


def test_fields_are_exactly_the_agreed_keys(letter_text):
    result = parse(letter_text)
    assert list(result.fields) == list(FIELDS)
    assert set(result.confidence) == set(FIELDS)
    assert all(0 <= value <= 1 for value in result.confidence.values())


def test_an_external_letter_is_read_whole(letter_text):
    fields = parse(letter_text).fields
    assert fields == json.loads((LETTERS / "01_ext_obec_teachers.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "kind"), [
    ("06_memo_seed_summary", "memo"), ("09_stamp_ops_thai", "stamp"), ("13_cab_circ_resolution", "circular"),
    ("17_complaint_prose", "complaint"), ("15_parl_house_question", "external"),
])
def test_kinds_of_letter(name, kind):
    assert parse((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).fields["kind"] == kind


def test_ocr_text_is_less_certain(letter_text):
    plain, scanned = parse(letter_text), parse(letter_text, ocr=True)
    assert scanned.confidence["subject"] < plain.confidence["subject"]


def test_a_letter_without_parts_gives_nulls_and_empty_lists():
    fields = parse("สวัสดีครับ").fields
    assert fields["doc_number"] is None and fields["date"] is None and fields["references"] == []
    assert fields["kind"] == "external"


def test_any_text_parses_without_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    corpus_lines = [line for path in sorted(LETTERS.glob("*.txt"))
                    for line in path.read_text(encoding="utf-8").split("\n")]

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(corpus_lines), st.text(max_size=40)), max_size=40))
    def check(lines):
        result = parse("\n".join(lines))
        assert list(result.fields) == list(FIELDS)

    check()
