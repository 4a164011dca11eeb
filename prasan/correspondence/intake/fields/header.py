"""The letterhead as blocks: the left `ที่` line, the right-hand address block, and an order's or
announcement's centred title.

A letter is laid out in columns (แบบที่ ๑ of the correspondence regulation): `ที่` and the number at the
left margin, the issuing office and its address as a block on the right, the date centred under it. Text
exports keep the columns as leading spaces (and `page.py` rebuilds them from a PDF's or a scan's word
positions), so the right-hand block is the run of lines indented like the address under the office's
name. The office's name is that block up to its first address line, however many lines it wraps onto
(`สำนักงานคณะกรรมการการศึกษา` / `ขั้นพื้นฐาน`). The number may sit beside the block on one line
(`ที่ มท 0801.1/1401      กรมส่งเสริม…`), or `ที่` may stand alone with the number on the next line.
"""

import re
from dataclasses import dataclass

from ..normalize import collapse
from .dates import date_only
from .lines import BODY_OPENERS, Letter, fuzzy, width
from .lists import join_lines
from .marks import strip_marks
from .numbers import KNOWN_CODES, DocNumber, label_alone, number_at_start, number_line, year_number

HEADER_LINES = 20
_ADDRESS = re.compile(r"^(?:\d|ถนน|ถ\.|เลขที่|บ้านเลขที่|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.|กรุงเทพ|กทม|"
                      r"ทำเนียบ|อาคาร|ศาลากลาง|ศูนย์ราชการ|ชั้น|หมู่|ซอย|ตู้|ปณ|ถนน|โทร|www|http|"
                      r"[A-Za-z0-9._%+-]+@)")
_MARK_LINE = re.compile(r"^(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ|บันทึกข้อความ)$")
_RULE = re.compile(r"^[-_=~.·•*]{3,}$")


@dataclass(frozen=True)
class NumberAt:
    number: DocNumber
    index: int  # the line the number is on
    end: int  # where it ends in that line


def find_number(letter: Letter) -> tuple[NumberAt | None, float]:
    """The letter's own number, in the header (before เรียน): `ที่ X`, `ที่` alone then X, or `ที่ 12/2569`."""
    stop = letter.salutation_at if letter.salutation_at is not None else HEADER_LINES
    for index in letter.nonblank(0):
        if index > stop:
            break
        line = letter.lines[index]
        found = number_line(line)
        if found:
            return NumberAt(found, index, found.end), 0.95
        if label_alone(line):
            following = next(letter.nonblank(index + 1), None)
            if following is not None:
                found = number_at_start(letter.lines[following])
                if found:
                    return NumberAt(found, following, found.end), 0.9
        found = year_number(line)
        if found:
            return NumberAt(found, index, found.end), 0.9
    for index in list(letter.nonblank(0))[:3]:
        found = number_at_start(letter.lines[index])
        if found and found.code in KNOWN_CODES:
            # the top-left number whose `ที่` a scan lost (under a stamp, a speck): a ministry's code starting
            # one of the first lines is the letter's number, read less surely
            return NumberAt(found, index, found.end), 0.7
    return None, 0.85


def looks_like_office(text: str) -> bool:
    return (
        width(text) >= 4
        and "\u0e01" <= text[:1] <= "\u0e4e"
        and not _ADDRESS.match(text)
        and date_only(text) is None
        and not _MARK_LINE.match(text.replace(" ", ""))
    )


def letterhead_office(letter: Letter, at: NumberAt | None) -> tuple[str | None, float]:
    """The issuing office: the right-hand block beside or under the number, up to its first address line."""
    if at is None:
        return None, 0.4
    first = collapse(strip_marks(letter.lines[at.index][at.end:]))
    parts: list[str] = []
    if first and looks_like_office(first):
        parts.append(first)
    elif first:
        return None, 0.4
    column = _block_column(letter, at.index)
    for index in range(at.index + 1, min(at.index + 5, len(letter.lines))):
        text = letter.stripped[index]
        if not text:
            if parts:
                break
            continue
        if letter.is_label(index) or not looks_like_office(collapse(text)):
            break
        if parts and (column is None or not _in_column(letter, index, column)):
            break  # not the right-hand block: body, or a centred date
        parts.append(collapse(strip_marks(text)))
        if len(parts) == 3:
            break
    if not parts:
        return None, 0.4
    return join_office(parts), (0.9 if len(parts) == 1 else 0.85)


def _indent(letter: Letter, index: int) -> int:
    line = letter.lines[index]
    return len(line) - len(line.lstrip(" "))


# A wrapped name continues without a space (…การศึกษา / ขั้นพื้นฐาน); a parent body after it takes one.
_OFFICE_WORD = re.compile(r"^(?:สำนัก|กรม|กระทรวง|ศูนย์|กอง|กลุ่ม|มหาวิทยาลัย|คณะ|วุฒิสภา|สภา|จังหวัด|โรงเรียน|"
                          r"สถาบัน|องค์การ|ที่ทำการ|ที่ว่าการ)")


