"""Dates in XLSX files as real date cells that Excel and LibreOffice show in the Buddhist era.

A number format's locale prefix `[$-XXYYZZZZ]` carries three things (Excel's LCID-style codes):
XX the digits (01 Western, 0D Thai), YY the calendar (07 = Thai Buddhist), ZZZZ the locale (041E =
th-TH, so month names are Thai). So `[$-107041E]d mmm yyyy` shows 46363 as `7 ธ.ค. 2569` and
`[$-D07041E]` as `๗ ธ.ค. ๒๕๖๙`, while the cell holds the date itself: it sorts and filters as one.
Checked by opening our files in LibreOffice 7.4 (csv "as shown" → `7 ธ.ค. 2569`); the spelled-out
`[$-th-TH,107]` form is not understood there, so it is not used.
"""

import datetime as dt

from django.utils import timezone

WESTERN, THAI = "1", "D"
CALENDAR_LOCALE = "07041E"  # Thai Buddhist calendar, Thai (Thailand)


def date_format(*, time: bool = False, thai_digits: bool | None = None) -> str:
    """`[$-107041E]d mmm yyyy` (or with ` hh:mm`); digits by the office's screen setting unless given."""
    if thai_digits is None:
        from .preferences import screen_thai_digits

        thai_digits = screen_thai_digits()
    prefix = f"[$-{THAI if thai_digits else WESTERN}{CALENDAR_LOCALE}]"
    return prefix + ("d mmm yyyy hh:mm" if time else "d mmm yyyy")


def cell_value(value: dt.date | dt.datetime | None) -> dt.date | dt.datetime | None:
    """What a cell can hold: Excel has no time zones, so a moment is written in Bangkok local time."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value
