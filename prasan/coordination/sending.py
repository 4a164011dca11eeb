"""Really sending: email through SMTP, LINE through the Messaging API push endpoint."""

import http.client
import json
import logging
import smtplib
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage

logger = logging.getLogger(__name__)
LINE_REFUSALS = {
    400: "ข้อความหรือผู้รับไม่ถูกต้อง",
    401: "channel access token ไม่ถูกต้อง (ตรวจ PRASAN_LINE_TOKEN)",
    403: "บัญชี LINE OA ไม่มีสิทธิ์ส่งถึงผู้รับนี้",
    429: "ส่งถี่เกินไปหรือเกินโควตาข้อความของเดือนนี้ โปรดลองใหม่ภายหลัง",
}


class SendError(Exception):
    """Delivery failed; `str(e)` is a Thai sentence for the person who pressed send."""


def send_email(to: str, subject: str, body: str, attachments=()) -> str:
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    for name, content, content_type in attachments:
        message.attach(name, content, content_type)
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendError(f"ส่งอีเมลไม่สำเร็จ: เซิร์ฟเวอร์อีเมลไม่รับผู้รับ {to}") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError("ส่งอีเมลไม่สำเร็จ: เข้าสู่ระบบเซิร์ฟเวอร์อีเมลไม่ได้ (ตรวจ PRASAN_SMTP_URL)") from exc
    except smtplib.SMTPException as exc:
        raise SendError(f"ส่งอีเมลไม่สำเร็จ: เซิร์ฟเวอร์อีเมลปฏิเสธ ({exc})") from exc
    except OSError as exc:  # refused, unreachable, timed out, TLS failure
        raise SendError(f"ส่งอีเมลไม่สำเร็จ: ติดต่อเซิร์ฟเวอร์อีเมลไม่ได้ ({exc})") from exc
    except ValueError as exc:  # Django refuses an address it cannot put in a header
        raise SendError(f"ส่งอีเมลไม่สำเร็จ: ที่อยู่อีเมล “{to[:100]}” ไม่ถูกต้อง") from exc
    except Exception as exc:  # a third-party backend may raise anything; the activity is kept either way
        logger.exception("sending email to %s failed", to)
        raise SendError("ส่งอีเมลไม่สำเร็จ: ระบบส่งอีเมลขัดข้อง (รายละเอียดอยู่ในบันทึกของระบบ)") from exc
    return f"ส่งอีเมลถึง {to} แล้ว"


def push_line(to: str, text: str) -> str:
    """POST /v2/bot/message/push with a Bearer channel access token (LINE Notify no longer exists)."""
    _post_line("/v2/bot/message/push", {"to": to, "messages": [{"type": "text", "text": text[:5000]}]})
    return f"ส่ง LINE ถึง {to} แล้ว"


def broadcast_line(text: str, *, retry_key: str = "") -> str:
    """POST /v2/bot/message/broadcast: one message to every friend of the office's LINE Official Account.
    `retry_key` (a UUID) is sent as X-Line-Retry-Key, so a retried broadcast reaches nobody twice."""
    _post_line("/v2/bot/message/broadcast", {"messages": [{"type": "text", "text": text[:5000]}]},
               {"X-Line-Retry-Key": retry_key} if retry_key else {})
    return "ส่งข้อความถึงผู้ติดตามบัญชี LINE ของสำนักงานแล้ว"


def _post_line(path: str, body: dict, extra_headers: dict | None = None) -> None:
    if not settings.LINE_TOKEN:
        raise SendError("ยังไม่ได้ตั้งค่า PRASAN_LINE_TOKEN จึงส่ง LINE ไม่ได้")
    payload = json.dumps(body).encode()
    try:
        request = urllib.request.Request(
            settings.LINE_API_URL + path,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.LINE_TOKEN}",
                     **(extra_headers or {})},
        )
        with urllib.request.urlopen(request, timeout=15) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        if exc.code == 409 and "X-Line-Retry-Key" in (extra_headers or {}):
            return  # LINE already accepted this very request (same retry key): it went out once
        reason = LINE_REFUSALS.get(exc.code, "ระบบ LINE ขัดข้อง โปรดลองใหม่ภายหลัง" if exc.code >= 500 else "")
        raise SendError(f"ส่ง LINE ไม่สำเร็จ: {reason} (HTTP {exc.code}) {detail}".replace("  ", " ")) from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        raise SendError(f"ส่ง LINE ไม่สำเร็จ: ติดต่อ LINE ไม่ได้ ({exc})") from exc
    except ValueError as exc:  # a malformed PRASAN_LINE_API_URL
        raise SendError(f"ส่ง LINE ไม่สำเร็จ: ตั้งค่า PRASAN_LINE_API_URL ไม่ถูกต้อง ({exc})") from exc
