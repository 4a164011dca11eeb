"""Cabinet Secretariat letters about a cabinet meeting: an agenda item, an opinion asked for a meeting, a meeting's
notice, each with its day, province and place in the agenda; resolutions, forwarded questions and bills, and every
other letter have no cabinet object."""

import json
from pathlib import Path

import pytest

from prasan.correspondence.intake.fields.cabinet import KEYS, meeting_day
from prasan.correspondence.intake.parse import parse

LETTERS = Path(__file__).resolve().parents[2] / "bench/letters"


def read(name: str) -> dict:
    return parse((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).fields


@pytest.mark.parametrize("name", ["p16_soc_agenda_proposal", "p17_soc_opinion_offsite", "p13_soc_cabinet_agenda"])
def test_a_cabinet_letter_gives_the_object_the_registrar_would_write(name):
    expected = json.loads((LETTERS / f"{name}.json").read_text(encoding="utf-8"))["cabinet"]
    got = read(name)
    assert set(got["cabinet"]) == set(KEYS) and got["cabinet"] == expected
    assert got["duty_type"] == "political_support" and got["parliament"] is None


@pytest.mark.parametrize("name", ["13_cab_circ_resolution", "p15_soc_resolution_followup", "30_cab_circ_abbr_order",
                                  "14_cab_circ_replyby_abbr", "p08_soc_bill_opinion", "16_parl_soc_forward",
                                  "25_circ_ops_letterhead", "01_ext_obec_teachers", "p09_house_committee_summons"])
def test_resolutions_parliament_work_and_other_letters_have_none(name):
    assert read(name)["cabinet"] is None


def test_the_meeting_day_is_not_a_reply_date_nor_a_past_meeting():
    # (the parser's text: digits already made Arabic by normalize.for_parsing)
    assert meeting_day("การประชุมคณะรัฐมนตรี ขอให้ส่งความเห็นภายในวันที่ 15 ธันวาคม 2569") is None
    assert meeting_day("คณะรัฐมนตรีได้ประชุมปรึกษาเมื่อวันที่ 1 ธันวาคม 2569") is None
    day = meeting_day("บรรจุเข้าระเบียบวาระการประชุมคณะรัฐมนตรีในวันอังคารที่ 15 ธันวาคม 2569")
    assert day is not None and day.isoformat() == "2026-12-15"


def test_every_corpus_letter_has_the_cabinet_key():
    # bench/letters/layout and real (issue 19) are scored on the register fields only (bench/intake_layout.py)
    for source in sorted([*LETTERS.glob("*.json"), *LETTERS.glob("heldout/*.json")]):
        assert "cabinet" in json.loads(source.read_text(encoding="utf-8")), source.name
