"""Changing one's own password: reachable from the header, the policy applies, audited, other
sessions end; the right role (anyone signed in), anonymous refused."""

import pytest
from django.test import Client

from prasan.audit.models import AuditEvent
from tests.conftest import PASSWORD

from .helpers import post_login

pytestmark = pytest.mark.django_db
NEW = "ฝนตกที่เชียงใหม่-9047"


def change(client, old=PASSWORD, new=NEW, again=None):
    return client.post("/account/password/", {"old_password": old, "new_password1": new,
                                              "new_password2": again if again is not None else new})


@pytest.mark.parametrize("who", ["coordinator", "grouphead", "head", "minister", "registrar", "auditor", "admin",
                                 "uncleared"])
def test_every_role_reaches_the_page_from_the_header(login, users, who):
    page = login(users[who]).get("/my-work/" if who not in ("admin",) else "/account/").content.decode()
    assert 'href="/account/"' in page
    body = login(users[who]).get("/account/").content.decode()
    assert "เปลี่ยนรหัสผ่าน" in body and "รหัสผ่านเดิม" in body and 'data-strength-meter="password-strength"' in body


def test_anonymous_is_sent_to_sign_in(client, db):
    assert client.get("/account/")["Location"] == "/login/?next=/account/"


def test_it_changes_the_password_audits_and_keeps_this_session(login, users):
    client = login(users["coordinator"])
    response = change(client)
    assert response["Location"] == "/account/"
    assert "เปลี่ยนรหัสผ่านแล้ว" in client.get("/account/").content.decode()
    users["coordinator"].refresh_from_db()
    assert users["coordinator"].check_password(NEW)
    assert AuditEvent.objects.filter(action="password_changed", actor=users["coordinator"]).count() == 1
    assert client.get("/my-work/").status_code == 200


def test_other_sessions_end(users):
    phone, desk = Client(), Client()
    post_login(phone, "coordinator")
    post_login(desk, "coordinator")
    change(desk)
    assert phone.get("/my-work/").status_code == 302
    assert desk.get("/my-work/").status_code == 200


@pytest.mark.parametrize(("old", "new", "again", "reason"), [
    ("not-my-password", NEW, None, "รหัสผ่านเดิมไม่ถูกต้อง"),
    (PASSWORD, NEW, NEW + "x", "ไม่ตรงกัน"),
    (PASSWORD, "prasan2569", None, "ใช้กันทั่วไป"),
    (PASSWORD, "coordinator-2569", None, "ชื่อผู้ใช้"),
    (PASSWORD, "short", None, "สั้นเกินไป"),
])
def test_it_refuses_with_a_thai_reason_and_changes_nothing(login, users, old, new, again, reason):
    client = login(users["coordinator"])
    response = change(client, old, new, again)
    assert response.status_code == 200
    assert reason in response.content.decode()
    users["coordinator"].refresh_from_db()
    assert users["coordinator"].check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="password_changed").exists()


def test_get_is_not_a_change(login, users):
    assert login(users["coordinator"]).get("/account/password/").status_code == 405
