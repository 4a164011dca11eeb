"""How sure a field read from a scan is: the parse's sureness, times what Tesseract said of the letters the
value was read from.

Before this, every OCR'd field took the parser's sureness times 0.85, so none reached มั่นใจ (≥ 0.85) and a
registrar had to check every field of every scan the same. Now a field whose every letter Tesseract read
with high confidence keeps the parser's sureness, and one with a letter it doubted drops below — the weakest
letter decides, since one wrong digit makes a wrong number. A value that cannot be found letter by letter in
what was read (the parser rebuilt it, or the spelling repair changed it) is not sure. Empty fields stay
unsure: that OCR saw nothing is no proof there is nothing. Calibration (per sureness level, how many fields
and how many right) is measured by bench/intake_layout.py.
"""

import datetime as dt
import re

from prasan.thai.dates import MONTHS, MONTHS_ABBR

from .reread import Word

# The weakest letter's confidence (Tesseract, 0–100) → a factor on the parse's sureness. Chosen on the
# bench's own scans (layout, real and rendered parts at 150 and 300 dpi; not the held-out ones): of the
# filled fields whose weakest letter was ≥ 85, 98 % were right at 300 dpi and 97 % at 150; below 50, half.
# 0.97 keeps a parse the parser itself was only 0.85 sure of (a wrapped office name) below มั่นใจ.
STEPS = ((85.0, 0.97), (75.0, 0.85), (50.0, 0.7))
FLOOR = 0.5  # a letter Tesseract all but guessed: ไม่แน่ใจ
NOT_FOUND = 0.6  # the value is not in what was read, letter for letter (rebuilt, or repaired): ควรตรวจ
EMPTY = 0.85  # an empty field: the parser's sureness, doubted as before
TEXT_FIELDS = ("doc_number", "subject", "to", "from_agency", "signer", "signer_position", "contact_phone",
               "urgency", "secrecy")
LIST_FIELDS = ("enclosures", "references")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub("", text.translate(_THAI_DIGITS))


class PageLetters:
    """Every letter read, run together without spaces, with Tesseract's confidence in each."""

    def __init__(self, lines: list[tuple[str, list[Word]]]):
        self.text = ""
        self.conf: list[float] = []
        self.twin: list[bool] = []  # read as a Thai digit that has a look-alike
        for text, words in lines:
            flat = squash(text)
            read = "".join(squash(w.text) for w in words)
            confs = [w.conf for w in words for _ in squash(w.text)]
            twins = [ch in THAI_TWIN_DIGITS for w in words for ch in _SPACE.sub("", w.text)]
            if not flat:
                continue
            if not confs:  # no words (a stamp without boxes): unknown, not sure
                confs, read, twins = [0.0], " ", [False]
            # the final text differs a little from Tesseract's (digits re-read, marks put back): spread the
            # letters' confidences over it by position
            scale = len(read) / len(flat)
            self.text += flat + "\n"
            self.conf += [confs[min(int(i * scale), len(confs) - 1)] for i in range(len(flat))] + [100.0]
            self.twin += [twins[min(int(i * scale), len(twins) - 1)] for i in range(len(flat))] + [False]

    def has_twin_digit(self, value: str) -> bool:
        """Whether `value`, found in what was read, holds a Thai digit with a look-alike."""
        piece = squash(value)
        found = self.text.find(piece) if piece else -1
        return found >= 0 and any(self.twin[found:found + len(piece)])

    def weakest(self, pieces: list[str]) -> float | None:
        """The lowest confidence over the letters of `pieces` found in order, or None if one is not found."""
        lowest, at = 100.0, 0
        for piece in pieces:
            piece = squash(piece)
            if not piece:
                continue
            found = self.text.find(piece, at)
            if found < 0:
                found = self.text.find(piece)
            if found < 0:
                return None
            lowest = min(lowest, *self.conf[found:found + len(piece)])
            at = found + len(piece)
        return lowest


