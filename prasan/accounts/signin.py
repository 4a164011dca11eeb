"""Signing in as a sequence: password → (the app's code, or setting the app up) → signed in.

Between the steps the session holds only a "pending" note (who, since when, where to go next);
the person is not signed in until the last step, so no page but the next step is open to them.
"""

import time

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from prasan.audit.models import record

from . import idle, throttle
from .models import User

PENDING = "prasan_signin_pending"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def start_pending(request, user: User, next_url: str) -> None:
    request.session.cycle_key()
    request.session[PENDING] = {"user": user.pk, "at": int(time.time()), "next": next_url}


def pending_user(request) -> User | None:
    note = request.session.get(PENDING)
    if not note:
        return None
    if time.time() - note.get("at", 0) > settings.TWO_FACTOR_PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    return User.objects.filter(pk=note["user"], is_active=True).first()


def pending_next(request) -> str:
    return (request.session.get(PENDING) or {}).get("next", "")


def complete(request, user: User, method: str, device=None) -> None:
    """Sign in for real: a new session, the user's earlier failures forgiven, audited."""
    request.session.pop(PENDING, None)
    login(request, user, backend=BACKEND)
    if device is not None:
        from django_otp import login as otp_login

        otp_login(request, device)
    throttle.clear(user.get_username())
    record(user, "signin", user, address=throttle.client_address(request), second_factor=method)


@receiver(user_logged_in)
def _start_idle_clock(sender, request, user, **kwargs):
    # Every way of signing in (these pages, Django's test client) starts the idle clock, so the
    # first pages after it need not write the session.
    if request is not None and hasattr(request, "session"):
        idle.touch(request.session)


@receiver(user_logged_out)
def _audit_signout(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "signout_reason", "user")
        record(user, "signout", user, address=throttle.client_address(request), reason=reason)
