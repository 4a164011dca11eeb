"""The office's password policy: long enough, not the person's own name, not a leaked or common
password, and not easy to guess by the same estimate the form's strength meter shows.

`strength()` is a small zxcvbn-style estimate: the cheapest way to build the password from common
words, the person's own names, years, repeats, runs (abcd, 1234, qwer) and single characters, in
bits. static/js/password-meter.js is the same algorithm, line for line, for the meter.
"""

import math
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.password_validation import CommonPasswordValidator as DjangoCommon
from django.core.exceptions import ValidationError

WORDS_FILE = Path(__file__).resolve().parent.parent / "static" / "accounts" / "common-words.txt"
WORD_BITS = 11  # a word from a list of about two thousand
PERSONAL_BITS = 4  # the person's own name: the first thing anyone tries
YEAR_BITS = 7  # 4-digit years 1900-2099 and Buddhist-era 2400-2699
STEP_BITS = 2  # the next key of a run or the same key again
KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
YEAR = re.compile(r"(19|20|24|25|26)\d\d")
LABELS = ("อ่อนมาก", "อ่อน", "พอใช้", "ดี", "แข็งแรง")
THRESHOLDS = (28, 40, 52, 66)  # bits for scores 1, 2, 3, 4
MIN_SCORE = 2


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def personal_words(user) -> list[str]:
    if user is None:
        return []
    values = [getattr(user, "username", ""), getattr(user, "first_name", ""), getattr(user, "last_name", ""),
              (getattr(user, "email", "") or "").split("@")[0]]
    parts = []
    for value in values:
        parts += [p for p in re.split(r"[\s._\-@]+", (value or "").lower()) if len(p) >= 3]
    return parts


def _pool(password: str) -> int:
    pool = 0
    if re.search(r"[a-z]", password):
        pool += 26
    if re.search(r"[A-Z]", password):
        pool += 26
    if re.search(r"[0-9]", password):
        pool += 10
    if re.search(r"[\u0E00-\u0E7F]", password):
        pool += 87
    if re.search(r"[!-/:-@\[-`{-~ ]", password):
        pool += 33
    if re.search(r"[^a-zA-Z0-9\u0E00-\u0E7F!-/:-@\[-`{-~ ]", password):
        pool += 100
    return max(pool, 10)


def _adjacent(a: str, b: str) -> bool:
    if a.isalnum() and b.isalnum() and abs(ord(a) - ord(b)) == 1:
        return True
    return any(a in row and b in row and abs(row.index(a) - row.index(b)) == 1 for row in KEYBOARD_ROWS)


def strength(password: str, personal: list[str] | None = None) -> tuple[int, float]:
    """(score 0-4, estimated bits) of `password`."""
    text = password.lower()
    chars = list(text)
    n = len(chars)
    if n == 0:
        return 0, 0.0
    per_char = math.log2(_pool(password))
    words = [(w, WORD_BITS) for w in common_words()] + [(w, PERSONAL_BITS) for w in (personal or [])]
    cost = [0.0] + [math.inf] * n
    for i in range(1, n + 1):
        best = cost[i - 1] + per_char
        if i >= 2 and (chars[i - 1] == chars[i - 2] or _adjacent(chars[i - 2], chars[i - 1])):
            best = min(best, cost[i - 1] + STEP_BITS)
        if i >= 4 and YEAR.fullmatch("".join(chars[i - 4:i])):
            best = min(best, cost[i - 4] + YEAR_BITS)
        for word, bits in words:
            size = len(word)
            if size <= i and "".join(chars[i - size:i]) == word:
                best = min(best, cost[i - size] + bits)
        cost[i] = best
    bits = cost[n]
    score = sum(1 for threshold in THRESHOLDS if bits >= threshold)
    return score, round(bits, 1)


class LengthValidator:
    def validate(self, password, user=None):
        if len(password) < settings.PASSWORD_MIN_LENGTH:
            raise ValidationError(f"รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย {settings.PASSWORD_MIN_LENGTH} ตัวอักษร",
                                  code="password_too_short")

    def get_help_text(self):
        return f"ยาวอย่างน้อย {settings.PASSWORD_MIN_LENGTH} ตัวอักษร"


class NotPersonalValidator:
    def validate(self, password, user=None):
        lowered = password.lower()
        if any(word in lowered for word in personal_words(user)):
            raise ValidationError("รหัสผ่านต้องไม่มีชื่อผู้ใช้ ชื่อ นามสกุล หรืออีเมลของท่านอยู่ในนั้น",
                                  code="password_too_similar")

    def get_help_text(self):
        return "ไม่มีชื่อผู้ใช้หรือชื่อของท่าน"


class CommonPasswordValidator(DjangoCommon):
    """Django's list of 20,000 leaked passwords plus the office's words, also with the digits and
    marks people add at the end taken off (prasan2569 is prasan)."""

    def validate(self, password, user=None):
        lowered = password.lower().strip()
        stem = re.sub(r"[\d\W_]+$", "", lowered)
        office = set(common_words())
        if lowered in self.passwords or lowered in office or (len(stem) >= 4 and (stem in self.passwords or stem in office)):
            raise ValidationError("รหัสผ่านนี้เป็นรหัสที่ใช้กันทั่วไปหรือเคยรั่วไหล เดาได้ง่าย", code="password_too_common")

    def get_help_text(self):
        return "ไม่ใช่รหัสผ่านที่ใช้กันทั่วไป"


class StrengthValidator:
    def validate(self, password, user=None):
        score, _ = strength(password, personal_words(user))
        if score < MIN_SCORE:
            raise ValidationError(
                f"รหัสผ่านเดาง่ายเกินไป (ระดับ{LABELS[score]}) ลองให้ยาวขึ้น ผสมคำที่ไม่เกี่ยวกัน ตัวเลข หรือเครื่องหมาย",
                code="password_too_weak")

    def get_help_text(self):
        return f"ความแข็งแรงอย่างน้อยระดับ{LABELS[MIN_SCORE]}"
