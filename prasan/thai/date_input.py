"""The one reading of a date a person typed: Buddhist-era first, Thai or Arabic digits, the shapes Thai
offices write (`๗ ธ.ค. ๖๙`, `7/12/2569`, `7 ธันวาคม 2569`, `2569-12-07`), and the one check the API
makes on ISO dates (which are Christian-era by contract).

Every page's date field (prasan.thai.fields.ThaiDateField), the list filters, the document editor and
the API's date types call this module, so a year means the same thing everywhere:

* a four-digit year of 2400 or more is Buddhist era (2569 → 2026);
* a four-digit year from 1900 to 2199 is Christian era (links and exports carry ISO dates, and some
  people type 2026); 2200–2399 could be either and is refused with a Thai message;
* a two-digit year is Buddhist era in this century of it (๖๙ → 2569), as Thai offices abbreviate;
* "พ.ศ." or "ค.ศ." written before the year settles the era.
"""

import datetime as dt
import re

from .dates import BE_OFFSET, MONTHS, MONTHS_ABBR, WEEKDAYS
from .digits import to_arabic, to_thai

BE_MIN, BE_MAX = 2400, 2799  # what a page accepts as a Buddhist-era year (1857–2256 CE)
CE_MIN, CE_MAX = 1900, 2199  # what a page accepts as a Christian-era year written without "ค.ศ."
EXAMPLE = "7 ธ.ค. 2569"


class DateInputError(ValueError):
    """The text is not a date this office could mean; the message is Thai and says what to type."""


def _month_names() -> dict[str, int]:
    """Every way of writing a month, without dots or spaces: full, abbreviated, and spoken short
    forms (มกรา, กุมภา, …) that people type on phones."""
    names = {}
    spoken = ("มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา",
              "พฤศจิกา", "ธันวา")
    for number, (full, abbr, short) in enumerate(zip(MONTHS, MONTHS_ABBR, spoken, strict=True), start=1):
        for name in (full, abbr, short):
            names[name.replace(".", "")] = number
    return names


MONTH_NAMES = _month_names()

_SPACES = re.compile(r"\s+")
_ERA = re.compile(r"(พ\s*\.?\s*ศ\s*\.?|ค\s*\.?\s*ศ\s*\.?)\s*(?=\d)")
_WEEKDAY_PREFIX = re.compile(r"^(วัน(" + "|".join(WEEKDAYS) + r")?\s*)?ที่\s*")
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$")
_NAMED = re.compile(r"^(\d{1,2})\s*([\u0E00-\u0E7F.\s]+?)\s*(\d{2}|\d{4})?$")
_TIME = re.compile(r"^(\d{1,2})\s*(?:[:.]\s*(\d{2})|(\d{2}))?\s*(?:น\.?|นาฬิกา)?$")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", to_arabic(str(text)).replace("\u200b", "")).strip()


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """The date meant by ``text``; DateInputError (Thai) if it cannot be read or is ambiguous.

    ``today`` gives the year for a day and month typed alone (`7 ธ.ค.`); it defaults to today.
    """
    raw = _clean(text)
    if not raw:
        raise DateInputError("กรุณากรอกวันที่")
    body, era = raw, None
    marker = _ERA.search(body)
    if marker:
        era = "be" if marker.group(1).startswith("พ") else "ce"
        body = (body[:marker.start()] + body[marker.end():]).strip()
    body = _WEEKDAY_PREFIX.sub("", body).strip()

    if match := _YEAR_FIRST.match(body):
        year_text, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    elif match := _DAY_FIRST.match(body):
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    elif (match := _NAMED.match(body)) and match.group(2).replace(".", "").replace(" ", "") in MONTH_NAMES:
        day = int(match.group(1))
        month = MONTH_NAMES[match.group(2).replace(".", "").replace(" ", "")]
        year_text = match.group(3)
    else:
        raise DateInputError(f"อ่านวันที่ “{raw[:40]}” ไม่ออก พิมพ์เช่น {EXAMPLE} หรือ 7/12/2569")

    if year_text is None:
        year = (today or _today()).year
    else:
        year = _christian_year(year_text, era)
    if not 1 <= month <= 12:
        raise DateInputError(f"ไม่มีเดือนที่ {month} (เดือนมี 1–12)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateInputError(f"ไม่มีวันที่ {day} {MONTHS[month - 1]} {year + BE_OFFSET}") from None


def _christian_year(text: str, era: str | None) -> int:
    number = int(text)
    if len(text) == 2:
        return 2000 + number if era == "ce" else 2500 + number - BE_OFFSET
    if era == "be" or (era is None and number >= BE_MIN):
        if not BE_MIN <= number <= BE_MAX:
            raise DateInputError(f"ปี พ.ศ. {number} อยู่นอกช่วงที่ใช้ได้ ({BE_MIN}–{BE_MAX})")
        return number - BE_OFFSET
    if era == "ce":
        if not BE_MIN - BE_OFFSET <= number <= BE_MAX - BE_OFFSET:
            raise DateInputError(f"ปี ค.ศ. {number} อยู่นอกช่วงที่ใช้ได้")
        return number
    if CE_MIN <= number <= CE_MAX:
        return number
    if number > CE_MAX:
        raise DateInputError(f"ปี {number} ไม่ชัดเจนว่าเป็น พ.ศ. หรือ ค.ศ. กรุณาพิมพ์ปี พ.ศ. เช่น {_this_be_year()}")
    raise DateInputError(f"ปี {number} ไม่ถูกต้อง กรุณาพิมพ์ปี พ.ศ. เช่น {_this_be_year()}")


def parse_time(text: str) -> dt.time:
    """`14:05`, `14.05`, `1405`, `14.05 น.`, `๑๔.๐๕ น.`, `9` → a time; DateInputError otherwise."""
    raw = _clean(text)
    match = _TIME.match(raw)
    if not match:
        raise DateInputError(f"อ่านเวลา “{raw[:20]}” ไม่ออก พิมพ์เช่น 14:05")
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    if hour > 23 or minute > 59:
        raise DateInputError(f"ไม่มีเวลา {hour:02d}:{minute:02d}")
    return dt.time(hour, minute)


def format_input(value: dt.date | None, *, thai_digits: bool = False) -> str:
    """How a date field shows its value, in a shape parse_date reads back: `7 ธ.ค. 2569`."""
    if value is None:
        return ""
    text = f"{value.day} {MONTHS_ABBR[value.month - 1]} {value.year + BE_OFFSET}"
    return to_thai(text) if thai_digits else text


def check_christian_era(value: dt.date) -> dt.date:
    """For ISO dates (the API, a document's JSON): Christian era by contract, so a year of 2400 or
    more is a Buddhist-era year typed by mistake, refused rather than stored 543 years late."""
    if value.year >= BE_MIN:
        raise ValueError(f"ปี {value.year} ดูเหมือนเป็นปี พ.ศ. กรุณาใช้ปี ค.ศ. (เช่น {value.year - BE_OFFSET}-"
                         f"{value.month:02d}-{value.day:02d})")
    return value


def _today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


def _this_be_year() -> int:
    return _today().year + BE_OFFSET
