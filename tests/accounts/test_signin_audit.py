"""Every sign-in, sign-out and failure is in the audit log, with the address; the chain holds."""

import pytest

from prasan.audit.models import AuditEvent, verify

from .helpers import post_login

pytestmark = pytest.mark.django_db


def test_a_sign_in_is_audited_with_the_address_and_the_second_factor(client, users):
    post_login(client, "coordinator", address="10.3.3.3")
    event = AuditEvent.objects.get(action="signin")
    assert event.actor == users["coordinator"]
    assert event.data == {"address": "10.3.3.3", "second_factor": "none"}


def test_a_sign_out_is_audited(client, users):
    post_login(client, "coordinator")
    client.post("/logout/", REMOTE_ADDR="10.0.0.1")
    event = AuditEvent.objects.get(action="signout")
    assert event.actor == users["coordinator"] and event.data["reason"] == "user"


def test_a_wrong_password_is_audited_without_the_password(client, users):
    post_login(client, "coordinator", "my-secret-guess")
    event = AuditEvent.objects.get(action="signin_failed")
    assert event.actor is None
    assert event.data == {"username": "coordinator", "address": "10.0.0.1", "reason": "password"}
    assert "my-secret-guess" not in str(event.data)


def test_the_audit_chain_holds_after_a_day_of_sign_ins(client, users):
    for i in range(3):
        post_login(client, "coordinator", f"wrong{i}")
    post_login(client, "coordinator")
    client.post("/logout/")
    count, bad = verify()
    assert count == 5 and bad == []


def test_django_admin_signs_in_through_the_same_form(client, users):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=/admin/")
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_signed_in_non_staff_user_gets_403_from_the_admin_login(login, users):
    assert login(users["coordinator"]).get("/admin/login/").status_code == 403
