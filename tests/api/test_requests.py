"""GET/POST /api/v1/matters/{id}/requests: ask agencies by email/LINE, each with its own reply link."""

import datetime as dt

from django.utils import timezone

from prasan.coordination import links
from prasan.coordination.models import AgencyRequest
from prasan.coordination.services import send_requests
from prasan.directory.models import Agency
from prasan.tracking.calendar import add_working_days

from .conftest import assert_thai_error

ASK = {"deliverable": "จำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค", "deadline_working_days": 3}


def test_a_coordinator_asks_two_agencies_and_each_liaison_gets_an_email_with_a_working_reply_link(
        api, make_matter, agencies, smtp_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/requests",
                                       {**ASK, "agencies": [a.pk for a in agencies]})
    assert response.status_code == 201, response.content
    sent = response.json()
    deadline = add_working_days(timezone.localdate(), 3)
    assert [r["agency"] for r in sent] == [a.pk for a in agencies]
    assert all(r["deadline"] == deadline.isoformat() and r["status"] == "sent" for r in sent)
    assert all(r["delivery"] == "sent" for r in sent)
    assert sorted(m["To"] for m in smtp_server.messages) == ["liaison@obec.example", "liaison@vec.example"]
    for item in sent:
        token = item["reply_url"].rstrip("/").rsplit("/", 1)[-1]
        assert links.resolve(token).pk == item["id"]
        assert any(item["reply_url"] in body for body in [smtp_server.body(m) for m in smtp_server.messages])


def test_a_request_by_line_pushes_to_the_liaison(api, make_matter, agencies, line_server):
    matter = make_matter()
    response = api("coordinator").post(f"/matters/{matter.pk}/requests",
                                       {**ASK, "agencies": [agencies[0].pk], "channel": "line"})
    assert response.json()[0]["delivery"] == "sent"
    assert line_server.pushes[0].to == "Uliaison1"


def test_an_agency_without_email_or_line_gets_its_request_recorded_for_another_channel(
        api, make_matter, smtp_server):
    matter = make_matter()
    offline = Agency.objects.create(name="โรงเรียนบ้านห้วยไร่", abbreviation="รร.บ้านห้วยไร่")
    response = api("coordinator").post(f"/matters/{matter.pk}/requests", {**ASK, "agencies": [offline.pk]})
    [item] = response.json()
    assert item["delivery"] == "" and "คัดลอกลิงก์" in item["delivery_detail"]
    assert item["reply_url"] and smtp_server.messages == []


def test_a_date_deadline_is_taken_as_given(api, make_matter, agencies, smtp_server):
    matter = make_matter()
    day = timezone.localdate() + dt.timedelta(days=20)
    response = api("coordinator").post(f"/matters/{matter.pk}/requests", {
        "agencies": [agencies[1].pk], "deliverable": "แผนงบประมาณ", "deadline": day.isoformat()})
    assert response.json()[0]["deadline"] == day.isoformat()


def test_the_list_shows_status_and_shows_reply_links_only_to_those_who_may_edit(api, users, make_matter, agencies):
    matter = make_matter()
    first, second = send_requests(matter, by=users["coordinator"], agencies=agencies, deliverable="ข้อมูล",
                                  deadline=timezone.localdate() + dt.timedelta(days=5))
    AgencyRequest.objects.filter(pk=second.pk).update(status="answered", answer="ส่งแล้ว")
    body = api("coordinator").get(f"/matters/{matter.pk}/requests").json()
    assert body["count"] == 2
    by_id = {r["id"]: r for r in body["items"]}
    assert by_id[first.pk]["status"] == "sent" and by_id[first.pk]["reply_url"].startswith("http")
    assert by_id[second.pk]["status_label"] == "ตอบแล้ว" and by_id[second.pk]["reply_url"] is None
    for role in ("auditor", "registrar", "outsider", "minister"):
        items = api(role).get(f"/matters/{matter.pk}/requests").json()["items"]
        assert [r["reply_url"] for r in items] == [None, None], role


def test_an_overdue_request_says_so(api, users, make_matter, agencies):
    matter = make_matter()
    [req] = send_requests(matter, by=users["coordinator"], agencies=agencies[:1], deliverable="ข้อมูล",
                          deadline=timezone.localdate() + dt.timedelta(days=5))
    AgencyRequest.objects.filter(pk=req.pk).update(deadline=timezone.localdate() - dt.timedelta(days=2))
    [item] = api("coordinator").get(f"/matters/{matter.pk}/requests").json()["items"]
    assert item["is_overdue"] is True and item["status_label"] == "เกินกำหนด"


def test_wrong_roles_and_other_units_may_not_send_requests(api, make_matter, agencies):
    matter = make_matter()
    for role in ("registrar", "auditor", "outsider"):
        assert_thai_error(api(role).post(f"/matters/{matter.pk}/requests", {**ASK, "agencies": [agencies[0].pk]}),
                          403)
    assert not AgencyRequest.objects.exists()


def test_a_secret_matters_requests_are_404_for_the_uncleared_and_the_outsider(api, secret_matter, agencies):
    for role in ("uncleared", "outsider"):
        assert_thai_error(api(role).get(f"/matters/{secret_matter.pk}/requests"), 404)
        assert_thai_error(api(role).post(f"/matters/{secret_matter.pk}/requests",
                                         {**ASK, "agencies": [agencies[0].pk]}), 404)


def test_a_secret_matters_request_email_does_not_carry_its_title(api, secret_matter, agencies, smtp_server):
    response = api("coordinator").post(f"/matters/{secret_matter.pk}/requests", {**ASK, "agencies": [agencies[0].pk]})
    assert response.status_code == 201
    [message] = smtp_server.messages
    assert secret_matter.title not in smtp_server.body(message) and secret_matter.title not in message["Subject"]


def test_anonymous_callers_may_not_read_or_send_requests(api, make_matter, agencies):
    matter = make_matter()
    assert_thai_error(api(None).get(f"/matters/{matter.pk}/requests"), 401)
    assert_thai_error(api(None).post(f"/matters/{matter.pk}/requests", {**ASK, "agencies": [agencies[0].pk]}), 401)


def test_it_refuses_bad_request_bodies_in_thai(api, make_matter, agencies):
    matter = make_matter()
    coordinator = api("coordinator")
    agency = agencies[0].pk
    cases = [
        ({**ASK, "agencies": []}, "agencies"),
        ({**ASK, "agencies": [987654]}, "agencies"),
        ({**ASK, "agencies": ["สพฐ."]}, "agencies.0"),
        ({"agencies": [agency], "deliverable": "ข้อมูล"}, "deadline_working_days"),
        ({"agencies": [agency], "deliverable": "ข้อมูล", "deadline": "2020-01-06"}, "deadline"),
        ({**ASK, "agencies": [agency], "deadline": "2030-01-07"}, ""),
        ({**ASK, "agencies": [agency], "deadline_working_days": 0}, "deadline_working_days"),
        ({**ASK, "agencies": [agency], "channel": "fax"}, "channel"),
        ({**ASK, "agencies": [agency], "deliverable": " "}, "deliverable"),
    ]
    for body, field in cases:
        response = coordinator.post(f"/matters/{matter.pk}/requests", body)
        assert_thai_error(response, 422)
        assert response.json()["errors"][0]["field"] == field, (body, response.json())
    assert not AgencyRequest.objects.exists()
