"""Template filters for Thai dates, digits and money: {{ d|thai_date }}, {{ n|thai_digits }}, {{ x|baht_text }}."""

from decimal import Decimal, InvalidOperation

from django import template

from prasan.thai import dates, digits, text

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
    return "" if value is None else digits.to_thai(str(value))


@register.filter
def baht_text(value):
    """{{ amount|baht_text }} → `หนึ่งพันบาทถ้วน`; empty for no amount."""
    if value is None or value == "":
        return ""
    try:
        return text.baht_text(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return ""
