"""Idle timeout: a session unused for IDLE_TIMEOUT_MINUTES is signed out with a Thai reason and an
audit record; asking how long is left is not activity; "ใช้งานต่อ" is."""

import time

import pytest

from prasan.accounts.idle import LAST_ACTIVITY
from prasan.audit.models import AuditEvent

from .helpers import post_login

pytestmark = pytest.mark.django_db


def idle_for(client, seconds):
    session = client.session
    session[LAST_ACTIVITY] = int(time.time() - seconds)
    session.save()


def test_the_default_is_thirty_minutes(settings):
    assert settings.IDLE_TIMEOUT_MINUTES == 30


def test_an_idle_session_is_signed_out_with_a_thai_reason(client, users):
    post_login(client, "coordinator")
    idle_for(client, 31 * 60)
    response = client.get("/matters/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/matters/"
    page = client.get(response["Location"]).content.decode()
    assert "ออกจากระบบอัตโนมัติแล้ว เพราะไม่มีการใช้งานเกิน 30 นาที" in page
    assert AuditEvent.objects.get(action="signout").data["reason"] == "idle"


def test_a_session_in_use_stays(client, users):
    post_login(client, "coordinator")
    idle_for(client, 29 * 60)
    assert client.get("/my-work/").status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY] < 5  # the visit counted as activity


def test_asking_the_time_left_is_not_activity(client, users):
    post_login(client, "coordinator")
    idle_for(client, 20 * 60)
    left = client.get("/account/session").json()["seconds_left"]
    assert 9 * 60 < left <= 10 * 60
    assert client.get("/account/session").json()["seconds_left"] <= left


def test_continuing_counts_as_activity(client, users):
    post_login(client, "coordinator")
    idle_for(client, 29 * 60)
    assert client.post("/account/session").json()["seconds_left"] >= 30 * 60 - 2


def test_an_htmx_request_is_told_to_go_to_sign_in(client, users):
    post_login(client, "coordinator")
    idle_for(client, 31 * 60)
    response = client.get("/my-work/", HTTP_HX_REQUEST="true")
    assert response.status_code == 401 and response["HX-Redirect"] == "/login/"


def test_anonymous_time_left_is_zero(client, db):
    response = client.get("/account/session")
    assert response.status_code == 401 and response.json() == {"seconds_left": 0}


def test_the_page_carries_the_timer_for_the_warning(client, users, settings):
    settings.IDLE_TIMEOUT_MINUTES = 15
    post_login(client, "coordinator")
    body = client.get("/my-work/").content.decode()
    assert 'data-idle-seconds="900"' in body and 'data-idle-warning="120"' in body
    assert "ระบบจะออกจากระบบอัตโนมัติในอีก" in body and "ใช้งานต่อ" in body
