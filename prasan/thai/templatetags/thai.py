"""Template filters for Thai dates and digits: {{ d|thai_date }}, {{ n|thai_digits }}."""

from django import template

from prasan.thai import dates, digits

register = template.Library()


@register.filter
def thai_date(value, arg: str = ""):
    return dates.thai_date(value, abbr="abbr" in arg, thai_digits="arabic" not in arg)


@register.filter
def thai_date_short(value):
    return dates.thai_date(value, abbr=True, thai_digits=False)


@register.filter
def thai_datetime(value):
    return dates.thai_datetime(value)


@register.filter
def thai_digits(value):
    return digits.to_thai(str(value))
