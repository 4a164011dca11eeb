"""Thai dates as letters write them: `๒๕ พฤศจิกายน ๒๕๖๙`, `25 พ.ย. 2569`, `๒๘ ต.ค. ๖๙`, `วันที่ 10 เดือน ตุลาคม พ.ศ. 2569`.

Input has Arabic digits (the normalizer converts). Years are Buddhist era (4 digits, or 2 digits
meaning 25xx as memos abbreviate them); a Gregorian year is accepted too. Month names tolerate
one OCR slip (พฤศจิกายบ).
"""

import datetime as dt
import re
from dataclasses import dataclass

from prasan.thai.dates import BE_OFFSET, MONTHS, MONTHS_ABBR


def _abbr_pattern(abbr: str) -> str:
    letters = abbr.replace(".", "")
    # ต.ค. / ต.ค / ตค. / ต. ค. — at least one dot, so ordinary words are not taken for months
    body = r"\.?\s?".join(re.escape(ch) for ch in _clusters(letters))
    return body + r"\.?"


def _clusters(letters: str) -> list[str]:
    """`มีค` → [`มี`, `ค`]: a consonant with its vowel marks stays together."""
    out: list[str] = []
    for ch in letters:
        if out and ("\u0e31" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"):
            out[-1] += ch
        elif out and out[-1] == "เ":
            out[-1] += ch
        else:
            out.append(ch)
    return out


_ABBR_RE = [(re.compile(_abbr_pattern(a)), i + 1) for i, a in enumerate(MONTHS_ABBR)]
# Full names first, then abbreviations, then any Thai word that may be a name with one OCR slip.
_MONTH_ALTERNATIVES = "|".join(
    [re.escape(m) for m in MONTHS] + [p.pattern for p, _ in _ABBR_RE]
    + [r"[\u0e01-\u0e4e]{1,3}\.[\u0e01-\u0e4e]{1,3}\.?", r"[\u0e01-\u0e4e]{5,12}"]
)
DATE_RE = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)\s*(?:เดือน\s*)?(?P<month>" + _MONTH_ALTERNATIVES + r")\s*,?\s*"  # a speck read ,
    r"(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?(?P<year>\d{4}|\d{2})(?!\d)"
)


@dataclass(frozen=True)
class FoundDate:
    value: dt.date
    start: int
    end: int


_ABBR_CHARS = set("".join(MONTHS_ABBR))
_TONES = re.compile("[\u0e48-\u0e4b]")  # ่ ้ ๊ ๋


def month_number(word: str) -> int | None:
    word = word.strip()
    if "." in word:  # an abbreviation: drop stray marks OCR adds (พ.ุย.)
        word = "".join(ch for ch in word if ch in _ABBR_CHARS)
    if not word:
        return None
    for index, name in enumerate(MONTHS):
        if word == name:
            return index + 1
    for pattern, number in _ABBR_RE:
        if pattern.fullmatch(word):
            return number
    if len(word) >= 5:  # one OCR slip in a full month name; no month has a tone mark, so one OCR adds is no slip
        bare = _TONES.sub("", word)
        for index, name in enumerate(MONTHS):
            if _within_one(bare, name):
                return index + 1
    return None


def year_ce(raw: str) -> int | None:
    year = int(raw)
    if len(raw) == 2:
        return 2500 + year - BE_OFFSET
    if 2400 <= year <= 2700:
        return year - BE_OFFSET
    if 1900 <= year <= 2200:
        return year
    return None


def find_dates(text: str) -> list[FoundDate]:
    found = []
    for match in DATE_RE.finditer(text):
        month = month_number(match.group("month"))
        year = year_ce(match.group("year"))
        if month is None or year is None:
            continue
        try:
            value = dt.date(year, month, int(match.group("day")))
        except ValueError:
            continue
        found.append(FoundDate(value, match.start(), match.end()))
    return found


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0].value if found else None


# An order's or announcement's `สั่ง ณ วันที่` is a date line too (its title may be lost on a scan, and the
# letter taken for another kind).
_FILLER = re.compile(r"^(?:ลง)?วันที่|^(?:ส[ั]?[่]?ง|ประกาศ|ให[้]?ไว[้]?|ออก)?\s*ณ\s*ว?วันท[ี]?[่]?|[\s.,:;()\-–—_|'\"`~]+")


def date_only(line: str) -> dt.date | None:
    """The date if the line holds a date and nothing else (the letter's own date line)."""
    found = find_dates(line)
    if len(found) != 1:
        return None
    rest = line[: found[0].start] + " " + line[found[0].end:]
    rest = _FILLER.sub("", rest.strip())
    rest = _FILLER.sub("", rest)
    return found[0].value if len(rest) <= 2 else None


def _within_one(a: str, b: str) -> bool:
    """Levenshtein distance of at most one."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    for index in range(len(long)):
        if long[:index] + long[index + 1:] == short:
            return True
    return False


# A printed e-mail (a complaint sent to the office's address) is dated by its `Sent:` / `Date:` header, in the
# mail program's language: `Sent: Friday, December 4, 2026 8:02 AM`, `Date: Fri, 4 Dec 2026 08:02`.
_MAIL_HEADER = re.compile(r"^\s*(?:Sent|Date|วันที่ส่ง|ส่งเมื่อ)\s*[:：]\s*(?P<rest>.+)$", re.I)
_ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENGLISH_DATE = re.compile(
    r"(?:(?P<day1>\d{1,2})\s+(?P<month1>[A-Za-z]{3,9})\.?,?\s+|(?P<month2>[A-Za-z]{3,9})\.?\s+(?P<day2>\d{1,2}),?\s+)"
    r"(?P<year>\d{4})")


def mail_date(line: str) -> dt.date | None:
    """The date of an e-mail's `Sent:` / `Date:` header line, Thai or English; None for any other line."""
    header = _MAIL_HEADER.match(line)
    if header is None:
        return None
    rest = header.group("rest")
    found = find_dates(rest)
    if found:
        return found[0].value
    for match in _ENGLISH_DATE.finditer(rest):
        name = (match.group("month1") or match.group("month2") or "")[:3].lower()
        year = year_ce(match.group("year"))
        if name in _ENGLISH_MONTHS and year:
            try:
                return dt.date(year, _ENGLISH_MONTHS.index(name) + 1, int(match.group("day1") or match.group("day2")))
            except ValueError:
                continue
    return None
