"""Search text: one normal form for the index and the query (Thai digits as Arabic, Latin in lower case),
and highlighting of matches in the original text, escaped first.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString

from prasan.thai.digits import to_arabic

MIN_TRIGRAM = 3  # a trigram index can only find strings of at least three characters
MAX_TERMS = 8
_SPACE = re.compile(r"\s+")
_THAI_DIGIT = re.compile("[๐-๙]")


def fold(text: str) -> str:
    """Same length as `text`, character for character, so positions found here are positions in `text`."""
    if _THAI_DIGIT.search(text):  # translate() is slow on Thai text; most text has no Thai digits
        text = to_arabic(text)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def index_text(text: str) -> str:
    """What the index stores: folded, with every run of white space one space."""
    return _SPACE.sub(" ", fold(text or "")).strip()


@dataclass(frozen=True)
class Query:
    """A user's query in the index's normal form: the whole phrase and its space-separated terms."""

    phrase: str
    terms: tuple[str, ...]

    @classmethod
    def parse(cls, raw: str) -> "Query":
        phrase = index_text(raw)
        terms = tuple(dict.fromkeys(phrase.split(" ")))[:MAX_TERMS] if phrase else ()
        return cls(phrase, terms)

    @property
    def long_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if len(t) >= MIN_TRIGRAM)

    @property
    def short_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if len(t) < MIN_TRIGRAM)

    @property
    def is_short(self) -> bool:
        """No term the trigram index can look up: only a bounded scan can answer."""
        return not self.long_terms


def _spans(folded: str, terms) -> list[tuple[int, int]]:
    found = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms) -> SafeString:
    """`text` escaped, with each match wrapped in <mark> (the text is never trusted as HTML)."""
    text = text or ""
    spans = _spans(fold(text), terms)
    pieces, last = [], 0
    for start, end in spans:
        pieces.append((text[last:start], text[start:end]))
        last = end
    return format_html_join("", "{}<mark>{}</mark>", pieces) + escape(text[last:])


def _cluster_start(text: str, index: int) -> int:
    """Do not cut before a Thai vowel or tone mark: it belongs to the character in front of it."""
    while 0 < index < len(text) and unicodedata.category(text[index]) == "Mn":
        index -= 1
    return index


def snippet(text: str, terms, width: int = 160) -> SafeString:
    """A window of `text` around its first match, highlighted; the beginning of it if nothing matches."""
    text = _SPACE.sub(" ", text or "").strip()
    if not text:
        return SafeString("")
    spans = _spans(fold(text), terms)
    start = 0
    if spans and spans[0][1] > width:
        start = _cluster_start(text, max(0, spans[0][0] - width // 3))
    end = min(len(text), start + width)
    end = _cluster_start(text, end) if end < len(text) else end
    body = highlight(text[start:end], terms)
    before = SafeString("…" if start else "")
    after = SafeString("…" if end < len(text) else "")
    return before + body + after
