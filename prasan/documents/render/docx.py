"""Form fields → DOCX through python-docx, laid out like the PDF.

Word shows Thai in the complex-script font, so every style and every run carries w:rFonts
(ascii/hAnsi/eastAsia/cs), w:sz and w:szCs, w:b and w:bCs and w:lang w:bidi="th-TH"; the theme-font
attributes of the default template are removed because they override explicit fonts. Page: A4,
left 3 cm, right 2 cm (คำแนะนำและแบบมาตรฐานการพิมพ์หนังสือราชการ ข้อ ๑.๑); secrecy marks in the
header and footer of every page; page number `- ๒ -` in the header from page 2 (different first page).
Each form module's ``docx(writer, ctx)`` places its parts with the helpers below.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from prasan.documents.forms.base import Printer, get_form
from prasan.documents.render import docxfonts
from prasan.documents.render.meta import document_meta
from prasan.documents.render.metrics import text_width_cm

FONT = "Sarabun"
BODY_PT = 16
LINE = 1.3  # line height / font size: Sarabun's ascent + descent (hhea 1068 + 232 per 1000)
TEXT_WIDTH_CM = 16.0  # A4 21 cm − left 3 cm − right 2 cm
RED = "D00000"
ESIGN_COLOUR = "1F3A93"  # the electronic-signature line, dark blue like a stamp
INDENT_CM = 2.5  # first line of a body paragraph (the typing standard's ๑๐ จังหวะเคาะ at 16 pt)
SIGN_LEFT_CM = 6.5  # the signature column: closing, (name), position centred from here to the margin
PLACEHOLDER_EMBLEM = Path(__file__).resolve().parents[2] / "static" / "img" / "emblem-placeholder.png"


@dataclass(frozen=True)
class Span:
    """A run of text with its own look; plain strings in a paragraph are body text."""

    text: str
    size: float = BODY_PT
    bold: bool = False
    color: str | None = None


def _twips(cm: float) -> str:
    return str(round(cm * 567))


def _el(parent, tag: str, **attrs):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    parent.append(el)
    return el


@lru_cache(maxsize=64)
def _rpr_template(size: float, bold: bool, color: str | None):
    rpr = OxmlElement("w:rPr")
    _el(rpr, "w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
    if bold:
        _el(rpr, "w:b")
        _el(rpr, "w:bCs")
    if color:
        _el(rpr, "w:color", val=color)
    half_points = str(round(size * 2))
    _el(rpr, "w:sz", val=half_points)
    _el(rpr, "w:szCs", val=half_points)
    _el(rpr, "w:lang", val="th-TH", eastAsia="th-TH", bidi="th-TH")
    return rpr


def _rpr(parent, size: float, bold: bool, color: str | None = None):
    """Run properties Word reads for Thai: fonts (cs too), sz and szCs, b and bCs, lang bidi."""
    rpr = copy.deepcopy(_rpr_template(size, bold, color))
    parent.append(rpr)
    return rpr


@lru_cache(maxsize=1)
def _base_package() -> bytes:
    """python-docx's default document with only the default styles left, each in Sarabun 16 pt
    (theme-font attributes removed: they would override the explicit fonts). Built once; every
    render opens a copy, which is also what keeps a DOCX render fast."""
    doc = Document()
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in list(styles.iterfind(qn("w:style"))):
        if style.get(qn("w:default")) != "1":
            styles.remove(style)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    defaults.remove(defaults.find(qn("w:rPr")))
    _rpr(defaults, BODY_PT, False)
    # Paragraphs someone adds in Word: single spacing, nothing after (the typing standard).
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(
        qn("w:spacing"))
    for key, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{key}"), value)
    for style in styles.iterfind(qn("w:style")):
        old = style.find(qn("w:rPr"))
        if old is not None:
            style.remove(old)
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            # schema order: rPr comes after pPr and before tblPr / trPr / tcPr
            rpr = _rpr(style, BODY_PT, False)
            after = style.find(qn("w:tblPr"))
            if after is not None:
                after.addprevious(rpr)
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)
    docxfonts.embed(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class Writer:
    """Appends paragraphs, tables and the emblem to a fresh A4 document."""

    def __init__(self, ctx: dict, *, thai_digits: bool = True, emblem_path: Path | None = None):
        self.doc = Document(io.BytesIO(_base_package()))
        self.body = self.doc.element.body
        self._sect = self.body[-1]  # w:sectPr stays last
        self.emblem_path = emblem_path
        self.ctx = ctx
        self._page(ctx.get("secrecy", ""), thai_digits)

    # ---- document set-up -------------------------------------------------------------------
    def _page(self, secrecy: str, thai_digits: bool) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
        # Page 1 starts at 1.5 cm (the emblem's place); later pages are pushed down by their header.
        section.top_margin, section.bottom_margin = Cm(1.5), Cm(2.0)
        # Marks start 1 cm inside the edge: many printers leave 4–6 mm blank.
        section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
        section.different_first_page_header_footer = True
        # PAGE fields print in the section's number format: Thai digits unless Arabic is asked for.
        page_numbers = OxmlElement("w:pgNumType")
        page_numbers.set(qn("w:fmt"), "thaiNumbers" if thai_digits else "decimal")
        self._sect.find(qn("w:cols")).addprevious(page_numbers)  # schema order: before w:cols
        for header, numbered in ((section.first_page_header, False), (section.header, True)):
            header.is_linked_to_previous = False
            story = header._element
            story.remove(story[0])
            if secrecy:
                self.paragraph(Span(secrecy, 20, True, RED), align="center", into=story)
            if numbered:
                p = self.paragraph("- ", align="center", into=story, after=20)
                self._page_field(p)
                self._run(p, Span(" -"))
            elif not secrecy:
                self.paragraph("", into=story)
        for footer in (section.first_page_footer, section.footer):
            footer.is_linked_to_previous = False
            story = footer._element
            story.remove(story[0])
            self.paragraph(Span(secrecy, 20, True, RED) if secrecy else "", align="center", into=story)

    def _page_field(self, p) -> None:
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                           ("end", None)):
            r = _el(p, "w:r")
            _rpr(r, BODY_PT, False)
            if kind:
                _el(r, "w:fldChar", fldCharType=kind)
            elif text == " PAGE ":
                instr = _el(r, "w:instrText")
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                instr.text = text
            else:
                _el(r, "w:t").text = text

    # ---- content ---------------------------------------------------------------------------
    def _run(self, p, part: str | Span) -> None:
        span = part if isinstance(part, Span) else Span(part)
        pieces = span.text.split("\t")
        for n, piece in enumerate(pieces):
            r = _el(p, "w:r")
            _rpr(r, span.size, span.bold, span.color)
            if n:
                _el(r, "w:tab")
            if piece:
                t = _el(r, "w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = piece

    def paragraph(self, *parts: str | Span, align: str = "left", left: float = 0.0,
                  first: float = 0.0, right: float = 0.0, before: float = 0.0, after: float = 0.0,
                  tabs: tuple = (), keep_next: bool = False, line_pt: float | None = None,
                  into=None):
        """One paragraph; ``first`` < 0 is a hanging indent; sizes in cm, spacing in pt."""
        p = OxmlElement("w:p")
        ppr = _el(p, "w:pPr")
        if keep_next:
            _el(ppr, "w:keepNext")
        if align == "thai":  # body text: never one line alone at a page's foot or head
            _el(ppr, "w:widowControl")
        if tabs:
            tab_el = _el(ppr, "w:tabs")
            for pos, kind, leader in tabs:
                attrs = {"val": kind, "pos": _twips(pos)}
                if leader:
                    attrs["leader"] = leader
                _el(tab_el, "w:tab", **attrs)
        biggest = max([p.size for p in parts if isinstance(p, Span)] + [BODY_PT])
        line = biggest * LINE if line_pt is None else line_pt
        if line_pt == 0:  # single spacing that grows to fit a picture on the line
            _el(ppr, "w:spacing", before=round(before * 20), after=round(after * 20), line=240,
                lineRule="auto")
        else:
            _el(ppr, "w:spacing", before=round(before * 20), after=round(after * 20),
                line=round(line * 20), lineRule="exact")
        ind = {"left": _twips(left), "right": _twips(right)}
        ind["hanging" if first < 0 else "firstLine"] = _twips(abs(first))
        _el(ppr, "w:ind", **ind)
        _el(ppr, "w:jc", val={"left": "left", "center": "center", "right": "right",
                              "thai": "thaiDistribute"}[align])
        _rpr(ppr, biggest, False)
        for part in parts:
            self._run(p, part)
        if into is None:
            self._sect.addprevious(p)
        else:
            into.append(p)
        return p

    def rule(self, width_cm: float, *, after: float = 6.0) -> None:
        """A short centred line (under the heading of คำสั่ง and ประกาศ): an empty paragraph's
        bottom border, narrowed by its indents."""
        side = (TEXT_WIDTH_CM - width_cm) / 2
        p = self.paragraph("", left=side, right=side, after=after, line_pt=8)
        borders = OxmlElement("w:pBdr")  # schema order: pBdr comes first among these pPr children
        _el(borders, "w:bottom", val="single", sz="6", space="1", color="000000")
        p.find(qn("w:pPr")).insert(0, borders)

    def blank(self, lines: int = 1, into=None, keep_next: bool = False) -> None:
        for _ in range(lines):
            self.paragraph("", into=into, keep_next=keep_next)

    def emblem(self, height_cm: float, *, align: str = "center", after: float = 0.0,
               trailing: tuple = (), tabs: tuple = (), into=None) -> None:
        """The emblem as an inline picture, optionally followed on its line by ``trailing`` parts."""
        p = self.paragraph(*trailing, align=align, after=after, tabs=tabs, line_pt=0, into=into)
        if self.emblem_path:
            inline = self.doc.part.new_pic_inline(str(self.emblem_path), height=Cm(height_cm))
            r = OxmlElement("w:r")
            _rpr(r, BODY_PT, False)
            _el(r, "w:drawing").append(inline)
            p.find(qn("w:pPr")).addnext(r)

    def labelled(self, label: str, lines: list[str], *, label_size: float = BODY_PT,
                 bold: bool = False, before: float = 0.0, gap: float = 0.35) -> None:
        """`เรื่อง  text` with the text's later lines aligned after the label (hanging indent)."""
        at = text_width_cm(label, label_size, bold=bold) + gap
        for n, line in enumerate(lines or [""]):
            head = Span(label + "\t", label_size, bold) if n == 0 else Span("\t")
            self.paragraph(head, line, left=at, first=-at, tabs=((at, "left", None),),
                           before=before if n == 0 else 0)

    def header_line(self, *cells: tuple[str, str, float]) -> None:
        """Memo header (แบบที่ ๒๙): bold 20 pt labels, 16 pt values, dotted leaders to each stop."""
        parts: list[Span | str] = []
        tabs = []
        for label, value, stop in cells:
            parts += [Span(label, 20, True), Span(" " + value + "\t")]
            tabs.append((stop, "right" if stop >= TEXT_WIDTH_CM else "left", "dot"))
        # A value that wraps (a long เรื่อง) continues under itself, not under the label.
        hang = text_width_cm(cells[0][0] + " ", 20, bold=True)
        self.paragraph(*parts, tabs=tuple(tabs), left=hang, first=-hang)

    def body(self, text: str, *, label: str = "", first: float = INDENT_CM,
             before: float = 0.0) -> None:
        """A body paragraph: first line indented, later lines back at the margin (Thai style)."""
        lead = f"{label} " if label else ""
        for n, line in enumerate(text.splitlines() or [""]):
            self.paragraph(lead + line if n == 0 else line, first=first,
                           before=before if n == 0 else 0)

    def signature(self, person: dict, *, closing: str = "", blank_lines: int = 3,
                  before: float = 12.0, left: float = SIGN_LEFT_CM, then: bool = False) -> None:
        """Closing, space to sign, (name), position: one block that Word keeps on one page
        (each paragraph kept with the next), and with what follows when ``then`` (contact lines)."""
        if closing:
            self.paragraph(closing, align="center", left=left, before=before, keep_next=True)
        self.signature_space(blank_lines, left=left)
        self.paragraph(f"({person['name']})", align="center", left=left, keep_next=True)
        for n, line in enumerate(person["position"]):
            self.paragraph(line, align="center", left=left,
                           keep_next=then or n + 1 < len(person["position"]))

    def signature_space(self, blank_lines: int = 3, *, left: float = SIGN_LEFT_CM, into=None) -> None:
        """Where the hand would sign: blank lines, or a signed document's electronic-signature line."""
        esign = self.ctx.get("esign")
        if not esign:
            self.blank(blank_lines, into=into, keep_next=True)
            return
        from prasan.documents.signature import stamp_lines

        lines = stamp_lines(esign)
        for n, line in enumerate(lines):
            self.paragraph(Span(line, 11.5, n == 0, ESIGN_COLOUR), align="center", left=left, line_pt=13.5,
                           before=4 if n == 0 else 0, after=4 if n == len(lines) - 1 else 0, keep_next=True,
                           into=into)

    def table(self, widths_cm: tuple[float, ...], *, borders: bool = True, lead_row: bool = False,
              into=None, valign: str | None = None):
        """A table with fixed column widths; returns its cells' w:tc elements row by row.
        ``lead_row``: a first row of one cell across every column (returned first); ``into``: a
        cell to nest it in (a cell ends with a paragraph: a hairline one follows the table);
        ``valign``: "bottom" stands the cells' contents on a common foot."""
        table = self.doc.add_table(rows=1, cols=len(widths_cm))
        tbl = table._tbl
        if into is None:
            self._sect.addprevious(tbl)
        else:
            into.append(tbl)
            self.paragraph("", line_pt=1, into=into)
        width = tbl.tblPr.find(qn("w:tblW"))
        width.set(qn("w:w"), _twips(sum(widths_cm)))
        width.set(qn("w:type"), "dxa")
        layout = OxmlElement("w:tblLayout")  # schema order: tblW, …, tblBorders, …, tblLayout
        layout.set(qn("w:type"), "fixed")
        width.addnext(layout)
        if not borders:  # a layout grid: no cell padding, so text lines up with the margins
            margins = OxmlElement("w:tblCellMar")
            for edge in ("left", "right"):
                _el(margins, f"w:{edge}", w="0", type="dxa")
            layout.addnext(margins)
        if borders:
            edges = OxmlElement("w:tblBorders")
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                _el(edges, f"w:{edge}", val="single", sz="6", space="0", color="000000")
            width.addnext(edges)
        for col, width in zip(tbl.tblGrid.iterchildren(), widths_cm, strict=True):
            col.set(qn("w:w"), _twips(width))
        cells = []
        for tc, width in zip(tbl.tr_lst[0].tc_lst, widths_cm, strict=True):
            tc.get_or_add_tcPr().get_or_add_tcW().set(qn("w:w"), _twips(width))
            if valign:
                _el(tc.get_or_add_tcPr(), "w:vAlign", val=valign)  # schema order: last of these
            tc.remove(tc.p_lst[0])
            cells.append(tc)
        if lead_row:
            tr = copy.deepcopy(tbl.tr_lst[0])
            first = tr.tc_lst[0]
            for extra in tr.tc_lst[1:]:
                tr.remove(extra)
            tc_pr = first.get_or_add_tcPr()
            tc_pr.get_or_add_tcW().set(qn("w:w"), _twips(sum(widths_cm)))
            span = OxmlElement("w:gridSpan")  # schema order: right after tcW
            span.set(qn("w:val"), str(len(widths_cm)))
            tc_pr.get_or_add_tcW().addnext(span)
            tbl.tr_lst[0].addprevious(tr)
            cells.insert(0, first)
        return cells

    def row_after(self, cell, *, whole: bool = True) -> list:
        """A new row after ``cell``'s, of the same cells, with no rule between the two (one box);
        ``whole``: never split across pages (Word and LibreOffice move it to the next page whole,
        where keep-with-next inside a table is not honoured)."""
        tr = cell.getparent()
        row = copy.deepcopy(tr)
        for tc in row.tc_lst:
            for child in list(tc):
                if child.tag != qn("w:tcPr"):
                    tc.remove(child)
        if whole:
            tr_pr = OxmlElement("w:trPr")
            _el(tr_pr, "w:cantSplit")
            row.tc_lst[0].addprevious(tr_pr)
        for above, below in zip(tr.tc_lst, row.tc_lst, strict=True):
            for tc, edge in ((above, "bottom"), (below, "top")):
                borders = OxmlElement("w:tcBorders")  # schema order: after tcW and gridSpan
                _el(borders, f"w:{edge}", val="nil")
                tc.get_or_add_tcPr().get_or_add_tcW().addnext(borders)
        tr.addnext(row)
        return list(row.tc_lst)

    def properties(self, meta: dict) -> None:
        """Core properties from the document (not python-docx's "python-docx", 2013)."""
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = meta["title"][:255], meta["author"], meta["author"]
        props.created, props.modified = meta["created"], meta["modified"]
        props.comments, props.keywords, props.subject, props.category = "", "", "", ""
        props.language, props.revision = "th-TH", 1

    def to_bytes(self) -> bytes:
        for tc in self.body.iter(qn("w:tc")):  # a cell must hold a paragraph, even an empty one
            if tc.find(qn("w:p")) is None:
                self.paragraph("", into=tc)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


