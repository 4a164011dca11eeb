"""When a reply is due: a date (ภายในวันที่ ๓๐ พฤศจิกายน ๒๕๖๙) or a period (ภายใน ๗ วัน, ภายใน 15 วันทำการ)."""

import datetime as dt
import re

from .dates import find_dates

_WEEKDAY = r"(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
_BY_DATE = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน|ไม่เกินกว่า|ไม่ช้ากว่า|จนถึง)\s*(?:วัน" + _WEEKDAY + r"?ที่|วันที่|วัน)\s*")
_NUMBER_WORDS = r"(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด)+"
_WITHIN = re.compile(r"ภายใน(?:ระยะเวลา|กำหนด)?\s*(?P<n>\d{1,3}|" + _NUMBER_WORDS + r")\s*วัน(?!ที่)(?P<working>ทำการ)?")


def _flat(text: str) -> str:
    """Lines joined, so a phrase wrapped over two lines is still found."""
    return re.sub(r"\s*\n\s*", " ", text)


def reply_by(body: str) -> tuple[dt.date | None, float]:
    text = _flat(body)
    for match in _BY_DATE.finditer(text):
        dates = find_dates(text[match.end(): match.end() + 40])
        if dates and dates[0].start == 0:
            return dates[0].value, 0.9
    return None, 0.85


def reply_within_days(body: str) -> tuple[int | None, float]:
    text = _flat(body)
    match = _WITHIN.search(text)
    if not match:
        return None, 0.85
    raw = match.group("n")
    if raw.isdigit():
        days = int(raw)
    else:
        from pythainlp.util import thaiword_to_num

        try:
            days = thaiword_to_num(raw)
        except ValueError:
            return None, 0.5
    return (days, 0.9) if 0 < days <= 365 else (None, 0.5)
