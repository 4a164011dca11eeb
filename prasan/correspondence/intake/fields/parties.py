"""Who: the addressee (เรียน/ถึง), the issuing office, the signer, and the contact phone."""

import re

from ..normalize import collapse
from .dates import date_only
from .header import join_office, letterhead_office
from .lines import BODY_OPENERS, SALUTATION, TO_STAMP, UNIT, Letter, width
from .lists import join_lines
from .marks import strip_marks
from .numbers import number_line
from .signature import looks_like_name

_TITLE = (r"(?:นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|ว่าที่\s?ร\.ต\.|"
          r"ร\.ต\.อ\.|พ\.ต\.อ\.|พล\.ต\.อ\.|ดร\.|ศาสตราจารย์|รองศาสตราจารย์|ผู้ช่วยศาสตราจารย์|"
          r"นายแพทย์|แพทย์หญิง|พระ)")
_PERSON = re.compile(_TITLE + r"\s?[ก-๛]+(?:\s[ก-๛.]+){1,2}")
_NOT_NAMES = re.compile(r"ประทับตรา|สำเนา|ลงชื่อ|ลายมือชื่อ|^\d")
_ADDRESS_START = re.compile(r"^(?:\d|ถนน|ถ\.|เลขที่|บ้านเลขที่|ตำบล|แขวง|อำเภอ|เขต|จังหวัด|กรุงเทพ|กทม|ทำเนียบ|"
                            r"โทร|www|http|[A-Za-z0-9._%+-]+@)")
_PHONE_LABEL = r"(?:โทรศัพท์(?:มือถือ)?|เบอร์โทร(?:ศัพท์)?|โทร(?!สาร)\.?|Tel\.?|มือถือ)"
_PHONE_NUMBER = r"(?P<number>\+?\d[\d\s\-]{2,18}\d(?:\s*(?:ต่อ|ext\.?)\s*\d{1,6}(?:\s*[,-]\s*\d{1,6})?)?)"
PHONE_LINE = re.compile(r"^\s*" + _PHONE_LABEL + r"\s*[:：]?\s*" + _PHONE_NUMBER)
PHONE_INLINE = re.compile(_PHONE_LABEL + r"\s*[:：]?\s*" + _PHONE_NUMBER)


def addressee(letter: Letter) -> tuple[str | None, float]:
    index = letter.salutation_at
    if index is None:
        return None, 0.6
    line = letter.lines[index]
    match = SALUTATION.match(line) or TO_STAMP.match(line)
    value = collapse(line[match.end():])
    column = match.end()
    if not value:  # `เรียน` alone: the addressee is the next line, unless the body starts there
        following = next(letter.nonblank(index + 1), None)
        if following is not None and not letter.is_label(following) and not BODY_OPENERS.match(
                letter.stripped[following]) and width(letter.stripped[following]) <= 70:  # not a body line
            index, value = following, collapse(letter.stripped[following])
            column = _indent(letter, following)
            return _wrapped_addressee(letter, index, column, value), 0.85
        return None, 0.4
    return _wrapped_addressee(letter, index, column, value), 0.95


# A line that ends on a conjunction has not ended its name (… วิจัยและ / นวัตกรรม).
_OPEN_END = re.compile(r"(?:และ|กับ|หรือ|แห่ง|ฝ่าย)$")


def _wrapped_addressee(letter: Letter, index: int, column: int, value: str) -> str:
    """The addressee with the line it wrapped onto: one that ran to the right margin (or ended on `และ`) goes
    on at the next line, unless that line is indented deeper than the addressee began (a paragraph of the
    body starts there), is a label, or opens the body."""
    following = index + 1
    if following >= len(letter.lines) or not letter.stripped[following]:
        return value
    if not (letter.is_long(index) or _OPEN_END.search(value)):
        return value
    text = letter.stripped[following]
    if _indent(letter, following) > column or letter.is_label(following) or BODY_OPENERS.match(text) \
            or date_only(text) is not None or width(text) > 0.6 * letter.full_width:
        return value
    return join_lines([value, text])


def memo_unit(letter: Letter) -> tuple[int, str] | None:
    found = letter.first(UNIT, 0, 12)
    if not found:
        return None
    index, match = found
    return index, letter.lines[index][match.end():]


def issuing_office(letter: Letter, kind: str, signer: str | None, at=None, title=None) -> tuple[str | None, float]:
    if title is not None:  # an order's or announcement's title names who issues it
        return (title.issuer, 0.9) if title.issuer else (None, 0.5)
    if kind == "memo":
        unit = memo_unit(letter)
        if unit:
            value = re.split(r"โทร|\bTel", unit[1])[0]
            if value.count("(") > value.count(")"):
                value = value[: value.rindex("(")]
            value = collapse(value).strip(" ,")
            return (value or None), 0.9
        return None, 0.5
    if kind == "complaint":
        return _complainant(letter, signer)
    if kind == "stamp":
        bottom = _office_above_date(letter) or _office_above_seal(letter)
        if bottom:
            return bottom, 0.85
    office, sure = letterhead_office(letter, at)
    return (office, sure) if office else _letterhead_office(letter)


def _letterhead_office(letter: Letter) -> tuple[str | None, float]:
    for index in letter.nonblank(0):
        if index > 15:
            break
        number = number_line(letter.lines[index])
        if number is None:
            continue
        rest = collapse(strip_marks(letter.lines[index][number.end:]))
        if _looks_like_office(rest):
            return _with_second_line(letter, index, rest), 0.9
        following = next(letter.nonblank(index + 1), None)
        if following is not None:
            candidate = collapse(strip_marks(letter.stripped[following]))
            if _looks_like_office(candidate) and not letter.is_label(following) and not TO_STAMP.match(
                    letter.lines[following]):  # `ถึง …` under the number names who it goes to, not who sends it
                return candidate, 0.85
        return None, 0.4
    return None, 0.4


