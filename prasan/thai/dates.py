"""Buddhist-era dates in the forms Thai offices write them."""

import datetime as dt

from .digits import to_thai

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
BE_OFFSET = 543


def be_year(value: dt.date) -> int:
    return value.year + BE_OFFSET


def fiscal_year(value: dt.date) -> int:
    """The Thai fiscal year (1 Oct – 30 Sep), named by the BE year it ends in."""
    return be_year(value) + (1 if value.month >= 10 else 0)


def thai_date(value: dt.date | dt.datetime | None, *, abbr: bool = False, thai_digits: bool = True) -> str:
    """`๒๕ พฤศจิกายน ๒๕๖๙` (or `25 พ.ย. 2569` with abbr and Arabic digits)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    month = (MONTHS_ABBR if abbr else MONTHS)[value.month - 1]
    text = f"{value.day} {month} {be_year(value)}"
    return to_thai(text) if thai_digits else text


def month_year(value: dt.date, *, thai_digits: bool = False) -> str:
    """`พฤศจิกายน 2569`: a month of the Buddhist-era calendar, as archives name it."""
    text = f"{MONTHS[value.month - 1]} {be_year(value)}"
    return to_thai(text) if thai_digits else text


def thai_datetime(value: dt.datetime | None, *, thai_digits: bool = False) -> str:
    """`25 พ.ย. 2569 14:05 น.` — screens use Arabic digits for scanning speed."""
    if value is None:
        return ""
    value = _local(value)
    text = f"{thai_date(value.date(), abbr=True, thai_digits=False)} {value:%H:%M} น."
    return to_thai(text) if thai_digits else text


def thai_time(value: dt.datetime | dt.time | None, *, thai_digits: bool = False) -> str:
    """`14:05 น.`"""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    text = f"{value:%H:%M} น."
    return to_thai(text) if thai_digits else text


def shown_date(value: dt.date | dt.datetime | None, *, abbr: bool = True) -> str:
    """A date as pages, tables and spreadsheets show it: BE, digits by the office's screen setting."""
    from .preferences import screen_thai_digits

    return thai_date(value, abbr=abbr, thai_digits=screen_thai_digits())


def shown_datetime(value: dt.datetime | None) -> str:
    """A moment as pages show it: `7 ธ.ค. 2569 14:05 น.`, digits by the office's screen setting."""
    from .preferences import screen_thai_digits

    return thai_datetime(value, thai_digits=screen_thai_digits())


def _local(value: dt.datetime) -> dt.datetime:
    from django.utils import timezone

    if timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def time_range(start: dt.datetime, end: dt.datetime | None, *, thai_digits: bool = False, dated: bool = True) -> str:
    """`7 ธ.ค. 2569 09:00–11:30 น.` (without the date if not `dated`); an end on another day carries its date:
    `7 ธ.ค. 2569 09:00 น. – 8 ธ.ค. 2569 16:00 น.`"""
    start = _local(start)
    day = f"{thai_date(start, abbr=True, thai_digits=False)} " if dated else ""
    if end is None or end <= start:
        text = f"{day}{start:%H:%M} น."
    else:
        end = _local(end)
        if end.date() == start.date():
            text = f"{day}{start:%H:%M}–{end:%H:%M} น."
        else:
            text = (f"{day}{start:%H:%M} น. – {thai_date(end, abbr=True, thai_digits=False)} {end:%H:%M} น.")
    return to_thai(text) if thai_digits else text
