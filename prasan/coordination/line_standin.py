"""A local stand-in of the LINE Messaging API push and broadcast endpoints, for tests and demos without LINE.

It answers the way https://api.line.me/v2/bot/message/push and …/broadcast do: 401 on a wrong Bearer token,
400 on a body that is not a valid push (or broadcast, which names no recipient), 409 on a broadcast repeating an
accepted X-Line-Retry-Key, 200 with `sentMessages` (push) or `{}` (broadcast) otherwise; it can be told
to fail (500, 429, …) so delivery failures can be shown and tested.
"""

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PUSH_PATH = "/v2/bot/message/push"
BROADCAST_PATH = "/v2/bot/message/broadcast"
MAX_MESSAGES = 5
MAX_TEXT = 5000


@dataclass
class Push:
    """One accepted push: who it was for and its messages, plus the headers it came with."""

    to: str
    messages: list
    headers: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.messages)


@dataclass
class Broadcast:
    """One accepted broadcast (to every friend of the account): its messages and headers."""

    messages: list
    headers: dict = field(default_factory=dict)
    to = "ผู้ติดตามบัญชี LINE ของสำนักงานทุกคน (broadcast)"

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.messages)


def problems(body, *, broadcast: bool = False) -> list[dict]:
    """What is wrong with a push (or broadcast) body, in LINE's `details` shape; empty when it is valid."""
    if not isinstance(body, dict):
        return [{"message": "must be a JSON object", "property": ""}]
    found = []
    if not broadcast and (not isinstance(body.get("to"), str) or not body.get("to")):
        found.append({"message": "may not be empty", "property": "to"})
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        found.append({"message": "may not be empty", "property": "messages"})
        return found
    if len(messages) > MAX_MESSAGES:
        found.append({"message": f"size must be between 1 and {MAX_MESSAGES}", "property": "messages"})
    for i, message in enumerate(messages):
        where = f"messages[{i}]"
        if not isinstance(message, dict) or message.get("type") != "text":
            found.append({"message": "must be a text message", "property": f"{where}.type"})
            continue
        text = message.get("text")
        if not isinstance(text, str) or not text:
            found.append({"message": "may not be empty", "property": f"{where}.text"})
        elif len(text) > MAX_TEXT:
            found.append({"message": f"length must be between 0 and {MAX_TEXT}", "property": f"{where}.text"})
    return found


class LineStandin:
    """Serve the push endpoint on host:port in a background thread; `pushes` holds what arrived."""

    def __init__(self, token: str, host: str = "127.0.0.1", port: int = 0, on_push=None):
        self.token = token
        self.pushes: list[Push] = []
        self.broadcasts: list[Broadcast] = []
        self._retry_keys: set[str] = set()
        self.on_push = on_push
        self._failure: tuple[int, dict] | None = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        self._serving = False

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        host = self._server.server_address[0]
        return f"http://{host}:{self.port}"

    def fail(self, status: int = 500, message: str = "An error occurred in the server.") -> None:
        """Answer every push with this error until `succeed()` is called."""
        with self._lock:
            self._failure = (status, {"message": message})

    def succeed(self) -> None:
        with self._lock:
            self._failure = None

    def start(self) -> "LineStandin":
        """Serve in a background thread (tests)."""
        self._serving = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="line-standin", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until stop() is called from another one, or Ctrl-C (the command)."""
        self._serving = True
        self._server.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        """Stop serving and close the socket; safe to call twice and from any thread."""
        if self._serving:
            self._serving = False
            self._server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    # Called from the handler thread.
    def _answer(self, authorization: str, raw: bytes, headers: dict, *, broadcast: bool = False) -> tuple[int, dict]:
        if authorization != f"Bearer {self.token}":
            return 401, {"message": "Authentication failed. Confirm that the access token in the "
                                    "authorization header is valid."}
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return 400, {"message": "The request body has 1 error(s)",
                         "details": [{"message": "must be valid JSON", "property": ""}]}
        details = problems(body, broadcast=broadcast)
        if details:
            return 400, {"message": f"The request body has {len(details)} error(s)", "details": details}
        with self._lock:
            if self._failure is not None:
                return self._failure
            if broadcast:
                status, payload, push = self._broadcast(body, headers)
            else:
                push = Push(to=body["to"], messages=body["messages"], headers=headers)
                self.pushes.append(push)
                status, payload = 200, {"sentMessages": [{"id": uuid.uuid4().hex[:18], "quoteToken": uuid.uuid4().hex}
                                                          for _ in body["messages"]]}
        if push is not None and self.on_push is not None:
            self.on_push(push)
        return status, payload


    def _broadcast(self, body: dict, headers: dict) -> tuple[int, dict, "Broadcast | None"]:
        retry_key = next((v for k, v in headers.items() if k.lower() == "x-line-retry-key"), "")
        if retry_key and retry_key in self._retry_keys:
            return 409, {"message": "The retry key is already accepted"}, None
        if retry_key:
            self._retry_keys.add(retry_key)
        accepted = Broadcast(messages=body["messages"], headers=headers)
        self.broadcasts.append(accepted)
        return 200, {}, accepted


def _handler_for(standin: LineStandin):
    class Handler(BaseHTTPRequestHandler):
        server_version = "LineStandin/1"

        def do_POST(self):  # noqa: N802 (http.server's naming)
            path = self.path.split("?", 1)[0]
            if path not in (PUSH_PATH, BROADCAST_PATH):
                return self._reply(404, {"message": "Not found"})
            if not self.headers.get("Content-Type", "").startswith("application/json"):
                return self._reply(415, {"message": "Content-Type must be application/json"})
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            headers = dict(self.headers.items())
            status, payload = standin._answer(self.headers.get("Authorization", ""), raw, headers,
                                              broadcast=path == BROADCAST_PATH)
            self._reply(status, payload)

        def do_GET(self):  # noqa: N802
            self._reply(405, {"message": "Method not allowed; POST " + PUSH_PATH})

        def _reply(self, status: int, payload: dict) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):  # noqa: A002 — quiet; pushes are reported by on_push
            pass

    return Handler
