"""A second look at the lines Tesseract was unsure of, and what its word boxes say about specks.

`tha+eng` lets Tesseract read a Thai line as English where the print is bold or the digits are crowded: the
label `ประกาศสำนักงาน…` in a bold title came out `seeming`, the phone `๒๑๒๗` as `wale!`, each with a low
confidence. Such a line is read again with the Thai model alone, and the reading Tesseract is surer of
stays. A word whose box is far lower than the line's letters is a speck or a dotted leader (the `......` a
memo's form prints after each field), not a letter: at a line's ends it is dropped (`5612 7` → `5612`).

Tesseract's TSV gives Thai a "word" per letter cluster, so its confidences are per letter: they are kept,
with the text, for the fields' sureness (`sureness.py`).
"""

import re
import statistics
from dataclasses import dataclass

LATIN = re.compile("[A-Za-z]")
UNSURE_LATIN = 80  # a Latin word read with less confidence than this on a Thai page is suspect
UNSURE_LINE = 60  # … and a line whose letters average less
SPECK_HEIGHT = 0.45  # of the line's usual letter height
_PUNCTUATION = frozenset(".,:;-")


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    right: int
    top: int
    bottom: int
    conf: float


def words(tsv: str) -> list[Word]:
    """Tesseract's words (Thai: letter clusters) in reading order, with their boxes and confidences."""
    out = []
    for row in tsv.split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            left, top, width, height = (int(c) for c in cols[6:10])
            out.append(Word(cols[11].strip(), left, left + width, top, top + height, max(float(cols[10]), 0.0)))
    return out


def mean_conf(line: list[Word]) -> float:
    """Confidence over the line's letters (a word counts as many times as it has characters)."""
    weights = [len(w.text) for w in line]
    return sum(w.conf * n for w, n in zip(line, weights, strict=True)) / sum(weights) if line else 0.0


def unsure(line: list[Word]) -> bool:
    return bool(line) and (any(LATIN.search(w.text) and w.conf < UNSURE_LATIN for w in line)
                           or mean_conf(line) < UNSURE_LINE or latin_month(line))


# A Latin word between a day and a year stands where a Thai month is written (`๑๕ reel พ.ศ.๒๕๖๙`): however
# sure Tesseract is of it, the line is read again with the Thai model.
_LATIN_MONTH = re.compile(r"(?<![\d๐-๙])[\d๐-๙]{1,2}\s*[A-Za-z][A-Za-z.,'!]+\s*(?:พ\.?\s?ศ\.?\s*)?[\d๐-๙]{2,4}")


def latin_month(line: list[Word]) -> bool:
    return bool(_LATIN_MONTH.search("".join(w.text for w in line)))  # Thai words are letters: no spaces


NOISE = 50  # a line none of whose letters Tesseract gives this much is noise (an emblem, a smudge)


def noise(line: list[Word]) -> bool:
    return bool(line) and all(w.conf < NOISE for w in line)


def better(first: tuple[str, str], second: tuple[str, str]) -> tuple[str, str]:
    """Of two readings (text, TSV) of one line, the one Tesseract is surer of."""
    a, b = words(first[1]), words(second[1])
    if b and latin_month(a) and not latin_month(b):
        return second  # a month the Thai model reads as Thai, however sure the first reading was of its Latin
    return second if b and mean_conf(b) > mean_conf(a) else first


def drop_specks(text: str, line: list[Word]) -> tuple[str, list[Word]]:
    """`text` without the specks Tesseract read as letters at its ends, and the words left."""
    if len(line) < 3:
        return text, line
    usual = statistics.median(w.bottom - w.top for w in line)
    line = list(line)

    def speck(word: Word) -> bool:
        return word.bottom - word.top < SPECK_HEIGHT * usual and word.text not in _PUNCTUATION

    text = text.strip()
    while len(line) > 1 and speck(line[-1]) and text.endswith(line[-1].text):
        text = text[: -len(line[-1].text)].rstrip()
        line.pop()
    while len(line) > 1 and speck(line[0]) and text.startswith(line[0].text):
        text = text[len(line[0].text):].lstrip()
        line.pop(0)
    return text, line


DOUBTED = 70.0  # a day read from glyphs Tesseract took for letters: ควรตรวจ, however sure it was of the letters


def doubt(line: list[Word], boxes: list) -> list[Word]:
    """The words whose box is one of `boxes` (re-read from their glyphs as another thing), at most DOUBTED sure."""
    if not boxes:
        return line
    places = {(b.left, b.top, b.right, b.bottom) for b in boxes}
    return [Word(w.text, w.left, w.right, w.top, w.bottom, min(w.conf, DOUBTED))
            if (w.left, w.top, w.right, w.bottom) in places else w for w in line]
