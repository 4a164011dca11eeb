"""Tracking tests run against a real SMTP server and the LINE push stand-in; the dashboards' against a
small office (scenes.py), each test with nothing kept from another (the late agencies are cached)."""

import pytest
from django.core.cache import cache

from tests.servers import line_server, smtp_server  # noqa: F401
from tests.tracking.scenes import scene  # noqa: F401


@pytest.fixture(autouse=True)
def nothing_kept():
    cache.clear()
    yield
    cache.clear()
