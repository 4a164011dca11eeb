"""How wide a line of text is in the shipped Sarabun, so DOCX tab stops and hanging indents can be
placed where the label really ends (Word has no "max-content" column)."""

from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"
PT_PER_CM = 72 / 2.54


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_DIR / ("Sarabun-Bold.ttf" if bold else "Sarabun-Regular.ttf"), lazy=True)
    hmtx = font["hmtx"]
    widths = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
    return widths, font["head"].unitsPerEm, widths.get(ord("ก"), 500)


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Sum of advance widths (Thai marks above and below advance 0); kerning is ignored."""
    widths, upm, fallback = _advances(bold)
    units = sum(widths.get(ord(ch), fallback) for ch in text)
    return units / upm * size_pt / PT_PER_CM
