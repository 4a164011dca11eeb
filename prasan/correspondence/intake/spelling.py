"""Put back the Thai marks OCR drops: ที → ที่, เพือ → เพื่อ, สิงทีส่ง → สิ่งที่ส่ง.

Tesseract loses small tone marks and upper vowels more than anything else. A word read without
one is often no word, or a rare one; the same word with the mark restored is common. Using the
word frequencies of the Thai National Corpus (shipped with PyThaiNLP), a word is replaced by its
one-mark-longer form only when that form is far more frequent, so names and rare words stay.
Only OCR'd text goes through here.

A mark lost from a common word that makes another common word (แต่งตั้ง → แต่งดัง, หนี้สิน → หนีสิน,
ขั้นพื้นฐาน → ขันพีนฐาน, แหล่งน้ำ → แหล่งน้า) passes that test, since ดัง, หนี, ขัน and น้า are words. There the
neighbours tell: the run of two to four tokens joined is no word, but a dictionary word (PyThaiNLP's word list
or a common TNC word) has the same skeleton — the letters with every mark taken off and look-alike letters
(ด/ต, ซ/ช, บ/ป, ฐ/ธ, า/ำ) made one — and OCR changes marks and look-alikes, not the skeleton.
"""

import re
from functools import lru_cache

MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4c\u0e38\u0e39"
LOOK_ALIKE_LETTERS = {"ซ": "ช", "ช": "ซ", "บ": "ป", "ป": "บ", "ด": "ต", "ต": "ด", "ฎ": "ฏ", "ฏ": "ฎ", "ฐ": "ธ", "ธ": "ฐ"}
RATIO = 40  # the restored form must be this many times more frequent
MIN_COUNT = 300  # … and a common word in its own right
_THAI_WORD = re.compile(r"[\u0e01-\u0e4e]+")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def restore_marks(line: str) -> str:
    """The line with lost marks put back, people's names left as read: a name is no dictionary word, and one
    that looks like a word with a mark more (เรืองชัย, เรื่อง) is still somebody's name."""
    if not _THAI_WORD.search(line):
        return line
    out, at = [], 0
    for name in _name().finditer(line):
        out += [_restore(line[at:name.start()]), name.group()]
        at = name.end()
    return "".join([*out, _restore(line[at:])])


@lru_cache(maxsize=1)
def _name() -> re.Pattern:
    """A title, a given name and a surname (นายสมชาย เรืองชัย, ศาสตราจารย์ ดร.สมศักดิ์ เรืองชัย)."""
    from .fields.signature import TITLE

    return re.compile(TITLE + r"\s?(?:ดร\.\s?)?[ก-๛]+\s[ก-๛]+")


def _restore(text: str) -> str:
    return _by_skeleton(_by_frequency(text)) if _THAI_WORD.search(text) else text


def _by_frequency(line: str) -> str:
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


# ---- runs of tokens whose skeleton is a known word ---------------------------------------------------------

_MARK_CODES = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_SKELETON = str.maketrans({**{m: None for m in _MARK_CODES}, "ต": "ด", "ช": "ซ", "ป": "บ", "ฏ": "ฎ", "ฐ": "ธ",
                           "ำ": "า"})
MIN_SKELETON = 4  # letters in a skeleton: shorter ones match too many words
WINDOW = 4  # tokens joined at most


def skeleton(word: str) -> str:
    return word.translate(_SKELETON)


# Phrases of the official-letter register the general word list lacks, where a lost mark makes two common words
# (ยื่นเรื่อง → ยืนเรื่อง: ยืน "stand" is commoner than ยื่น "submit", so no token test would restore it). A letter
# submits (ยื่น) a document; nobody stands (ยืน) one. These are trusted over the commoner-word test.
_SUBMITTED = ("เรื่อง", "หนังสือ", "คำร้อง", "คำขอ", "เอกสาร", "แบบ", "ใบสมัคร", "ข้อเสนอ", "ความประสงค์", "ฎีกา")
OFFICE_PHRASES = frozenset("ยื่น" + thing for thing in _SUBMITTED)


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], dict[str, str]]:
    """(every known word, skeleton → the most frequent known word with it)."""
    from pythainlp.corpus.common import thai_words

    frequencies = _frequencies()
    words = set(thai_words()) | {w for w, c in frequencies.items() if c >= MIN_COUNT} | OFFICE_PHRASES
    best: dict[str, tuple[int, str]] = {}
    for word in words:
        key = skeleton(word)
        if len(key) < MIN_SKELETON or not _THAI_WORD.fullmatch(word):
            continue
        rank = (frequencies.get(word, 1) if word not in OFFICE_PHRASES else 10**9, word)
        if key not in best or rank > best[key]:
            best[key] = rank
    return frozenset(words) | frozenset(frequencies), {key: word for key, (_, word) in best.items()}


