"""The signature block: who signed (with or without brackets) and in what position.

It follows the closing (`ขอแสดงความนับถือ`) of a letter, or the `สั่ง ณ วันที่` / `ประกาศ ณ วันที่` line of
an order or announcement: a line for the hand signature (often `(ลงชื่อ) ……` or nothing), the typed name —
in brackets on letters, often without on orders — and one to three lines of position, which may say
`ปฏิบัติราชการแทน` / `รักษาราชการแทน` someone else. The block ends at a blank line, at the owning unit and
phone at the left margin, or at a secrecy mark. Set in a narrow column, a long name or position wraps: a name
whose bracket closes on the next line is one name, and a position may run to more lines than it has parts.
"""

import re

from ..normalize import collapse
from .header import ISSUED
from .lines import Letter, label_re, width
from .lists import join_lines

TITLE = (r"(?:นางสาว|นาง|นาย|น\.ส\.|ว่าที่\s?ร\.ต\.(?:หญิง)?|ว่าที่ร้อยตรี(?:หญิง)?|"
         r"ร\.ต\.อ\.|พ\.ต\.[อทต]\.|พล\.ต\.[อทต]\.|พล\.อ\.|พล\.ท\.|พล\.ต\.|ดร\.|ศาสตราจารย์|รองศาสตราจารย์|"
         r"ผู้ช่วยศาสตราจารย์|ศ\.|รศ\.|ผศ\.|นายแพทย์|แพทย์หญิง|พระ)")
PERSON = re.compile(TITLE + r"\s?(?:ดร\.\s?)?[ก-๛]+(?:\s[ก-๛.]+){1,2}")
_CLOSING = re.compile(r"^\s*(?:ขอแสดงความนับถือ|ขอแสดงความเคารพ|ด้วยความเคารพ|ขอแสดงความนับถืออย่างสูง)\s*$")
_SIGN_HERE = re.compile(r"^\(?\s*(?:ลงชื่อ|ลายมือชื่อ)\s*\)?[\s.…_]*$|^[.…_\s]+$")
_SIGNED_PREFIX = re.compile(r"^\(?\s*(?:ลงชื่อ|ลายมือชื่อ)\s*\)?\s*[.…_]*\s*")
_STOP = re.compile(r"^(?:โทร|โทรสาร|ไปรษณีย์อิเล็กทรอนิกส์|E-?mail|อีเมล|www|สำเนา|หมายเหตุ|ด่วน|ลับ)")
_UNIT = label_re("ส่วนราชการ")


_SPECKS = re.compile(r"(?:\s+[\]\[|}{'`.,_]+)+$")  # a scan's specks after a line, read as brackets and bars


def _person(text: str) -> str | None:
    text = _SPECKS.sub("", _SIGNED_PREFIX.sub("", text).strip())
    if text.startswith("(") and text.endswith(")"):
        inner = collapse(text[1:-1])
        return inner if inner and "\u0e01" <= inner[0] <= "\u0e4e" and not re.search(r"ประทับตรา|สำเนา", inner) \
            else None
    match = PERSON.fullmatch(collapse(text))
    return match.group(0) if match else None


def looks_like_name(text: str) -> bool:
    """Whether bracketed text away from a closing can be a person's name: a title, or a given name and a
    surname. One word in brackets in a body is a gloss — `(องค์การมหาชน)` after an agency's name, a wrapped
    line's tail — not who signed."""
    return "\u0e01" <= text[0] <= "\u0e4e" and (bool(re.match(TITLE, text)) or " " in text.strip())


def anchor(letter: Letter) -> int | None:
    """The line the signature block follows: the last closing, or the issuing-date line."""
    for index in range(len(letter.lines) - 1, -1, -1):
        if _CLOSING.match(letter.lines[index]) or ISSUED.match(letter.lines[index]):
            return index
    return None


def signature(letter: Letter) -> tuple[str | None, str | None, float, int | None]:
    """(signer, position, sureness, the signer's line) from the block after the anchor.

    Without an anchor, a person's name alone on an indented line after the salutation is taken, less surely
    (a letter that closes without `ขอแสดงความนับถือ`).
    """
    start = anchor(letter)
    if start is not None:
        for count, index in enumerate(letter.nonblank(start + 1)):
            if count > 3:
                break
            text = letter.stripped[index]
            if _SIGN_HERE.match(text):
                continue
            name = _person(text)
            if name is None and _opens_bracket(text) and index + 1 < len(letter.lines):
                name = _person(join_lines([text, letter.stripped[index + 1]]))  # the bracket closes below
                if name:
                    return name, _position(letter, index + 1, index), 0.9, index
            if name:
                return name, _position(letter, index), 0.95, index
            if count >= 1:
                break
    first = (letter.salutation_at or 0) + 1
    for index in letter.nonblank(first):  # a memo signs without a closing: the first bracketed name
        text = letter.stripped[index]
        if text.startswith("(") and text.endswith(")"):
            name = _person(text)
            if name and looks_like_name(name):
                sure = 0.95 if PERSON.match(name) or " " in name else 0.7
                return name, _position(letter, index), sure, index
    for index in letter.nonblank(first):
        line = letter.lines[index]
        indent = len(line) - len(line.lstrip(" "))
        if indent >= 0.25 * letter.full_width and PERSON.fullmatch(collapse(line)):
            return collapse(line), _position(letter, index), 0.75, index
    return None, None, 0.8, None


def _opens_bracket(text: str) -> bool:
    return text.startswith("(") and ")" not in text


POSITION_LINES = 6  # up to three parts (position, ปฏิบัติราชการแทน, whose), each of which may wrap once
CENTRED = 0.15  # of a full line: a position centred under the name may start left of it (a long title)


def _position(letter: Letter, index: int, name_at: int | None = None) -> str | None:
    """The lines under the typed name, while they stay in the signature's column or centred under it."""
    name_line = letter.lines[index if name_at is None else name_at]
    name_indent = len(name_line) - len(name_line.lstrip(" "))
    name_centre = name_indent + width(name_line.strip()) / 2
    parts = []
    for following in range(index + 1, min(index + 1 + POSITION_LINES, len(letter.lines))):
        line = letter.lines[following]
        text = letter.stripped[following]
        indent = len(line) - len(line.lstrip(" "))
        if not text or _STOP.match(text) or _UNIT.match(line) or text.startswith("("):
            break
        centred = indent > 0 and abs(indent + width(text) / 2 - name_centre) <= CENTRED * letter.full_width
        if name_indent >= 8 and indent < name_indent * 0.5 and not centred:
            break  # back at the left margin: the owning unit and its phone
        if parts and _above_phone(letter, following):
            break  # the owning unit, which the footer's phone line follows (a scan may lose its margin)
        parts.append(collapse(text))
    return " ".join(parts) or None


def _above_phone(letter: Letter, index: int) -> bool:
    following = index + 1
    return following < len(letter.lines) and bool(re.match(r"^(?:โทร|Tel)", letter.stripped[following]))
