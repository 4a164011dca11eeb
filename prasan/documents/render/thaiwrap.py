"""WeasyPrint lines of Thai broken only where prasan.thai.linebreak put a zero-width space (or at a
space).

Pango breaks Thai with its own dictionary (libthai): proper names it does not know fall apart
("ฤทธิ์/ศักดิ์", "ราช/วัลลภ"). For text that carries our marks (U+200B), every stretch between two
break opportunities gets Pango's ``allow_breaks = false`` attribute, so the only places left are
ours. U+200B draws no glyph and carries no text, so the text layer (textlayer.py) is unchanged.

Justification was tried and left out: WeasyPrint widens only spaces, and widening U+200B as well
(letter spacing on it) justified the lines, but the text layer then misplaced line-final
characters (pdftotext read them beyond the line's end and lost a full stop), below the 100 %
fidelity every form keeps. Body text stays left-aligned in the PDF; the DOCX is Thai-distributed.

Installed once per process, like textlayer; only text holding U+200B is affected.
"""

from __future__ import annotations

import re
import threading
from contextvars import ContextVar

ZWSP = "\u200b"
_lock = threading.Lock()
_marked: ContextVar[bool] = ContextVar("thai_marked", default=False)  # the text being split carries marks
_installed = False
# Matched in the UTF-8 bytes Pango indexes: U+200B as its three bytes, not a class of bytes (0x80–0x8B
# are also the last byte of ก–ซ and เ–๋, which then cut break-free stretches inside Thai words).
_SEPARATOR = re.compile(b"\xe2\x80\x8b| ")


def install() -> None:
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from weasyprint.layout import inline, preferred
        from weasyprint.text import line_break
        from weasyprint.text.ffi import ffi

        ffi.cdef("PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);")
        original_set_text = line_break.Layout.set_text
        original_split = line_break.split_first_line

        def set_text(self, text, justify=False):
            original_set_text(self, text, justify)
            # A line being drawn is already broken (justify). WeasyPrint lays out a short prefix of
            # the text first: the marks may all lie beyond it, so the whole text's say counts.
            if not justify and (ZWSP in self.text or _marked.get()):
                _only_marked_breaks(self)

        def split_first_line(text, *args, **kwargs):
            token = _marked.set(ZWSP in text)
            try:
                return original_split(text, *args, **kwargs)
            finally:
                _marked.reset(token)

        line_break.Layout.set_text = set_text
        for module in (line_break, inline, preferred):  # each holds its own reference
            module.split_first_line = split_first_line
        _installed = True


def _only_marked_breaks(layout) -> None:
    from weasyprint.text.ffi import ffi, pango

    data = layout.text.encode()
    attrs = pango.pango_layout_get_attributes(layout.layout)
    if attrs == ffi.NULL:
        attrs = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    start = 0
    for match in _SEPARATOR.finditer(data):
        _no_breaks(attrs, start, match.start())
        start = match.end()
    _no_breaks(attrs, start, len(data))
    pango.pango_layout_set_attributes(layout.layout, attrs)


def _no_breaks(attrs, start: int, end: int) -> None:
    from weasyprint.text.ffi import pango

    if end - start > 1:
        attr = pango.pango_attr_allow_breaks_new(False)
        attr.start_index, attr.end_index = start, end
        pango.pango_attr_list_insert(attrs, attr)
