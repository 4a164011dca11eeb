"""Logging a contact from the matter page: who may, and what really gets sent."""

import pytest

from prasan.audit.models import AuditEvent
from prasan.coordination.models import Activity, Channel
from tests.servers import LINE_TEST_TOKEN

pytestmark = pytest.mark.django_db


def url(matter):
    return f"/matters/{matter.pk}/activities/new/"


def post(client, matter, **fields):
    data = {"channel": "phone", "direction": "out", "summary": "โทรประสานขอข้อมูลครูผู้ช่วย", **fields}
    return client.post(url(matter), data)


@pytest.mark.parametrize("channel", [c for c in Channel.values if c not in (Channel.EMAIL, Channel.LINE)])
def test_it_logs_every_non_sending_channel(login, users, matter, channel):
    response = post(login(users["coordinator"]), matter, channel=channel, counterpart="นางสาวพรทิพย์")

    assert response.status_code == 302
    activity = Activity.objects.get(matter=matter)
    assert activity.channel == channel
    assert activity.by == users["coordinator"]
    assert activity.delivery == Activity.Delivery.NOT_SENT
    assert AuditEvent.objects.filter(action="activity.create", object_id=str(matter.pk)).exists()


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "head"])
def test_it_lets_editors_log(login, users, matter, role):
    response = post(login(users[role]), matter)

    assert response.status_code == 302
    assert Activity.objects.filter(matter=matter, by=users[role]).count() == 1


def test_it_shows_the_form_to_an_editor(login, users, matter):
    response = login(users["coordinator"]).get(url(matter) + "?channel=line")

    assert response.status_code == 200
    assert "บันทึกการประสานงาน" in response.content.decode()


def test_it_forbids_the_auditor(login, users, matter):
    assert post(login(users["auditor"]), matter).status_code == 403
    assert not Activity.objects.exists()


def test_it_hides_the_matter_from_the_registrar(login, users, matter):
    assert post(login(users["registrar"]), matter).status_code == 404
    assert not Activity.objects.exists()


def test_it_hides_the_matter_from_another_units_coordinator(login, users, matter):
    assert post(login(users["outsider"]), matter).status_code == 404
    assert not Activity.objects.exists()


def test_it_hides_a_secret_matter_from_the_uncleared(login, users, secret_matter):
    client = login(users["uncleared"])

    assert client.get(url(secret_matter)).status_code == 404
    assert post(client, secret_matter).status_code == 404
    assert not Activity.objects.exists()


def test_it_sends_anonymous_callers_to_login(client, matter):
    response = post(client, matter)

    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
    assert not Activity.objects.exists()


def test_it_refuses_a_closed_matter(login, users, make_matter):
    closed = make_matter(state="closed")

    assert post(login(users["coordinator"]), closed).status_code == 404


def test_it_really_emails_with_the_matter_number_and_thai_intact(login, users, matter, smtp_server):
    summary = "เรียนผู้อำนวยการ ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ ๒๕๖๙ ภายในวันศุกร์นี้"

    response = post(login(users["coordinator"]), matter, channel="email", address="liaison@obec.example",
                    summary=summary, send="on")

    assert response.status_code == 302
    [message] = smtp_server.messages
    assert matter.number in message["Subject"]
    assert matter.title in message["Subject"]
    assert message.envelope_to == ["liaison@obec.example"]
    assert summary in smtp_server.body(message)
    activity = Activity.objects.get(matter=matter)
    assert activity.delivery == Activity.Delivery.SENT
    assert "liaison@obec.example" in activity.delivery_detail


def test_it_keeps_a_secret_title_out_of_the_email_subject(login, users, secret_matter, smtp_server):
    post(login(users["coordinator"]), secret_matter, channel="email", address="liaison@obec.example",
         summary="ขอนัดหมายประชุม", send="on")

    [message] = smtp_server.messages
    assert secret_matter.number in message["Subject"]
    assert secret_matter.title not in message["Subject"]


def test_it_emails_the_agencys_liaison_when_no_address_is_typed(login, users, matter, agencies, smtp_server):
    post(login(users["coordinator"]), matter, channel="email", agency=agencies[0].pk, summary="ขอข้อมูล",
         send="on")

    [message] = smtp_server.messages
    assert message.envelope_to == ["liaison@obec.example"]
    assert Activity.objects.get().address == "liaison@obec.example"


