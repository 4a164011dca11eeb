"""Step 3, extract: the text a file already carries — plain text, DOCX, or a PDF's text layer.

A PDF page's text is laid out from its characters' positions (`page.py`), so the letter's columns survive.
A PDF page whose text layer is missing or garbage (a scan, or a font without a usable ToUnicode
map) is reported as needing OCR. Two common breakages of Thai text layers are repaired instead:
TIS-620 bytes shown as Latin-1 (ÊÓ¹Ñ¡§Ò¹), and fonts whose sara aa glyph maps to sara am, so
every า reads ำ (สำนักงำน) — as WeasyPrint writes Sarabun, among others.
"""

import io
import re
from collections import Counter
from dataclasses import dataclass

from .errors import IntakeError
from .page import pdf_page_text

MIN_CHARS_PER_PAGE = 20
_MEANINGFUL = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e\u0e50-\u0e59A-Za-z0-9]")
_SUSPICIOUS = re.compile(r"[\ue000-\uf8ff\ufffd\u0080-\u009f\u00c0-\u00ff\u2500-\u25ff]")
_ORPHAN_MARK = re.compile(r"(?<![\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_LATIN1_THAI = re.compile(r"[\u00a1-\u00fb]")
UNREADABLE_TEXT = "อ่านข้อความในไฟล์ไม่ได้ (รหัสอักขระไม่รู้จัก)"


@dataclass
class Page:
    text: str
    needs_ocr: bool
    repaired: str | None = None  # what was repaired in the text layer, for a warning


def plain_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")  # Windows Thai, a superset of TIS-620
    except UnicodeDecodeError as exc:
        raise IntakeError(UNREADABLE_TEXT, "corrupt") from exc


def docx_text(data: bytes) -> str:
    """Paragraphs and tables in document order, text boxes included; header first, footer last."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .detect import CORRUPT_DOCX

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
        raise IntakeError(CORRUPT_DOCX, "corrupt") from exc
    lines: list[str] = []
    section = document.sections[0] if document.sections else None
    if section is not None and not section.header.is_linked_to_previous:
        lines += [p.text for p in section.header.paragraphs]
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
            for box in child.iter(_W + "txbxContent"):
                lines += ["".join(t.text or "" for t in p.iter(_W + "t")) for p in box.iter(_W + "p")]
        elif tag == "tbl":
            lines += _table_lines(Table(child, document))
    if section is not None and not section.footer.is_linked_to_previous:
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:  # merged cells repeat; keep each text once
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        lines.append("  ".join(cells))
    return lines


def pdf_pages(data: bytes) -> list[Page]:
    import pypdfium2 as pdfium

    from .detect import CORRUPT_PDF

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IntakeError(CORRUPT_PDF, "corrupt") from exc
    pages = []
    try:
        for page in document:
            textpage = page.get_textpage()
            raw = pdf_page_text(textpage) or textpage.get_text_range()  # the words where they stand
            textpage.close()
            page.close()
            pages.append(check_text_layer(raw))
    finally:
        document.close()
    return pages


def check_text_layer(raw: str) -> Page:
    text, repaired = repair_text_layer(raw)
    meaningful = len(_MEANINGFUL.findall(text))
    suspicious = len(_SUSPICIOUS.findall(text))
    orphans = len(_ORPHAN_MARK.findall(text))
    thai = len(re.findall(r"[\u0e01-\u0e2e]", text))
    garbage = suspicious > 0.3 * max(meaningful, 1) or (thai > 20 and orphans > 0.15 * thai)
    return Page(text, needs_ocr=meaningful < MIN_CHARS_PER_PAGE or garbage, repaired=repaired)


def repair_text_layer(text: str) -> tuple[str, str | None]:
    latin = len(_LATIN1_THAI.findall(text))
    if latin > 20 and latin > 0.5 * len(_MEANINGFUL.findall(text)):
        try:
            return text.encode("latin-1", "ignore").decode("cp874"), "tis620"
        except UnicodeDecodeError:
            pass
    text, repaired = _repair_shaped_sara_am(text)
    sara_aa, sara_am = text.count("\u0e32"), text.count("\u0e33")
    if sara_am > 10 and sara_am > 2 * sara_aa:
        # every า came out as ำ, and a real ำ as nikhahit + ำ
        text = text.replace("\u0e4d\u0e33", "\u0e4d\u0e32").replace("\u0e33", "\u0e32")
        return text, "sara_am"
    return text, repaired


# Some PDF writers (WeasyPrint among them) give glyphs that have no code point of their own —
# Sarabun's nikhahit, alone or fused with a tone mark, as drawn in ำ — these stand-ins, and map
# the sara aa glyph to the text of the first cluster that used it (ำ, ้ำ, …), so that every า
# reads as that text. Seen: ล้ำ → ล˺้ำ, สำนักงาน → ส˸้ำนักง้ำน.
_STAND_INS = {"\u02f8": "\u0e4d", "\u02f9": "\u0e48\u0e4d", "\u02fa": "\u0e49\u0e4d",
              "\u02fb": "\u0e4a\u0e4d", "\u02fc": "\u0e4b\u0e4d"}
_AFTER_STAND_IN = re.compile("[\u02f8-\u02fc]([\u0e48-\u0e4b]?[\u0e32\u0e33])")


def _repair_shaped_sara_am(text: str) -> tuple[str, str | None]:
    seen = _AFTER_STAND_IN.findall(text)
    if not seen:
        return text, None
    sara_aa_as = Counter(seen).most_common(1)[0][0]
    if sara_aa_as != "\u0e32":
        text = text.replace(sara_aa_as, "\u0e32")
    for stand_in, marks in _STAND_INS.items():
        text = text.replace(stand_in, marks)
    return text, "sara_am"
