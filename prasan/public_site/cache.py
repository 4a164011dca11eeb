"""Public pages from Django's cache, keyed by what the public sees (publishing.public.site_version()): a publish,
an unpublish or a scheduled post's time coming changes the version, so the next request renders anew — no
invalidation to forget. Browsers revalidate every time (ETag of the same version), so nothing stale lingers
in them either."""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponseNotModified

from prasan.directory.models import Office
from prasan.publishing.public import site_version

SECONDS = 15 * 60  # old versions' pages only wait to be dropped; a live version's page is never wrong
PREFIX = "public-site:"


def _office() -> tuple:
    """What of the office settings every page shows (name, address and phone in the footer, the digits of dates):
    edited in the admin, the pages follow at once though no post changed."""
    return tuple(Office.objects.order_by("id").values_list(
        "name", "ministry", "address", "phone", "email", "screen_digits").first() or ())


def _key(request, version: str, params: tuple[str, ...]) -> str:
    # Only the query parameters the page reads: anything else would let a crawler fill the cache with copies.
    query = "&".join(f"{name}={request.GET.get(name, '')[:200]}" for name in params)
    raw = f"{version}|{_office()}|{request.get_host()}|{request.path}|{query}"
    return PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def cached_page(*params: str):
    """Decorator: GET/HEAD answers (200 and 404) kept per site version, path, host and the named parameters."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = _key(request, site_version(), params)
            etag = f'"{key[len(PREFIX):len(PREFIX) + 32]}"'
            if etag in request.headers.get("If-None-Match", ""):
                response = HttpResponseNotModified()
            else:
                response = cache.get(key)
                if response is None:
                    response = view(request, *args, **kwargs)
                    if response.status_code in (200, 404) and not response.streaming:
                        if hasattr(response, "render"):
                            response.render()
                        cache.set(key, response, SECONDS)
            response["ETag"] = etag
            response["Cache-Control"] = "no-cache"
            return response

        return wrapper

    return decorate
