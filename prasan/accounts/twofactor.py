"""Two-step sign-in: a TOTP app (django-otp's TOTPDevice) plus one-time recovery codes.

Who must use it is the office's setting (`Office.two_factor_required`, on by default): the head of
office, the executives, the system admin and anyone cleared for ลับที่สุด. Anyone else who has set
up an app is asked for its code too.
"""

import hashlib
import math
import secrets

import segno
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from prasan.audit.models import record
from prasan.matters.choices import Secrecy

from .models import Role

RECOVERY_CODE_COUNT = 10
# No 0/O, 1/I/L: the codes are read off paper.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
DEVICE_NAME = "แอปยืนยันตัวตน"


class RecoveryCode(models.Model):
    """A one-time code for when the phone is lost; only its hash is kept, like a password."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes",
                             verbose_name="ผู้ใช้")
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "รหัสกู้คืน"
        verbose_name_plural = "รหัสกู้คืน"
        indexes = [models.Index(fields=["user", "digest"])]

    def __str__(self) -> str:
        return f"รหัสกู้คืนของ {self.user}"

    @staticmethod
    def hash(user_id: int, code: str) -> str:
        cleaned = "".join(ch for ch in code.casefold() if ch.isalnum())
        return hashlib.sha256(f"{user_id}:{cleaned}".encode()).hexdigest()


def office_requires_two_factor() -> bool:
    from prasan.directory.models import Office

    required = Office.objects.order_by("id").values_list("two_factor_required", flat=True).first()
    return True if required is None else required


def role_needs_two_factor(user) -> bool:
    return (user.role in (Role.HEAD, Role.EXECUTIVE, Role.ADMIN) or user.is_superuser
            or user.clearance >= Secrecy.TOP_SECRET)


def required_for(user) -> bool:
    return role_needs_two_factor(user) and office_requires_two_factor()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def next_step(user) -> str | None:
    """What a user who typed the right password must do before being signed in."""
    if confirmed_device(user) is not None:
        return "verify"
    if required_for(user):
        return "enrol"
    return None


def pending_device(user) -> TOTPDevice:
    """The app being set up: the same secret across reloads of the enrolment page, so the QR code
    the person already scanned stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG QR code, made here (nothing leaves the server)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2, dark="#111", light="#fff")


def manual_key(device: TOTPDevice) -> str:
    """The secret in Base32 in groups of four, for typing into an app that cannot scan."""
    import base64

    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _clean_code(code: str) -> str:
    return "".join(ch for ch in (code or "") if not ch.isspace())


def wait_seconds(user) -> int:
    """After wrong codes django-otp makes the next try wait (1, 2, 4 … s); how long is left."""
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()
    if device is None:
        return 0
    allowed, detail = device.verify_is_allowed()
    if allowed or not detail or "locked_until" not in detail:
        return 0
    return max(1, math.ceil((detail["locked_until"] - timezone.now()).total_seconds()))


def verify_app_code(device: TOTPDevice, code: str) -> bool:
    """django-otp checks the code, refuses a code used once already, and slows down guessing."""
    code = _clean_code(code)
    return code.isdigit() and len(code) == device.digits and device.verify_token(code)


def confirm(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Finish setting up the app with its first code: the new recovery codes, or None if wrong."""
    if not verify_app_code(device, code):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(user, audit=False)
        record(user, "two_factor_enrolled", user, device=device.name)
    return codes


def new_recovery_codes(user, audit: bool = True) -> list[str]:
    """Replace the user's recovery codes; the codes are returned once and never shown again."""
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(8))
        codes.append(f"{raw[:4]}-{raw[4:]}")
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create([RecoveryCode(user=user, digest=RecoveryCode.hash(user.pk, c)) for c in codes])
        if audit:
            record(user, "recovery_codes_renewed", user)
    return codes


def use_recovery_code(user, code: str) -> bool:
    with transaction.atomic():
        used = RecoveryCode.objects.filter(user=user, used_at__isnull=True,
                                           digest=RecoveryCode.hash(user.pk, code)).update(used_at=timezone.now())
    return used == 1


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def verify(user, code: str) -> str | None:
    """'totp' or 'recovery' for a right code, None for a wrong one."""
    device = confirmed_device(user)
    cleaned = _clean_code(code)
    if device is not None and cleaned.isdigit():
        return "totp" if verify_app_code(device, cleaned) else None
    return "recovery" if cleaned and use_recovery_code(user, cleaned) else None


def disable(user, by) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        record(by, "two_factor_removed", user)
