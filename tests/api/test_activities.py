"""GET/POST /api/v1/matters/{id}/activities: the coordination log; email and LINE really go out."""

from prasan.audit.models import AuditEvent
from prasan.coordination.models import Activity

from .conftest import assert_thai_error

PHONE_CALL = {"channel": "phone", "counterpart": "ผอ.สำนักนโยบาย สพฐ.", "summary": "ขอข้อมูลครูผู้ช่วยภายในพรุ่งนี้",
              "outcome": "รับปากส่งภายใน 10.00 น.", "next_follow_up": "2026-12-01"}


def test_a_coordinator_logs_a_phone_call(api, users, make_matter, agencies):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities", {**PHONE_CALL, "agency": agencies[0].pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["channel"], body["channel_label"], body["delivery"]) == ("phone", "โทรศัพท์", "")
    assert body["agency"] == agencies[0].pk and body["by"] == users["coordinator"].pk
    assert body["next_follow_up"] == "2026-12-01"
    assert AuditEvent.objects.filter(action="activity.create", object_id=str(matter.pk)).exists()


def test_sending_an_email_activity_really_delivers_it_to_the_agencys_liaison(api, make_matter, agencies, smtp_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities", {
        "channel": "email", "agency": agencies[0].pk, "summary": "ขอข้อมูลจำนวนครูผู้ช่วยแยกรายภาค", "send": True,
    })
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["delivery"] == "sent" and body["address"] == "liaison@obec.example"
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["To"] == "liaison@obec.example"
    assert matter.number in smtp_server.messages[0]["Subject"]
    assert "ครูผู้ช่วย" in smtp_server.body(smtp_server.messages[0])


def test_sending_a_line_activity_pushes_to_the_messaging_api(api, make_matter, line_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities", {
        "channel": "line", "address": "Uabc123", "summary": "เรียนเชิญประชุมพรุ่งนี้ 9.00 น.", "send": True,
    })
    assert response.json()["delivery"] == "sent"
    [push] = line_server.pushes
    assert push.to == "Uabc123" and "ประชุม" in push.text


def test_a_refused_line_push_is_logged_as_failed_with_the_reason(api, make_matter, line_server):
    line_server.fail(429, "You have reached your monthly limit.")
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities", {
        "channel": "line", "address": "Uabc123", "summary": "ทดสอบ", "send": True,
    })
    assert response.status_code == 201
    assert response.json()["delivery"] == "failed" and "LINE" in response.json()["delivery_detail"]


def test_without_send_nothing_goes_out(api, make_matter, smtp_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities", {
        "channel": "email", "address": "someone@moe.example", "summary": "บันทึกว่าได้ส่งอีเมลจากเครื่องอื่นแล้ว",
    })
    assert response.json()["delivery"] == ""
    assert smtp_server.messages == []


def test_sending_without_any_recipient_is_refused_in_thai(api, make_matter, smtp_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/activities",
                                       {"channel": "email", "summary": "ขอข้อมูล", "send": True})
    assert assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "address"
    response = api("coordinator").post(f"/matters/{matter.pk}/activities",
                                       {"channel": "email", "address": "not-an-email", "summary": "ขอ", "send": True})
    assert "อีเมล" in assert_thai_error(response, 422)
    assert not Activity.objects.exists() and smtp_server.messages == []


def test_roles_that_do_not_work_matters_may_not_log(api, make_matter):
    matter = make_matter()
    for role in ("registrar", "auditor", "minister"):
        assert_thai_error(api(role).post(f"/matters/{matter.pk}/activities", PHONE_CALL), 403)
    assert not Activity.objects.exists()


def test_a_coordinator_of_another_unit_sees_the_log_but_may_not_add_to_it(api, make_matter):
    matter = make_matter()
    assert api("outsider").get(f"/matters/{matter.pk}/activities").status_code == 200
    assert "ความรับผิดชอบ" in assert_thai_error(api("outsider").post(f"/matters/{matter.pk}/activities", PHONE_CALL), 403)


def test_a_secret_matters_log_is_404_for_the_uncleared_and_the_outsider(api, secret_matter):
    for role in ("uncleared", "outsider"):
        assert_thai_error(api(role).get(f"/matters/{secret_matter.pk}/activities"), 404)
        assert_thai_error(api(role).post(f"/matters/{secret_matter.pk}/activities", PHONE_CALL), 404)
    assert api("coordinator").post(f"/matters/{secret_matter.pk}/activities", PHONE_CALL).status_code == 201


def test_a_closed_matter_takes_no_more_log_entries(api, make_matter):
    matter = make_matter(kind="facilitation")
    type(matter).objects.filter(pk=matter.pk).update(state="closed")
    assert_thai_error(api("coordinator").post(f"/matters/{matter.pk}/activities", PHONE_CALL), 409)


def test_anonymous_callers_may_not_read_or_log(api, make_matter):
    matter = make_matter()
    assert_thai_error(api(None).get(f"/matters/{matter.pk}/activities"), 401)
    assert_thai_error(api(None).post(f"/matters/{matter.pk}/activities", PHONE_CALL), 401)


def test_the_log_is_paginated_in_time_order(api, users, make_matter, django_assert_max_num_queries, agencies):
    from prasan.coordination.services import log_activity

    matter = make_matter()
    for n in range(30):
        log_activity(matter, by=users["coordinator"], channel="phone", summary=f"ครั้งที่ {n}", agency=agencies[n % 2])
    auditor = api("auditor")
    with django_assert_max_num_queries(6):
        body = auditor.get(f"/matters/{matter.pk}/activities", {"limit": 100}).json()
    assert body["count"] == 30 and [a["summary"] for a in body["items"]][:2] == ["ครั้งที่ 0", "ครั้งที่ 1"]
    assert len(auditor.get(f"/matters/{matter.pk}/activities", {"limit": 10, "page": 3}).json()["items"]) == 10


def test_a_long_list_is_counted_up_to_a_bound_and_says_there_are_more(api, users, make_matter, agencies, monkeypatch):
    from prasan.api import schemas
    from prasan.coordination.services import log_activity

    monkeypatch.setattr(schemas, "COUNT_BOUND", 12)
    matter = make_matter()
    for n in range(30):
        log_activity(matter, by=users["coordinator"], channel="phone", summary=f"ครั้งที่ {n}", agency=agencies[0])
    auditor = api("auditor")

    def page(**params):
        body = auditor.get(f"/matters/{matter.pk}/activities", params).json()
        return body["count"], body["count_exact"], len(body["items"])

    assert page(limit=5) == (12, False, 5)  # more than 12: counted to the bound only
    assert page(limit=10, page=2) == (20, False, 10)  # ... or to the end of the page asked for
    assert page(limit=10, page=3) == (30, True, 10)  # the last page: exact again
    assert page(limit=100) == (30, True, 30)


def test_it_refuses_bad_activity_bodies(api, make_matter):
    matter = make_matter()
    coordinator = api("coordinator")
    for body in ({**PHONE_CALL, "channel": "pigeon"}, {**PHONE_CALL, "summary": ""}, {**PHONE_CALL, "agency": 999},
                 {**PHONE_CALL, "direction": "sideways"}, {**PHONE_CALL, "next_follow_up": "tomorrow"},
                 {**PHONE_CALL, "send": "please"}):
        assert_thai_error(coordinator.post(f"/matters/{matter.pk}/activities", body), 422)
