"""sitemap.xml: the site's pages and every public post (one file holds up to 50,000 addresses)."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_safe

from prasan.publishing.public import public_posts

from .cache import cached_page
from .pages import post_url
from .sections import SECTIONS

MAX_URLS = 50_000


@require_safe
@cached_page()
def sitemap(request):
    absolute = request.build_absolute_uri
    fixed = [reverse("public:home"), *(reverse("public:section", args=[s.slug]) for s in SECTIONS),
             reverse("public:contact"), reverse("public-complaint")]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(absolute(path))}</loc></url>" for path in fixed]
    posts = public_posts().prefetch_related(None).select_related(None).only("id", "slug", "updated_at")
    for post in posts[:MAX_URLS - len(fixed)]:
        lines.append(f"<url><loc>{escape(absolute(post_url(post)))}</loc>"
                     f"<lastmod>{post.updated_at.date().isoformat()}</lastmod></url>")
    lines.append("</urlset>")
    return HttpResponse("\n".join(lines), content_type="application/xml; charset=utf-8")


@require_safe
def robots(request):
    text = f"User-agent: *\nAllow: /\nSitemap: {absolute_sitemap(request)}\n"
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def absolute_sitemap(request) -> str:
    return request.build_absolute_uri(reverse("public:sitemap"))
