"""Serving the public site on a host name of its own (PRASAN_PUBLIC_HOST): on that host the public site is the
whole URL space, at its root, and nothing internal exists there; on every other host it stays at /public/."""

from django.conf import settings

HOST_URLCONF = "prasan.public_site.host_urls"


def is_public_host(request) -> bool:
    host = settings.PUBLIC_SITE_HOST
    return bool(host) and request.get_host().split(":")[0].lower() == host


class PublicHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_public_host(request):
            request.urlconf = HOST_URLCONF
        return self.get_response(request)
