"""Token authentication, the OpenAPI document, and `prasan token create`."""

from io import StringIO

import pytest
from django.core.management import call_command

from prasan.accounts.models import ApiToken

from .conftest import Api, assert_thai_error

ENDPOINTS = [
    ("get", "/matters"),
    ("post", "/matters"),
    ("get", "/matters/1"),
    ("post", "/matters/1/events"),
    ("get", "/matters/1/transitions"),
    ("get", "/matters/1/activities"),
    ("post", "/matters/1/activities"),
    ("get", "/matters/1/requests"),
    ("post", "/matters/1/requests"),
    ("get", "/matters/1/plan"),
    ("put", "/matters/1/plan"),
    ("get", "/agencies"),
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_it_refuses_anonymous_callers_with_401(db, method, path):
    anonymous = Api(None)
    response = anonymous.get(path) if method == "get" else anonymous.raw(method, path, "{}")
    detail = assert_thai_error(response, 401)
    assert "โทเคน" in detail


def test_it_refuses_an_unknown_token(db):
    assert_thai_error(Api("prs_not-a-real-token").get("/matters"), 401)


def test_it_refuses_a_revoked_token(users):
    token, raw = ApiToken.issue(users["coordinator"])
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    assert_thai_error(Api(raw).get("/matters"), 401)


def test_it_refuses_the_token_of_a_deactivated_user(users):
    raw = ApiToken.issue(users["coordinator"])[1]
    users["coordinator"].is_active = False
    users["coordinator"].save()
    assert_thai_error(Api(raw).get("/matters"), 401)


def test_it_records_when_a_token_was_last_used(users):
    token, raw = ApiToken.issue(users["coordinator"])
    assert Api(raw).get("/matters").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_it_serves_the_openapi_document_listing_every_path(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ["/api/v1/matters", "/api/v1/matters/{matter_id}", "/api/v1/matters/{matter_id}/events",
                 "/api/v1/matters/{matter_id}/transitions", "/api/v1/matters/{matter_id}/activities",
                 "/api/v1/matters/{matter_id}/requests", "/api/v1/matters/{matter_id}/plan", "/api/v1/agencies"]:
        assert path in paths
    urgency = response.json()["components"]["schemas"]["MatterIn"]["properties"]["urgency"]
    assert set(urgency["enum"]) == {"normal", "urgent", "very_urgent", "most_urgent"}


def test_the_cli_prints_a_token_on_its_last_line_that_works_against_the_api(users, make_matter):
    make_matter()
    out = StringIO()
    call_command("token", "create", "coordinator", stdout=out)
    raw = out.getvalue().strip().splitlines()[-1]
    response = Api(raw).get("/matters")
    assert response.status_code == 200
    assert response.json()["count"] == 1
