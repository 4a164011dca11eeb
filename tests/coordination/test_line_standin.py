"""The LINE push stand-in answers like the Messaging API, so push_line() is tested against real HTTP."""

import io
import json
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command

from prasan.coordination.line_standin import LineStandin
from prasan.coordination.management.commands import line_standin
from prasan.coordination.sending import SendError, push_line
from tests.servers import LINE_TEST_TOKEN, free_port


def raw_push(server, body, token=LINE_TEST_TOKEN, content_type="application/json"):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(server.url + "/v2/bot/message/push", data=data, method="POST",
                                     headers={"Content-Type": content_type, "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_push_line_delivers_thai_text(line_server):
    detail = push_line("Uabc", "สวัสดีค่ะ ขอข้อมูลด่วนที่สุด")

    assert detail == "ส่ง LINE ถึง Uabc แล้ว"
    [push] = line_server.pushes
    assert (push.to, push.text) == ("Uabc", "สวัสดีค่ะ ขอข้อมูลด่วนที่สุด")
    assert push.messages == [{"type": "text", "text": "สวัสดีค่ะ ขอข้อมูลด่วนที่สุด"}]


def test_push_line_cuts_text_to_lines_limit(line_server):
    push_line("Uabc", "ก" * 6000)

    assert len(line_server.pushes[0].text) == 5000


def test_a_wrong_token_is_refused_like_line_does(line_server, settings):
    settings.LINE_TOKEN = "wrong"

    with pytest.raises(SendError) as failure:
        push_line("Uabc", "ข้อความ")

    assert "HTTP 401" in str(failure.value)
    assert "PRASAN_LINE_TOKEN" in str(failure.value)
    assert "Authentication failed" in str(failure.value)
    assert line_server.pushes == []


def test_no_token_configured_is_said_in_thai(settings):
    settings.LINE_TOKEN = ""

    with pytest.raises(SendError, match="ยังไม่ได้ตั้งค่า PRASAN_LINE_TOKEN"):
        push_line("Uabc", "ข้อความ")


def test_an_unreachable_line_is_a_send_error(settings):
    settings.LINE_TOKEN = "x"
    settings.LINE_API_URL = f"http://127.0.0.1:{free_port()}"

    with pytest.raises(SendError, match="ติดต่อ LINE ไม่ได้"):
        push_line("Uabc", "ข้อความ")


def test_a_malformed_api_url_is_a_send_error(settings):
    settings.LINE_TOKEN = "x"
    settings.LINE_API_URL = "api.line.me"

    with pytest.raises(SendError, match="PRASAN_LINE_API_URL"):
        push_line("Uabc", "ข้อความ")


def test_a_told_failure_then_recovery(line_server):
    line_server.fail(429, "You have reached your monthly limit.")
    with pytest.raises(SendError) as failure:
        push_line("Uabc", "ข้อความ")
    assert "HTTP 429" in str(failure.value)
    assert "เกินโควตา" in str(failure.value)

    line_server.succeed()
    push_line("Uabc", "ข้อความ")
    assert len(line_server.pushes) == 1


@pytest.mark.parametrize("body, field", [
    ({"messages": [{"type": "text", "text": "x"}]}, "to"),
    ({"to": "U1", "messages": []}, "messages"),
    ({"to": "U1", "messages": [{"type": "text", "text": ""}]}, "messages[0].text"),
    ({"to": "U1", "messages": [{"type": "sticker"}]}, "messages[0].type"),
    ({"to": "U1", "messages": [{"type": "text", "text": "x"}] * 6}, "messages"),
    ({"to": "U1", "messages": [{"type": "text", "text": "x" * 5001}]}, "messages[0].text"),
])
def test_the_standin_rejects_bad_bodies(line_server, body, field):
    status, payload = raw_push(line_server, body)

    assert status == 400
    assert field in [d["property"] for d in payload["details"]]
    assert line_server.pushes == []


def test_the_standin_rejects_non_json(line_server):
    assert raw_push(line_server, b"not json")[0] == 400
    assert raw_push(line_server, b"{}", content_type="text/plain")[0] == 415


def test_the_standin_answers_sent_messages(line_server):
    status, payload = raw_push(line_server, {"to": "U1", "messages": [{"type": "text", "text": "a"}] * 2})

    assert status == 200
    assert len(payload["sentMessages"]) == 2


def test_the_standin_serves_on_a_chosen_port():
    port = free_port()
    server = LineStandin("t", port=port).start()
    try:
        assert server.url == f"http://127.0.0.1:{port}"
        assert raw_push(server, {"to": "U1", "messages": [{"type": "text", "text": "a"}]}, token="t")[0] == 200
    finally:
        server.stop()


def test_the_command_serves_and_prints_pushes():
    """`prasan line_standin --port N` runs by hand until Ctrl-C; here it runs in a thread for a moment."""
    port = free_port()
    out = io.StringIO()
    command = line_standin.Command(stdout=out)
    thread = threading.Thread(target=call_command, args=(command, "--port", str(port), "--token", "demo"))
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while "Ctrl-C" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert f"PRASAN_LINE_API_URL=http://127.0.0.1:{port}" in out.getvalue()
        assert "PRASAN_LINE_TOKEN=demo" in out.getvalue()
        server = command.standin
        assert raw_push(server, {"to": "Ugroup", "messages": [{"type": "text", "text": "ทดสอบส่ง"}]},
                        token="demo")[0] == 200
        assert raw_push(server, {"to": "U", "messages": [{"type": "text", "text": "x"}]}, token="no")[0] == 401
    finally:
        command.standin.stop()
        thread.join(timeout=5)
    printed = out.getvalue()
    assert "LINE ถึง Ugroup" in printed
    assert "ทดสอบส่ง" in printed
    assert "ได้รับ 1 ข้อความ" in printed