# A long office name wraps in the letterhead: a committee's "… สภาผู้แทนราษฎร" or "และ…" on the next line.
_SECOND_LINE = re.compile(r"^(?:และ|สภาผู้แทนราษฎร|วุฒิสภา|รัฐสภา)")


def _with_second_line(letter: Letter, index: int, office: str) -> str:
    following = next(letter.nonblank(index + 1), None)
    if following is None or following != index + 1:
        return office
    candidate = collapse(strip_marks(letter.stripped[following]))
    if _SECOND_LINE.match(candidate) and _looks_like_office(candidate) and not letter.is_label(following):
        return f"{office} {candidate}"
    return office


def _looks_like_office(text: str) -> bool:
    return (
        width(text) >= 4
        and _is_thai_start(text)
        and not _ADDRESS_START.match(text)
        and date_only(text) is None
    )


def _is_thai_start(text: str) -> bool:
    return bool(text) and "\u0e01" <= text[0] <= "\u0e4e"


def _office_above_date(letter: Letter) -> str | None:
    """A stamp letter ends with the office's name, then the date, then often (ประทับตรา)."""
    indexes = list(letter.nonblank(0))
    for position in range(len(indexes) - 1, 0, -1):
        if date_only(letter.stripped[indexes[position]]) is not None:
            above = collapse(letter.stripped[indexes[position - 1]])
            if _looks_like_office(above):
                parts = [above]
                if position >= 2 and indexes[position - 2] == indexes[position - 1] - 1:
                    first = collapse(letter.stripped[indexes[position - 2]])
                    if _looks_like_office(first) and _indent(letter, indexes[position - 2]) == _indent(
                            letter, indexes[position - 1]) and _indent(letter, indexes[position - 1]) > 0:
                        parts.insert(0, first)  # the name wrapped onto two lines of the block
                return join_office(parts)
    return None


_SEAL = re.compile(r"^\(?ประทับตรา\)?$")


def _office_above_seal(letter: Letter) -> str | None:
    """A stamp letter's office, two lines above its seal (`(ประทับตรา)`), when the date between was not read."""
    indexes = list(letter.nonblank(0))
    for position in range(len(indexes) - 1, 1, -1):
        if _SEAL.match(letter.compact[indexes[position]]):
            above = collapse(letter.stripped[indexes[position - 2]])
            return above if _looks_like_office(above) and not TO_STAMP.match(above) else None
    return None


def _indent(letter: Letter, index: int) -> int:
    return len(letter.lines[index]) - len(letter.lines[index].lstrip(" "))


def _complainant(letter: Letter, signer: str | None) -> tuple[str | None, float]:
    if signer:
        return signer, 0.85
    match = re.search(r"(?:ข้าพเจ้า|ดิฉัน|กระผม)\s*(" + _TITLE + r"\s?[ก-๛]+\s[ก-๛]+)", letter.text)
    if match:
        return collapse(match.group(1)), 0.75
    return None, 0.4


def signer(letter: Letter) -> tuple[str | None, float]:
    start = letter.salutation_at or 0
    for index in letter.nonblank(start + 1):
        text = letter.stripped[index]
        if text.startswith("(") and text.endswith(")"):
            inner = collapse(text[1:-1])
            if inner and not _NOT_NAMES.search(inner) and looks_like_name(inner):
                return inner, (0.95 if _PERSON.match(inner) or " " in inner else 0.7)
    for index in letter.nonblank(start + 1):
        match = re.match(r"^\s*(?:ลงชื่อ|ลายมือชื่อ)\s*[:：]?\s*(.+)$", letter.lines[index])
        if match and _PERSON.search(match.group(1)):
            return collapse(_PERSON.search(match.group(1)).group(0)), 0.8
    return None, 0.8


def contact_phone(letter: Letter) -> tuple[str | None, float]:
    indexes = list(letter.nonblank(0))
    for index in indexes:  # a phone line at the bottom, under the owning unit
        if index < (letter.salutation_at or 0):
            continue
        match = PHONE_LINE.match(_with_wrapped_number(letter, index))
        if match:
            return _phone(match.group("number")), 0.9
    for index in indexes:  # anywhere else: a memo's ส่วนราชการ line, a complaint's address
        match = PHONE_INLINE.search(_with_wrapped_number(letter, index))
        if match:
            return _phone(match.group("number")), 0.8
    return None, 0.8


_BROKEN_NUMBER = re.compile(r"(?:\d|ต่อ|" + _PHONE_LABEL + r")\s*[:：]?$")
_NUMBER_GOES_ON = re.compile(r"^\s*\d")


def _with_wrapped_number(letter: Letter, index: int) -> str:
    """The line, and the next one too where a phone number ran over the line's end (`โทร. 0 2288` / `5567`,
    `… 5600 ต่อ` / `2210`): a line that ends in `ต่อ`, the label, or a number too short for a Thai phone (nine
    digits with the area code, ten for a mobile), followed by one that starts with a digit."""
    line = letter.lines[index]
    following = index + 1
    if following >= len(letter.lines) or not _BROKEN_NUMBER.search(line.rstrip()) or not _NUMBER_GOES_ON.match(
            letter.lines[following]) or not re.search(_PHONE_LABEL, line):
        return line
    own = PHONE_INLINE.search(line)
    if own and not line.rstrip().endswith("ต่อ") and len(re.sub(r"\D", "", own.group("number"))) >= 9:
        return line  # the number is whole: the next line's digits are something else
    return line.rstrip() + " " + letter.stripped[following]


def _phone(raw: str) -> str:
    return collapse(raw.replace("ต่อ", " ต่อ ")).strip(" -")
