"""WeasyPrint lines of Thai: broken only where prasan.thai.linebreak put a zero-width space (or at
a space), and justified by spreading the slack over those word boundaries.

Pango breaks Thai with its own dictionary (libthai): proper names it does not know fall apart
("ฤทธิ์/ศักดิ์", "ราช/วัลลภ"). For text that carries our marks (U+200B), every stretch between two
break opportunities gets Pango's ``allow_breaks = false`` attribute, so the only places left are ours.

WeasyPrint justifies by widening spaces and no-break spaces only; Thai has a space between phrases,
not words, so a justified Thai line would put all its slack in one or two holes. Here U+200B
counts as an expandable space too (its letter spacing grows), which is the nearest the PDF comes
to Word's "Thai distributed" (``w:jc thaiDistribute``): slack shared between the words of the line.
U+200B draws no glyph and carries no text, so the text layer (textlayer.py) is unchanged.

Installed once per process, like textlayer; only text holding U+200B is affected.
"""

from __future__ import annotations

import re
import threading

ZWSP = "\u200b"
_lock = threading.Lock()
_installed = False
_SEPARATOR = re.compile("[\u200b ]".encode())


def install() -> None:
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from weasyprint.layout import inline
        from weasyprint.text import line_break
        from weasyprint.text.ffi import ffi

        ffi.cdef("PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);")
        original_set_text = line_break.Layout.set_text

        def set_text(self, text, justify=False):
            original_set_text(self, text, justify)
            if ZWSP in self.text:
                _only_marked_breaks(self, justify)

        line_break.Layout.set_text = set_text
        original_count = inline.count_expandable_spaces

        def count_expandable_spaces(box):
            from weasyprint.formatting_structure import boxes

            if isinstance(box, boxes.TextBox):
                return original_count(box) + box.text.rstrip(ZWSP + " ").count(ZWSP)
            if isinstance(box, boxes.LineBox | boxes.InlineBox):
                return sum(count_expandable_spaces(child) for child in box.children)
            return 0

        inline.count_expandable_spaces = count_expandable_spaces
        _installed = True


def _only_marked_breaks(layout, justify: bool) -> None:
    from weasyprint.text.ffi import TO_UNITS, ffi, pango

    data = layout.text.encode()
    attrs = pango.pango_layout_get_attributes(layout.layout)
    if attrs == ffi.NULL:
        attrs = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    if not justify:  # a line being drawn is already broken
        start = 0
        for match in _SEPARATOR.finditer(data):
            _no_breaks(attrs, start, match.start())
            start = match.end()
        _no_breaks(attrs, start, len(data))
    spacing = layout.justification_spacing if justify else 0
    if spacing:
        end = len(data.rstrip(ZWSP.encode() + b" "))
        for match in re.finditer(ZWSP.encode(), data[:end]):
            attr = pango.pango_attr_letter_spacing_new(int(spacing * TO_UNITS))
            attr.start_index, attr.end_index = match.start(), match.end()
            pango.pango_attr_list_change(attrs, attr)
    pango.pango_layout_set_attributes(layout.layout, attrs)


def _no_breaks(attrs, start: int, end: int) -> None:
    from weasyprint.text.ffi import pango

    if end - start > 1:
        attr = pango.pango_attr_allow_breaks_new(False)
        attr.start_index, attr.end_index = start, end
        pango.pango_attr_list_insert(attrs, attr)
