"""Urgency (ชั้นความเร็ว) and secrecy (ชั้นความลับ) marks: large words on a line of their own.

Urgency stands above the header (on a memo, possibly on the บันทึกข้อความ line); secrecy is
centred at the top and bottom of every page. Only whole-line marks count, so `ด่วนที่สุด` inside a
reference (หนังสือ … ด่วนที่สุด ที่ …) or `ลับ` inside `กลับ` is no mark.
"""

import re

from .lines import Letter

URGENCIES = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน")
# prasan.matters.choices.SECRECY_MARKS, written out: importing it loads Django's models, which `prasan extract`
# must not wait for (tests/intake/test_cli.py checks the two agree)
SECRECIES = ("ลับที่สุด", "ลับมาก", "ลับ")  # longest first
_PREFIXES = ("ชั้นความเร็ว", "ชั้นความลับ", "ชั้นความเร่งด่วน", "ความเร่งด่วน")
# What may share the line with a mark: the memo title, the ที่ label, or the other mark.
_MAY_FOLLOW = re.compile(r"^(?:บันทึกข้อความ|ที่|ที(?=[ก-ฮ]{2}\d)|ลับ|ด่วน|\(|$)")
_LOOSE = {"ด่วนที่สุด": ("ด่วนทีสุด", "ด่วนที่สูด", "ต่วนที่สุด"), "ด่วนมาก": ("ด่วนมาภ",), "ด่วน": ("ต่วน",)}

HEAD_LINES = 12
TAIL_LINES = 4


def _mark_at(compact: str, marks: tuple[str, ...]) -> str | None:
    for prefix in _PREFIXES:
        if compact.startswith(prefix):
            compact = compact[len(prefix):].lstrip(":：")
    for mark in marks:  # longest first
        for form in (mark, *_LOOSE.get(mark, ())):
            if compact.startswith(form) and _MAY_FOLLOW.match(compact[len(form):]):
                return mark
    return None


def _scan(letter: Letter, marks: tuple[str, ...], *, tail: bool) -> tuple[str | None, float]:
    lines = letter.compact
    head = [i for i in letter.nonblank(0)][:HEAD_LINES]
    tail_lines = [i for i in letter.nonblank(len(lines) - 1, -1, -1)][:TAIL_LINES] if tail else []
    stop = letter.salutation_at if letter.salutation_at is not None else len(lines)
    for index in head:
        if index > stop:
            break
        found = _mark_at(lines[index], marks)
        if found:
            return found, 0.95
    for index in tail_lines:
        if lines[index] in marks:
            return lines[index], 0.85
    return None, 0.9


def urgency(letter: Letter) -> tuple[str | None, float]:
    found, confidence = _scan(letter, URGENCIES, tail=False)
    if found is None:
        # the mark may sit on another header line after wide spaces: `ที่ … ด่วนที่สุด`
        for index in list(letter.nonblank(0))[:HEAD_LINES]:
            parts = re.split(r"\s{2,}", letter.stripped[index])
            for part in parts[1:]:
                if part in URGENCIES:
                    return part, 0.8
    return found, confidence


def secrecy(letter: Letter) -> tuple[str | None, float]:
    return _scan(letter, SECRECIES, tail=True)


def strip_marks(text: str) -> str:
    """A header line without any mark standing in it."""
    for mark in URGENCIES + SECRECIES:
        text = re.sub(r"(?:^|\s{2,})" + mark + r"(?=\s{2,}|$)", " ", text)
    return text.strip()
