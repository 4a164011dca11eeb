"""Real local servers for tests: an SMTP server (aiosmtpd) and the LINE push stand-in.

Import the fixtures into a test directory's conftest.py:
    from tests.servers import line_server, smtp_server  # noqa: F401
"""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from prasan.coordination.line_standin import LineStandin

LINE_TEST_TOKEN = "test-line-channel-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Collector:
    def __init__(self, sink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        self.sink.append(message)
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on 127.0.0.1; `messages` are parsed `email.message.EmailMessage`s."""

    def __init__(self):
        self.messages: list = []
        self.host = "127.0.0.1"
        self.port = 0
        self._controller = None

    def start(self) -> "SmtpServer":
        # aiosmtpd needs a concrete port; another process may take it first, so try a few.
        for attempt in range(5):
            self.port = free_port()
            controller = Controller(_Collector(self.messages), hostname=self.host, port=self.port,
                                    ready_timeout=5)
            try:
                controller.start()
            except Exception:
                if attempt == 4:
                    raise
                continue
            self._controller = controller
            return self
        raise RuntimeError("no free port for the SMTP server")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @staticmethod
    def body(message) -> str:
        """The plain-text body, decoded from whatever transfer encoding was used."""
        return message.get_body(preferencelist=("plain",)).get_content()

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m.envelope_to]


@pytest.fixture
def smtp_server(settings):
    server = SmtpServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "prasan@moe.example"
    yield server
    server.stop()


@pytest.fixture
def line_server(settings):
    # Pushes are recorded before the reply is written: once push_line() returns, it is in `pushes`.
    server = LineStandin(LINE_TEST_TOKEN).start()
    settings.LINE_API_URL = server.url
    settings.LINE_TOKEN = LINE_TEST_TOKEN
    yield server
    server.stop()
