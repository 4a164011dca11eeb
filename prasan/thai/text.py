"""Thai words for numbers and money, and word segmentation, through PyThaiNLP."""

from decimal import ROUND_HALF_UP, Decimal

SATANG = Decimal("0.01")


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
