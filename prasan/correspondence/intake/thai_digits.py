"""Re-read Thai digits that Tesseract cannot: its Thai model (tessdata 4.1 `tha`, as Debian ships
it) has no ๔ ๖ ๗ ๘ ๙ in its character set, so ๒๕๖๙ comes out as ๒๕๒๕ and ๗ as ๓ or ฒ.

Where Tesseract's output has a run of Thai digits (or of the letters it mistakes for them), the
run's box on the page is cut into glyphs (connected components) and each glyph is matched against
the ten Thai digits and the slash as drawn by Thai fonts on the machine: Sarabun (shipped), and
the TLWG fonts (Laksaman is TH SarabunPSK's libre twin; Garuda, Norasi, Loma, … cover the rest).
A run is replaced only if every glyph matches a digit closely; otherwise Tesseract's text stays.
"""

import re

from prasan.thai.dates import MONTHS, MONTHS_ABBR

from .glyphs import THAI_DIGITS, Box, classify, components, split_touching
from .letter_codes import reread_code

# What Tesseract's Thai model writes for the digits it lacks, seen on Sarabun/Laksaman/Norasi scans.
LOOK_ALIKES = "ฒซสญอคฆผฝดตาู่ิ«" + "0123456789"
_RUN = re.compile("[" + THAI_DIGITS + LOOK_ALIKES + r"/.\-]+")
_TOKEN = re.compile(r"\S+")
DIGIT_LABELS = THAI_DIGITS + "/"


def reread_digits(image, text: str, tsv: str, doubted: list[Box] | None = None) -> str:
    """Tesseract's `text` with its Thai-digit runs re-read from `image`; `tsv` is the same run's TSV.

    The boxes of the words a date's day was re-read from, where Tesseract saw letters, go to `doubted`."""
    lines = _tsv_lines(tsv)
    out = []
    cursor = 0
    for line in text.split("\n"):
        compact = re.sub(r"\s+", "", line)
        if not compact:
            out.append(line)
            continue
        match = None
        for position in range(cursor, min(cursor + 3, len(lines))):
            if "".join(w for w, _ in lines[position][1]) == compact:
                match = position
                break
        if match is None:
            out.append(line)
            continue
        cursor = match + 1
        fixed = _fix_line(image, line, lines[match], doubted)
        code = reread_code(image, line, *_char_boxes(line, lines[match]))
        if code:  # the code sits before any digit, so the digit fixes left it in place
            fixed = code[1] + fixed[code[0]:]
        out.append(fixed)
    return "\n".join(out)


def _tsv_lines(tsv: str) -> list[tuple[Box, list[tuple[str, Box]]]]:
    """(line box, [(word, word box) …]) in reading order."""
    lines: dict[tuple, tuple[Box, list]] = {}
    for row in tsv.split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, key = cols[0], tuple(cols[1:5])
        left, top, width, height = (int(c) for c in cols[6:10])
        box = Box(left, top, left + width, top + height)
        if level == "4":
            lines[key] = (box, [])
        elif level == "5" and cols[11].strip() and key in lines:
            lines[key][1].append((re.sub(r"\s+", "", cols[11]), box))
    return [entry for entry in lines.values() if entry[1]]


def _char_boxes(line: str, tsv_line: tuple[Box, list[tuple[str, Box]]]) -> tuple[list[Box | None], Box]:
    """The box of each character of `line` (None for spaces), from the word it came in."""
    line_box, words = tsv_line
    owners: list[Box] = []
    for word, box in words:
        owners += [box] * len(word)
    boxes: list[Box | None] = []
    count = 0
    for ch in line:
        if ch.isspace():
            boxes.append(None)
        else:
            boxes.append(owners[count] if count < len(owners) else None)
            count += 1
    return boxes, line_box


