"""Really sending: email through SMTP, LINE through the Messaging API push endpoint."""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage


class SendError(Exception):
    """Delivery failed; `str(e)` is a Thai sentence for the person who pressed send."""


def send_email(to: str, subject: str, body: str, attachments=()) -> str:
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    for name, content, content_type in attachments:
        message.attach(name, content, content_type)
    try:
        message.send(fail_silently=False)
    except (OSError, Exception) as exc:  # smtplib errors derive from OSError; backends may raise others
        raise SendError(f"ส่งอีเมลไม่สำเร็จ: {exc}") from exc
    return f"ส่งอีเมลถึง {to} แล้ว"


def push_line(to: str, text: str) -> str:
    """POST /v2/bot/message/push with a Bearer channel access token (LINE Notify no longer exists)."""
    if not settings.LINE_TOKEN:
        raise SendError("ยังไม่ได้ตั้งค่า PRASAN_LINE_TOKEN จึงส่ง LINE ไม่ได้")
    payload = json.dumps({"to": to, "messages": [{"type": "text", "text": text[:5000]}]}).encode()
    request = urllib.request.Request(
        settings.LINE_API_URL + "/v2/bot/message/push",
        data=payload,
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.LINE_TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise SendError(f"LINE ปฏิเสธการส่ง (HTTP {exc.code}): {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise SendError(f"ติดต่อ LINE ไม่ได้: {exc}") from exc
    return f"ส่ง LINE ถึง {to} แล้ว"
