"""Where to go back to after an action taken from another page (the "awaiting me" list, say)."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request) -> str:
    """The `next` the form carried, if it is a path on this site; "" otherwise (never an open redirect, and never
    a bare word, which `redirect()` would take for a view name and fail on)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return ""
