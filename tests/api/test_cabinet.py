"""/api/v1/cabinet/meetings: list, create, read with the visible agenda; agenda items, resolution, follow-up —
as each caller."""
# ruff: noqa: F811  (the cabinet fixtures, imported, are named as parameters)

import datetime as dt

import pytest
from django.utils import timezone

from prasan.cabinet.models import AgendaItem, Meeting
from prasan.matters.models import Matter
from tests.cabinet.conftest import make_agenda, make_meeting  # noqa: F401  (fixtures)

from .conftest import assert_thai_error

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + dt.timedelta(days=6)
MEETING = {"meets_at": f"{DAY.isoformat()}T09:00:00", "number": "15/2569", "location": "offsite",
           "province": "ขอนแก่น", "venue": "ศาลากลางจังหวัดขอนแก่น"}
ITEM = {"subject": "ขออนุมัติงบกลางซ่อมแซมอาคารเรียน", "order": "4.1", "briefing_points": "จำนวนโรงเรียนที่เสียหาย"}


def test_a_coordinator_records_a_meeting_and_an_item_with_its_matter(api):
    client = api("coordinator")
    response = client.post("/cabinet/meetings", MEETING)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["place"] == "ครม. นอกสถานที่ จังหวัดขอนแก่น (ศาลากลางจังหวัดขอนแก่น)" and body["agenda"] == []
    assert timezone.localtime(Meeting.objects.get().meets_at).hour == 9
    response = client.post(f"/cabinet/meetings/{body['id']}/agenda", ITEM)
    assert response.status_code == 201, response.content
    item = response.json()
    assert Matter.objects.get(pk=item["matter"]).duty_type == "political_support"
    assert client.get(f"/cabinet/meetings/{body['id']}").json()["agenda"][0]["id"] == item["id"]
    assert client.get(f"/cabinet/meetings/{body['id']}/agenda/{item['id']}").json()["subject"] == ITEM["subject"]


def test_bad_input_is_a_422_by_field_in_thai(api, make_meeting):
    client = api("coordinator")
    response = client.post("/cabinet/meetings", MEETING | {"province": ""})
    assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "province"
    assert_thai_error(client.post("/cabinet/meetings", MEETING | {"location": "moon"}), 422)
    meeting = make_meeting()
    response = client.post(f"/cabinet/meetings/{meeting.pk}/agenda", ITEM | {"source": "slk_letter"})
    assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "letter_number"
    assert_thai_error(client.post(f"/cabinet/meetings/{meeting.pk}/agenda", ITEM | {"colour": "red"}), 422)
    assert Meeting.objects.count() == 1 and not AgendaItem.objects.exists() and not Matter.objects.exists()


def test_roles_that_do_not_record_and_secrecy_past_clearance_are_refused(api, make_meeting):
    meeting = make_meeting()
    for role in ("auditor", "minister", "admin"):
        assert_thai_error(api(role).post("/cabinet/meetings", MEETING), 403)
        assert_thai_error(api(role).post(f"/cabinet/meetings/{meeting.pk}/agenda", ITEM), 403)
    assert_thai_error(api("uncleared").post(f"/cabinet/meetings/{meeting.pk}/agenda",
                                            ITEM | {"secrecy": "confidential"}), 403)
    assert_thai_error(api(None).post("/cabinet/meetings", MEETING), 401)
    assert_thai_error(api(None).get("/cabinet/meetings"), 401)
    assert Meeting.objects.count() == 1 and not AgendaItem.objects.exists()


def test_an_existing_matter_must_be_the_callers_to_change(api, make_meeting, make_matter, users):
    meeting = make_meeting()
    theirs = make_matter(owner_unit=users["outsider"].unit, assignees=[users["outsider"]])
    secret = make_matter(secrecy=2, assignees=[users["grouphead"]])
    client = api("coordinator")
    assert_thai_error(client.post(f"/cabinet/meetings/{meeting.pk}/agenda", ITEM | {"matter": theirs.pk}), 403)
    assert_thai_error(client.post(f"/cabinet/meetings/{meeting.pk}/agenda", ITEM | {"matter": secret.pk}), 404)
    assert not AgendaItem.objects.exists()