# A number in a name, a subject or an addressee is a year, or it counts something and a Thai word says what
# (ครั้งที่ 18, ฉบับที่ 2, เล่ม 137, กมธ 6). A number standing where an acronym stands — alone in brackets or
# quotes, or against Latin letters — may be Latin capitals Tesseract read as digits (`(BESS)` → `(8555)`:
# B/8, S/5, O/0, I/1), and it reads them with full confidence, so its letters' confidence proves nothing:
# such a field is at most ควรตรวจ.
WORDY_FIELDS = ("subject", "to", "from_agency", "signer", "signer_position")
_NUMBER = re.compile(r"\d+")
_WHERE_AN_ACRONYM_STANDS = re.compile(r"[(\"“‘'A-Za-z]\s*$")
_LATIN_AFTER = re.compile(r"^\s*[A-Za-z]")
LOOKS_LIKE_LETTERS = 0.8


# Thai digits that differ by a small stroke — ๔/๕, ๑/๓, ๖/๙ — are read one for the other on a scan with full
# confidence (๐๕๐๔ as ๐๕๐๕, ๒๒๑๔ as ๒๒๑๕). A wrong running number files the letter under another's, so a number
# read with any of them is at most ควรตรวจ.
THAI_TWIN_DIGITS = frozenset("๑๓๔๕๖๙")
TWIN_DIGITS = 0.8


def _year(number: str) -> bool:
    return len(number) == 4 and (2400 <= int(number) <= 2700 or 1900 <= int(number) <= 2100)


def doubtful_number(value: str) -> bool:
    """Whether `value` holds a number, not a year, where an acronym stands."""
    value = value.translate(_THAI_DIGITS)
    for match in _NUMBER.finditer(value):
        if not _year(match.group()) and (_WHERE_AN_ACRONYM_STANDS.search(value[: match.start()])
                                         or _LATIN_AFTER.match(value[match.end():])):
            return True
    return False


def factor(conf: float | None) -> float:
    if conf is None:
        return NOT_FOUND
    return next((value for floor, value in STEPS if conf >= floor), FLOOR)


def date_pieces(value: str) -> list[list[str]]:
    """How an ISO date may be written in a letter: day, month (full or short), Buddhist-era year. The day is
    looked for with its month, not alone: a lone `1` is found anywhere on the page (in the number, say), with
    that letter's confidence rather than the day's."""
    day = dt.date.fromisoformat(value)
    year = str(day.year + 543)
    full, short = MONTHS[day.month - 1], MONTHS_ABBR[day.month - 1]
    return [[f"{day.day}{full}", year], [f"{day.day}เดือน{full}", year], [f"{day.day}{short}", year],
            [f"{day.day}{short}", year[2:]]]


def from_letters(fields: dict, sure: dict[str, float], lines: list[tuple[str, list[Word]]]) -> dict[str, float]:
    """The OCR'd fields' sureness (0..1): `sure` is the parser's, `lines` the text read with its words."""
    page = PageLetters(lines)
    out = {}
    for name, value in sure.items():
        found = fields.get(name)
        if name in TEXT_FIELDS and found:
            conf = page.weakest(str(found).split())
        elif name in LIST_FIELDS and found:
            confs = [page.weakest(str(item).split()) for item in found]
            conf = None if None in confs else min(confs)
        elif name == "date" and found:
            confs = [page.weakest(pieces) for pieces in date_pieces(found)]
            conf = max((c for c in confs if c is not None), default=None)
        elif found in (None, [], ""):
            out[name] = round(value * EMPTY, 2)
            continue
        else:  # kind, duty and the like: read from the layout and the words, not from letters one can point at
            out[name] = round(value * EMPTY, 2)
            continue
        sureness = value * factor(conf)
        if name in WORDY_FIELDS and doubtful_number(str(found)):
            sureness = min(sureness, LOOKS_LIKE_LETTERS)
        if name == "doc_number" and page.has_twin_digit(str(found)):
            sureness = min(sureness, TWIN_DIGITS)
        out[name] = round(sureness, 2)
    return out
