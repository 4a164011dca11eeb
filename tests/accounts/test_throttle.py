"""Throttling: wrong passwords lock the user name, then the address, for a while — the right
password too — with a Thai reason, audited; the lock lifts by itself."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from prasan.accounts.models import SignInFailure
from prasan.audit.models import AuditEvent

from .helpers import post_login

pytestmark = pytest.mark.django_db

LOCKED = "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_fifty_wrong_passwords_then_the_right_one_is_refused(client, users):
    """The probe: 50 wrong passwords in 6.7 s, then the right one worked at once. Now it does not."""
    started = time.monotonic()
    statuses = [post_login(client, "coordinator", f"wrong-{i}").status_code for i in range(50)]
    assert set(statuses) == {200}
    response = post_login(client, "coordinator")
    assert not signed_in(client)
    body = response.content.decode()
    assert LOCKED in body and "บัญชีนี้" in body and "นาที" in body
    # Only the attempts up to the lock were checked against the password; the rest were refused.
    assert SignInFailure.objects.filter(username="coordinator").count() == 5
    assert time.monotonic() - started < 30


def test_the_fifth_wrong_password_locks_and_is_audited_once(client, users, settings):
    for i in range(4):
        post_login(client, "coordinator", f"wrong-{i}")
    assert "signin_locked" not in AuditEvent.objects.values_list("action", flat=True)
    response = post_login(client, "coordinator", "wrong-4")
    assert LOCKED in response.content.decode()
    failed = AuditEvent.objects.filter(action="signin_failed")
    assert failed.count() == 5
    assert failed.first().object_id == str(users["coordinator"].pk)
    assert failed.first().data["address"] == "10.0.0.1"
    locked = AuditEvent.objects.get(action="signin_locked")
    assert locked.data["scope"] == "user" and locked.data["username"] == "coordinator"


def test_the_lock_lifts_after_the_lockout_minutes(client, users, settings):
    for i in range(5):
        post_login(client, "coordinator", f"wrong-{i}")
    post_login(client, "coordinator")
    assert not signed_in(client)
    long_ago = timezone.now() - dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1)
    SignInFailure.objects.update(at=long_ago)
    response = post_login(client, "coordinator")
    assert response.status_code == 302 and signed_in(client)


def test_a_success_forgives_the_users_earlier_mistakes(client, users):
    for i in range(4):
        post_login(client, "coordinator", f"wrong-{i}")
    post_login(client, "coordinator")
    assert signed_in(client)
    client.logout()
    post_login(client, "coordinator", "wrong-again")
    assert post_login(client, "coordinator").status_code == 302


def test_the_lock_is_per_user_other_users_still_sign_in(client, users):
    for i in range(5):
        post_login(client, "coordinator", f"wrong-{i}")
    assert post_login(client, "grouphead").status_code == 302


def test_one_address_guessing_many_names_is_locked_out_for_all(client, users, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 8
    for i in range(8):
        post_login(client, f"nobody{i}", "guess", address="10.9.9.9")
    response = post_login(client, "grouphead", address="10.9.9.9")
    assert not signed_in(client)
    assert "จากเครื่องนี้" in response.content.decode()
    assert AuditEvent.objects.filter(action="signin_locked", data__scope="address").exists()
    # Someone at another address is not affected.
    assert post_login(client, "grouphead", address="10.0.0.2").status_code == 302


def test_unknown_user_names_are_counted_and_locked_like_real_ones(client, users):
    for i in range(5):
        post_login(client, "ghost", f"wrong-{i}", address=f"10.1.0.{i}")
    response = post_login(client, "ghost", "x", address="10.1.1.1")
    assert LOCKED in response.content.decode()  # the same answer as for a real user: no user enumeration
    assert AuditEvent.objects.filter(action="signin_failed", object_type="accounts.signin",
                                     object_id="ghost").count() == 5


def test_a_forwarded_for_header_does_not_reset_the_address_count(client, users, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    for i in range(3):
        client.post("/login/", {"username": f"n{i}", "password": "x"}, REMOTE_ADDR="10.2.2.2",
                    HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
    response = client.post("/login/", {"username": "grouphead", "password": "test-password-2569"},
                           REMOTE_ADDR="10.2.2.2", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert not signed_in(client) and "จากเครื่องนี้" in response.content.decode()


@pytest.mark.parametrize("remote, forwarded, seen", [
    ("203.0.113.9", "", "203.0.113.9"),
    ("203.0.113.9", "10.9.9.9", "203.0.113.9"),  # no proxy trusted: the header is the caller's own words
    ("10.0.0.2", "198.51.100.7", "198.51.100.7"),  # behind the office's proxy: what the proxy saw
    ("10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # a forged hop on the left does not count
    ("10.0.0.2", "198.51.100.7, 10.0.0.3", "198.51.100.7"),  # two proxies of the office in a row
    ("10.0.0.2", "", "10.0.0.2"),
])
def test_the_callers_address_is_read_through_the_offices_own_proxies_only(rf, settings, remote, forwarded, seen):
    from prasan.accounts.throttle import client_address

    settings.TRUSTED_PROXIES = frozenset({"10.0.0.2", "10.0.0.3"})
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == seen
