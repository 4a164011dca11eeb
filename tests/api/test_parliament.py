"""/api/v1/parliament/items: list with filters, create, read, move the status — as each caller."""
# ruff: noqa: F811  (the parliament fixtures, imported, are named as parameters)

import datetime as dt
import json

import pytest

from prasan.parliament.models import Item
from tests.parliament.conftest import make_item, session  # noqa: F401  (fixtures)

from .conftest import assert_thai_error

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
QUESTION = {"kind": "written_question", "subject": "การบรรจุครูผู้ช่วย", "house": "house", "number": "157 ร.",
            "asker_name": "นายสมศักดิ์ ตัวอย่าง", "asker_province": "ขอนแก่น", "answer_in": "royal_gazette",
            "minister_asked": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}


def test_a_coordinator_records_an_item_with_its_matter(api, session):
    response = api("coordinator").post("/parliament/items", QUESTION | {
        "delegations": [{"delegated_to": "รัฐมนตรีช่วยว่าการ", "delegated_on": TODAY.isoformat()}]})
    assert response.status_code == 201, response.content
    body = response.json()
    item = Item.objects.get(pk=body["id"])
    assert body["matter_number"] == item.matter.number and item.matter.duty_type == "parliament"
    assert body["session"] == session.pk and body["due_on"] and body["status"] == "received"
    assert body["delegations"][0]["delegated_to"] == "รัฐมนตรีช่วยว่าการ" and "assigned" in body["next_statuses"]


def test_bad_input_is_a_422_by_field_in_thai(api, session):
    client = api("coordinator")
    detail = assert_thai_error(client.post("/parliament/items", QUESTION | {"kind": "interpellation"}), 422)
    assert "kind" in detail
    response = client.post("/parliament/items", QUESTION | {"letter_deadline": (TODAY - dt.timedelta(days=2)).isoformat(),
                                                            "received_on": TODAY.isoformat()})
    assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "letter_deadline"
    response = client.post("/parliament/items", QUESTION | {"sitting_on": (session.ends_on + dt.timedelta(days=9)).isoformat()})
    assert response.json()["errors"][0]["field"] == "sitting_on" and "อยู่นอก" in response.json()["detail"]
    assert not Item.objects.exists()


def test_a_number_already_used_is_a_409_unless_confirmed(api, make_item):
    first = make_item(number="157 ร.")
    client = api("coordinator")
    response = client.post("/parliament/items", QUESTION | {"number": "๑๕๗ ร."})
    assert_thai_error(response, 409)
    assert response.json()["duplicate_of"] == [first.pk]
    assert client.post("/parliament/items", QUESTION | {"number": "๑๕๗ ร.", "duplicate_ok": True}).status_code == 201


def test_roles_that_do_not_record_and_secrecy_past_clearance_are_refused(api, session):
    for role in ("auditor", "minister", "admin"):
        assert_thai_error(api(role).post("/parliament/items", QUESTION), 403)
    assert_thai_error(api("uncleared").post("/parliament/items", QUESTION | {"secrecy": "confidential"}), 403)
    assert_thai_error(api(None).post("/parliament/items", QUESTION), 401)
    assert not Item.objects.exists()


def test_the_list_filters_pages_and_hides_what_one_may_not_see(api, make_item, users,
                                                                django_assert_max_num_queries):
    visible = [make_item(number=f"{n} ร.") for n in range(3)]
    make_item(kind="motion", number="")
    secret = make_item(number="99 ร.", matter_fields={"secrecy": 2}, by=users["grouphead"])
    client = api("head")
    with django_assert_max_num_queries(8):
        body = client.get("/parliament/items", {"kind": "written_question", "limit": 2}).json()
    assert body["count"] == 4 and body["count_exact"] and len(body["items"]) == 2
    seen = {i["id"] for i in api("coordinator").get("/parliament/items", {"limit": 100}).json()["items"]}
    assert secret.pk not in seen and {i.pk for i in visible} <= seen
    assert api("uncleared").get(f"/parliament/items/{secret.pk}").status_code == 404
    assert_thai_error(client.get("/parliament/items", {"colour": "red"}), 422)
    assert_thai_error(api(None).get("/parliament/items"), 401)


def test_the_status_moves_for_the_right_role_only(api, make_item, users):
    item = make_item()
    response = api("coordinator").post(f"/parliament/items/{item.pk}/status", {"to": "assigned", "note": "มอบ"})
    assert response.status_code == 201 and response.json()["status"] == "assigned"
    assert_thai_error(api("auditor").post(f"/parliament/items/{item.pk}/status", {"to": "information_requested"}), 403)
    assert_thai_error(api("outsider").post(f"/parliament/items/{item.pk}/status", {"to": "information_requested"}), 403)
    assert_thai_error(api("coordinator").post(f"/parliament/items/{item.pk}/status", {"to": "answered"}), 409)
    assert_thai_error(api("coordinator").post(f"/parliament/items/{item.pk}/status", {"to": "postponed"}), 422)
    response = api("coordinator").post(f"/parliament/items/{item.pk}/status",
                                       {"to": "postponed", "new_date": (TODAY + dt.timedelta(days=9)).isoformat()})
    assert response.json()["postponements"] == 1
    assert_thai_error(api(None).post(f"/parliament/items/{item.pk}/status", {"to": "lapsed"}), 401)


def test_a_secret_items_status_is_a_404_without_clearance(api, make_item, users):
    item = make_item(matter_fields={"secrecy": 2}, by=users["grouphead"])
    for role in ("uncleared", "coordinator"):
        assert_thai_error(api(role).post(f"/parliament/items/{item.pk}/status", {"to": "assigned"}), 404)
    assert api("grouphead").post(f"/parliament/items/{item.pk}/status", {"to": "assigned"}).status_code == 201


def test_a_retried_create_with_the_same_key_records_once(api, session):
    client = api("coordinator")
    first = client.client.post("/api/v1/parliament/items", data=json.dumps(QUESTION), content_type="application/json",
                               headers={"Idempotency-Key": "q-157"})
    again = client.client.post("/api/v1/parliament/items", data=json.dumps(QUESTION), content_type="application/json",
                               headers={"Idempotency-Key": "q-157"})
    assert first.status_code == again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert Item.objects.count() == 1