def _fix_line(image, line: str, tsv_line: tuple[Box, list[tuple[str, Box]]],
              doubted: list[Box] | None = None) -> str:
    char_boxes, line_box = _char_boxes(line, tsv_line)
    pieces = []
    last = 0
    tokens = list(_TOKEN.finditer(line))
    for position, token in enumerate(tokens):
        text = token.group(0)
        neighbours = [t.group(0) for t in tokens[max(position - 1, 0): position + 2] if t is not token]
        following = tokens[position + 1].group(0) if position + 1 < len(tokens) else ""
        day = _day_span(text, following)
        if day:  # `จธันวาคม`, `จ ธันวาคม` for ๑ ธันวาคม: the day read as a letter
            start, end = token.start() + day[0], token.start() + day[1]
            boxes = [box for box in char_boxes[start:end] if box is not None]
            shared = end < len(char_boxes) and char_boxes[end] is not None and char_boxes[end] in boxes
            digits = _read_day(image, boxes, line_box, end - start, shared)
            if digits:
                pieces.append(line[last:start] + digits + (" " if day[1] < len(text) else ""))
                last = end
                if doubted is not None:
                    doubted += boxes
                continue
        if _LATIN_GUESS.match(text) and not text.isdigit() and any(map(_near_digits, neighbours)):
            spans = [(0, len(text))]  # `owen` for ๐๙๕๓ beside ๐ ๒๒๘๑; `lod` for ๒๖ before พฤศจิกายน
        else:
            spans = [span for r in _RUN.finditer(text) if (span := _trim(text, r.start(), r.end()))
                     and _worth_reading(text[span[0]:span[1]], text)]
        for run_start, run_end in spans:
            start, end = token.start() + run_start, token.start() + run_end
            boxes = [box for box in char_boxes[start:end] if box is not None]
            digits = _read_run(image, boxes, line_box)
            if digits:
                pieces.append(line[last:start] + digits)
                last = end
    pieces.append(line[last:])
    return "".join(pieces)


_WORD_AT_END = re.compile(r"(?<=[" + THAI_DIGITS + r"])[ก-ฮ][ก-ฮ\u0e30-\u0e4e]+$")
_WORD_AT_START = re.compile(r"^[ก-ฮ\u0e30-\u0e4e]*[ก-ฮ\u0e30-\u0e4e](?=[" + THAI_DIGITS + r"])")


def _trim(token: str, start: int, end: int) -> tuple[int, int] | None:
    """A run without the word it runs into (๕๐๐๐ต่อ: ต่อ is a word, not digits misread)."""
    run = token[start:end]
    digits = [i for i, ch in enumerate(run) if ch in THAI_DIGITS]
    if digits and "." in run[: digits[0]]:  # ต.ค.๒๕: an abbreviation, then the number
        start += run[: digits[0]].rindex(".") + 1
        run = token[start:end]
    tail = _WORD_AT_END.search(run)
    if tail and len(tail.group(0)) >= 2:
        end = start + tail.start()
    head = _WORD_AT_START.search(token[start:end])
    if head and len(head.group(0)) >= 2:
        start += head.end()
    return (start, end) if end > start else None


_LATIN_GUESS = re.compile(r"^[A-Za-z0-9]{1,6}$")
_GLUED_MONTH = re.compile(r"^(?P<day>[^\s" + THAI_DIGITS + r"0-9]{1,2}?)(?:" + "|".join(MONTHS) + r")$")
_LONE = re.compile(r"^[^\s" + THAI_DIGITS + r"0-9]{1,2}$")


def _day_span(token: str, following: str) -> tuple[int, int] | None:
    """Where in `token` a date's day may stand misread as letters: one or two characters glued to a month's
    name, or standing alone before it. The glyphs decide whether they are digits."""
    glued = _GLUED_MONTH.match(token)
    if glued:
        return 0, glued.end("day")
    if _LONE.match(token) and following in MONTHS:
        return 0, len(token)
    return None


