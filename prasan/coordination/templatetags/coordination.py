"""Template helpers for coordination: the current reply link of a request, for editors to copy."""

from django import template

from prasan.coordination import links

register = template.Library()


@register.filter
def reply_link(agency_request) -> str:
    """A fresh signature over the request's current version: valid until reissued, answered or expired."""
    return links.reply_url(agency_request)
