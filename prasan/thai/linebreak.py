"""Where a Thai line may break: between words (PyThaiNLP), never inside a person's name, a
position, a document number, a date or an abbreviation, and never before ๆ, ฯ or a combining mark.

:func:`breakable` marks the places with a zero-width space (U+200B) and glues what must stay
together with no-break spaces; renderers then break lines only there (render/thaiwrap.py for the
PDF; Word and LibreOffice read U+200B as a break opportunity). :func:`plain` takes the marks out
again, for text that is compared, searched or copied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from prasan.thai.dates import MONTHS, MONTHS_ABBR
from prasan.thai.text import segment

ZWSP = "\u200b"
NBSP = "\u00a0"
WORD_JOINER = "\u2060"

# A Thai letter (consonants and the vowels that begin a syllable: เ แ โ ใ ไ, ฤ ฦ).
_THAI_LETTER = re.compile(r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e44]")
# What may never start a line: ๆ ฯ, and every mark that sits on the letter before it.
_NEVER_FIRST = re.compile(r"^[\u0e2f\u0e46\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0e30\u0e32\u0e33\u0e45]")
_THAI_END = re.compile(r"[\u0e01-\u0e4e]$")
_NEVER_LAST = re.compile(r"[\u0e40-\u0e44]$")  # เ แ โ ใ ไ belong to the next consonant
_DIGIT = r"[0-9\u0e50-\u0e59]"
# ที่ ศธ ๐๒๐๑.๑/ว ๑๒๓๔, สป 1025/2568, สร 3517/2569: letters, a number, a slash, a number.
_DOC_NUMBER = re.compile(
    rf"[\u0e01-\u0e2e]{{1,6}}\.?(?:[ \u00a0]?[\u0e01-\u0e2e]{{1,4}}\.?)?[ \u00a0]?{_DIGIT}+(?:\.{_DIGIT}+)*"
    rf"(?:/[ \u00a0]?(?:ว[ \u00a0]?)?{_DIGIT}+)+")
# A person: a title, the given name, one space, the surname.
_TITLES = ("นางสาว", "นาง", "นาย", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "ศ.", "รศ.",
           "ผศ.", "พล.อ.", "พ.ต.อ.", "คุณ")
# A title with a dot starts a word: "ศ." ending "ก.ค.ศ." is no professor, and what follows no name.
_TITLE = "|".join(
    re.escape(t) if "." not in t else r"(?<![\u0e01-\u0e4e.])" + re.escape(t)
    for t in sorted(_TITLES, key=len, reverse=True))
_PERSON = re.compile(f"(?:{_TITLE})" r"[ \u00a0]?[\u0e01-\u0e4e]{2,}[ \u00a0][\u0e01-\u0e4e]{2,}")
# A date: ๑ ตุลาคม ๒๕๖๘, ๒๔ พ.ย. ๖๙, ๑ ตุลาคม พ.ศ. ๒๕๖๘ (a day left at a line's end reads wrong).
_DATE = re.compile(
    rf"{_DIGIT}{{1,2}}[ \u00a0]?(?:" + "|".join(re.escape(m) for m in sorted(MONTHS + MONTHS_ABBR, key=len, reverse=True))
    + rf")[ \u00a0]?(?:พ\.ศ\.[ \u00a0]?)?{_DIGIT}{{2,4}}")
# A run of letters and dots with no space (รมว.ศธ., ก.ค.ศ., สพฐ.): an abbreviation.
_ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]{1,6}\.(?:[\u0e01-\u0e4e]{1,6}\.?)*")
# Numbers with their separators (๒,๘๑๔ ๑๐.๕๐) and a space before ๆ / ฯ.
_NUMBER = re.compile(rf"{_DIGIT}+(?:[,.]{_DIGIT}+)*")


def breakable(text: str, keep: Iterable[str] = (), *, narrow: bool = False) -> str:
    """``text`` with U+200B wherever a line may break inside a run of Thai, and no-break spaces
    inside names, document numbers and before ๆ / ฯ. ``keep``: more phrases that must not split
    (the signer's name, positions named in the document). ``narrow``: a table's column, where a
    whole name may not fit: it may break between given name and surname, never inside either."""
    if not text or not _THAI_LETTER.search(text):
        return text
    out = _breakable(text, tuple(sorted({k for k in keep if k and len(k) > 1}, key=len, reverse=True)))
    if narrow:
        out = _PERSON.sub(lambda m: _rreplace(m.group(0), NBSP, " "), out)
    return out


def _rreplace(text: str, old: str, new: str) -> str:
    head, found, tail = text.rpartition(old)
    return head + new + tail if found else text


@lru_cache(maxsize=4096)
def _breakable(text: str, keep: tuple[str, ...]) -> str:
    text = re.sub(r"[ \u00a0]+(?=[\u0e46\u0e2f])", NBSP, text)  # ต่าง ๆ, กรุงเทพ ฯ
    spans = _protected(text, keep)
    out: list[str] = []
    position = 0
    for start, end in spans:
        out.append(_between_words(text[position:start]))
        out.append(re.sub(" ", NBSP, text[start:end]))
        position = end
    out.append(_between_words(text[position:]))
    return _join(out)


def _protected(text: str, keep: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of what must not split, in order."""
    found: list[tuple[int, int]] = []
    for phrase in keep:
        for match in re.finditer(re.escape(phrase), text):
            found.append(match.span())
    for pattern in (_PERSON, _DOC_NUMBER, _DATE, _ABBREVIATION, _NUMBER):
        found += [m.span() for m in pattern.finditer(text)]
    found.sort(key=lambda span: (span[0], -span[1]))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def _between_words(chunk: str) -> str:
    """ZWSP between two Thai words that touch (no space between them)."""
    if not chunk or not _THAI_LETTER.search(chunk):
        return chunk
    words = segment_keep_space(chunk)
    out = [words[0]]
    for before, word in zip(words, words[1:], strict=False):
        if _may_break(before, word):
            out.append(ZWSP)
        out.append(word)
    return "".join(out)


def segment_keep_space(chunk: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(chunk, engine="newmm", keep_whitespace=True) if w]


def _may_break(before: str, word: str) -> bool:
    return (bool(_THAI_END.search(before)) and bool(_THAI_LETTER.match(word))
            and not _NEVER_FIRST.match(word) and not _NEVER_LAST.search(before))


def _join(parts: list[str]) -> str:
    """Protected spans and the words around them touch: a ZWSP between two Thai words there too."""
    out = ""
    for part in parts:
        if part and out and _may_break(out, part):
            out += ZWSP
        out += part
    return out


def plain(text: str) -> str:
    """The text without the line-break marks (U+200B out, no-break spaces back to spaces)."""
    return text.replace(ZWSP, "").replace(WORD_JOINER, "").replace(NBSP, " ")


__all__ = ["NBSP", "ZWSP", "breakable", "plain", "segment"]
