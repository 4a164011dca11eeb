"""Following a request up from the matter page: copy its link, reissue it, or cancel it."""

import html
import re

import pytest
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.coordination import links, services
from prasan.coordination.models import Activity, AgencyRequest

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^/\s]+(/reply/[^/\s\"]+/)")


@pytest.fixture
def req(users, matter, agencies):
    return AgencyRequest.objects.create(
        matter=matter, agency=agencies[0], contact=agencies[0].contacts.get(), deliverable="ตารางครูผู้ช่วย",
        deadline=timezone.localdate(), created_by=users["coordinator"],
    )


def reissue(client, req):
    return client.post(f"/matters/{req.matter_id}/requests/{req.pk}/reissue/")


def cancel(client, req):
    return client.post(f"/matters/{req.matter_id}/requests/{req.pk}/cancel/")


def test_reissuing_kills_the_old_link_and_emails_a_new_one(client, login, users, req, smtp_server):
    old = links.make_token(req)
    staff = login(users["coordinator"])

    response = reissue(staff, req)

    assert response.status_code == 302
    req.refresh_from_db()
    assert req.link_version == 2
    [message] = smtp_server.messages
    assert message.envelope_to == ["liaison@obec.example"]
    assert req.matter.number in message["Subject"]
    body = smtp_server.body(message)
    assert "ลิงก์เดิมที่เคยส่งให้ใช้ไม่ได้แล้ว" in body
    new_path = LINK.search(body).group(1)
    staff.logout()
    stale = client.get(f"/reply/{old}/")
    assert stale.status_code == 410
    assert "ออกลิงก์ใหม่" in stale.content.decode()
    assert client.get(new_path).status_code == 200
    assert AuditEvent.objects.filter(action="request.reissue").exists()
    logged = Activity.objects.get(agency_request=req)
    assert logged.delivery == Activity.Delivery.SENT
    assert "/reply/" not in logged.summary


def test_reissuing_when_the_mail_server_is_down_still_makes_a_new_link(login, users, req, smtp_server):
    smtp_server.stop()

    response = reissue(login(users["coordinator"]), req)

    req.refresh_from_db()
    assert req.link_version == 2
    assert Activity.objects.get(agency_request=req).delivery == Activity.Delivery.FAILED
    page = login(users["coordinator"]).get(response["Location"]).content.decode()
    assert "ออกลิงก์ใหม่แล้ว แต่ส่งอีเมลไม่สำเร็จ" in page


def test_an_answered_request_cannot_be_reissued(login, users, req, smtp_server):
    services.answer_request(req, answer="ส่งแล้ว", name="สมชาย")

    response = reissue(login(users["coordinator"]), req)

    assert response.status_code == 302
    assert smtp_server.messages == []
    page = login(users["coordinator"]).get(response["Location"]).content.decode()
    assert "ออกลิงก์ใหม่ไม่ได้: คำขอนี้ได้รับคำตอบแล้ว" in page


def test_cancelling_closes_the_request_and_its_link(client, login, users, req):
    token = links.make_token(req)

    response = cancel(login(users["grouphead"]), req)

    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.CANCELLED
    assert AuditEvent.objects.filter(action="request.cancel").exists()
    client.logout()
    gone = client.get(f"/reply/{token}/")
    assert gone.status_code == 410
    assert "ยกเลิกคำขอนี้แล้ว" in gone.content.decode()


def test_a_cancelled_request_cannot_be_cancelled_or_reissued(login, users, req, smtp_server):
    staff = login(users["coordinator"])
    cancel(staff, req)

    cancel(staff, req)
    reissue(staff, req)

    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.CANCELLED
    assert req.link_version == 2
    assert smtp_server.messages == []


def test_a_cancelled_request_is_shown_as_cancelled(login, users, matter, req):
    staff = login(users["coordinator"])
    cancel(staff, req)

    page = staff.get(matter.get_absolute_url()).content.decode()

    assert "ยกเลิก</span>" in page
    assert "/reply/" not in page


@pytest.mark.parametrize("action", [reissue, cancel])
@pytest.mark.parametrize("role, status", [("auditor", 403), ("registrar", 404), ("outsider", 404)])
def test_only_editors_may_act_on_a_request(login, users, req, smtp_server, action, role, status):
    assert action(login(users[role]), req).status_code == status
    req.refresh_from_db()
    assert (req.status, req.link_version) == (AgencyRequest.Status.SENT, 1)
    assert smtp_server.messages == []


@pytest.mark.parametrize("action", [reissue, cancel])
def test_anonymous_callers_are_sent_to_login(client, req, action):
    response = action(client, req)

    assert response.status_code == 302
    assert "login" in response["Location"]
    req.refresh_from_db()
    assert req.link_version == 1


@pytest.mark.parametrize("action", [reissue, cancel])
def test_the_uncleared_cannot_act_on_a_secret_matters_request(login, users, secret_matter, agencies, action):
    hidden = AgencyRequest.objects.create(matter=secret_matter, agency=agencies[0], deliverable="ลับ",
                                          deadline=timezone.localdate())

    assert action(login(users["uncleared"]), hidden).status_code == 404


@pytest.mark.parametrize("action", [reissue, cancel])
def test_a_request_of_another_matter_is_not_found(login, users, req, make_matter, action):
    other = make_matter(title="อีกเรื่องหนึ่ง", state="coordinating")

    response = login(users["coordinator"]).post(
        f"/matters/{other.pk}/requests/{req.pk}/{action.__name__}/"
    )

    assert response.status_code == 404


def test_reissue_and_cancel_need_post(login, users, req):
    staff = login(users["coordinator"])

    assert staff.get(f"/matters/{req.matter_id}/requests/{req.pk}/reissue/").status_code == 405
    assert staff.get(f"/matters/{req.matter_id}/requests/{req.pk}/cancel/").status_code == 405


def test_editors_see_a_working_link_to_copy_and_the_buttons(client, login, users, matter, req):
    page = login(users["coordinator"]).get(matter.get_absolute_url()).content.decode()

    assert f'action="/matters/{matter.pk}/requests/{req.pk}/reissue/"' in page
    assert f'action="/matters/{matter.pk}/requests/{req.pk}/cancel/"' in page
    path = LINK.search(html.unescape(page)).group(1)
    assert links.reply_url(req).endswith(path)
    client.logout()
    reply = client.get(path)
    assert reply.status_code == 200
    assert "ตารางครูผู้ช่วย" in reply.content.decode()


@pytest.mark.parametrize("role", ["auditor", "registrar", "minister", "outsider"])
def test_readers_who_cannot_edit_see_no_link(login, users, matter, req, role):
    response = login(users[role]).get(matter.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "/reply/" not in page
    assert "/reissue/" not in page
    assert "ตารางครูผู้ช่วย" in page  # the request itself is listed


def test_answered_requests_show_no_link(login, users, matter, req):
    services.answer_request(req, answer="ส่งแล้ว", name="สมชาย")

    page = login(users["coordinator"]).get(matter.get_absolute_url()).content.decode()

    assert "/reply/" not in page
    assert "/cancel/" not in page


def test_the_request_list_costs_no_query_per_request(login, users, matter, agencies, req,
                                                     django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff = login(users["coordinator"])
    with CaptureQueriesContext(connection) as one:
        staff.get(matter.get_absolute_url())
    for _ in range(5):
        AgencyRequest.objects.create(matter=matter, agency=agencies[1], contact=agencies[1].contacts.get(),
                                     deliverable="อีกคำขอ", deadline=timezone.localdate())

    with django_assert_max_num_queries(len(one.captured_queries)):
        page = staff.get(matter.get_absolute_url()).content.decode()
    assert page.count("/reissue/") == 6
