"""Complaint letters read by intake: the duty type, and the complaint object (channel, the channel's reference,
the complainant as written or None when anonymous, who is complained about); other letters have none."""

import json
from pathlib import Path

import pytest

from prasan.correspondence.intake.parse import parse

LETTERS = Path(__file__).resolve().parents[2] / "bench" / "letters"
COMPLAINTS = ["c01_1111_named", "c02_1111_anonymous_arabic", "c03_ministry_centre_memo", "c04_agency_forward_esa",
              "c05_email_printout", "c06_anonymous_letter", "c07_district_traffy", "c08_ombudsman_forward",
              "17_complaint_prose", "28_complaint_parent_email"]


def read(name: str) -> dict:
    return parse((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).fields


@pytest.mark.parametrize("name", COMPLAINTS)
def test_a_complaint_letter_gives_the_object_the_registrar_would_enter(name):
    expected = json.loads((LETTERS / f"{name}.json").read_text(encoding="utf-8"))
    fields = read(name)
    assert fields["duty_type"] == "complaint"
    assert fields["complaint"] == expected["complaint"]


def test_the_1111_hotline_letter_names_its_own_reference_and_the_caller():
    found = read("c01_1111_named")["complaint"]
    assert found == {"channel": "hotline_1111", "channel_ref": "6911002345", "complainant": "นายสมศักดิ์ ใจดี",
                     "about": "ผู้อำนวยการโรงเรียนวัดสระแก้ว"}


def test_an_anonymous_complainant_is_none_not_a_guess():
    assert read("c02_1111_anonymous_arabic")["complaint"]["complainant"] is None
    assert read("c06_anonymous_letter")["complaint"]["complainant"] is None


def test_a_forwarding_letter_without_a_complaint_number_is_referred_to_by_its_own():
    found = read("c04_agency_forward_esa")
    assert found["complaint"]["channel"] == "agency_forward"
    assert found["complaint"]["channel_ref"] == found["doc_number"]


def test_a_letter_about_complaints_in_general_is_not_a_complaint():
    fields = read("c09_policy_report_not_complaint")
    assert fields["complaint"] is None
    assert fields["duty_type"] != "complaint"


@pytest.mark.parametrize("name", ["01_ext_obec_teachers", "15_parl_house_question", "13_cab_circ_resolution",
                                  "p11_house_committee_online"])
def test_other_letters_have_no_complaint_object(name):
    assert read(name)["complaint"] is None
