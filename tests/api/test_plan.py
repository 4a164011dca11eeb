"""GET/PUT /api/v1/matters/{id}/plan: the plan is read by all who see the matter, changed by those in scope."""

from prasan.audit.models import AuditEvent
from prasan.matters.models import Plan

from .conftest import assert_thai_error

PLAN = {"targets": "สพฐ. (สำนักบริหารงานการมัธยมศึกษาตอนปลาย), สอศ.", "methods": ["phone", "email", "phone"],
        "deliverables": "ตารางจำนวนครูผู้ช่วยแยกรายภาค", "notes": "ใช้ข้อมูล ณ 30 ก.ย."}


def test_a_matter_without_a_plan_says_so(api, make_matter):
    body = api("coordinator").get(f"/matters/{make_matter().pk}/plan").json()
    assert body["exists"] is False and body["targets"] == ""


def test_a_coordinator_writes_the_plan_and_it_is_audited(api, users, make_matter):
    matter = make_matter()
    response = api("coordinator").put(f"/matters/{matter.pk}/plan", PLAN)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["exists"] is True and body["methods"] == ["phone", "email"]
    assert body["updated_by"] == users["coordinator"].pk
    plan = Plan.objects.get(matter=matter)
    assert plan.targets == PLAN["targets"]
    event = AuditEvent.objects.get(action="matter.plan", object_id=str(matter.pk))
    assert event.actor == users["coordinator"] and event.data["methods"] == ["phone", "email"]


def test_putting_the_plan_again_replaces_it(api, make_matter):
    matter = make_matter()
    coordinator = api("coordinator")
    coordinator.put(f"/matters/{matter.pk}/plan", PLAN)
    body = coordinator.put(f"/matters/{matter.pk}/plan", {"targets": "สพฐ."}).json()
    assert (body["targets"], body["methods"], body["notes"]) == ("สพฐ.", [], "")
    assert Plan.objects.filter(matter=matter).count() == 1


def test_the_plan_lets_the_matter_start_coordination(api, users, make_matter):
    matter = make_matter()
    matter.fire("accept", by=users["coordinator"])
    coordinator = api("coordinator")
    coordinator.put(f"/matters/{matter.pk}/plan", PLAN)
    assert coordinator.post(f"/matters/{matter.pk}/events", {"event": "start"}).json()["state"] == "coordinating"


def test_others_read_the_plan_but_wrong_roles_and_other_units_may_not_change_it(api, make_matter):
    matter = make_matter()
    api("coordinator").put(f"/matters/{matter.pk}/plan", PLAN)
    for role in ("auditor", "registrar", "outsider", "minister"):
        assert api(role).get(f"/matters/{matter.pk}/plan").json()["exists"] is True
    for role in ("auditor", "registrar", "outsider"):
        assert_thai_error(api(role).put(f"/matters/{matter.pk}/plan", {"targets": "แก้โดยไม่มีสิทธิ์"}), 403)
    assert Plan.objects.get(matter=matter).targets == PLAN["targets"]


def test_a_secret_matters_plan_is_404_for_the_uncleared_and_the_outsider(api, secret_matter):
    for role in ("uncleared", "outsider"):
        assert_thai_error(api(role).get(f"/matters/{secret_matter.pk}/plan"), 404)
        assert_thai_error(api(role).put(f"/matters/{secret_matter.pk}/plan", PLAN), 404)
    assert api("coordinator").put(f"/matters/{secret_matter.pk}/plan", PLAN).status_code == 200


def test_anonymous_callers_may_not_read_or_write_the_plan(api, make_matter):
    matter = make_matter()
    assert_thai_error(api(None).get(f"/matters/{matter.pk}/plan"), 401)
    assert_thai_error(api(None).put(f"/matters/{matter.pk}/plan", PLAN), 401)


def test_it_refuses_a_plan_without_targets_or_with_unknown_methods(api, make_matter):
    matter = make_matter()
    coordinator = api("coordinator")
    for body in ({**PLAN, "targets": ""}, {"methods": ["phone"]}, {**PLAN, "methods": ["telepathy"]},
                 {**PLAN, "methods": "phone"}):
        assert_thai_error(coordinator.put(f"/matters/{matter.pk}/plan", body), 422)
    assert not Plan.objects.exists()