def join_office(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        out += (" " if _OFFICE_WORD.match(part) else "") + part
    return out


def _block_column(letter: Letter, index: int) -> int | None:
    """The right-hand block's indentation: that of the (address) lines under the number line."""
    columns = [_indent(letter, i) for i in range(index + 1, min(index + 5, len(letter.lines)))
               if letter.stripped[i] and not letter.is_label(i)]
    wide = [c for c in columns if c >= 0.2 * letter.full_width]
    return wide[0] if wide else None  # the line under the office's first line starts the block


def _in_column(letter: Letter, index: int, column: int) -> bool:
    return abs(_indent(letter, index) - column) <= 3


# ---- orders, announcements, regulations, statements --------------------------------------------------------

TITLES = {"คำสั่ง": "order", "ประกาศ": "announcement", "ระเบียบ": "instruction", "ข้อบังคับ": "instruction",
          "แถลงการณ์": "pr", "ข่าว": "pr"}
_TITLE = re.compile(r"^(?P<word>คำสั่ง|ประกาศ|ระเบียบ|ข้อบังคับ|แถลงการณ์|ข่าว)(?P<rest>.*)$")
# OCR may put a speck before the line (`ก. ประกาศ ณ วันที่`), stutter its ว (`ณววันที่`) or drop its marks
# (`สัง ณ วันท`).
# What stands before `ณ วันที่` at a line's start may be only what is left of the verb (`่งณวันที่` for สั่ง).
ISSUED = re.compile(r"^\s*(?:\S{1,2}\s+)?(?:" + "|".join(fuzzy(w) for w in ("สั่ง", "ประกาศ", "ให้ไว้", "ออก"))
                    + r"|\S{1,3}?)\s*ณ\s*ว?" + fuzzy("วันที่") + r"\s*(?P<date>.+)$")
_TITLE_STOP = re.compile(r"^(?:ที่|เรื่อง|ว่าด้วย|ฉบับที่|พ\.ศ\.|\(ฉบับ)")


@dataclass(frozen=True)
class Title:
    kind: str
    issuer: str | None
    subject: str | None  # when เรื่อง is on the title line (ประกาศกระทรวง… เรื่อง …)
    index: int  # the title line


def title(letter: Letter) -> Title | None:
    """`คำสั่งกระทรวงศึกษาธิการ`, `ประกาศกระทรวงสาธารณสุข เรื่อง …`: the kind and who issues it."""
    for index in list(letter.nonblank(0))[:5]:
        compact = letter.compact[index]
        if _MARK_LINE.match(compact):
            continue
        match = _TITLE.match(letter.stripped[index])
        if not match and _scrap(compact):
            continue  # what OCR made of the emblem above the title (`on`, `.9ี๊“`, `(ตัวอย่าง)`)
        if not match or ISSUED.match(letter.lines[index]) or "ณวันที่" in compact:
            return None
        rest = match.group("rest").strip()
        subject = None
        if " เรื่อง" in f" {rest}":
            rest, subject = re.split(r"(?:^|\s)เรื่อง\s*", rest, maxsplit=1)
            subject = _wrapped(letter, index, collapse(subject)) or None
        issuer = [collapse(rest)] if rest else []
        for following in letter.nonblank(index + 1):
            text = letter.stripped[following]
            if following > index + 2 or subject or _TITLE_STOP.match(text) or _RULE.match(text):
                break
            if re.search(r"\d", text) or not looks_like_office(text):
                break
            issuer.append(collapse(text))
        return Title(TITLES[match.group("word")], " ".join(issuer) or None, subject, index)
    return None


def _scrap(compact: str) -> bool:
    """A line no title or header line looks like: a few letters, mostly not Thai, or wholly in brackets."""
    thai = sum("\u0e01" <= ch <= "\u0e4e" for ch in compact)
    return len(compact) <= 4 or thai < 0.6 * len(compact) or (compact[:1] == "(" and compact[-1:] == ")")


def _wrapped(letter: Letter, index: int, subject: str) -> str:
    """A subject on the title line may wrap onto the next line or two, up to the body's first words."""
    for following in range(index + 1, min(index + 3, len(letter.lines))):
        text = letter.stripped[following]
        if not text or BODY_OPENERS.match(text) or _RULE.match(text) or text.startswith("ข้อ"):
            break
        subject = join_lines([subject, text])
    return subject


_ISSUED_AS = ((re.compile(r"^\s*(?:\S{1,2}\s+)?" + fuzzy("สั่ง")), "order"),
              (re.compile(r"^\s*(?:\S{1,2}\s+)?" + fuzzy("ประกาศ")), "announcement"))


def issued_as(letter: Letter) -> str | None:
    """The kind its date line says a document is, when its title was lost (under the emblem, on a scan):
    only an order is dated `สั่ง ณ วันที่`, only an announcement `ประกาศ ณ วันที่`."""
    found = issued_on(letter)
    if found is None:
        return None
    line = letter.lines[found[0]]
    return next((kind for pattern, kind in _ISSUED_AS if pattern.match(line)), None)


def issued_on(letter: Letter) -> tuple[int, str] | None:
    """The `สั่ง ณ วันที่ …` / `ประกาศ ณ วันที่ …` line: its index and the date text."""
    for index in range(len(letter.lines) - 1, -1, -1):
        match = ISSUED.match(letter.lines[index])
        if match:
            return index, match.group("date")
    return None


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text.replace(" ", "")))
