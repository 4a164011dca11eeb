"""Atom feeds (django.utils.feedgenerator): the whole site's at feed.atom, and one per section."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from prasan.directory.models import Office
from prasan.publishing.public import public_posts

from .cache import cached_page
from .pages import plain, post_url
from .sections import BY_SLUG

ITEMS = 30


def _feed(request, title: str, posts, home: str) -> HttpResponse:
    absolute = request.build_absolute_uri
    office = Office.current()
    feed = Atom1Feed(title=title, link=absolute(home), description=f"ข่าวและประกาศของ{office.name}",
                     feed_url=absolute(request.path), language="th", author_name=office.name)
    for post in posts[:ITEMS]:
        link = absolute(post_url(post))
        feed.add_item(title=post.title, link=link, unique_id=link, description=plain(post),
                      pubdate=post.publish_at, updateddate=post.updated_at,
                      categories=[t.name for t in post.tags.all()])
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


@require_safe
@cached_page()
def site_feed(request):
    return _feed(request, Office.current().name, public_posts().exclude(kind="page"), reverse("public:home"))


@require_safe
@cached_page()
def section_feed(request, slug):
    section = BY_SLUG.get(slug)
    if section is None:
        from .views import not_found_page

        return not_found_page(request)
    return _feed(request, f"{section.title} · {Office.current().name}", public_posts(kind=section.kind),
                 reverse("public:section", args=[slug]))
