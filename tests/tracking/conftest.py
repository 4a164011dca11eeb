"""Tracking tests run against a real SMTP server and the LINE push stand-in."""

from tests.servers import line_server, smtp_server  # noqa: F401
