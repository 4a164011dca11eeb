"""Whatever a client sends, the answer is a 4xx JSON with a Thai `detail` — never a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import assert_thai_error

WRITES = [
    ("post", "/matters"),
    ("post", "/matters/{id}/events"),
    ("post", "/matters/{id}/activities"),
    ("post", "/matters/{id}/requests"),
    ("put", "/matters/{id}/plan"),
]
READS = ["/matters/{id}", "/matters/{id}/transitions", "/matters/{id}/activities", "/matters/{id}/requests",
         "/matters/{id}/plan"]


@pytest.fixture
def matter(make_matter):
    return make_matter()


@pytest.mark.parametrize(("method", "path"), WRITES)
@pytest.mark.parametrize("body", ["{not json", "", "[1, 2]", '"ข้อความ"', "null", "12", "{\"a\": }"])
def test_malformed_or_non_object_bodies_are_refused_in_thai(api, matter, method, path, body):
    response = api("coordinator").raw(method, path.format(id=matter.pk), body)
    assert response.status_code in (400, 422), response.content
    assert_thai_error(response, response.status_code)


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_a_form_encoded_body_is_refused_in_thai(api, matter, method, path):
    client = api("coordinator").client
    response = getattr(client, method)("/api/v1" + path.format(id=matter.pk), data="title=x&duty_type=analysis",
                                       content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 422)
    assert_thai_error(response, response.status_code)


VALID = {
    "/matters/{id}/events": {"event": "accept"},
    "/matters/{id}/activities": {"channel": "phone", "summary": "โทรสอบถาม"},
    "/matters/{id}/requests": {"agencies": [1], "deliverable": "ข้อมูล", "deadline_working_days": 3},
    "/matters/{id}/plan": {"targets": "สพฐ."},
}


@pytest.mark.parametrize(("method", "path"), WRITES[1:])
def test_an_unknown_matter_id_is_a_thai_404_for_every_write(api, db, method, path):
    response = api("coordinator").raw(method, path.format(id=424242), json.dumps(VALID[path]))
    assert_thai_error(response, 404)


@pytest.mark.parametrize("path", READS)
@pytest.mark.parametrize(("matter_id", "status"), [("424242", 404), ("abc", 422), ("1.5", 422),
                                                     ("99999999999999999999999", 422), ("-1", 422)])
def test_bad_or_unknown_ids_in_paths_are_refused_in_thai(api, db, path, matter_id, status):
    assert_thai_error(api("coordinator").get(path.format(id=matter_id)), status)


@pytest.mark.parametrize("text", ["ชื่อ\u0000เรื่อง", "x" * 501])
def test_unstorable_text_is_refused_before_the_database(api, db, text):
    response = api("coordinator").post("/matters", {"title": text, "duty_type": "analysis", "source": "policy"})
    assert_thai_error(response, 422)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["analysis", "policy", "urgent", "secret", "2026-13-01", "2569-01-01"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)
FIELDS = ["title", "duty_type", "source", "urgency", "secrecy", "kind", "process", "owner_unit", "assignees",
          "parent", "external_deadline", "deadline_working_days", "commanded_at", "command_channel"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6))
def test_arbitrary_matter_bodies_never_cause_a_server_error(api, users, body):
    response = api("head").post("/matters", body)
    assert response.status_code in (201, 400, 403, 422), response.content
    if response.status_code != 201:
        assert_thai_error(response, response.status_code)


def test_a_wrong_method_is_a_thai_json_405(api, db):
    response = api("coordinator").raw("delete", "/matters", "")
    assert_thai_error(response, 405)
    assert "GET" in response["Allow"] and "POST" in response["Allow"]


def test_an_unknown_api_path_is_a_thai_json_404(api, db):
    for path in ("/nothing-here", "/matters/1/teleport", "/"):
        assert_thai_error(api("coordinator").get(path), 404)
