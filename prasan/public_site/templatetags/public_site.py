"""Tags of the public site's templates: the office (name, address) in every page's frame, and a post's address."""

from django import template

from prasan.directory.models import Office
from prasan.search.text import highlight, snippet

from ..pages import plain, post_url, public_body
from ..sections import BY_KIND

register = template.Library()


@register.simple_tag(takes_context=True)
def site_office(context):
    request = context.get("request")
    office = getattr(request, "_public_office", None)
    if office is None:
        office = Office.current()
        if request is not None:
            request._public_office = office
    return office


@register.filter
def url_of(post) -> str:
    return post_url(post)


@register.filter
def section_title(post) -> str:
    section = BY_KIND.get(post.kind)
    return section.title if section else ""


@register.filter
def body(post):
    """The post's body as HTML: stored sanitised by publishing, and cleaned again here, with its photos'
    addresses filled in by publishing.public (the body itself names photos by id only)."""
    return public_body(post)


@register.filter
def marked(text, terms):
    return highlight(text, terms or ())


@register.filter
def excerpt(post, terms):
    return snippet(plain(post), terms or (), width=200)
