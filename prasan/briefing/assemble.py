"""One PDF from a pack's parts: a cover, the contents with each part's first page, the parts, and on every page the
pack's running number and the highest secrecy mark of its parts, top and bottom centre (THAI-DOCS: secret marks on
every page, inside the printable area, at least 1 cm from the edge); one bookmark (outline item) per part.

The parts' own pages keep their own page numbers and marks: each is set, scaled about 0.89, in the middle of an A4
sheet whose top and bottom bands (1.6 cm) carry the pack's mark and number, so nothing of the part is covered.
The bands, the cover and the contents are rendered by WeasyPrint with the documents' exact Thai text layer
(documents/render/pdf.py), the pages put together with pypdf."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from prasan.documents.render.pdf import html_to_pdf
from prasan.thai.digits import to_arabic, to_thai

A4 = (595.276, 841.89)  # points
BAND = 1.6 / 2.54 * 72  # the top and bottom bands, in points
SIDE = 0.6 / 2.54 * 72


@dataclass
class Section:
    """A piece of one part: a PDF file and what its bookmark says (a part may have several, an answer with its
    files)."""

    path: str
    title: str
    pages: int = 0


@dataclass
class Chapter:
    """One part in the pack, as the contents lists it."""

    number: int
    kind: str
    title: str
    sections: list[Section] = field(default_factory=list)
    start: int = 0  # 1-based page of the pack

    @property
    def pages(self) -> int:
        return sum(section.pages for section in self.sections)


def digits(value, thai: bool) -> str:
    return to_thai(str(value)) if thai else to_arabic(str(value))


def _contents(context: dict, chapters: list[Chapter], thai: bool) -> bytes:
    rows = [{"number": digits(c.number, thai), "kind": c.kind, "title": c.title,
             "page": digits(c.start, thai) if c.start else "", "sections": [s.title for s in c.sections[1:]]}
            for c in chapters]
    return html_to_pdf(render_to_string("briefing/print/contents.html", context | {"rows": rows}))


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def front_matter(context: dict, chapters: list[Chapter], thai: bool) -> tuple[bytes, bytes]:
    """The cover and the contents, the contents' page numbers right: laid out once to learn how many pages the
    contents take, then again with the numbers (a number's width cannot add a page: the column is fixed)."""
    cover = html_to_pdf(render_to_string("briefing/print/cover.html", context))
    front = _page_count(cover)
    contents = _contents(context, chapters, thai)
    for _ in range(3):
        page = front + _page_count(contents) + 1
        for chapter in chapters:
            chapter.start = page
            page += chapter.pages
        again = _contents(context, chapters, thai)
        if _page_count(again) == _page_count(contents):
            return cover, again
        contents = again
    raise RuntimeError("contents did not settle")


def bands(context: dict, total: int, thai: bool, numbered_from: int = 2) -> bytes:
    """`total` A4 pages, blank but for the mark (top and bottom) and the running number (bottom right)."""
    pages = [{"number": digits(n, thai) if n >= numbered_from else "", "total": digits(total, thai)}
             for n in range(1, total + 1)]
    return html_to_pdf(render_to_string("briefing/print/bands.html", context | {"pages": pages}))


def _fit(page):
    """The transformation that sets `page` (its visible box, upright as its /Rotate shows it) inside the band-free
    middle of an A4 sheet, scaled to fit and centred."""
    from pypdf import Transformation

    box = page.cropbox
    rotation = -(page.rotation or 0) % 360  # /Rotate turns the page clockwise; PDF angles go counter-clockwise
    turn = Transformation().rotate(rotation) if rotation else Transformation()
    corners = [turn.apply_on((float(x), float(y))) for x in (box.left, box.right) for y in (box.bottom, box.top)]
    left, bottom = min(c[0] for c in corners), min(c[1] for c in corners)
    width, height = max(c[0] for c in corners) - left, max(c[1] for c in corners) - bottom
    if width <= 0 or height <= 0:
        return turn
    scale = min((A4[0] - 2 * SIDE) / width, (A4[1] - 2 * BAND) / height)
    x, y = (A4[0] - width * scale) / 2, (A4[1] - height * scale) / 2
    return turn.translate(-left, -bottom).scale(scale).translate(x, y)


def assemble(context: dict, chapters: list[Chapter], *, thai: bool, progress=None) -> tuple[bytes, int]:
    """The pack's PDF and its page count. `context` is what the cover, contents and bands print (title, occasion,
    office, mark, built_at …); `chapters` in order, each section's pages already counted."""
    from pypdf import PdfReader, PdfWriter

    cover, contents = front_matter(context, chapters, thai)
    front = [PdfReader(io.BytesIO(cover)), PdfReader(io.BytesIO(contents))]
    total = sum(len(r.pages) for r in front) + sum(c.pages for c in chapters)
    overlay = PdfReader(io.BytesIO(bands(context, total, thai)))
    writer = PdfWriter()
    index = 0

    def place(source_page, fitted: bool):
        nonlocal index
        sheet = writer.add_page(overlay.pages[index])
        if fitted:
            sheet.merge_transformed_page(source_page, _fit(source_page), over=False)
        else:
            sheet.merge_page(source_page, over=False)
        index += 1
        if progress and index % 20 == 0:
            progress(index, total)

    for reader in front:
        for page in reader.pages:
            place(page, fitted=False)
    outline = [("ปก", 0, None), ("สารบัญ", len(front[0].pages), None)]
    for chapter in chapters:
        outline.append((f"{digits(chapter.number, thai)}. {chapter.title}", index, None))
        parent = len(outline) - 1
        for number, section in enumerate(chapter.sections):
            if number:
                outline.append((section.title, index, parent))
            for page in PdfReader(section.path).pages:
                place(page, fitted=True)
    made = []
    for title, page, parent in outline:
        made.append(writer.add_outline_item(title=title, page_number=page, parent=made[parent] if parent is not None else None))
    writer.add_metadata({"/Title": context["title"], "/Author": context.get("office", ""),
                         "/Subject": context.get("occasion", ""), "/Creator": "ประสาน"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), total