def test_it_does_not_send_when_send_is_off(login, users, matter, smtp_server):
    post(login(users["coordinator"]), matter, channel="email", address="liaison@obec.example")

    assert smtp_server.messages == []
    assert Activity.objects.get().delivery == Activity.Delivery.NOT_SENT


def test_it_does_not_send_an_incoming_contact(login, users, matter, smtp_server):
    post(login(users["coordinator"]), matter, channel="email", direction="in", summary="หน่วยงานส่งอีเมลมา",
         send="on")

    assert smtp_server.messages == []
    assert Activity.objects.get().direction == "in"


def test_it_really_pushes_to_line_with_the_bearer_token(login, users, matter, line_server):
    response = post(login(users["coordinator"]), matter, channel="line", address="Uliaison1",
                    summary="รบกวนส่งข้อมูลครูผู้ช่วยภายในวันนี้ค่ะ", send="on")

    assert response.status_code == 302
    [push] = line_server.pushes
    assert push.to == "Uliaison1"
    assert push.text == f"[{matter.number}] รบกวนส่งข้อมูลครูผู้ช่วยภายในวันนี้ค่ะ"
    assert push.headers["Authorization"] == f"Bearer {LINE_TEST_TOKEN}"
    assert Activity.objects.get().delivery == Activity.Delivery.SENT


def test_a_stopped_mail_server_is_recorded_as_failed_and_nothing_is_lost(login, users, matter, smtp_server):
    smtp_server.stop()

    response = post(login(users["coordinator"]), matter, channel="email", address="liaison@obec.example",
                    summary="ข้อความที่พิมพ์ไว้ยาว ๆ ต้องไม่หาย", send="on")

    assert response.status_code == 302
    activity = Activity.objects.get(matter=matter)
    assert activity.summary == "ข้อความที่พิมพ์ไว้ยาว ๆ ต้องไม่หาย"
    assert activity.delivery == Activity.Delivery.FAILED
    assert activity.delivery_detail.startswith("ส่งอีเมลไม่สำเร็จ")
    page = login(users["coordinator"]).get(response["Location"]).content.decode()
    assert "ส่งไม่สำเร็จ" in page
    assert AuditEvent.objects.filter(action="activity.deliver", data__delivery="failed").exists()


@pytest.mark.parametrize("status", [500, 429])
def test_a_line_refusal_is_recorded_as_failed_and_nothing_is_lost(login, users, matter, line_server, status):
    line_server.fail(status)

    post(login(users["coordinator"]), matter, channel="line", address="Uliaison1", summary="ข้อความ LINE",
         send="on")

    activity = Activity.objects.get(matter=matter)
    assert activity.summary == "ข้อความ LINE"
    assert activity.delivery == Activity.Delivery.FAILED
    assert activity.delivery_detail.startswith("ส่ง LINE ไม่สำเร็จ")
    assert f"HTTP {status}" in activity.delivery_detail
    assert line_server.pushes == []


def test_a_missing_address_keeps_what_was_typed(login, users, matter, smtp_server):
    response = post(login(users["coordinator"]), matter, channel="email", counterpart="คุณสมชาย",
                    summary="ข้อความที่ยังไม่ได้ส่ง", outcome="รอคำตอบ", send="on")

    assert response.status_code == 200
    page = response.content.decode()
    assert "กรุณาระบุอีเมลหรือ LINE ของผู้รับ" in page
    assert "ข้อความที่ยังไม่ได้ส่ง" in page
    assert 'value="คุณสมชาย"' in page
    assert "รอคำตอบ" in page
    assert not Activity.objects.exists()
    assert smtp_server.messages == []


def test_a_malformed_email_address_is_refused_in_thai(login, users, matter):
    response = post(login(users["coordinator"]), matter, channel="email", address="not-an-address",
                    send="on")

    assert response.status_code == 200
    assert "รูปแบบอีเมลไม่ถูกต้อง" in response.content.decode()
    assert not Activity.objects.exists()