def test_the_list_puts_upcoming_first_pages_and_counts_only_visible_items(api, make_meeting, make_agenda, users,
                                                                         django_assert_max_num_queries):
    past = make_meeting(days=-20, number="อดีต")
    soon = make_meeting(days=2, number="ถัดไป")
    make_agenda(meeting=soon)
    secret = make_agenda(meeting=soon, subject="เรื่องลับ", by=users["grouphead"], matter_fields={"secrecy": 2})
    with django_assert_max_num_queries(8):
        body = api("coordinator").get("/cabinet/meetings", {"limit": 1}).json()
    assert body["count"] == 2 and [m["number"] for m in body["items"]] == ["ถัดไป"] and body["items"][0]["agenda_count"] == 1
    assert api("head").get("/cabinet/meetings").json()["items"][0]["agenda_count"] == 2
    assert [m["id"] for m in api("auditor").get("/cabinet/meetings").json()["items"]] == [soon.pk, past.pk]
    seen = [i["id"] for i in api("coordinator").get(f"/cabinet/meetings/{soon.pk}").json()["agenda"]]
    assert secret.pk not in seen
    assert_thai_error(api("uncleared").get(f"/cabinet/meetings/{soon.pk}/agenda/{secret.pk}"), 404)
    assert_thai_error(api("coordinator").get(f"/cabinet/meetings/{past.pk}/agenda/{secret.pk}"), 404)
    assert_thai_error(api("head").get("/cabinet/meetings", {"colour": "red"}), 422)


def test_resolution_and_followup_once_for_the_right_role_only(api, make_agenda, make_meeting):
    item = make_agenda(meeting=make_meeting(days=-3))
    base = f"/cabinet/meetings/{item.meeting_id}/agenda/{item.pk}"
    resolution = {"resolution": "อนุมัติตามที่กระทรวงเสนอ", "resolved_on": item.meeting.day.isoformat()}
    assert_thai_error(api("coordinator").post(base + "/followup"), 409)  # no resolution yet
    for role in ("auditor", "registrar", "outsider"):
        assert_thai_error(api(role).post(base + "/resolution", resolution), 403)
    assert_thai_error(api("uncleared").post(base + "/resolution", resolution | {"resolved_on": "2569-01-01"}), 422)
    assert_thai_error(api(None).post(base + "/resolution", resolution), 401)
    client = api("coordinator")
    assert client.post(base + "/resolution", resolution).json()["resolution"] == "อนุมัติตามที่กระทรวงเสนอ"
    due = timezone.localdate() + dt.timedelta(days=30)
    assert_thai_error(client.post(base + "/followup", {"due_on": "2020-01-01"}), 422)
    response = client.post(base + "/followup", {"due_on": due.isoformat()})
    assert response.status_code == 201, response.content
    assert Matter.objects.get(pk=response.json()["matter"]).external_deadline == due
    followup = Matter.objects.get(pk=response.json()["matter"])
    assert followup.duty_type == "policy_followup" and followup.parent_id == item.matter_id
    assert_thai_error(client.post(base + "/followup"), 409)
    assert Matter.objects.filter(duty_type="policy_followup").count() == 1


def test_a_retried_create_with_the_same_key_records_once(api):
    client = api("coordinator").client
    for _ in range(2):
        response = client.post("/api/v1/cabinet/meetings", MEETING, content_type="application/json",
                               headers={"Idempotency-Key": "cabinet-1"})
        assert response.status_code == 201
    assert Meeting.objects.count() == 1


def test_the_openapi_documents_the_idempotency_key(api):
    schema = api("coordinator").get("/openapi.json").json()
    for path in ("/api/v1/cabinet/meetings", "/api/v1/cabinet/meetings/{meeting_id}/agenda"):
        assert any(p["name"] == "Idempotency-Key" for p in schema["paths"][path]["post"]["parameters"])
