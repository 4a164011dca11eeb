"""Put back the Thai marks OCR drops: ที → ที่, เพือ → เพื่อ, สิงทีส่ง → สิ่งที่ส่ง.

Tesseract loses small tone marks and upper vowels more than anything else. A word read without
one is often no word, or a rare one; the same word with the mark restored is common. Using the
word frequencies of the Thai National Corpus (shipped with PyThaiNLP), a word is replaced by its
one-mark-longer form only when that form is far more frequent, so names and rare words stay.
Only OCR'd text goes through here.
"""

import re
from functools import lru_cache

MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4c\u0e38\u0e39"
LOOK_ALIKE_LETTERS = {"ซ": "ช", "ช": "ซ", "บ": "ป", "ป": "บ", "ด": "ต", "ต": "ด", "ฎ": "ฏ", "ฏ": "ฎ"}
RATIO = 40  # the restored form must be this many times more frequent
MIN_COUNT = 300  # … and a common word in its own right
_THAI_WORD = re.compile(r"[\u0e01-\u0e4e]+")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def restore_marks(line: str) -> str:
    if not _THAI_WORD.search(line):
        return line
    from pythainlp.tokenize import word_tokenize

    tokens = word_tokenize(line, engine="newmm", keep_whitespace=True)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        # ค + รัง → ครั้ง: a word split where its mark was missing; ซอ␣บ → ชอบ: split by a space
        for width in (2, 3):
            group = tokens[index:index + width]
            if len(group) < width or not (_thai(group[0]) and _thai(group[-1])):
                continue
            if width == 3 and (group[1] != " " or min(len(group[0]), len(group[2])) > 1):
                continue
            counts = (_count(group[0]), _count(group[-1]))
            # a lone letter is hardly ever a word by itself: weigh the pair by the other part
            lone = min(len(group[0]), len(group[-1])) == 1
            merged = _better(group[0] + group[-1], floor=min(counts) if lone else max(counts))
            if merged:
                out.append(merged)
                index += width
                break
        else:
            out.append((_better(token, floor=_count(token)) or token) if _thai(token) else token)
            index += 1
            continue
    return "".join(out)


def _better(word: str, floor: int) -> str | None:
    frequencies = _frequencies()
    best, best_count = None, 0
    for candidate in _candidates(word):
        count = frequencies.get(candidate, 0)
        if count > best_count:
            best, best_count = candidate, count
    if best and best_count >= MIN_COUNT and best_count >= RATIO * max(floor, 1):
        return best
    return None


def _candidates(word: str):
    for position in range(1, len(word) + 1):
        for mark in MARKS:
            yield word[:position] + mark + word[position:]
    for position, letter in enumerate(word):
        for other in LOOK_ALIKE_LETTERS.get(letter, ""):
            yield word[:position] + other + word[position + 1:]


def _count(word: str) -> int:
    return _frequencies().get(word, 0)


def _thai(token: str) -> bool:
    return bool(_THAI_WORD.fullmatch(token))
