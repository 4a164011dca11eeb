"""Throttling the public pages: a flood of filings, or guesses at the status page, from one address (and from
everywhere at once, for a flood spread over many addresses) is refused with a Thai message until the window
slides on. The limits are settings (PRASAN_PUBLIC_* in prasan/settings.py)."""

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from prasan.accounts.throttle import client_address

from .models import PublicAttempt


@dataclass(frozen=True)
class Limit:
    kinds: tuple
    per_address: int
    overall: int
    minutes: int
    message: str  # with {minutes}


def filing_limit() -> Limit:
    return Limit(("filed", "bot"), settings.PUBLIC_COMPLAINTS_PER_ADDRESS, settings.PUBLIC_COMPLAINTS_OVERALL, 60,
                 "มีการส่งเรื่องจากเครื่องนี้หรือเครือข่ายนี้บ่อยเกินไป ระบบจึงพักรับเรื่องไว้ชั่วคราว "
                 "กรุณาลองใหม่ในอีก {minutes} นาที หรือโทรศัพท์ติดต่อสำนักงาน")


def upload_limit() -> Limit:
    """Forms sent with files, valid or not: each file is opened to check it (a PDF in the sandbox), so sending
    them again and again must not cost the server without end."""
    return Limit(("upload",), settings.PUBLIC_COMPLAINTS_PER_ADDRESS * 4, settings.PUBLIC_COMPLAINTS_OVERALL * 2,
                 60, "ส่งแบบฟอร์มพร้อมไฟล์แนบจากเครื่องนี้บ่อยเกินไป กรุณาลองใหม่ในอีก {minutes} นาที "
                     "หรือส่งโดยไม่แนบไฟล์ แล้วนำหลักฐานมาให้สำนักงานภายหลัง")


def status_limit() -> Limit:
    return Limit(("missed",), settings.PUBLIC_STATUS_MISSES_PER_ADDRESS, settings.PUBLIC_STATUS_MISSES_OVERALL, 15,
                 "ตรวจสอบด้วยเลขที่เรื่องหรือรหัสที่ไม่ถูกต้องหลายครั้งเกินไป กรุณาลองใหม่ในอีก {minutes} นาที")


def refused(request, limit: Limit) -> str | None:
    """The Thai message if this request must wait, else None."""
    since = timezone.now() - dt.timedelta(minutes=limit.minutes)
    recent = PublicAttempt.objects.filter(kind__in=limit.kinds, at__gte=since)
    address = client_address(request)
    for rows, cap in ((recent.filter(address=address), limit.per_address), (recent, limit.overall)):
        times = list(rows.order_by("-at").values_list("at", flat=True)[:cap])
        if len(times) >= cap:
            wait = times[-1] + dt.timedelta(minutes=limit.minutes) - timezone.now()
            return limit.message.format(minutes=max(1, math.ceil(wait.total_seconds() / 60)))
    return None


def count(request, kind: str) -> None:
    now = timezone.now()
    PublicAttempt.objects.create(kind=kind, address=client_address(request), at=now)
    PublicAttempt.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()  # only the last hour counts
