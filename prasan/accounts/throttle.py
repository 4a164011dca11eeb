"""Sign-in throttling: too many wrong passwords (or codes) for one user or from one address lock
that user or address out for a while, whatever is typed next.

Failures are rows (not cache entries) so every web worker sees the same count and a restart
forgets nothing; the window slides, so a lock lifts by itself `LOGIN_LOCKOUT_MINUTES` after the
failures that caused it.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from prasan.audit.models import record


class SignInFailure(models.Model):
    username = models.CharField("ชื่อผู้ใช้ที่พิมพ์", max_length=150)
    address = models.CharField("ที่อยู่ IP", max_length=45)
    reason = models.CharField("เหตุ", max_length=20, default="password")
    at = models.DateTimeField("เวลา", default=timezone.now)

    class Meta:
        verbose_name = "การเข้าสู่ระบบที่ไม่สำเร็จ"
        verbose_name_plural = "การเข้าสู่ระบบที่ไม่สำเร็จ"
        indexes = [models.Index(fields=["username", "at"]), models.Index(fields=["address", "at"])]

    def __str__(self) -> str:
        return f"{self.username} @ {self.address}"


@dataclass(frozen=True)
class Lockout:
    until: object  # datetime
    by_address: bool

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil((self.until - timezone.now()).total_seconds() / 60))

    @property
    def message(self) -> str:
        who = "จากเครื่องนี้" if self.by_address else "ของบัญชีนี้"
        return (f"เข้าสู่ระบบผิดหลายครั้งเกินกำหนด ระบบระงับการเข้าสู่ระบบ{who}ไว้ชั่วคราว "
                f"กรุณาลองใหม่ในอีก {self.minutes_left} นาที หรือติดต่อผู้ดูแลระบบ")


def normalise(username: str) -> str:
    return (username or "").strip().casefold()[:150]


def client_address(request) -> str:
    """The address a request came from, for counting attempts (log-ins, the public forms).

    REMOTE_ADDR, unless it is one of the office's own reverse proxies (PRASAN_TRUSTED_PROXIES): then the
    nearest address in X-Forwarded-For that is not one of them — the one the proxy itself saw. Anything further
    left is whatever the caller wrote, and trusting it would let an attacker pick a fresh "address" for every
    guess; trusting no proxy would count every citizen behind it as one."""
    if request is None:
        return ""
    address = (request.META.get("REMOTE_ADDR") or "").strip()
    trusted = settings.TRUSTED_PROXIES
    if address in trusted:
        hops = [hop.strip() for hop in (request.META.get("HTTP_X_FORWARDED_FOR") or "").split(",") if hop.strip()]
        while hops and hops[-1] in trusted:
            hops.pop()
        if hops:
            address = hops[-1]
    return address[:45]


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def _lock_from(failures: models.QuerySet, limit: int, by_address: bool) -> Lockout | None:
    recent = list(failures.filter(at__gte=_window_start()).order_by("-at").values_list("at", flat=True)[:limit])
    if len(recent) < limit:
        return None
    # The lock lifts when the oldest of the `limit` latest failures leaves the window.
    return Lockout(until=recent[-1] + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES), by_address=by_address)


def lockout(username: str, address: str) -> Lockout | None:
    """The lock on this user name or this address, if either has one now."""
    name = normalise(username)
    if name:
        found = _lock_from(SignInFailure.objects.filter(username=name), settings.LOGIN_MAX_FAILURES, False)
        if found:
            return found
    if address:
        return _lock_from(SignInFailure.objects.filter(address=address),
                          settings.LOGIN_MAX_FAILURES_PER_ADDRESS, True)
    return None


def record_failure(username: str, address: str, reason: str = "password", user=None) -> Lockout | None:
    """Count one failure and audit it; if it is the one that locks, audit the lock-out too."""
    name = normalise(username)
    SignInFailure.objects.create(username=name, address=address, reason=reason)
    subject = user if user is not None else ("accounts.signin", name[:64])
    record(None, "signin_failed", subject, username=name, address=address, reason=reason)
    locked = lockout(name, address)
    if locked is not None:
        record(None, "signin_locked", subject, username=name, address=address,
               scope="address" if locked.by_address else "user", until=locked.until)
    return locked


def clear(username: str) -> None:
    """A successful sign-in forgives that user's earlier mistakes (never the address's: one
    account the attacker knows must not reset the count of guesses at the others)."""
    SignInFailure.objects.filter(username=normalise(username)).delete()


def purge_older_than(days: int = 30) -> int:
    return SignInFailure.objects.filter(at__lt=timezone.now() - timedelta(days=days)).delete()[0]
