"""Template filters for Thai dates, digits and money — the only way a page shows a date.

    {{ d|thai_date }}        7 ธันวาคม 2569           long: headings, sentences, the reply page
    {{ d|thai_date_short }}  7 ธ.ค. 2569              short: tables, lists, badges
    {{ t|thai_datetime }}    7 ธ.ค. 2569 14:05 น.     a moment (aware datetimes in Bangkok time)
    {{ t|thai_time }}        14:05 น.
    {{ d|thai_date_input }}  7 ธ.ค. 2569              the value of a hand-written date <input>

Digits follow the office's screen setting (directory.Office.screen_digits, Arabic unless changed);
``thai_date`` also takes "abbr", "thai" or "arabic" (`{{ d|thai_date:"abbr,thai" }}`) to override.
A date given as an ISO string (document data) is shown the same way.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django import template

from prasan.thai import date_input, dates, digits, text
from prasan.thai.preferences import screen_thai_digits

register = template.Library()


def _day(value):
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def _thai(arg: str) -> bool:
    if "thai" in arg:
        return True
    if "arabic" in arg:
        return False
    return screen_thai_digits()


@register.filter
def thai_date(value, arg: str = ""):
    return dates.thai_date(_day(value), abbr="abbr" in arg, thai_digits=_thai(arg))


@register.filter
def thai_date_short(value):
    return dates.thai_date(_day(value), abbr=True, thai_digits=_thai(""))


@register.filter
def thai_datetime(value):
    if not isinstance(value, dt.datetime):
        return thai_date_short(value)
    return dates.thai_datetime(value, thai_digits=_thai(""))


@register.filter
def thai_time(value):
    return dates.thai_time(value, thai_digits=_thai(""))


@register.filter
def thai_date_input(value):
    return date_input.format_input(_day(value))


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


@register.filter
def secrecy_label(value):
    """{{ entry.secrecy|secrecy_label }} → `ลับมาก`: a secrecy level (matters.choices.Secrecy) by its Thai name."""
    from prasan.matters.choices import Secrecy

    try:
        return Secrecy(int(value)).label
    except (TypeError, ValueError):
        return ""
