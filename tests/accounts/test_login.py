"""Logging in and out: a Thai page, a Thai error that keeps what was typed, logout only by POST."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_page_is_thai(client):
    response = client.get("/login/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "เข้าสู่ระบบ" in body
    assert '<html lang="th">' in body
    assert "ชื่อผู้ใช้" in body and "รหัสผ่าน" in body


def test_a_wrong_password_shows_the_thai_error_and_keeps_the_username(client, users):
    response = client.post("/login/", {"username": "coordinator", "password": "wrong-password"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in body
    assert 'value="coordinator"' in body
    assert "wrong-password" not in body
    assert "_auth_user_id" not in client.session


def test_a_deactivated_user_cannot_log_in(client, users):
    users["coordinator"].is_active = False
    users["coordinator"].save()
    response = client.post("/login/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_right_password_leads_to_my_work(client, users):
    response = client.post("/login/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/my-work/"
    assert client.get("/my-work/").status_code == 200


def test_login_follows_a_safe_next_but_not_an_outside_one(client, users):
    response = client.post("/login/?next=/matters/", {"username": "coordinator", "password": PASSWORD,
                                                      "next": "/matters/"})
    assert response["Location"] == "/matters/"
    client.logout()
    response = client.post("/login/", {"username": "coordinator", "password": PASSWORD,
                                       "next": "https://evil.example/"})
    assert response["Location"] == "/my-work/"


def test_a_logged_in_user_skips_the_login_page(login, users):
    response = login(users["coordinator"]).get("/login/")
    assert response.status_code == 302
    assert response["Location"] == "/my-work/"


def test_logout_is_by_post(login, users):
    client = login(users["coordinator"])
    assert client.get("/logout/").status_code == 405
    response = client.post("/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert client.get("/my-work/")["Location"].startswith("/login/")


def test_logout_without_the_csrf_token_is_refused(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["coordinator"])
    assert client.post("/logout/").status_code == 403
    assert client.get("/my-work/").status_code == 200


def test_login_without_the_csrf_token_is_refused(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 403


def test_the_login_form_carries_a_csrf_token(users):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/login/")
    token = page.context["csrf_token"]
    response = client.post("/login/", {"username": "coordinator", "password": PASSWORD,
                                       "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
