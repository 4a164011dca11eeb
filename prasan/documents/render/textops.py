"""Re-writing the text operators WeasyPrint emitted for one line, without moving a glyph.

WeasyPrint draws a line as ``Tm``, then per font run ``/F size Tf`` and ``[<glyphs> number …] TJ``
arrays, with ``rise Ts`` around glyphs that sit above or below the baseline. :func:`parse` reads
those operators back into events, matching every glyph code against the glyph Pango shaped (any
mismatch: None, and the line is left alone) and following the pen to know where each glyph starts
and ends. :func:`emit` writes them again with each span's glyphs inside
``/Span <</ActualText <FEFF…>>> BDC … EMC``.

What may change, and why it cannot move ink: a TJ array is split in two where a span starts or
ends (the pen carries on from one array to the next), the adjustments between the two glyphs
going to the start of the second array. Checked: pages drawn by poppler and by pdfium are
pixel-identical before and after (tests/render/test_pdf_drawing.py).
"""

import re

_TJ = re.compile(rb"^\[(.*)\] TJ$", re.S)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|([^<>]+)")


class Glyph:
    """A glyph Pango shaped for the line, in drawing order, and what became of it."""

    __slots__ = ("cluster", "expected", "digits", "advances", "run", "widths", "origin", "end",
                 "raised", "span")

    def __init__(self, cluster, expected, digits, advances, run, widths):
        self.cluster = cluster
        self.expected = expected  # glyph id, or None for a missing glyph (WeasyPrint picks the id)
        self.digits = digits  # hex digits per glyph code: 4, or 2 for bitmap fonts
        self.advances = advances  # False: a zero-advance glyph (a mark)
        self.run = run
        self.widths = widths  # the font's glyph widths, 1/1000 em, as written in the PDF
        self.origin = self.end = 0.0  # pen before and after it, 1/1000 em of its run's font
        self.raised = False  # drawn with a text rise (Ts), in a text object of its own
        self.span = None  # the marked-content span (with its ActualText) it is drawn in, if any


def parse(items: list, glyphs: list[Glyph]) -> list[tuple] | None:
    """Events: ("glyph", Glyph, code) and ("number", token) (adjustments, and the empty strings
    WeasyPrint puts between them) for each TJ array, closed by ("end",); ("op", operator) for
    anything else. None if the glyph codes do not match ``glyphs``."""
    events: list[tuple] = []
    position = 0
    pen = 0.0
    raised = False
    for item in items:
        if isinstance(item, str):
            item = item.encode("latin-1")
        if not isinstance(item, bytes):
            return None  # not an operator WeasyPrint writes for text
        data = item
        shown = _TJ.match(data)
        if shown is None:
            if data.endswith(b" Tm"):
                pen = 0.0
            elif data.endswith(b" Ts"):
                try:
                    raised = float(data[:-3]) != 0
                except ValueError:
                    return None
            events.append(("op", data))
            continue
        for glyph_hex, number in _TOKEN.findall(shown.group(1)):
            if number:
                try:
                    pen -= float(number)
                except ValueError:
                    return None
                events.append(("number", number))
            elif not glyph_hex:
                events.append(("number", b"<>"))
            k = 0
            while k < len(glyph_hex):
                if position >= len(glyphs):
                    return None
                glyph = glyphs[position]
                position += 1
                code = glyph_hex[k:k + glyph.digits]
                k += glyph.digits
                glyph_id = int(code, 16) if len(code) == glyph.digits else -1
                if glyph_id < 0 or (glyph.expected is not None and glyph_id != glyph.expected):
                    return None
                glyph.origin = pen
                pen += glyph.widths.get(glyph_id, 0)
                glyph.end = pen
                glyph.raised = raised
                events.append(("glyph", glyph, code))
        events.append(("end",))
    return events if position == len(glyphs) else None


def emit(events: list[tuple]) -> list[bytes]:
    """The operators again, each span's glyphs marked with its ActualText.

    Where a TJ array is split, the adjustments between the two glyphs go to the start of the second
    part: left at the end of the first, pdfium drew the rest of the line shifted by them (poppler
    did not). Everywhere else numbers stay exactly where WeasyPrint put them.
    """
    out: list[bytes] = []
    shown: list[tuple[bool, bytes]] = []  # (is a glyph code, token) of the TJ array being built
    waiting: list[tuple[bool, bytes]] = []  # numbers waiting for the next glyph of the array
    open_span = None
    for kind, *payload in events:
        if kind == "glyph":
            glyph, code = payload
            if glyph.span is not open_span:
                if shown:
                    out.append(_tj(shown))
                    shown = []
                if open_span is not None:
                    out.append(b"EMC")
                if glyph.span is not None:
                    out.append(_marked(glyph.span.text))
                open_span = glyph.span
            shown += waiting
            shown.append((True, code))
            waiting = []
        elif kind == "number":
            waiting.append((False, payload[0]))
        elif kind == "end":
            shown += waiting
            out.append(_tj(shown))
            shown, waiting = [], []
        elif kind == "op":
            out.append(payload[0])
    if open_span is not None:
        out.append(b"EMC")
    return out


def _tj(parts: list[tuple[bool, bytes]]) -> bytes:
    """A TJ operator; glyph codes side by side share one hex string, as WeasyPrint writes them."""
    data = bytearray(b"[")
    previous_glyph = False
    for is_glyph, token in parts:
        if is_glyph:
            if previous_glyph:
                data[-1:] = token + b">"
            else:
                data += b"<" + token + b">"
        else:
            data += token
        previous_glyph = is_glyph
    return bytes(data) + b"] TJ"


def _marked(text: str) -> bytes:
    return b"/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().encode() + b">>> BDC"
