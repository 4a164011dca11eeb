"""{{ n|num }}: counts with thousands separators, as the dashboards show them."""

from django import template

register = template.Library()


@register.filter
def num(value):
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
