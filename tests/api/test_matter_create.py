"""POST /api/v1/matters: who may record a matter, at which secrecy, with which deadlines."""

import datetime as dt

from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.matters.models import Matter
from prasan.tracking.calendar import add_working_days

from .conftest import assert_thai_error

COMMAND = {"title": "ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค", "duty_type": "analysis",
           "source": "verbal_command"}


def test_a_coordinator_records_a_matter_and_gets_its_number_and_state(api, users):
    response = api("coordinator").post("/matters", {**COMMAND, "urgency": "very_urgent",
                                                     "commanded_by": "รัฐมนตรี", "command_channel": "phone"})
    assert response.status_code == 201, response.content
    body = response.json()
    matter = Matter.objects.get(pk=body["id"])
    assert body["number"] == matter.number and body["number"].startswith("สร ")
    assert body["state"] == "received" and body["state_label"] == "รับเรื่อง"
    assert body["urgency"] == "very_urgent" and body["urgency_label"] == "ด่วนมาก"
    assert body["owner_unit"] == users["coordinator"].unit_id
    assert [a["id"] for a in body["assignees"]] == [users["coordinator"].pk]
    assert matter.transitions.get().event == "create"
    assert AuditEvent.objects.filter(action="matter.create", object_id=str(matter.pk)).exists()


def test_a_deadline_in_working_days_becomes_dates_counted_on_the_working_calendar(api):
    response = api("coordinator").post("/matters", {**COMMAND, "deadline_working_days": 5})
    assert response.status_code == 201
    today = timezone.localdate()
    external = add_working_days(today, 5)
    assert response.json()["external_deadline"] == external.isoformat()
    assert response.json()["internal_deadline"] == add_working_days(external, -1).isoformat()


def test_an_external_deadline_is_taken_as_given(api):
    day = timezone.localdate() + dt.timedelta(days=30)
    response = api("coordinator").post("/matters", {**COMMAND, "external_deadline": day.isoformat()})
    assert response.status_code == 201
    assert response.json()["external_deadline"] == day.isoformat()


def test_it_refuses_both_kinds_of_deadline_at_once(api):
    day = timezone.localdate() + dt.timedelta(days=30)
    response = api("coordinator").post("/matters", {**COMMAND, "external_deadline": day.isoformat(),
                                                     "deadline_working_days": 3})
    assert "อย่างใดอย่างหนึ่ง" in assert_thai_error(response, 422)


def test_it_refuses_a_deadline_in_the_past(api):
    response = api("coordinator").post("/matters", {**COMMAND, "external_deadline": "2020-01-06"})
    assert "ก่อนวันนี้" in assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "external_deadline"


def test_it_explains_a_buddhist_era_year_in_an_iso_date(api):
    response = api("coordinator").post("/matters", {**COMMAND, "external_deadline": "2569-12-25"})
    assert "พ.ศ." in assert_thai_error(response, 422)


def test_it_records_a_full_written_command_with_unit_assignees_and_parent(api, users, other_unit, make_matter):
    parent = make_matter()
    payload = {
        **COMMAND, "source": "written_command", "description": "ตามบันทึกสั่งการ", "kind": "facilitation",
        "process": "support", "urgency": "most_urgent", "secrecy": "confidential", "owner_unit": other_unit.pk,
        "assignees": [users["outsider"].pk, users["grouphead"].pk], "parent": parent.pk, "tags": "ครู",
        "commanded_at": "2026-01-05T09:30:00+07:00",
    }
    response = api("grouphead").post("/matters", payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["secrecy"] == "confidential" and body["secrecy_label"] == "ลับ"
    assert body["owner_unit"] == other_unit.pk and body["parent"] == parent.pk
    assert {a["id"] for a in body["assignees"]} == {users["outsider"].pk, users["grouphead"].pk}
    assert (body["kind"], body["process"]) == ("facilitation", "support")


def test_a_registrar_records_a_letter_without_becoming_its_assignee(api):
    response = api("registrar").post("/matters", {**COMMAND, "source": "incoming_letter"})
    assert response.status_code == 201
    assert response.json()["assignees"] == []


def test_roles_outside_intake_may_not_record_matters(api):
    for role in ("minister", "auditor"):
        assert "บันทึกเรื่องใหม่ไม่ได้" in assert_thai_error(api(role).post("/matters", COMMAND), 403)
    assert not Matter.objects.exists()


def test_a_user_may_not_record_a_matter_above_their_clearance(api):
    response = api("uncleared").post("/matters", {**COMMAND, "secrecy": "confidential"})
    assert "ชั้นความลับ" in assert_thai_error(response, 403)
    response = api("coordinator").post("/matters", {**COMMAND, "secrecy": "secret"})
    assert_thai_error(response, 403)
    assert not Matter.objects.exists()


def test_a_user_records_a_matter_at_their_own_clearance(api):
    response = api("coordinator").post("/matters", {**COMMAND, "secrecy": "confidential"})
    assert response.status_code == 201


def test_anonymous_callers_may_not_record_matters(api):
    assert_thai_error(api(None).post("/matters", COMMAND), 401)


def test_it_refuses_unknown_unit_assignee_and_parent_ids(api, users):
    for field, value in [("owner_unit", 9999), ("assignees", [users["coordinator"].pk, 9999]), ("parent", 9999)]:
        response = api("coordinator").post("/matters", {**COMMAND, field: value})
        assert "ไม่พบ" in assert_thai_error(response, 422)
        assert response.json()["errors"][0]["field"] == field
    assert not Matter.objects.exists()


def test_it_refuses_an_auditor_as_assignee(api, users):
    response = api("coordinator").post("/matters", {**COMMAND, "assignees": [users["auditor"].pk]})
    assert_thai_error(response, 422)


def test_a_secret_parent_the_caller_cannot_see_is_reported_as_not_found(api, secret_matter):
    response = api("uncleared").post("/matters", {**COMMAND, "parent": secret_matter.pk})
    assert "ไม่พบ" in assert_thai_error(response, 422)


def test_it_refuses_unknown_choices_with_the_allowed_codes(api):
    response = api("coordinator").post("/matters", {**COMMAND, "urgency": "urgentest", "secrecy": "ลับ"})
    detail = assert_thai_error(response, 422)
    assert "most_urgent" in detail and "top_secret" in detail


def test_it_refuses_a_blank_title(api):
    response = api("coordinator").post("/matters", {**COMMAND, "title": "   "})
    assert "ต้องไม่เว้นว่าง" in assert_thai_error(response, 422)


def test_a_command_time_without_offset_is_read_as_bangkok_time(api):
    response = api("coordinator").post("/matters", {**COMMAND, "commanded_at": "2026-01-05T09:30:00"})
    assert response.status_code == 201
    assert Matter.objects.get().commanded_at == dt.datetime(2026, 1, 5, 2, 30, tzinfo=dt.UTC)


def test_a_command_time_in_the_future_or_absurd_past_is_refused(api):
    for moment in ("2999-01-01T00:00:00+07:00", "0001-01-01T00:00:00+14:00"):
        response = api("coordinator").post("/matters", {**COMMAND, "commanded_at": moment})
        assert_thai_error(response, 422)
