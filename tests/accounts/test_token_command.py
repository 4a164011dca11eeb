"""`prasan token`: issue an API token shown once, authenticate with it, revoke it."""

import io

import pytest
from django.core.management import CommandError, call_command

from prasan.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def token(*args) -> str:
    out = io.StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue()


def test_create_prints_the_token_on_its_last_line_and_it_authenticates(users):
    raw = token("create", "coordinator", "--name", "สคริปต์รายงาน").strip().splitlines()[-1]
    assert raw.startswith("prs_")
    assert ApiToken.authenticate(raw) == users["coordinator"]
    stored = ApiToken.objects.get()
    assert stored.name == "สคริปต์รายงาน"
    assert stored.digest != raw and raw not in stored.digest  # only the hash is kept
    assert stored.last_used_at is not None


def test_a_revoked_token_fails(users):
    raw = token("create", "coordinator").strip().splitlines()[-1]
    out = token("revoke", raw[:8])
    assert "ยกเลิกโทเคน 1 รายการแล้ว" in out
    assert ApiToken.authenticate(raw) is None


def test_a_wrong_token_fails(users):
    token("create", "coordinator")
    assert ApiToken.authenticate("prs_not-a-real-token") is None


def test_a_token_of_a_deactivated_user_fails(users):
    raw = token("create", "coordinator").strip().splitlines()[-1]
    users["coordinator"].is_active = False
    users["coordinator"].save()
    assert ApiToken.authenticate(raw) is None


def test_create_refuses_an_unknown_user_in_thai(db):
    with pytest.raises(CommandError, match="ไม่พบผู้ใช้ nobody"):
        token("create", "nobody")


def test_revoke_refuses_an_unknown_prefix_in_thai(db):
    with pytest.raises(CommandError, match="ไม่พบโทเคน"):
        token("revoke", "prs_zzzz")
