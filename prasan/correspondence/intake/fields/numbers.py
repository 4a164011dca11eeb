"""Letter numbers (ที่): `ศธ 04006/1234`, `นร 0503/ว 123`, `อว 64.01/5678`, and OCR's O-for-0, l-for-1.

The number is the ministry/province letter code, an optional bracketed sub-unit (`กค (กวจ) 0405.3/4656`,
`สว (กมธ 6) 0010/1456`), the unit's code, a slash, an optional series letter (ว for circulars) and the
running number. It is returned as `CODE (SUB) DIGITS/ว NUMBER`. Orders and announcements are numbered
by the year instead: `ที่ 123/2569`.
"""

import re
from dataclasses import dataclass

# รหัสตัวพยัญชนะ of ministries and independent bodies that write to a minister's office most.
# OCR misreads a code letter as a look-alike (ธ as จ): such a code is put back only when the swap
# is between look-alikes and gives exactly one known code, so province codes (นม) are left alone.
KNOWN_CODES = frozenset(
    "นร กห กค กต กก พม กษ คค ทส ดศ พน พณ มท ยธ รง วธ อว ศธ สธ อก สผ สว ตช อส ปค สต สร".split()
)
LOOK_ALIKES = {"จ": "ธ", "ร": "ธ", "ธ": "จร", "ค": "ศด", "ด": "ตค", "ต": "ด", "ศ": "ค", "ภ": "ถ",
               "ถ": "ภ", "บ": "ป", "ป": "บ", "ผ": "พ", "ฟ": "พ", "พ": "ผฟ", "ข": "ช", "ช": "ขซ", "ซ": "ช"}

_NUMBER = re.compile(
    r"(?P<code>[ก-ฮ]{1,4}\.?(?:\s?[ก-ฮ]{1,4}\.?){0,2})\s*"
    r"(?:\(\s*(?P<sub>[ก-ฮA-Za-z][ก-ฮA-Za-z0-9 .]{0,14}?)\s*\)\s*)?"
    r"(?P<unit>\d[\d.]*\d|\d)\s*/\s*"
    r"(?:(?P<series>[ก-ฮ])\s?\.?\s*|(?P<series_read_2>2)\s+(?=\d))?"  # ว read as 2: a running number has no space
    r"(?P<run>\d+)(?!\d)"
)
_NUMBER_LINE = re.compile(r"^\s*(?:ที่?|ที\s?่)\s*[:：]?\s*(?=[ก-ฮ])")
_NUMBER_LABEL_ALONE = re.compile(r"^\s*(?:ที่?|ที\s?่)\s*[:：]?\s*$")
_YEAR_NUMBER = re.compile(r"^\s*(?:ที่?|ที\s?่)\s*[:：]?\s*(?P<run>\d{1,5})\s*/\s*(?P<year>25\d\d)(?!\d)")
_CONFUSABLE_TOKEN = re.compile(r"(?<![A-Za-z@])[0-9OoIl|][0-9OoIl|./\-]*(?![A-Za-z@])")
_CONFUSED = str.maketrans("OoIl|", "00111")


@dataclass(frozen=True)
class DocNumber:
    text: str
    code: str
    series: str | None
    end: int  # where the number ends in the line it was found in


def fix_digit_confusions(text: str) -> str:
    """`O4OO6/l234` → `04006/1234`: O and l inside runs of digits are zeros and ones."""

    def fix(match: re.Match) -> str:
        token = match.group(0)
        if not any(ch.isdigit() for ch in token):
            return token
        return token.translate(_CONFUSED)

    text = _CONFUSABLE_TOKEN.sub(fix, text)
    # a lone O starting a phone number: `O 2288 5511`
    return re.sub(r"(?<![A-Za-z])[Oo](?=\s\d)", "0", text)


def parse_number(text: str) -> DocNumber | None:
    """The first letter number in `text` (the part after ที่)."""
    match = _NUMBER.search(text)
    if not match:
        return None
    code = _fix_code(re.sub(r"\s+", " ", match.group("code")).strip())
    series = match.group("series") or ("ว" if match.group("series_read_2") else None)
    unit = match.group("unit")
    running = match.group("run")
    sub = match.group("sub")
    code_part = f"{code} ({' '.join(sub.split())})" if sub else code
    number = f"{code_part} {unit}/" + (f"{series} {running}" if series else running)
    return DocNumber(number, code, series, match.end())


def number_line(line: str) -> DocNumber | None:
    """The number on a `ที่ …` line, or None if the line is not one."""
    head = _NUMBER_LINE.match(line)
    if not head:
        return None
    rest = line[head.end():]
    found = parse_number(rest)
    if found is None or _NUMBER.match(rest.lstrip()) is None:
        return None
    return DocNumber(found.text, found.code, found.series, head.end() + found.end)


def year_number(line: str) -> DocNumber | None:
    """An order's or announcement's `ที่ 123/2569` (the running number of the year)."""
    match = _YEAR_NUMBER.match(line)
    if not match:
        return None
    return DocNumber(f"{match.group('run')}/{match.group('year')}", "", None, match.end())


def label_alone(line: str) -> bool:
    """`ที่` on a line of its own: the number is on the next line."""
    return bool(_NUMBER_LABEL_ALONE.match(line))


def number_at_start(text: str) -> DocNumber | None:
    """A number that starts `text` (the line after a lone `ที่`)."""
    stripped = text.lstrip()
    if _NUMBER.match(stripped) is None:
        return None
    found = parse_number(stripped)
    offset = len(text) - len(stripped)
    return DocNumber(found.text, found.code, found.series, offset + found.end) if found else None


def _fix_code(code: str) -> str:
    if len(code) != 2 or code in KNOWN_CODES:
        return code
    candidates = {
        code[:i] + alike + code[i + 1:]
        for i, ch in enumerate(code) for alike in LOOK_ALIKES.get(ch, "")
    } & KNOWN_CODES
    return candidates.pop() if len(candidates) == 1 else code
