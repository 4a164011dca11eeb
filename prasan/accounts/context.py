"""Template context for the idle-timeout warning (static/js/idle.js reads it from <body>)."""

from django.conf import settings

from .idle import timeout_seconds


def idle(request):
    return {"idle": {"seconds": timeout_seconds(), "warning": settings.IDLE_WARNING_SECONDS}}
