"""The confirm screen proposes the duty type the parser read, pre-selected, with how sure it is."""

from pathlib import Path

import pytest
from django.urls import reverse

from prasan.correspondence.models import LetterIntake

from .test_intake_pages import upload

pytestmark = pytest.mark.django_db
LETTERS = Path(__file__).resolve().parents[2] / "bench" / "letters"


@pytest.mark.parametrize(("name", "duty"), [("p09_house_committee_summons", "parliament"),
                                            ("13_cab_circ_resolution", "policy_followup"),
                                            ("17_complaint_prose", "complaint")])
def test_the_duty_type_read_from_the_letter_is_pre_selected(login, users, name, duty):
    client = login(users["registrar"])
    upload(client, (LETTERS / f"{name}.txt").read_bytes())
    intake = LetterIntake.objects.get()
    assert intake.fields["duty_type"] == duty
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert f'value="{duty}" selected' in page
    assert "(ระบบเสนอ)" in page
