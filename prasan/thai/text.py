"""Thai words for numbers and money, through PyThaiNLP."""

from decimal import Decimal


def baht_text(amount: Decimal) -> str:
    """`1234.50` → `หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์`."""
    from pythainlp.util import bahttext

    return bahttext(float(amount))


def segment(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=False)
