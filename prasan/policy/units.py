"""An indicator value as an agency types it ("45", "45 %", "๑,๒๐๐ คน", "3.5 ล้านบาท"): the number, and the unit if
one is typed, which must be the indicator's own. A wrong unit is refused, never converted: "ล้านบาท" typed for
"บาท" would otherwise be off a millionfold without anyone noticing."""

import re
from decimal import Decimal, InvalidOperation

from prasan.thai.digits import to_arabic

# Ways of writing the same unit; compared after removing spaces and a trailing dot.
SAME_UNITS = (
    {"ร้อยละ", "%", "เปอร์เซ็นต์", "เปอร์เซ็นต์(%)", "percent"},
    {"บาท", "บ"},
    {"ล้านบาท", "ลบ"},
)
NUMBER = re.compile(r"^\s*([-+]?[\d,]*\.?\d+)\s*(.*?)\s*$")


class UnitError(ValueError):
    """What is wrong with the value, in Thai."""


def _key(unit: str) -> str:
    plain = re.sub(r"\s+", "", unit or "").rstrip(".").replace(".", "").lower()
    for group in SAME_UNITS:
        if plain in {re.sub(r"\s+", "", u).replace(".", "").lower() for u in group}:
            return min(group)
    return plain


def same_unit(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def parse_value(text, unit: str, *, name: str = "") -> Decimal | None:
    """The number in `text` (Thai or Arabic digits, thousands commas), checked against `unit`; None if blank."""
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)):
        return Decimal(str(text))
    raw = to_arabic(str(text)).strip()
    if not raw:
        return None
    what = f"ตัวชี้วัด “{name}”" if name else "ค่าตัวชี้วัด"
    match = NUMBER.match(raw)
    if not match:
        raise UnitError(f"{what}: “{text}” ไม่ใช่ตัวเลข (กรอกเป็นตัวเลขในหน่วย{unit})")
    number, typed = match.groups()
    if typed and not same_unit(typed, unit):
        raise UnitError(f"{what} ใช้หน่วย “{unit}” แต่กรอกหน่วย “{typed}” มา — โปรดแปลงเป็น{unit}ก่อนกรอก")
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise UnitError(f"{what}: “{text}” ไม่ใช่ตัวเลข") from None


def check_unit(given: str, unit: str, *, name: str = "") -> None:
    """The API's check: a unit sent with a value must be the indicator's."""
    if given and not same_unit(given, unit):
        raise UnitError(f"ตัวชี้วัด “{name}” ใช้หน่วย “{unit}” แต่ส่งหน่วย “{given}” มา")


def number(value: Decimal) -> str:
    """`1,200` and `12.5`: a value as pages and memos write it, without trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
