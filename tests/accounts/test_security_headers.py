"""Every page carries the secure headers; state-changing posts need the CSRF token; health check."""

import pytest
from django.test import Client

from prasan.matters.models import Matter

pytestmark = pytest.mark.django_db


def assert_secure_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_login_page_has_the_secure_headers(client):
    assert_secure_headers(client.get("/login/"))


def test_a_signed_in_page_has_the_secure_headers_and_is_not_cached(login, users):
    response = login(users["coordinator"]).get("/my-work/")
    assert response.status_code == 200
    assert_secure_headers(response)
    assert "no-store" in response["Cache-Control"]


def test_an_error_page_has_the_secure_headers(login, users):
    response = login(users["coordinator"]).get("/matters/999999/")
    assert response.status_code == 404
    assert_secure_headers(response)


def test_a_post_without_the_csrf_token_is_refused(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["coordinator"])
    response = client.post("/matters/command/", {"title": "ขอข้อมูลด่วน"})
    assert response.status_code == 403
    assert not Matter.objects.exists()


def test_the_health_check_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
