"""The API's refusals are Thai sentences: each error's `message` has no English word in it (the `field`
names the JSON key the client wrote, and a list of allowed values quotes the codes the client must send,
so those stay as written)."""

import re

import pytest

from tests.web.visible import english_words

BAD = [
    {"title": "ก" * 100_000, "duty_type": "analysis"},
    {"title": "มี\x00อักขระว่าง", "duty_type": "analysis"},
    {"title": "เรื่อง", "duty_type": "ไม่มีประเภทนี้"},
    {"title": "เรื่อง", "duty_type": "analysis", "external_deadline": "31/02/2569x"},
    {"title": 12, "duty_type": "analysis", "secrecy": "สูง"},
    {"duty_type": "analysis"},
    {"title": "เรื่อง", "duty_type": "analysis", "unknown_field": 1},
]


@pytest.mark.django_db
@pytest.mark.parametrize("body", BAD, ids=range(len(BAD)))
def test_refusals_of_bad_input_are_thai(api, body):
    response = api("coordinator").post("/matters", body)
    assert 400 <= response.status_code < 500, response.content
    answer = response.json()
    messages = [e["message"] for e in answer.get("errors", [])] or [answer["detail"]]
    # "ISO": the date format the API names until it reads Buddhist-era dates (the dates work, issue #13).
    words = [w for m in messages for w in english_words(re.sub(r"'[^']*'", "", m)) if w != "ISO"]
    assert messages and words == [], answer
