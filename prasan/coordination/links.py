"""Signed, expiring, single-request reply links for agencies' liaison officers (no account)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "prasan.coordination.reply"

EXPIRED = "ลิงก์นี้หมดอายุแล้ว กรุณาติดต่อสำนักงานรัฐมนตรีเพื่อขอลิงก์ใหม่"
INVALID = "ลิงก์ไม่ถูกต้อง กรุณาตรวจสอบว่าคัดลอกลิงก์มาครบถ้วน"
ANSWERED = "คำขอนี้ได้รับคำตอบแล้ว ขอบคุณที่ให้ความร่วมมือ"
CANCELLED = "สำนักงานรัฐมนตรียกเลิกคำขอนี้แล้ว ไม่ต้องตอบ"
REISSUED = "ลิงก์นี้ใช้ไม่ได้แล้ว เพราะมีการออกลิงก์ใหม่ โปรดใช้ลิงก์ล่าสุดที่ได้รับ"


class LinkError(Exception):
    """The link is expired, tampered with, or already used; says so in Thai and reveals nothing."""


class _IssuedSigner(signing.TimestampSigner):
    """Signs with the time the link was issued, not now: one link per issue, the same on every page."""

    def __init__(self, issued_at, **kwargs):
        self.issued_at = issued_at
        super().__init__(**kwargs)

    def timestamp(self):
        return signing.b62_encode(int(self.issued_at.timestamp()))


def make_token(request_obj) -> str:
    signer = _IssuedSigner(request_obj.link_issued_at, salt=SALT)
    return signer.sign_object({"r": request_obj.pk, "v": request_obj.link_version}, compress=True)


def reply_url(request_obj) -> str:
    return settings.BASE_URL + reverse("agency-reply", args=[make_token(request_obj)])


def closed_reason(request_obj) -> str:
    """Why a request takes no more answers, or "" while it is open."""
    if request_obj.status == request_obj.Status.ANSWERED:
        return ANSWERED
    if request_obj.status == request_obj.Status.CANCELLED:
        return CANCELLED
    return ""


def resolve(token: str):
    from .models import AgencyRequest

    max_age = settings.REPLY_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(EXPIRED) from None
    except signing.BadSignature:
        raise LinkError(INVALID) from None
    if not isinstance(data, dict):
        raise LinkError(INVALID)
    found = AgencyRequest.objects.select_related("matter__office", "agency").filter(pk=data.get("r")).first()
    if found is None:
        raise LinkError(INVALID)
    # Answered/cancelled first: an answer also bumps the version, and "already answered" is the truer word; a
    # request of another app's kind (reply_kinds) may be closed by what it belongs to, and says so first.
    from .reply_kinds import kind_of

    kind = kind_of(found)
    reason = (kind.closed_reason(found) if kind else "") or closed_reason(found)
    if reason:
        raise LinkError(reason)
    if found.link_version != data.get("v"):
        raise LinkError(REISSUED)
    return found
