"""Parse the page, not a string: positioned words laid out as text lines with their columns.

A PDF's text layer read as a string loses the letter's layout — pdfium collapses the spaces that put the
issuing office on the right, the date in the centre and the signature block under it, so `ที่ …` and the
address block run together. Here each character's box (pypdfium2) places it: characters are grouped into
rows by their vertical centre, clusters (a letter with its vowel and tone marks) ordered left to right, and
each row written with leading spaces for its left edge and a gap where the words leave one, in units of the
page's average character width — the layout a typed text export has, which the field parsers read
(`fields/header.py` finds the blocks by those columns). OCR does the same from Tesseract's word boxes
(`ocr.py`, `indent_lines`).
"""

import statistics
from dataclasses import dataclass, field

# Thai vowel and tone marks drawn above or below a letter, and the stand-ins some PDF writers give for
# nikhahit (see extract._STAND_INS): they belong to the letter before them, not to a column of their own.
_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
                   "\u02f8\u02f9\u02fa\u02fb\u02fc")
GAP_UNITS = 2.0  # a gap wider than this many characters separates columns
BLANK_PITCH = 1.7  # a row further than this many usual line pitches below the last one leaves a blank line


@dataclass
class Cluster:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    space_before: bool = False  # the text stream has a space before it


@dataclass
class Row:
    centre: float
    height: float
    clusters: list[Cluster] = field(default_factory=list)


def pdf_page_text(textpage) -> str | None:
    """The page's text with its layout, or None if the page has no positioned characters."""
    count = textpage.count_chars()
    if count <= 0:
        return None
    full = textpage.get_text_range()
    aligned = len(full) == count
    clusters: list[Cluster] = []
    spaced = False
    for index in range(count):
        ch = full[index] if aligned else textpage.get_text_range(index, 1)
        if not ch or ch.isspace():
            spaced = True
            continue
        if ch in _MARKS and clusters:
            clusters[-1].text += ch
            # a writer that draws a cluster as one glyph splits its width among the characters: the
            # cluster ends where its last mark's share does
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if right > clusters[-1].right and left - clusters[-1].right < 0.5:
                clusters[-1].right = right
            continue
        # the loose box: the font's ascent and descent over the advance, so a line's characters share one
        # band whatever their shape (ฐ ญ and full stops included), and letters of a word touch
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if right <= left or top <= bottom:
            continue  # a generated character without a box
        clusters.append(Cluster(ch, left, right, -top, -bottom, spaced))  # y grows downwards from here on
        spaced = False
    return lay_out(clusters) if clusters else None


def lay_out(clusters: list[Cluster]) -> str:
    """Clusters (y growing downwards) → text lines with leading spaces and column gaps."""
    heights = [c.bottom - c.top for c in clusters]
    usual = statistics.median(heights)
    rows: list[Row] = []
    for cluster in sorted(clusters, key=lambda c: (c.top + c.bottom) / 2):
        centre = (cluster.top + cluster.bottom) / 2
        if rows and _same_row(rows[-1], cluster, usual):
            rows[-1].clusters.append(cluster)
        else:
            rows.append(Row(centre, cluster.bottom - cluster.top, [cluster]))
    for row in rows:
        row.clusters.sort(key=lambda c: c.left)
    widths = [c.right - c.left for c in clusters if c.text.strip()]
    unit = max(statistics.median(widths), 0.1)
    margin = min(row.clusters[0].left for row in rows)
    pitches = [b.centre - a.centre for a, b in zip(rows, rows[1:], strict=False)]
    pitch = statistics.median(pitches) if pitches else usual
    lines: list[str] = []
    for number, row in enumerate(rows):
        if number and row.centre - rows[number - 1].centre > BLANK_PITCH * pitch:
            lines.append("")
        lines.append(_row_text(row, margin, unit))
    return "\n".join(lines)


def _same_row(row: Row, cluster: Cluster, usual: float) -> bool:
    """Whether `cluster` stands on `row`: their bands overlap by most of the smaller one (a letter with a
    vowel below sits lower than its neighbours, a larger title font higher), or their centres are close."""
    first = row.clusters[0]
    overlap = min(first.bottom, cluster.bottom) - max(first.top, cluster.top)
    smaller = min(first.bottom - first.top, cluster.bottom - cluster.top)
    centre = (cluster.top + cluster.bottom) / 2
    return overlap >= 0.6 * smaller or abs(centre - row.centre) <= 0.45 * usual


def _row_text(row: Row, margin: float, unit: float) -> str:
    out = " " * round((row.clusters[0].left - margin) / unit)
    column = len(out)
    previous = None
    for cluster in row.clusters:
        if previous is not None:
            gap = (cluster.left - previous.right) / unit
            if gap > GAP_UNITS:  # another column: pad to where it starts
                target = round((cluster.left - margin) / unit)
                out += " " * max(target - column, 2)
                column = max(target, column + 2)
            elif cluster.space_before or gap > 0.6:  # a space between words
                out += " "
                column += 1
        out += cluster.text
        column += 1
        previous = cluster
    return out
