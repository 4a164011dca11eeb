"""POST /api/v1/matters/{id}/events: the workflow's refusals arrive as 409, 403 and 422 with a Thai reason."""

from prasan.audit.models import AuditEvent
from prasan.matters.models import Decision, Plan

from .conftest import assert_thai_error


def test_a_coordinator_accepts_a_matter_and_gets_the_transition_and_new_state(api, users, make_matter):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/events", {"event": "accept", "message": "รับไว้"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["state_label"]) == ("planning", "พิจารณา/วางแผน")
    assert body["transition"]["from_state"] == "received" and body["transition"]["message"] == "รับไว้"
    matter.refresh_from_db()
    assert matter.state == "planning"
    assert AuditEvent.objects.filter(action="matter.accept", object_id=str(matter.pk)).exists()


def test_an_event_in_the_wrong_state_is_409(api, make_matter):
    matter = make_matter()
    detail = assert_thai_error(api("coordinator").post(f"/matters/{matter.pk}/events", {"event": "close"}), 409)
    assert "รับเรื่อง" in detail


def test_an_unknown_event_is_409_with_a_thai_reason(api, make_matter):
    matter = make_matter()
    assert_thai_error(api("coordinator").post(f"/matters/{matter.pk}/events", {"event": "teleport"}), 409)


def test_a_role_the_rule_does_not_allow_is_403(api, make_matter):
    matter = make_matter()
    assert "ทำได้เฉพาะ" in assert_thai_error(
        api("registrar").post(f"/matters/{matter.pk}/events", {"event": "accept"}), 403)
    assert_thai_error(api("auditor").post(f"/matters/{matter.pk}/events", {"event": "accept"}), 403)
    matter.refresh_from_db()
    assert matter.state == "received"


def test_a_coordinator_of_another_unit_is_403_on_a_normal_matter(api, make_matter):
    matter = make_matter()
    detail = assert_thai_error(api("outsider").post(f"/matters/{matter.pk}/events", {"event": "accept"}), 403)
    assert "ความรับผิดชอบ" in detail


def test_a_failed_guard_is_422(api, users, make_matter):
    matter = make_matter()
    matter.fire("accept", by=users["coordinator"])
    detail = assert_thai_error(api("coordinator").post(f"/matters/{matter.pk}/events", {"event": "start"}), 422)
    assert "แผน" in detail
    Plan.objects.create(matter=matter, targets="สพฐ.")
    assert api("coordinator").post(f"/matters/{matter.pk}/events", {"event": "start"}).json()["state"] == \
        "coordinating"


def test_an_event_that_needs_a_message_refuses_an_empty_one(api, make_matter):
    matter = make_matter()
    assert_thai_error(api("grouphead").post(f"/matters/{matter.pk}/events", {"event": "cancel"}), 422)
    response = api("grouphead").post(f"/matters/{matter.pk}/events", {"event": "cancel", "message": "ซ้ำกับเรื่องเดิม"})
    assert response.json()["state"] == "cancelled"


def test_the_ministers_decision_is_recorded_with_its_verdict(api, users, make_matter):
    matter = make_matter()
    type(matter).objects.filter(pk=matter.pk).update(state="with_minister")
    response = api("minister").post(f"/matters/{matter.pk}/events", {
        "event": "record_decision", "message": "อนุมัติตามเสนอ", "verdict": "approved", "decided_by": "รมว.ศธ.",
    })
    assert response.status_code == 201, response.content
    decision = Decision.objects.get(matter=matter)
    assert (decision.verdict, decision.decided_by, decision.text) == ("approved", "รมว.ศธ.", "อนุมัติตามเสนอ")


def test_a_secret_matter_is_404_for_the_uncleared_and_the_outsider(api, secret_matter):
    for role in ("uncleared", "outsider"):
        assert_thai_error(api(role).post(f"/matters/{secret_matter.pk}/events", {"event": "accept"}), 404)
    secret_matter.refresh_from_db()
    assert secret_matter.state == "received"
    assert api("coordinator").post(f"/matters/{secret_matter.pk}/events", {"event": "accept"}).status_code == 201


def test_anonymous_callers_may_not_fire_events(api, make_matter):
    assert_thai_error(api(None).post(f"/matters/{make_matter().pk}/events", {"event": "accept"}), 401)


def test_it_refuses_bad_event_bodies(api, make_matter):
    matter = make_matter()
    coordinator = api("coordinator")
    for body in ({}, {"event": ""}, {"event": 5}, {"event": "accept", "verdict": "maybe"},
                 {"event": "accept", "extra": 1}):
        assert_thai_error(coordinator.post(f"/matters/{matter.pk}/events", body), 422)
