"""`{% load notification_tags %}{% unread_notifications as unread %}` — the count for the header's bell."""

from django import template

from prasan.tracking.views_notifications import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    return unread_count(getattr(request, "user", None))
