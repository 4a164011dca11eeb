"""Tables printed as the office files them — the registers and the reports — in the documents' own way:
Sarabun, Buddhist-era dates, Thai or Arabic digits by the office's setting, lines broken between words
and never inside a name, a number or a date (prasan.thai.linebreak), the header row repeated on every
page, no row split across two pages, the page number `- ๒ -` at the top centre from page 2, secrecy
marks at the top and bottom of every page when a row is secret, and an archival, tagged PDF
(render/pdf.py). The page is templates/prints/table_page.html."""

from __future__ import annotations

import datetime as dt
import re

from django.template.loader import render_to_string

from prasan.thai.dates import thai_date
from prasan.thai.digits import to_arabic, to_thai
from prasan.thai.linebreak import ZWSP, breakable

_THAI = re.compile("[\u0e01-\u0e4e]")


def cell(value, *, thai_digits: bool) -> str:
    """A printed cell: its digits as the office prints them, its line breaks between words (a name
    too wide for its column between given name and surname)."""
    text = "" if value is None else str(value)
    out = breakable(to_thai(text) if thai_digits else to_arabic(text), narrow=True)
    # Text with no break mark is left to Pango's own Thai breaking (render/thaiwrap.py), which splits
    # names it does not know ("ฤทธิ์/ศักดิ์"): one mark at the end makes the spaces the only breaks.
    return out if ZWSP in out or not _THAI.search(out) else out + ZWSP


def render(*, title: str, office, tables: list[dict], thai_digits: bool, subtitles: tuple[str, ...] = (),
           notes: tuple[str, ...] = (), secrecy: str = "", printed_at: dt.datetime | None = None,
           signers: tuple[dict, ...] | list[dict] = ()) -> bytes:
    """The PDF of ``tables``: each {"title", "columns", "rows", "total", "numeric"} of printed strings
    (cells made with :func:`cell`); ``signers`` ({"name", "position", "role"}) sign below the notes."""
    from prasan.documents.render.pdf import html_to_pdf

    printed = thai_date(printed_at, thai_digits=thai_digits) if printed_at else ""
    html = render_to_string("prints/table_page.html", {
        "title": title, "office": office, "tables": tables, "subtitles": [s for s in subtitles if s],
        "notes": [n for n in notes if n], "secrecy": secrecy, "thai_digits": thai_digits,
        "printed_at": printed, "author": office.name if office else "", "signers": signers,
    })
    return html_to_pdf(html)
