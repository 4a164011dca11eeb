"""Re-read the letter code that opens a letter number (ที่ ศธ ๐๔๐๐๖/…), which Tesseract's Thai
model misreads in Sarabun (ศธ as ศจ5, ศีช, AS): two consonants with no word around them.

The two glyphs before the number are matched against the codes of ministries and bodies that
write to a minister's office (`fields.numbers.KNOWN_CODES`); the nearest code replaces the
reading when it is close, and an unknown code (a province's) read cleanly is left alone.
"""

import re

from .fields.numbers import KNOWN_CODES
from .glyphs import MAX_DISTANCE, Box, components, distance

_NUMBER = re.compile(r"[๐-๙0-9][๐-๙0-9.«]*\s*/")
_CLEAN = re.compile(r"^(?:ที่|ที)?([ก-ฮ]{2})\.?$")


def reread_code(image, line: str, boxes: list[Box | None], line_box: Box) -> tuple[int, str] | None:
    """(end of the head in `line`, the head rewritten as `ที่ CODE `), or None to keep the line."""
    number = _NUMBER.search(line)
    if not number:
        return None
    head = line[: number.start()]
    compact = re.sub(r"\s+", "", head)
    if len(compact) > 9:
        return None
    clean = _CLEAN.match(compact)
    if clean and clean.group(1) in KNOWN_CODES:
        return None
    head_boxes = [b for b in boxes[: number.start()] if b is not None]
    digit_box = next((b for b in boxes[number.start():] if b is not None), None)
    if digit_box is None:
        return None
    height = line_box.bottom - line_box.top
    slack = height // 4
    # with no head at all, ที่ and the code may still be on the page, unread: look from the margin
    left = max(min(b.left for b in head_boxes) - slack, 0) if head_boxes else 0
    crop_box = (left, max(line_box.top - slack, 0), min(digit_box.right + 2, image.width),
                min(line_box.bottom + 2, image.height))
    if crop_box[2] <= crop_box[0]:
        return None
    glyphs = components(image.crop(crop_box), edges=False)
    if len(glyphs) < 3:
        return None
    usual = sorted(g.height for g in glyphs)[len(glyphs) // 2]
    # marks and a full stop are small; ที่ may come as one tall glyph — only size matters here
    big = sorted((g for g in glyphs if g.height >= 0.6 * usual), key=lambda g: g.box.left)
    # the number's first digit is the glyph Tesseract's box for it overlaps most
    digit_left, digit_right = digit_box.left - left, digit_box.right - left
    overlap = [min(g.box.right, digit_right) - max(g.box.left, digit_left) for g in big]
    digit = max(range(len(big)), key=overlap.__getitem__)
    if digit < 2:
        return None
    first, second = big[digit - 2], big[digit - 1]
    scores = {code: (distance(first, code[0]) + distance(second, code[1])) / 2 for code in KNOWN_CODES}
    best = min(scores, key=scores.__getitem__)
    if scores[best] > MAX_DISTANCE or (clean and scores[best] > MAX_DISTANCE * 0.7):
        return None
    return number.start(), f"ที่ {best} "
