"""Thai and Arabic digits: convert either way, so both are treated alike."""

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai(text: str) -> str:
    return text.translate(_TO_THAI)
