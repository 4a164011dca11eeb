"""Step 5, normalize: clean extracted or OCR'd Thai text so people can read it and the parser can match it.

Fixes what PDF text layers, word processors and OCR commonly break in Thai: sara am (ำ) split
into nikhahit + sara aa (ํ + า), doubled sara e for sara ae, zero-width and odd spaces. Lines and
their indentation are kept (the parser uses them); runs of spaces inside a line are not.
"""

import re

from prasan.hygiene import CONTROL
from prasan.thai.digits import to_arabic

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"), " ")
_TONE = "\u0e48\u0e49\u0e4a\u0e4b"

_SARA_AM_SPLIT = re.compile(r"[ \t]*\u0e4d[ \t]*([" + _TONE + r"]?)[ \t]*\u0e32")  # ํ (tone) า → (tone) ำ
_TONE_AFTER_AM = re.compile(r"\u0e33([" + _TONE + r"])")  # ำ + tone, typed in the wrong order
_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")  # เเ → แ
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_TRAILING = re.compile(r"[ \t]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")
# Combining marks and the following vowels ะ า ำ cannot start a syllable; a space before one is
# an extraction or OCR artefact (ขอคว ามเห็น).
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\u0e01-\u0e4e]) +(?=[\u0e30-\u0e3a\u0e47-\u0e4e])")


def normalize(text: str) -> str:
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").replace("\f", "\n")
    text = CONTROL.sub("", text.replace("\v", "\n"))  # the confirm form would refuse them (prasan.hygiene)
    text = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", text)
    text = _TONE_AFTER_AM.sub(lambda m: m.group(1) + "\u0e33", text)
    text = _DOUBLE_SARA_E.sub("\u0e41", text)
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = _INNER_SPACES.sub("  ", text)  # keep one visible gap between columns, no more
    text = _TRAILING.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def for_parsing(text: str) -> str:
    """The normalized text with Arabic digits, which the field parsers expect."""
    return to_arabic(normalize(text))


def collapse(text: str) -> str:
    """One line, single spaces: how field values are returned."""
    return " ".join(text.split())
