"""Make WeasyPrint's PDFs give their Thai text back exactly (pdftotext, pdfium, copy/paste, search).

The cause. WeasyPrint (weasyprint/draw/text.py, ``draw_first_line``) writes ONE ToUnicode entry per
glyph id: the text from that glyph's cluster start to the next glyph's cluster start, the first
time the glyph is drawn. HarfBuzz's Thai shaper decomposes SARA AM (ำ) into NIKHAHIT + SARA AA,
moves NIKHAHIT before a tone mark and merges the clusters; Sarabun then ligates NIKHAHIT + tone
(``uni0E4D0E49``) and swaps in contextual forms (``uni0E48.small``, ``yoYingthai.less`` …). A
glyph first met inside a merged cluster gets '' or the whole cluster, and the shared glyph (SARA AA)
keeps it: after the first กำ every า reads ำ, and น้ำ reads นา.

The fix, in two parts, both applied while WeasyPrint draws each line (a wrapper around
``draw_first_line``, active only inside :func:`exact_text`, i.e. only for html_to_pdf):

1. ToUnicode from the font, not from first use: each glyph's entry becomes the text the font says
   it stands for (glyphtext.py: cmap, then GSUB single/alternate/ligature substitutions). So า is
   า everywhere, ``uni0E48.small`` is ่, ``uni0E240E45`` is ฤๅ, whatever was drawn first.
2. ActualText for each syllable that needs it (see _assign_spans): its glyphs are put in
   ``/Span <</ActualText <FEFF…>>> BDC … EMC`` carrying the exact source text. A syllable needs it
   when its glyphs cannot tell the text (ำ decomposed: ก ํ า; น้ำ reordered and ligated: น ํ้ า; a
   glyph whose text is ambiguous or unknown) and also when it has marks at all: zero-advance marks
   sit at the position of the next letter and pdftotext re-sorts them (ที่ → ท่ี, มีการ → มกีาร;
   plain WeasyPrint PDFs have this too). Poppler, pdfium and Acrobat take ActualText for
   extraction, copy and search. Syllables without marks keep their own, now right, ToUnicode.

The drawing is untouched: the wrapper lets WeasyPrint emit its operators, then re-reads what was
appended (textops.py) and only splits TJ arrays, moves horizontal adjustments across ``Ts`` and
inserts BDC/EMC; no glyph moves, so pages are pixel-identical (tests/render/test_pdf_drawing.py).
If what WeasyPrint emitted ever stops matching Pango's glyphs (another WeasyPrint version), the
line is left exactly as WeasyPrint wrote it.

Measured with bench/pdf_text.py (5,010 characters: every tone on every vowel position, ำ after
each tone, ฤ ฦ ฤๅ, seed paragraphs, Thai digits, bold, a table; share of characters given back in
order): WeasyPrint alone 91.5% (pdftotext) / 91.6% (pdfium); with this 100% / 100%; pages
pixel-identical; about +6 ms CPU on a one-page memo (48 → 54 ms).

Alternatives weighed:
(b) a modified, renamed Sarabun with extra glyph copies so that a per-glyph ToUnicode becomes
    unambiguous: GSUB surgery per contextual case, specific to one font, and it still cannot undo
    NIKHAHIT moved before the tone, nor pdftotext's re-sorting of marks; part 1 alone is the most
    such a font can give, and leaves every ำ and many marks wrong.
ActualText on each cluster only where its glyphs are wrong: exact for ำ, but leaves the marks
re-sorted (99.6% on the bench). ActualText on whole lines would be exact too, but the text is then
spread evenly over the line (poor selection boxes and -layout columns). Rendering from a DOCX
through LibreOffice (soffice --headless --convert-to pdf, same corpus): 99.94% / 100%, but 1.9 s
per document and a second renderer to keep in step with the HTML layout.
"""

import contextlib
import contextvars
import itertools
import logging
import threading

from . import textops
from .glyphtext import glyph_texts

