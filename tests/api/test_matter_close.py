"""POST /api/v1/matters/{id}/events with close: open agency requests are cancelled or kept, never left unsaid."""

import datetime as dt

import pytest

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Decision, Matter

from .conftest import assert_thai_error

pytestmark = pytest.mark.django_db


def _following_up(matter, agencies):
    Matter.objects.filter(pk=matter.pk).update(state="following_up")
    Decision.objects.create(matter=matter, verdict="acknowledged", text="ทราบ", decided_by="รัฐมนตรี")
    AgencyRequest.objects.create(matter=matter, agency=agencies[1], deliverable="ข้อมูลอาชีวะ",
                                 deadline=dt.date.today() + dt.timedelta(days=2))
    return matter


@pytest.fixture
def following_up(make_matter, agencies):
    return _following_up(make_matter(), agencies)


def close(api, who, matter, **body):
    return api(who).post(f"/matters/{matter.pk}/events", {"event": "close", **body})


def test_without_a_choice_it_is_409_listing_the_open_requests(api, following_up, agencies):
    response = close(api, "coordinator", following_up)
    detail = assert_thai_error(response, 409)
    assert agencies[1].name in detail and "open_requests" in detail
    [pending] = response.json()["open_requests"]
    assert pending["agency"] == agencies[1].name and pending["status"] == "sent"
    following_up.refresh_from_db()
    assert following_up.state == "following_up"


@pytest.mark.parametrize("choice,status", [("cancel", "cancelled"), ("keep", "sent")])
def test_the_right_role_closes_cancelling_or_keeping(api, following_up, choice, status):
    response = close(api, "coordinator", following_up, open_requests=choice)
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "closed"
    assert following_up.agency_requests.get().status == status


def test_an_unknown_choice_is_422(api, following_up):
    assert_thai_error(close(api, "coordinator", following_up, open_requests="forget"), 422)


def test_a_wrong_role_is_403_and_nothing_is_cancelled(api, following_up):
    assert_thai_error(close(api, "minister", following_up, open_requests="cancel"), 403)
    assert following_up.agency_requests.get().status == "sent"


def test_a_secret_matter_is_404_to_the_uncleared_and_401_to_the_anonymous(api, secret_matter, agencies):
    _following_up(secret_matter, agencies)
    assert_thai_error(close(api, "uncleared", secret_matter, open_requests="cancel"), 404)
    assert_thai_error(close(api, None, secret_matter, open_requests="cancel"), 401)
    assert secret_matter.agency_requests.get().status == "sent"
    assert close(api, "coordinator", secret_matter, open_requests="cancel").status_code == 201


def test_openapi_documents_the_choice_and_the_conflict(api):
    schema = api("coordinator").get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/matters/{matter_id}/events"]["post"]
    assert {"401", "403", "404", "409", "422"} <= set(operation["responses"])
    assert "open_requests" in str(schema["components"]["schemas"]["EventIn"])