def _read_day(image, boxes: list[Box], line_box: Box, count: int, shared: bool) -> str | None:
    """The day (1–31) in the first glyphs of `boxes`, if every one of them is a Thai digit; else None.

    `shared`: Tesseract gave the day and the month one box, so the day is the box's first `count` glyphs."""
    if not boxes:
        return None
    left, right = min(b.left for b in boxes), max(b.right for b in boxes)
    crop_box = (left, line_box.top, right, line_box.bottom)
    if right - left < 2 or line_box.bottom - line_box.top < 4:
        return None
    glyphs = components(image.crop(crop_box), edges=False)
    tallest = max((g.box.bottom - g.box.top for g in glyphs), default=0)
    # the digits stand on the line at full height; marks above the month's letters are small
    bodies = sorted((g for g in glyphs if g.box.bottom - g.box.top >= 0.5 * tallest), key=lambda g: g.box.left)
    bodies = bodies[:count] if shared else bodies
    if not bodies or len(bodies) > 2:
        return None
    labels = [classify(glyph, THAI_DIGITS)[0] for glyph in bodies]
    if None in labels:
        return None
    digits = "".join(labels)
    return digits if 1 <= int(digits.translate(_TO_ARABIC)) <= 31 else None


_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")


_MONTH_WORD = re.compile("|".join(MONTHS) + "|" + "|".join(re.escape(m) for m in MONTHS_ABBR))


def _near_digits(neighbour: str) -> bool:
    """Whether a token suggests its neighbour is a number: Thai digits, or a month name."""
    return any(ch in THAI_DIGITS for ch in neighbour) or bool(_MONTH_WORD.match(neighbour))


def _worth_reading(run: str, token: str) -> bool:
    thai_digits = sum(ch in THAI_DIGITS for ch in run)
    if thai_digits:
        return True
    # a lone look-alike (ฒ for ๗) standing as a token of its own
    return run == token and len(run) <= 2 and not any(ch in "0123456789" for ch in run)


def _read_run(image, boxes: list[Box], line_box: Box) -> str | None:
    if not boxes:
        return None
    left = min(b.left for b in boxes)
    right = max(b.right for b in boxes)
    line_height = line_box.bottom - line_box.top
    # Tesseract's character boxes are approximate: look a little wider, then keep the glyphs
    # whose centre falls near the run, dropping unreadable ones at its edges (neighbouring letters).
    slack = line_height // 4
    # Line boxes can be tighter than the digits' tails (๒ ๔ ๕ ๖ ๗ ๘ ๙ rise above the x-height).
    # Digits never hang below the line, so the crop stops there and the next line stays out.
    crop_box = (max(left - 2 * slack, 0), max(line_box.top - 2 * slack, 0),
                min(right + 2 * slack, image.width), min(line_box.bottom + 2, image.height))
    glyphs = components(image.crop(crop_box), edges=False)
    lo, hi = left - crop_box[0], right - crop_box[0]
    top, bottom = line_box.top - crop_box[1], line_box.bottom - crop_box[1]
    near = [g for g in glyphs
            if lo - slack <= (g.box.left + g.box.right) / 2 <= hi + slack
            and top <= (g.box.top + g.box.bottom) / 2 <= bottom]
    if not near:
        return None
    tallest = max(g.box.bottom - g.box.top for g in near)
    read = []
    for glyph in split_touching(sorted(near, key=lambda g: g.box.left)):
        height = glyph.box.bottom - glyph.box.top
        width = glyph.box.right - glyph.box.left
        if height < 0.35 * tallest and width < 0.6 * tallest:
            label = "-" if height < 0.3 * tallest and width > 1.5 * height else "."
        else:
            label, _ = classify(glyph, DIGIT_LABELS)
        inside = lo <= (glyph.box.left + glyph.box.right) / 2 <= hi
        read.append((label, inside))
    while read and read[0][0] is None:  # neighbouring letters caught at the edges
        read.pop(0)
    while read and read[-1][0] is None:
        read.pop()
    if not read or any(label is None for label, _ in read):
        return None
    digits = "".join(label for label, _ in read).strip(".-")
    return digits if any(ch in THAI_DIGITS for ch in digits) else None


