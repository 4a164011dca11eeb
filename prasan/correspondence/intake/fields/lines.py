"""The letter as lines: labels found at line starts, line widths, and the header/body split.

Labels are matched loosely because OCR drops tone marks and inserts spaces (เรือง, เรื่ อง).
"""

import re
from dataclasses import dataclass
from functools import cached_property

_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"


def fuzzy(label: str) -> str:
    """A regex for `label` that tolerates dropped combining marks and stray spaces between letters."""
    parts = []
    for ch in label:
        if ch == " ":
            parts.append(r"\s*")
        elif ch in _MARKS:
            parts.append(re.escape(ch) + "?")
        else:
            parts.append(re.escape(ch) + r" ?")
    return "".join(parts)


def label_re(*labels: str, tail: str = r"(?:\s*[:：])?\s*") -> re.Pattern:
    return re.compile(r"^\s*(?:" + "|".join(fuzzy(label) for label in labels) + ")" + tail)


SUBJECT = label_re("เรื่อง", "Subject")  # Subject: on an e-mail printed out
# `เรียน` may stand alone on its line, with the addressee on the next
SALUTATION = label_re("กราบเรียน", "เรียน", tail=r"(?:\s*[:：])?(?:\s+|(?=[ก-ฮ]{2})|$)")
TO_STAMP = label_re("ถึง", tail=r"(?:\s*[:：])?\s+")
REFERENCE = label_re("อ้างถึง", "อ้างอิง")
ENCLOSURE = label_re("สิ่งที่ส่งมาด้วย", "สิ่งที่แนบมาด้วย", "สิ่งที่ส่งมาพร้อมนี้", "สิ่งที่แนบ")
UNIT = label_re("ส่วนราชการ", "หน่วยงาน")
HEADER_LABELS = (SUBJECT, SALUTATION, REFERENCE, ENCLOSURE, UNIT)

# How the first paragraph of a Thai official letter opens (ภาคเหตุ), per the typing standard.
BODY_OPENERS = re.compile(
    r"^\s*(?:ด้วย|ตามที่|ตาม|เนื่องด้วย|เนื่องจาก|อนุสนธิ|สืบเนื่อง|ข้าพเจ้า|ในการนี้|โดยที่|โดยเป็นการสมควร|อาศัยอำนาจ|"
    r"ขอส่ง|ขอเรียน|ขอแจ้ง|ขอความ|ขอเชิญ|ขอให้|บัดนี้|จึง)"
)
CLOSINGS = re.compile(r"^\s*(?:ขอแสดงความนับถือ|ขอแสดงความเคารพ|ด้วยความเคารพ|จึงเรียน|จึงกราบเรียน)")

_COMBINING = re.compile("[" + _MARKS + "]")


def width(text: str) -> int:
    """Visible width in character cells: Thai combining marks take no cell."""
    return len(_COMBINING.sub("", text.rstrip()))


@dataclass
class Letter:
    text: str  # normalized, Arabic digits

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def stripped(self) -> list[str]:
        return [line.strip() for line in self.lines]

    @cached_property
    def compact(self) -> list[str]:
        return [re.sub(r"\s+", "", line) for line in self.lines]

    @cached_property
    def full_width(self) -> int:
        """The width of a full line of body text (the 90th percentile of line widths)."""
        widths = sorted(width(s) for s in self.stripped if s)
        if not widths:
            return 1
        return max(widths[int(len(widths) * 0.9) - (1 if len(widths) > 1 else 0)], 1)

    def is_long(self, index: int) -> bool:
        return width(self.stripped[index]) >= 0.8 * self.full_width

    def first(self, pattern: re.Pattern, start: int = 0, stop: int | None = None) -> tuple[int, re.Match] | None:
        stop = len(self.lines) if stop is None else stop
        for index in range(start, min(stop, len(self.lines))):
            match = pattern.match(self.lines[index])
            if match:
                return index, match
        return None

    @cached_property
    def subject_at(self) -> int | None:
        found = self.first(SUBJECT)
        return found[0] if found else None

    @cached_property
    def salutation_at(self) -> int | None:
        """The เรียน line, or ถึง on a stamp letter: the end of the header."""
        found = self.first(SALUTATION)
        if found and (self.subject_at is None or found[0] > self.subject_at or found[0] < 25):
            return found[0]
        stamp = self.first(TO_STAMP, 0, 30)
        return stamp[0] if stamp else None

    def is_label(self, index: int) -> bool:
        return any(p.match(self.lines[index]) for p in HEADER_LABELS)

    def nonblank(self, start: int, stop: int | None = None, step: int = 1):
        stop = (len(self.lines) if step > 0 else -1) if stop is None else stop
        for index in range(start, stop, step):
            if self.stripped[index]:
                yield index