logger = logging.getLogger(__name__)
_active = contextvars.ContextVar("prasan_exact_text", default=False)
_install_lock = threading.Lock()
_original = None

#: A span whose text ends this far (1/1000 em) before the next glyph starts takes the next
#: syllable in (pdftotext reads a gap of 0.1 em as a word break).
_SHORT_END = 50


@contextlib.contextmanager
def exact_text():
    """Within this block (this thread/context only), WeasyPrint writes PDFs whose text is exact."""
    _install()
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)


def _install() -> None:
    global _original
    if _original is not None:
        return
    with _install_lock:
        if _original is None:
            from weasyprint.draw import text

            _original = text.draw_first_line
            text.draw_first_line = _draw_first_line


def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    start = len(stream.stream)
    emojis = _original(stream, textbox, text_overflow, block_ellipsis, matrix)
    if _active.get() and len(stream.stream) > start:
        try:
            glyphs = _line_glyphs(stream, textbox)
            events = textops.parse(stream.stream[start:], glyphs)
            if events is not None and _assign_spans(glyphs):
                stream.stream[start:] = textops.emit(events)
        except Exception:  # the text layer must never cost the document: keep WeasyPrint's line
            logger.warning("exact text layer skipped for %r", textbox.text[:40], exc_info=True)
    return emojis


class _Cluster:
    """Source text that Pango shaped into one or more glyphs."""

    __slots__ = ("text", "faithful")

    def __init__(self, text: str):
        self.text = text
        self.faithful = True  # its glyphs' own texts, joined, are exactly self.text


