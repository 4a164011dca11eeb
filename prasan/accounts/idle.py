"""Idle timeout: a session unused for IDLE_TIMEOUT_MINUTES is signed out on its next request.

The last activity is kept in the session, written at most once a minute (not on every request);
static/js/idle.js warns IDLE_WARNING_SECONDS before and asks /account/session, which reads the
time left without counting as activity, so a page left open in another tab is judged correctly.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse

LAST_ACTIVITY = "prasan_last_activity"
WRITE_EVERY_SECONDS = 60


def timeout_seconds() -> int:
    return int(settings.IDLE_TIMEOUT_MINUTES * 60)


def seconds_left(session) -> int:
    last = session.get(LAST_ACTIVITY)
    if last is None:
        return timeout_seconds()
    return max(0, int(last + timeout_seconds() - time.time()))


def touch(session, now: float | None = None) -> None:
    session[LAST_ACTIVITY] = int(now if now is not None else time.time())


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            refused = self._check(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _check(self, request):
        now = time.time()
        last = request.session.get(LAST_ACTIVITY)
        if last is not None and now - last > timeout_seconds():
            request.signout_reason = "idle"
            logout(request)
            minutes = round(settings.IDLE_TIMEOUT_MINUTES)
            text = f"ออกจากระบบอัตโนมัติแล้ว เพราะไม่มีการใช้งานเกิน {minutes} นาที กรุณาเข้าสู่ระบบอีกครั้ง"
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": text}, status=401, json_dumps_params={"ensure_ascii": False})
            # Kept for the sign-in page, whichever request found the session idle: the idle script's
            # own check (JSON) is usually the one, and the page it reloads must still say why.
            messages.warning(request, text)
            if request.headers.get("Accept", "").startswith("application/json"):
                return JsonResponse({"detail": text}, status=401, json_dumps_params={"ensure_ascii": False})
            if request.headers.get("HX-Request"):
                response = JsonResponse({"detail": text}, status=401, json_dumps_params={"ensure_ascii": False})
                response["HX-Redirect"] = reverse("login")
                return response
            return redirect_to_login(request.get_full_path() if request.method == "GET" else "/")
        # Asking how long is left is not activity (else the warning would keep the session alive).
        if request.path != reverse("session-status") or request.method == "POST":
            if last is None or now - last >= WRITE_EVERY_SECONDS:
                touch(request.session, now)
        return None
