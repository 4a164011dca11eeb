"""The URL space of the public host (hosts.py): the public site at the root, the complaint form beside it.
Nothing of the office's internal pages, sign-in, API or admin is routed here."""

from django.urls import include, path

urlpatterns = [
    path("complaint/", include("prasan.complaints.public.urls")),
    path("", include("prasan.public_site.urls")),
]

# Django's own 404/500 pages name internal URLs, which do not exist on this host.
handler404 = "prasan.public_site.views.not_found_page"
handler500 = "prasan.public_site.views.server_error_page"
