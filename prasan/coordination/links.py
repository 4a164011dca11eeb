"""Signed, expiring, single-request reply links for agencies' liaison officers (no account)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "prasan.coordination.reply"


class LinkError(Exception):
    """The link is expired, tampered with, or already used; says so in Thai and reveals nothing."""


def make_token(request_obj) -> str:
    return signing.dumps({"r": request_obj.pk, "v": request_obj.link_version}, salt=SALT, compress=True)


def reply_url(request_obj) -> str:
    return settings.BASE_URL + reverse("agency-reply", args=[make_token(request_obj)])


def resolve(token: str):
    from .models import AgencyRequest

    max_age = settings.REPLY_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError("ลิงก์นี้หมดอายุแล้ว กรุณาติดต่อสำนักงานรัฐมนตรีเพื่อขอลิงก์ใหม่") from None
    except signing.BadSignature:
        raise LinkError("ลิงก์ไม่ถูกต้อง กรุณาตรวจสอบว่าคัดลอกลิงก์มาครบถ้วน") from None
    found = AgencyRequest.objects.select_related("matter", "agency").filter(pk=data.get("r")).first()
    if found is None or found.link_version != data.get("v"):
        raise LinkError("ลิงก์นี้ใช้ไม่ได้แล้ว (อาจตอบไปแล้วหรือมีการออกลิงก์ใหม่)")
    if found.status in (found.Status.ANSWERED, found.Status.CANCELLED):
        raise LinkError("คำขอนี้ได้รับคำตอบแล้ว ขอบคุณที่ให้ความร่วมมือ")
    return found
