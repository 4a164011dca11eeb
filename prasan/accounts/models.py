"""Users of the office: role, unit, secrecy clearance, and API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from prasan.matters.choices import CLEARANCE_CHOICES


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "เจ้าหน้าที่ประสานงาน"
    GROUP_HEAD = "group_head", "หัวหน้ากลุ่มงาน"
    HEAD = "head", "หัวหน้าสำนักงานรัฐมนตรี"
    EXECUTIVE = "executive", "ผู้บริหาร (รัฐมนตรี/ผู้ได้รับมอบหมาย)"
    REGISTRAR = "registrar", "เจ้าหน้าที่สารบรรณ"
    AUDITOR = "auditor", "ผู้ตรวจสอบ"
    ADMIN = "admin", "ผู้ดูแลระบบ"


class User(AbstractUser):
    role = models.CharField("บทบาท", max_length=20, choices=Role.choices, default=Role.COORDINATOR)
    unit = models.ForeignKey(
        "directory.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="members",
        verbose_name="กลุ่มงาน",
    )
    # The secrecy levels themselves (matters.choices.Secrecy): the clearance reaching a level opens it.
    clearance = models.IntegerField("ชั้นความลับที่เข้าถึงได้", choices=CLEARANCE_CHOICES, default=0)
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=50, blank=True)
    line_user_id = models.CharField("รหัสผู้ใช้ LINE", max_length=100, blank=True)

    class Meta:
        verbose_name = "ผู้ใช้"
        verbose_name_plural = "ผู้ใช้"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_staff_role(self) -> bool:
        """Everyone who works matters (everyone but the auditor and the system admin)."""
        return self.role in {Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR}


class TokenScope(models.TextChoices):
    READ = "read", "อ่านอย่างเดียว"
    READ_WRITE = "read_write", "อ่านและเขียน"


def default_token_expiry():
    return timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)


class ApiToken(models.Model):
    """Only the SHA-256 of a token is stored; the token itself is shown once.

    A token is good until `expires_at`, and a read-only one may only read (GET/HEAD/OPTIONS).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="ผู้ใช้")
    name = models.CharField("ชื่อ", max_length=100, blank=True)
    prefix = models.CharField("อักษรต้นของโทเคน", max_length=8)
    digest = models.CharField("ค่าแฮชของโทเคน", max_length=64, unique=True)
    scope = models.CharField("สิทธิ์", max_length=12, choices=TokenScope.choices, default=TokenScope.READ)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    expires_at = models.DateTimeField("หมดอายุ", default=default_token_expiry)
    last_used_at = models.DateTimeField("ใช้ล่าสุดเมื่อ", null=True, blank=True)
    revoked = models.BooleanField("ยกเลิกแล้ว", default=False)

    class Meta:
        verbose_name = "โทเคน API"
        verbose_name_plural = "โทเคน API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def may_write(self) -> bool:
        return self.scope == TokenScope.READ_WRITE

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "", *, scope: str = TokenScope.READ_WRITE,
              days: int | None = None) -> tuple["ApiToken", str]:
        raw = "prs_" + secrets.token_urlsafe(32)
        expires_at = timezone.now() + timedelta(days=days if days is not None else settings.API_TOKEN_DAYS)
        token = cls.objects.create(user=user, name=name, prefix=raw[:8], digest=cls.hash(raw), scope=scope,
                                   expires_at=expires_at)
        return token, raw

    @classmethod
    def find(cls, raw: str) -> "ApiToken | None":
        """The unrevoked token of an active user behind `raw`, expired or not (the caller says which)."""
        token = cls.objects.select_related("user").filter(digest=cls.hash(raw), revoked=False).first()
        if token is None or not token.user.is_active:
            return None
        return token

    @classmethod
    def authenticate(cls, raw: str) -> User | None:
        token = cls.find(raw)
        if token is None or token.expired:
            return None
        token.touch()
        return token.user

    def touch(self) -> None:
        type(self).objects.filter(pk=self.pk).update(last_used_at=timezone.now())


class SecretFeed(models.Model):
    """A calendar (ICS) under a secret URL, read by calendar apps without a login; revoking it makes the old URL
    answer 404. The token is kept as issued (not hashed) so its owner can copy the URL again from its page.
    Each kind (the personal calendar, the minister's agenda) adds its `user` and is revoked apart from the other."""

    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    revoked_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def active_for(cls, user):
        return cls.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at").first()

    @classmethod
    def issue(cls, user):
        """A new link for `user`; any older one stops working, so there is one URL to keep secret."""
        cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        return cls.objects.create(user=user, token=secrets.token_urlsafe(32))

    @classmethod
    def revoke_all(cls, user) -> int:
        return cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())

    @classmethod
    def resolve(cls, token: str):
        """The active user behind an unrevoked token, or None."""
        if not token or len(token) > 64:
            return None
        feed = cls.objects.select_related("user").filter(token=token, revoked_at__isnull=True).first()
        if feed is None or not feed.user.is_active:
            return None
        return feed.user


class CalendarFeed(SecretFeed):
    """A personal ICS feed (tracking/ics.py): it grants read access only to what the feed shows, and secret matters
    show no title."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="calendar_feeds", verbose_name="ผู้ใช้")

    class Meta:
        verbose_name = "ลิงก์ปฏิทินส่วนตัว"
        verbose_name_plural = "ลิงก์ปฏิทินส่วนตัว"

    def __str__(self) -> str:
        return f"{self.token[:6]}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


from .throttle import SignInFailure  # noqa: E402,F401  (models of their own modules, registered here)
from .twofactor import RecoveryCode  # noqa: E402,F401
