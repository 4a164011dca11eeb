"""/api/v1/policies: list, detail with commitments and reports, create — right role, wrong role, no clearance,
anonymous; 4xx JSON with Thai reasons, never a 500."""

import datetime as dt
from decimal import Decimal

import pytest

from prasan.policy import services
from prasan.policy.models import Policy
from tests.api.conftest import Api, assert_thai_error

from .conftest import TODAY, opened_dues

pytestmark = pytest.mark.django_db


def body(agencies, **extra):
    data = {"title": "ลดภาระครู", "starts_on": (TODAY - dt.timedelta(days=60)).isoformat(),
            "ends_on": (TODAY + dt.timedelta(days=300)).isoformat(),
            "indicators": [{"name": "ครูที่บรรจุเพิ่ม", "unit": "คน", "target": "1200"}],
            "commitments": [{"agency": agencies[0].pk, "role": "lead",
                             "milestones": [{"title": "ประกาศรายชื่อ", "due": TODAY.isoformat()}]},
                            {"agency": agencies[1].pk, "role": "support", "schedule": "quarterly"}]}
    data.update(extra)
    return data


def test_the_head_records_a_policy_and_reads_it_back(api, agencies, smtp_server):
    response = api("head").post("/policies", body(agencies))
    assert response.status_code == 201, response.content.decode()
    data = response.json()
    assert data["kind"] == "policy" and len(data["commitments"]) == 2 and data["indicators"][0]["unit"] == "คน"
    lead = data["commitments"][0]
    assert lead["milestones"][0]["title"] == "ประกาศรายชื่อ" and lead["dues"][0]["status"] in ("late", "open")
    assert Policy.objects.get().matter.duty_type == "policy_followup"


def test_detail_carries_the_reports_and_their_values(api, make_policy, smtp_server, django_assert_max_num_queries):
    policy = make_policy()
    due = opened_dues(policy)[0]
    kpi = policy.indicators.get(unit="คน")
    services.submit_report(due, name="สมชาย", progress=Decimal("25"), narrative="บรรจุแล้ว", values={kpi: Decimal(300)})
    client = api("minister")
    with django_assert_max_num_queries(25):
        data = client.get(f"/policies/{policy.pk}").json()
    reported = [d for c in data["commitments"] for d in c["dues"] if d["status"] == "reported"]
    assert reported[0]["report"]["values"] == [{"indicator": kpi.pk, "value": "300.00", "unit": "คน"}]
    assert data["late_count"] >= 1


def test_the_list_is_paged_and_keeps_to_need_to_know(api, make_policy, users, smtp_server,
                                                     django_assert_max_num_queries):
    make_policy(title="ปกติ")
    make_policy(title="ลับมาก", secrecy=2)
    client = api("coordinator")
    with django_assert_max_num_queries(8):
        data = client.get("/policies", {"limit": 10}).json()
    assert [p["title"] for p in data["items"]] == ["ปกติ"] and data["count"] == 1
    assert api("head").get("/policies").json()["count"] == 2
    assert_thai_error(client.get("/policies", {"colour": "red"}), 422)


def test_a_secret_policy_is_404_to_who_may_not_see_it(api, make_policy, users, smtp_server):
    policy = make_policy(secrecy=1, by=users["coordinator"])
    assert_thai_error(api("uncleared").get(f"/policies/{policy.pk}"), 404)
    assert_thai_error(api("outsider").get(f"/policies/{policy.pk}"), 404)
    assert api("coordinator").get(f"/policies/{policy.pk}").status_code == 200


def test_anonymous_callers_are_refused(agencies):
    assert_thai_error(Api(None).get("/policies"), 401)
    assert_thai_error(Api(None).post("/policies", body(agencies)), 401)


@pytest.mark.parametrize("who", ["minister", "auditor", "registrar"])
def test_roles_that_do_not_follow_up_may_not_create(api, agencies, who):
    assert_thai_error(api(who).post("/policies", body(agencies)), 403)


def test_no_clearance_no_secret_policy(api, agencies):
    assert_thai_error(api("uncleared").post("/policies", body(agencies, secrecy="confidential")), 403)
    assert not Policy.objects.exists()


@pytest.mark.parametrize("change, field", [
    ({"commitments": [{"agency": 999999}]}, "commitments.0.agency"),
    ({"title": ""}, "title"),
    ({"ends_on": "2020-01-01"}, "ends_on"),
    ({"starts_on": "2569-01-01"}, "starts_on"),
    ({"commitments": [{"agency": 1, "schedule": "weekly"}]}, "commitments.0.schedule"),
    ({"indicators": [{"name": "ก", "unit": "", "target": 1}]}, "indicators.0.unit"),
    ({"origin": "matter"}, "matter"),
])
def test_bad_input_is_a_422_with_a_thai_reason(api, agencies, change, field):
    data = body(agencies, **change)
    response = api("head").post("/policies", data)
    detail = assert_thai_error(response, 422)
    assert field in [e["field"] for e in response.json().get("errors", [])] or field in detail


def test_a_schedule_that_cannot_be_laid_out_is_a_422(api, agencies):
    data = body(agencies, commitments=[{"agency": agencies[0].pk, "schedule": "dates", "report_dates": []}])
    assert "ตามวันที่กำหนด" in assert_thai_error(api("head").post("/policies", data), 422)


def test_from_a_matter_not_mine_is_403_and_a_second_policy_409(api, make_matter, agencies, users, smtp_server):
    matter = make_matter()
    assert_thai_error(api("outsider").post("/policies", body(agencies, origin="matter", matter=matter.pk, title="")), 403)
    first = api("coordinator").post("/policies", body(agencies, origin="matter", matter=matter.pk, title=""))
    assert first.status_code == 201
    child = first.json()["matter"]
    again = api("coordinator").post("/policies", body(agencies, origin="matter", matter=child, title=""))
    assert "มีนโยบายที่ติดตามอยู่แล้ว" in assert_thai_error(again, 409)
