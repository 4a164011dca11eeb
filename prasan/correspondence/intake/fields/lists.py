"""อ้างถึง (references) and สิ่งที่ส่งมาด้วย (enclosures): one item, or items numbered ๑. ๒. …

An item may wrap onto following lines. A following line continues the item unless it is blank,
another header label, the next number, or the first line of the body (ภาคเหตุ opens with ด้วย,
ตามที่, เนื่องจาก …; a full-width line is a paragraph, not the tail of a wrapped item).
"""

import re
from dataclasses import dataclass

from ..normalize import collapse
from .lines import BODY_OPENERS, CLOSINGS, ENCLOSURE, REFERENCE, SALUTATION, Letter

# ๑. / 1) / (1) — and `๑ ` when OCR loses the full stop
_ITEM_NUMBER = re.compile(r"^\s*\(?(\d{1,2})(?:[.)]|\s(?=\D))\s*")
MAX_CONTINUATIONS = 2


@dataclass
class Block:
    items: list[str]
    start: int
    end: int  # first line after the block
    confidence: float


def join_lines(parts: list[str]) -> str:
    """Wrapped lines as one value: no space where a Thai word was broken across lines."""
    text = ""
    for part in parts:
        part = collapse(part)
        if not part:
            continue
        if text and not (_is_thai(text[-1]) and _is_thai(part[0])):
            text += " "
        text += part
    return text


def _is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def _stops(letter: Letter, index: int) -> bool:
    line = letter.lines[index]
    return (
        not letter.stripped[index]
        or letter.is_label(index)
        or bool(BODY_OPENERS.match(line) or CLOSINGS.match(line) or SALUTATION.match(line))
    )


def read_block(letter: Letter, label: re.Pattern, stop: int | None = None) -> Block | None:
    found = letter.first(label, 0, stop)
    if found is None:
        return None
    index, match = found
    first = letter.lines[index][match.end():].strip()
    numbered = _ITEM_NUMBER.match(first)
    items: list[list[str]] = []
    expected = 1
    if numbered:
        expected = int(numbered.group(1))
        first = first[numbered.end():]
    if first:
        items.append([first])
    elif not numbered:
        items.append([])
    cursor = index + 1
    continuations = 0
    while cursor < len(letter.lines):
        line = letter.lines[cursor]
        number = _ITEM_NUMBER.match(line)
        if number and int(number.group(1)) == expected + 1 and (numbered or not items[0]):
            expected += 1
            numbered = numbered or number
            rest = line[number.end():].strip()
            if items and not items[-1]:
                items[-1] = [rest]
            else:
                items.append([rest])
            continuations = 0
        elif not items or continuations >= MAX_CONTINUATIONS:
            break
        elif _stops(letter, cursor) and not (numbered and _sandwiched(letter, cursor, expected)):
            break
        elif number and not items[-1]:
            # an unnumbered label followed by a numbered list that starts on the next line
            expected = int(number.group(1))
            numbered = number
            items[-1] = [line[number.end():].strip()]
        elif _continues(letter, cursor, expected, bool(numbered)):
            items[-1].append(letter.stripped[cursor])
            continuations += 1
        else:
            break
        cursor += 1
    texts = [join_lines(parts) for parts in items if parts and "".join(parts).strip()]
    if numbered and texts:
        texts = _split_run_on(texts, int(numbered.group(1)))
    confidence = 0.9 if texts else 0.5
    return Block(texts, index, cursor, confidence)


def _split_run_on(texts: list[str], first: int) -> list[str]:
    """Items re-flowed onto one line (`๑. ก ๒. ข`) are split at the next numbers in turn."""
    out: list[str] = []
    expected = first
    for text in texts:
        while True:
            cut = re.search(rf"\s{expected + 1}[.)]\s*", text)
            if not cut:
                break
            out.append(text[: cut.start()].strip())
            text = text[cut.end():]
            expected += 1
        out.append(text.strip())
        expected += 1
    return [t for t in out if t]


def _continues(letter: Letter, index: int, expected: int, numbered: bool) -> bool:
    """Whether line `index` wraps the current item rather than starting the body."""
    if numbered and _sandwiched(letter, index, expected):
        return True
    if letter.is_long(index - 1) and not letter.lines[index][:1].isspace():
        return True  # the line before ran to the margin, and this one is no indented paragraph: a re-flowed item
    return not letter.is_long(index)


def _sandwiched(letter: Letter, index: int, expected: int) -> bool:
    """Line `index` sits between item `expected` and the next item, so it belongs to the former."""
    if not letter.stripped[index] or letter.is_label(index):
        return False
    following = next(letter.nonblank(index + 1), None)
    if following is None:
        return False
    number = _ITEM_NUMBER.match(letter.lines[following])
    return bool(number and int(number.group(1)) == expected + 1)


def references(letter: Letter) -> tuple[list[str], float, int | None]:
    block = read_block(letter, REFERENCE, _header_stop(letter))
    if block is None:
        return [], 0.9, None
    return block.items, block.confidence, block.end


def enclosures(letter: Letter) -> tuple[list[str], float, int | None]:
    block = read_block(letter, ENCLOSURE, _header_stop(letter))
    if block is None:
        return [], 0.9, None
    return block.items, block.confidence, block.end


def _header_stop(letter: Letter) -> int:
    """Labels count only in the header: up to a few lines past เรียน/ถึง."""
    anchor = letter.salutation_at
    if anchor is None:
        anchor = letter.subject_at if letter.subject_at is not None else 10
    return anchor + 12

