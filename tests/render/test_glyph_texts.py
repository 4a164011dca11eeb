"""What each Sarabun glyph stands for, read from the font (cmap, then GSUB)."""

from fontTools.ttLib import TTFont

from prasan.documents.render.glyphtext import glyph_texts
from prasan.documents.render.pdf import FONT_DIR

REGULAR = FONT_DIR / "Sarabun-Regular.ttf"


def by_name() -> tuple[dict[str, str], set[str]]:
    texts = glyph_texts(REGULAR.read_bytes())
    order = TTFont(REGULAR, lazy=True).getGlyphOrder()
    return ({order[glyph]: text for glyph, text in texts.text.items()},
            {order[glyph] for glyph in texts.exact})


def test_glyphs_from_the_cmap_stand_for_their_character():
    text, exact = by_name()

    assert text["uni0E32"] == "า" and "uni0E32" in exact
    assert text["space"] == " "  # the lowest code point, not the no-break space


def test_contextual_forms_and_ligatures_stand_for_what_they_replace():
    text, exact = by_name()

    assert text["uni0E48.small"] == "่"
    assert text["uni0E34.narrow"] == "ิ"
    assert text["yoYingthai.less"] == "ญ"
    assert text["thoThanthai.less"] == "ฐ"
    assert text["uni0E240E45"] == "ฤๅ"
    assert {"uni0E48.small", "yoYingthai.less", "uni0E240E45"} <= exact


def test_a_ligature_reached_from_two_orders_is_not_exact():
    # Sarabun ligates both NIKHAHIT + MAI THO and MAI THO + NIKHAHIT into uni0E4D0E49.
    text, exact = by_name()

    assert set(text["uni0E4D0E49"]) == {"ํ", "้"}
    assert "uni0E4D0E49" not in exact


def test_maps_are_read_once_per_font_file():
    data = REGULAR.read_bytes()

    assert glyph_texts(data) is glyph_texts(bytes(data))
