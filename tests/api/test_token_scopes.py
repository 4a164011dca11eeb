"""API tokens expire and have a scope: read-only tokens read, read-write tokens also write."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from prasan.accounts.models import ApiToken, TokenScope
from prasan.matters.models import Matter

from .conftest import Api, assert_thai_error

COMMAND = {"title": "ขอข้อมูลจำนวนครูผู้ช่วย", "duty_type": "analysis", "source": "verbal_command"}


def test_a_read_only_token_reads(users, make_matter):
    make_matter()
    raw = ApiToken.issue(users["coordinator"], scope=TokenScope.READ)[1]
    assert Api(raw).get("/matters").json()["count"] == 1


@pytest.mark.parametrize(("method", "path"), [("post", "/matters"), ("put", "/matters/1/plan"),
                                              ("post", "/matters/1/events")])
def test_a_read_only_token_cannot_write(users, make_matter, method, path):
    raw = ApiToken.issue(users["coordinator"], scope=TokenScope.READ)[1]
    response = Api(raw).raw(method, path, '{"title": "x"}')
    assert "อ่านได้อย่างเดียว" in assert_thai_error(response, 403)
    assert not Matter.objects.exists()


def test_a_read_write_token_writes(users):
    raw = ApiToken.issue(users["coordinator"], scope=TokenScope.READ_WRITE)[1]
    assert Api(raw).post("/matters", COMMAND).status_code == 201


def test_an_expired_token_is_refused_with_its_reason(users):
    token, raw = ApiToken.issue(users["coordinator"])
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert "หมดอายุ" in assert_thai_error(Api(raw).get("/matters"), 401)
    assert ApiToken.authenticate(raw) is None


def test_tokens_expire_after_the_setting_by_default(users, settings):
    settings.API_TOKEN_DAYS = 7
    token = ApiToken.issue(users["coordinator"])[0]
    assert dt.timedelta(days=7) - (token.expires_at - timezone.now()) < dt.timedelta(seconds=5)


def token_cli(*args):
    out = StringIO()
    call_command("token", "create", *args, stdout=out)
    return out.getvalue().strip().splitlines()


def test_the_cli_issues_read_only_tokens_unless_asked_and_says_when_they_expire(users):
    lines = token_cli("coordinator")
    stored = ApiToken.objects.get()
    assert stored.scope == TokenScope.READ
    assert "อ่านอย่างเดียว" in lines[0] and "หมดอายุ" in lines[0]
    assert Api(lines[-1]).post("/matters", COMMAND).status_code == 403


def test_the_cli_issues_a_read_write_token_for_a_number_of_days(users):
    raw = token_cli("coordinator", "--scope", "read_write", "--days", "3")[-1]
    stored = ApiToken.objects.get()
    assert stored.scope == TokenScope.READ_WRITE
    assert dt.timedelta(days=3) - (stored.expires_at - timezone.now()) < dt.timedelta(seconds=5)
    assert Api(raw).post("/matters", COMMAND).status_code == 201


def test_the_cli_refuses_a_silly_number_of_days(users):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--days"):
        token_cli("coordinator", "--days", "0")