def _by_skeleton(line: str) -> str:
    from pythainlp.tokenize import word_tokenize

    known, by_skeleton = _known()
    tokens = word_tokenize(line, engine="newmm", keep_whitespace=True)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        width, found = _repair_at(tokens, index, known, by_skeleton)
        out.append(found if found else tokens[index])
        index += width if found else 1
    return "".join(out)


def _repair_at(tokens: list[str], index: int, known, by_skeleton) -> tuple[int, str | None]:
    """The widest run from `index` that is no word but has a known word's skeleton: (its width, that word)."""
    for width in range(min(WINDOW, len(tokens) - index), 0, -1):
        group = tokens[index:index + width]
        if not all(_thai(t) for t in group):
            continue
        joined = "".join(group)
        if joined in known:
            continue
        found = by_skeleton.get(skeleton(joined))
        if found and found != joined and ocr_could_drop(joined, found) and (
                found in OFFICE_PHRASES or _no_commoner_word_lost(group, found)):
            return width, found
    return 1, None


COMMONER = 1.25


def _no_commoner_word_lost(group: list[str], word: str) -> bool:
    """No token becomes a rarer word than it is (ขอ → ข้อ in ขอความ, ส่ง → สั่ง in รับส่ง): each changed token's
    new form must be about as common as the token, or more (ดัง → ตั้ง, หนี → หนี้, ขัน → ขั้น)."""
    clusters = _clusters(word)
    at = 0
    for token in group:
        size = len(_clusters(token))
        new = "".join(letter + marks for letter, marks in clusters[at:at + size])
        at += size
        # (a new form that is no word by itself is a piece of the longer word, not a word lost)
        if new != token and _count(new) and _count(token) > COMMONER * _count(new):
            return False
    return True


_UPPER_VOWELS = frozenset("\u0e34\u0e35\u0e36\u0e37")  # ิ ี ึ ื, which OCR takes for one another
_LOOK_ALIKES = {("ด", "ต"), ("ต", "ด"), ("ซ", "ช"), ("ช", "ซ"), ("บ", "ป"), ("ป", "บ"), ("ฎ", "ฏ"), ("ฏ", "ฎ"),
                ("ฐ", "ธ"), ("ธ", "ฐ"), ("า", "ำ")}
MAX_CHANGES = 3


def ocr_could_drop(read: str, word: str) -> bool:
    """Whether OCR could have read `word` as `read`: marks lost (not added), an upper vowel taken for another,
    a look-alike letter, ำ read as า — and at most MAX_CHANGES of them. Never a thanthakhat added (สิทธิ and
    สิทธิ์ are both spelt), never a mark taken away (ยื่น is not read from ยิน)."""
    read_letters, word_letters = _clusters(read), _clusters(word)
    if len(read_letters) != len(word_letters):
        return False
    changes = 0
    for (a, a_marks), (b, b_marks) in zip(read_letters, word_letters, strict=True):
        if a != b:
            if (a, b) not in _LOOK_ALIKES:
                return False
            changes += 1
        at = 0
        for mark in a_marks:
            while at < len(b_marks) and not (b_marks[at] == mark or {mark, b_marks[at]} <= _UPPER_VOWELS):
                if b_marks[at] == "\u0e4c":
                    return False
                at += 1
                changes += 1
            if at == len(b_marks):
                return False
            changes += b_marks[at] != mark
            at += 1
        added = b_marks[at:]
        if "\u0e4c" in added:
            return False
        changes += len(added)
    return 0 < changes <= MAX_CHANGES


def _clusters(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in text:
        if ch in _MARK_CODES and out:
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((ch, ""))
    return out
