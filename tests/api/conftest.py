"""API fixtures: a token-carrying client per user; the real SMTP server and LINE stand-in from tests/servers.py."""

import json
import re

import pytest
from django.test import Client

from prasan.accounts.models import ApiToken
from tests.servers import line_server, smtp_server  # noqa: F401  (fixtures)

BASE = "/api/v1"
THAI = re.compile(r"[\u0E00-\u0E7F]")


class Api:
    """Calls /api/v1 as one user (or anonymously) with a Bearer token, like any API client."""

    def __init__(self, token: str | None):
        self.client = Client(headers={"Authorization": f"Bearer {token}"} if token else {})

    def get(self, path, params=None):
        return self.client.get(BASE + path, params or {})

    def post(self, path, body=None):
        return self.raw("post", path, json.dumps(body if body is not None else {}))

    def put(self, path, body=None):
        return self.raw("put", path, json.dumps(body if body is not None else {}))

    def raw(self, method, path, data: str):
        return getattr(self.client, method)(BASE + path, data=data, content_type="application/json")


@pytest.fixture
def api(users):
    """api("coordinator") → an Api holding a fresh token of that user; api(None) → anonymous."""

    def make(who):
        if who is None:
            return Api(None)
        user = users[who] if isinstance(who, str) else who
        return Api(ApiToken.issue(user)[1])

    return make


def assert_thai_error(response, status):
    assert response.status_code == status, response.content.decode()
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and THAI.search(detail), detail
    return detail


@pytest.fixture
def secret_matter(make_matter, users):
    """ลับ (confidential), assigned to the coordinator: `uncleared` lacks clearance, `outsider` lacks need to know."""
    return make_matter(title="ข้อมูลการสอบสวนวินัยผู้บริหารสถานศึกษา", secrecy=1, assignees=[users["coordinator"]])
