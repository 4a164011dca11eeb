"""The API refuses control characters in any text field with a Thai sentence (issue 14, item 2; the rule is
prasan.hygiene, applied by prasan.api.schemas.In)."""

import json

import pytest

from prasan.correspondence.models import RegisterEntry
from prasan.matters.models import Matter

pytestmark = pytest.mark.django_db

CONTROLS = ["\u000b", "\u001b", "\u0000", "\u0007", "\u007f", "\u0085"]


@pytest.mark.parametrize("char", CONTROLS)
def test_the_api_refuses_a_title_with_a_control_character_in_thai(api, char):
    response = api("coordinator").post("/matters", {
        "title": f"ขอข้อมูล{char}ครู", "duty_type": "analysis", "source": "verbal_command",
        "urgency": "normal", "secrecy": "normal"})
    assert response.status_code == 422 and Matter.objects.count() == 0
    body = response.json()
    assert "อักขระควบคุม" in json.dumps(body, ensure_ascii=False)


def test_the_api_refuses_a_lone_surrogate(api):
    raw = '{"title": "ขอข้อมูล\\ud800", "duty_type": "analysis", "source": "verbal_command", ' \
          '"urgency": "normal", "secrecy": "normal"}'
    response = api("coordinator").raw("post", "/matters", raw)
    assert response.status_code == 422 and Matter.objects.count() == 0


def test_the_api_refuses_control_characters_in_a_register_entry(api):
    response = api("registrar").post("/registers/incoming/entries", {"subject": "ขอ\u000bความเห็น", "sender": "สพฐ."})
    assert response.status_code == 422 and RegisterEntry.objects.count() == 0
