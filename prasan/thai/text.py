"""Thai words for numbers and money, and word segmentation, through PyThaiNLP."""

import re
from decimal import ROUND_HALF_UP, Decimal

from .digits import to_arabic

SATANG = Decimal("0.01")
# Spaces of every width and the invisible characters word processors and PDF text layers leave behind.
_NOT_COMPARED = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


def baht_text(amount: Decimal | int) -> str:
    """`Decimal("1234.50")` → `หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์`, as written on cheques and letters.

    Exact for any amount (PyThaiNLP's `bahttext` goes through float, which loses satang beyond
    about ten trillion baht); satang are rounded half up; under one baht reads `ห้าสิบสตางค์`.
    """
    from pythainlp.util import num_to_thaiword

    if isinstance(amount, float):
        raise TypeError("ใช้ Decimal หรือ int สำหรับจำนวนเงิน ไม่ใช่ float")
    value = Decimal(amount).quantize(SATANG, rounding=ROUND_HALF_UP)
    if not value:
        return "ศูนย์บาทถ้วน"
    sign = "ลบ" if value < 0 else ""
    baht, satang = divmod(int(abs(value) * 100), 100)
    words = num_to_thaiword(baht) + "บาท" if baht else ""
    words += num_to_thaiword(satang) + "สตางค์" if satang else "ถ้วน"
    return sign + words


def segment(text: str) -> list[str]:
    """Thai words (PyThaiNLP newmm with its bundled dictionary; no network)."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=False)


def comparable(text: str | None) -> str:
    """The same text written either way compares equal: Thai or Arabic digits, any spacing, ำ typed as ํ + า.

    `ศธ ๐๔๐๐๙/๓๒๑๔` and `ศธ04009/3214` give the same key; for matching, never for display."""
    text = to_arabic(text or "").replace("\u0e4d\u0e32", "\u0e33")
    return _NOT_COMPARED.sub("", text).casefold()


def without_lead(text: str, *words: str) -> str:
    """``text`` without the first of ``words`` it already begins with (and the spaces after), so a
    form that prints that word before the text never prints it twice: `without_lead("โปรดพิจารณา",
    "เพื่อโปรด", "โปรด")` → `พิจารณา`. Longer words are tried first, again while one is left."""
    stripped, found = text.lstrip(), False
    while True:  # "เพื่อโปรด โปรดพิจารณา": each of them, as often as typed
        word = next((w for w in sorted(words, key=len, reverse=True) if w and stripped.startswith(w)), None)
        if word is None:
            return stripped if found else text
        stripped, found = stripped[len(word):].lstrip(), True


def abbreviation_of(text: str) -> str:
    """The abbreviation a unit line begins with (`สร. (นางสาว…)` → `สร.`, `สป.(สำนัก…)` → `สป.`),
    as the seed's forms write the acting unit; "" when it begins with none."""
    match = _LEADING_ABBREVIATION.match(text or "")
    return match.group(0) if match else ""


_LEADING_ABBREVIATION = re.compile(r"[\u0e01-\u0e2e][\u0e01-\u0e4e]{0,7}\.(?:[\u0e01-\u0e4e]{1,6}\.)*")
