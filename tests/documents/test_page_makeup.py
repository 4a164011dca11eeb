"""Page make-up: whatever the body's length, from one line to three pages, the signature page
carries at least two lines of the body (THAI-DOCS.md, "Page make-up"), in the PDF and in the DOCX
as LibreOffice lays it out.

Rendering every length would take minutes, so the body grows in half-line steps found smartly:
doubling, then bisection to the first length whose signature block starts on the next page, then
every length just before and after that boundary (where a block is left alone, if ever). Set
PRASAN_EVERY_LENGTH=1 to render every length instead. The DOCX half needs LibreOffice and about a
minute per form: it runs with PRASAN_LIBREOFFICE=1.
"""

import os
from itertools import pairwise

import pytest

from prasan.documents.forms.base import Printer, get_form
from prasan.documents.render import pagination as pg
from prasan.documents.render.docx import render_docx
from prasan.documents.render.html import render_pdf

from .conftest import FORM_CODES, sample

MAX_PAGES = 3
AROUND = range(-1, 3)  # lengths checked on each side of a page boundary


def _start(code, data):
    spec = get_form(code)
    return pg.signature_start(code, spec.printed(spec.clean(data), Printer()))


def _pdf_makeup(code: str, units: int) -> pg.Makeup:
    data = pg.grown(code, sample(code), units)
    return pg.measure(render_pdf(code, data), code, _start(code, data))


def lengths_to_check(code: str, makeup) -> dict[int, pg.Makeup]:
    """Body lengths (in half-lines) around every page boundary of the signature, up to three pages,
    with their make-up; ``makeup(units)`` measures one length."""
    seen: dict[int, pg.Makeup] = {}

    def at(units: int) -> pg.Makeup:
        if units not in seen:
            seen[units] = makeup(units)
        return seen[units]

    if os.environ.get("PRASAN_EVERY_LENGTH"):
        units = 1
        while at(units).pages <= MAX_PAGES and units < 400:
            units += 1
        return seen
    low = 1
    for page in range(1, MAX_PAGES):
        high = max(low * 2, low + 8)
        while at(high).signature_page <= page and high < 400:
            low, high = high, high * 2
        while high - low > 1:  # first length whose block starts after ``page``
            middle = (low + high) // 2
            if at(middle).signature_page <= page:
                low = middle
            else:
                high = middle
        for offset in AROUND:
            at(max(1, high + offset))
        low = high
    return seen


@pytest.mark.parametrize("code", FORM_CODES)
def test_no_pdf_signature_page_has_fewer_than_two_body_lines(code):
    checked = lengths_to_check(code, lambda units: _pdf_makeup(code, units))
    assert max(m.signature_page for m in checked.values()) >= MAX_PAGES  # the body reached page 3
    lone = {units: m for units, m in checked.items() if not m.ok}
    assert not lone, f"signature page with fewer than two body lines: {lone}"


@pytest.mark.libreoffice
@pytest.mark.parametrize("code", FORM_CODES)
def test_no_docx_signature_page_has_fewer_than_two_body_lines_in_libreoffice(code):
    """The DOCX's breaks are LibreOffice's: measured on its PDF, at the lengths around the PDF's
    boundaries (the layouts agree) and the PDF's page count equal at each."""
    if pg.libreoffice() is None:
        pytest.skip("LibreOffice is not installed (scripts/system-packages.sh --bench)")
    if not os.environ.get("PRASAN_LIBREOFFICE"):
        pytest.skip("about a minute per form: run with PRASAN_LIBREOFFICE=1 (or the bench)")
    pdf_makeups = lengths_to_check(code, lambda units: _pdf_makeup(code, units))
    docs, starts = {}, {}
    for units in pdf_makeups:
        data = pg.grown(code, sample(code), units)
        docs[f"u{units}"] = render_docx(code, data)
        starts[f"u{units}"] = _start(code, data)
    converted = pg.docx_to_pdfs(docs)
    measured = {name: pg.measure(pdf, code, starts[name]) for name, pdf in converted.items()}
    lone = {name: m for name, m in measured.items() if not m.ok}
    assert not lone, f"DOCX signature page with fewer than two body lines: {lone}"
    differing = {units: (m.pages, measured[f"u{units}"].pages)
                 for units, m in pdf_makeups.items() if m.pages != measured[f"u{units}"].pages}
    # LibreOffice breaks Thai lines at its own places, so a page may fill a line sooner or later than the PDF's:
    # the two may differ by a page only within a line (two half-line steps) of where the PDF turns a page.
    checked = sorted(pdf_makeups)
    turns = [b for a, b in pairwise(checked) if pdf_makeups[a].pages != pdf_makeups[b].pages]
    far = {units: pages for units, pages in differing.items()
           if abs(pages[0] - pages[1]) > 1 or not any(turn - 3 <= units <= turn + 2 for turn in turns)}
    assert not far, f"PDF and DOCX page counts differ away from a page turn: {far} (turns at {turns})"