class _Span:
    """Glyphs whose text is given as one ActualText."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def _line_glyphs(stream, textbox) -> list[textops.Glyph]:
    """The glyphs Pango shaped for the textbox's first line, in drawing order.

    Sets each one's ToUnicode entry from the font on the way, and whether each cluster's glyphs
    tell its text faithfully.
    """
    from weasyprint.text.ffi import ffi, pango

    empty, unknown = pango.PANGO_GLYPH_EMPTY, pango.PANGO_GLYPH_UNKNOWN_FLAG
    info_size = ffi.sizeof("PangoGlyphInfo")
    layout = textbox.pango_layout
    utf8 = layout.text.encode()
    line = pango.pango_layout_get_line_readonly(layout.layout, 0)
    glyphs: list[textops.Glyph] = []
    clusters: list[tuple[_Cluster, list, object]] = []
    run = line.runs
    run_number = 0
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        run_number += 1
        item = glyph_item.item
        font, _size = stream.add_font(item.analysis.font)
        texts = _font_texts(font)
        glyph_string = glyph_item.glyphs
        count = glyph_string.num_glyphs
        if count <= 0:
            continue
        starts = ffi.unpack(glyph_string.log_clusters, count)
        # PangoGlyphInfo: glyph, width, x_offset, y_offset, attributes (5 × 32 bits)
        infos = memoryview(ffi.buffer(glyph_string.glyphs, count * info_size)).cast("i")
        bounds = sorted(set(starts)) + [item.length]
        next_bound = dict(itertools.pairwise(bounds))
        digits = 2 if font.bitmap else 4
        by_start: dict[int, tuple[_Cluster, list]] = {}
        for i in range(count):
            glyph = infos[5 * i] & 0xFFFFFFFF
            if glyph == empty:
                continue
            begin = starts[i]
            if begin not in by_start:
                text = utf8[item.offset + begin:item.offset + next_bound[begin]].decode()
                by_start[begin] = (_Cluster(text), [])
                clusters.append((*by_start[begin], texts))
            cluster, members = by_start[begin]
            if glyph & unknown:
                glyph = None
            elif texts is not None and glyph in texts.text:
                font.to_unicode[glyph] = texts.text[glyph]
            members.append(glyph)
            glyphs.append(textops.Glyph(
                cluster, glyph, digits, infos[5 * i + 1] != 0, run_number, font.widths))
    for cluster, members, texts in clusters:
        if texts is None:
            cluster.faithful = False
        elif len(members) == 1:
            cluster.faithful = members[0] in texts.exact and texts.text[members[0]] == cluster.text
        else:
            cluster.faithful = (all(glyph in texts.exact for glyph in members)
                                and "".join([texts.text[g] for g in members]) == cluster.text)
    return glyphs


def _font_texts(font):
    texts = getattr(font, "_prasan_glyph_texts", False)
    if texts is False:
        try:
            texts = None if font.bitmap else glyph_texts(font.file_content, font.index)
        except Exception:  # an unreadable font: every cluster gets ActualText
            texts = None
        font._prasan_glyph_texts = texts
    return texts


def _assign_spans(glyphs: list[textops.Glyph]) -> bool:
    """Put the syllables that need it in ActualText spans; False if none does.

    A syllable is a glyph with an advance and the zero-advance glyphs (marks) after it, never
    splitting a cluster nor crossing a font run. It needs ActualText if one of its clusters is not
    faithful (ำ, น้ำ), or if it has marks: a mark sits at the very position of the next glyph, and
    pdftotext's duplicate-text heuristic then cuts it out as a word of its own and re-sorts it by
    x, giving ที่ back as ท่ี or มีการ as มกีาร whenever the mark is a hair right of what follows.
    """
    syllables: list[list[textops.Glyph]] = []
    for glyph in glyphs:
        if syllables:
            last = syllables[-1][-1]
            if glyph.run == last.run and (not glyph.advances or glyph.cluster is last.cluster):
                syllables[-1].append(glyph)
                continue
        syllables.append([glyph])
    any_span = False
    index = 0
    while index < len(syllables):
        members = syllables[index]
        index += 1
        if not _needs_span(members):
            # A space opening a run, before a span, would be a text object of its own.
            if not (_is_space(members) and (index == 1 or members[0].run != syllables[index - 2][-1].run)
                    and index < len(syllables) and _needs_span(syllables[index])):
                continue
            members = members + syllables[index]
            index += 1
        while index < len(syllables) and _takes_next(members, syllables[index]):
            members = members + syllables[index]
            index += 1
        _mark(members)
        any_span = True
    return any_span


def _needs_span(members: list[textops.Glyph]) -> bool:
    return not all(glyph.advances and glyph.cluster.faithful for glyph in members)


def _is_space(members: list[textops.Glyph]) -> bool:
    return members[0].cluster.text.isspace()


def _takes_next(members: list[textops.Glyph], following: list[textops.Glyph]) -> bool:
    """Whether a span takes the next syllable in.

    A space right after it (even in another font run): alone in a text object of its own, pdfium
    would drop it. A syllable starting well after the span's text ends (_SHORT_END): pdftotext
    places an ActualText from its first glyph's start to its last glyph's end, and would read the
    gap as a word break.
    """
    if _is_space(following):
        return True
    if following[0].run != members[-1].run:
        return False
    spoken = _main_piece(members)
    return following[0].origin - spoken[-1].end > _SHORT_END


def _main_piece(members: list[textops.Glyph]) -> list[textops.Glyph]:
    """The span's glyphs up to its first raised glyph (the text object that carries ActualText)."""
    for index, glyph in enumerate(members):
        if glyph.raised and index:
            return members[:index]
    return members


def _mark(members: list[textops.Glyph]) -> None:
    """Span the glyphs: the main piece carries the text, the rest (pieces split off by raised
    glyphs, each drawn as a text object of its own) carry a NUL ActualText, which pdftotext ignores
    and which makes pdfium skip them: it would otherwise read them again, out of order, whenever
    it takes a raised mark for a line of its own."""
    text = "".join(cluster.text for cluster in dict.fromkeys(glyph.cluster for glyph in members))
    main = _main_piece(members)
    span = _Span(text)
    for glyph in main:
        glyph.span = span
    previous = None
    for glyph in members[len(main):]:
        if previous is None or glyph.raised != previous.raised:
            span = _Span("\0")
        glyph.span = span
        previous = glyph