@lru_cache(maxsize=8)
def _emblem(path: str | None) -> Path | None:
    """DOCX needs a raster image: an SVG emblem is replaced by the PNG beside it."""
    if path is None:
        return PLACEHOLDER_EMBLEM
    chosen = Path(path)
    if chosen.suffix.lower() == ".svg":
        chosen = chosen.with_suffix(".png")
    if not chosen.exists():
        raise FileNotFoundError(f"ไม่พบไฟล์ตราสัญลักษณ์ {chosen} (DOCX ใช้ PNG หรือ JPEG)")
    return chosen


def render_docx(code: str, data: dict, *, digits: str = "thai",
                emblem_path: str | Path | None = None, with_emblem: bool = True,
                office: str = "", esign: dict | None = None) -> bytes:
    """The form ``code`` filled with ``data`` as DOCX bytes (FormError if a part is missing);
    ``office`` is the author named in its properties; ``esign``: a signed document's
    electronic-signature line, printed in the signature's space."""
    spec = get_form(code)
    printer = Printer(digits)
    values = spec.clean(data)
    ctx = spec.printed(values, printer) | {"esign": esign}
    emblem = _emblem(None if emblem_path is None else str(emblem_path)) if with_emblem else None
    writer = Writer(ctx, thai_digits=printer.thai, emblem_path=emblem)
    spec.docx(writer, ctx)
    writer.properties(document_meta(spec, values, office=office))
    return writer.to_bytes()
