"""Step 2, detect: what a file really is, from its bytes — and refuse what intake cannot read.

The name's extension is only a claim; a file whose bytes say otherwise is refused, as are empty
files, encrypted or corrupt PDFs, and files that would cost more than a letter can: images and PDF pages
too large to render (judged from the header and the page box, before any pixel is drawn), DOCX archives
whose parts would unpack beyond what any letter needs (zip bombs), documents of millions of paragraphs.
"""

import io
import os
import zipfile
from dataclasses import dataclass

from .errors import IntakeError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"

IMAGE_TYPES = (PNG, JPEG, TIFF)
MAX_PIXELS = 60_000_000  # ~A3 at 600 dpi; beyond this OCR takes minutes and gigabytes
MAX_PDF_PAGES = 200
RENDER_DPI = 300  # OCR's resolution; a larger page is rendered at less, down to MIN_RENDER_DPI
MIN_RENDER_DPI = 150  # below this Thai marks are lost: a page that needs less is refused (2A0 and up)
# A DOCX letter is a few hundred KB of XML; a 200-page report with pictures some tens of MB.
MAX_DOCX_PARTS = 1000
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_XML = 24 * 1024 * 1024  # any one XML part, document.xml included
MAX_DOCX_PARAGRAPHS = 50_000

EXTENSIONS = {
    ".pdf": PDF, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".tif": TIFF, ".tiff": TIFF,
    ".docx": DOCX, ".txt": TEXT, ".text": TEXT,
}
NAMES = {PDF: "PDF", PNG: "รูปภาพ PNG", JPEG: "รูปภาพ JPEG", TIFF: "รูปภาพ TIFF",
         DOCX: "เอกสาร Word (DOCX)", TEXT: "ข้อความธรรมดา"}

EMPTY = "ไฟล์ว่างเปล่า ไม่มีเนื้อหาให้อ่าน"
UNSUPPORTED = ("ไม่รองรับไฟล์ชนิดนี้ รับเฉพาะ PDF, รูปภาพ (PNG, JPEG, TIFF), "
               "เอกสาร Word (DOCX) และข้อความ (TXT)")
ENCRYPTED = "ไฟล์ PDF นี้ถูกเข้ารหัสด้วยรหัสผ่าน กรุณาขอไฟล์ที่ไม่ใส่รหัสผ่านจากผู้ส่ง"
CORRUPT_PDF = "ไฟล์ PDF เสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้"
CORRUPT_IMAGE = "ไฟล์รูปภาพเสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้"
CORRUPT_DOCX = "ไฟล์ Word เสียหรือไม่ใช่เอกสาร DOCX ที่ถูกต้อง"
NO_PAGES = "ไฟล์ PDF ไม่มีหน้าเอกสาร"
TOO_MANY_PAGES = f"ไฟล์ PDF มีมากกว่า {MAX_PDF_PAGES} หน้า กรุณาแยกไฟล์ก่อนนำเข้า"
HUGE_PAGE = ("หน้า {} ของไฟล์ PDF มีขนาดใหญ่ผิดปกติ ({:,.0f} × {:,.0f} ซม.) เกินกว่าจะอ่านได้ "
             "กรุณาขอไฟล์ขนาดกระดาษปกติ (A4–A0) จากผู้ส่ง")
DOCX_TOO_BIG = ("เอกสาร Word นี้เมื่อแตกไฟล์แล้วใหญ่ผิดปกติ ({}) ซึ่งหนังสือราชการไม่ใช้ "
                "ระบบไม่อ่านเพื่อความปลอดภัย กรุณาบันทึกเป็น PDF หรือขอไฟล์ใหม่จากผู้ส่ง")
TOO_MANY_FRAMES = f"ไฟล์รูปภาพมีมากกว่า {MAX_PDF_PAGES} หน้า กรุณาแยกไฟล์ก่อนนำเข้า"
HUGE_IMAGE = ("รูปภาพมีขนาดใหญ่เกินไป{} รับได้ไม่เกิน 60 ล้านพิกเซล "
              "กรุณาสแกนใหม่ที่ความละเอียด 200–300 dpi")


@dataclass(frozen=True)
class Detected:
    content_type: str
    pages: int = 1  # PDF pages or image frames; 1 for text and DOCX
    size: tuple[int, int] | None = None  # image width × height in pixels

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES


def sniff(data: bytes) -> str | None:
    """The content type the bytes themselves declare, or None."""
    head = data[:1024]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(data) else None
    if looks_like_text(data):
        return TEXT
    return None


def detect(data: bytes, filename: str = "") -> Detected:
    if not data or not data.strip():
        raise IntakeError(EMPTY, "empty")
    found = sniff(data)
    claimed = EXTENSIONS.get(os.path.splitext(filename or "")[1].lower())
    if found is None:
        if claimed is not None and claimed != TEXT:
            raise IntakeError(f"ไฟล์ชื่อลงท้ายว่าเป็น{NAMES[claimed]} แต่เนื้อหาไม่ใช่ "
                              "ไฟล์อาจเสียหรือถูกเปลี่ยนชื่อ", "mismatch")
        raise IntakeError(UNSUPPORTED, "unsupported")
    if claimed is not None and claimed != found:
        raise IntakeError(f"ไฟล์ชื่อลงท้ายว่าเป็น{NAMES[claimed]} แต่เนื้อหาจริงเป็น{NAMES[found]} "
                          "ไม่รับไฟล์ที่ชนิดไม่ตรงกับชื่อ", "mismatch")
    if found == PDF:
        return Detected(PDF, pages=_pdf_pages(data))
    if found == DOCX:
        check_docx(data)
    if found in IMAGE_TYPES:
        frames, size = _image_info(data)
        return Detected(found, pages=frames, size=size)
    return Detected(found)


def looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:  # a character cut by the sample's end
            text = sample[: exc.start].decode("utf-8")
        else:
            try:
                text = sample.decode("cp874")
            except UnicodeDecodeError:
                return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= len(text) * 0.01


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise IntakeError(ENCRYPTED, "encrypted") from exc
        raise IntakeError(CORRUPT_PDF, "corrupt") from exc
    try:
        pages = len(document)
        if pages == 0:
            raise IntakeError(NO_PAGES, "corrupt")
        if pages > MAX_PDF_PAGES:
            raise IntakeError(TOO_MANY_PAGES, "too_large")
        for index in range(pages):
            page = document[index]
            try:
                render_dpi(page.get_size(), index + 1)
            finally:
                page.close()
    finally:
        document.close()
    return pages


def pdf_file_pages(path: str, progress=None) -> int:
    """For the sandbox (prasan.sandbox): the pages of the PDF at `path`, refusing as `detect` does."""
    with open(path, "rb") as handle:
        return _pdf_pages(handle.read())


def render_dpi(size_pt: tuple[float, float], number: int = 1, dpi: float = RENDER_DPI) -> float:
    """The resolution a page of this box (points) is rendered at: `dpi`, or less so that the image stays
    within MAX_PIXELS; a page that would need less than MIN_RENDER_DPI is refused. Asked before rendering:
    pdfium allocates the whole bitmap first (a 14,400 pt square page at 300 dpi is 3.6 GB)."""
    width, height = (max(float(side), 1.0) for side in size_pt)
    fitting = 72 * (MAX_PIXELS / (width * height)) ** 0.5
    if fitting < min(dpi, MIN_RENDER_DPI):
        raise IntakeError(HUGE_PAGE.format(number, width / 72 * 2.54, height / 72 * 2.54), "too_large")
    return min(dpi, fitting)


def check_docx(data: bytes) -> None:
    """Refuse a DOCX whose parts would unpack too large or too many, from the archive's directory alone
    (the sizes it declares are the most Python's zipfile will unpack), and one of absurdly many paragraphs."""
    import re

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            largest_xml = max((p.file_size for p in parts if p.filename.endswith((".xml", ".rels"))), default=0)
            if len(parts) > MAX_DOCX_PARTS:
                raise IntakeError(DOCX_TOO_BIG.format(f"{len(parts):,} ส่วน"), "too_large")
            if unpacked > MAX_DOCX_UNPACKED or largest_xml > MAX_DOCX_XML:
                raise IntakeError(DOCX_TOO_BIG.format(f"{max(unpacked, largest_xml) / 1024 / 1024:,.0f} MB"),
                                  "too_large")
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise IntakeError(CORRUPT_DOCX, "corrupt") from exc
    paragraphs = len(re.findall(rb"<w:p[ />]", body))
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise IntakeError(DOCX_TOO_BIG.format(f"{paragraphs:,} ย่อหน้า"), "too_large")


def _image_info(data: bytes) -> tuple[int, tuple[int, int]]:
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():  # Pillow's bomb warning: the size is checked right here
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
        with image:
            size = image.size
            check_pixels(size)
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_PDF_PAGES:
                raise IntakeError(TOO_MANY_FRAMES, "too_large")
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except IntakeError:
        raise
    except Image.DecompressionBombError as exc:
        raise IntakeError(HUGE_IMAGE.format(""), "too_large") from exc
    except Exception as exc:  # Pillow raises many types for broken files
        raise IntakeError(CORRUPT_IMAGE, "corrupt") from exc
    return frames, size


def check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise IntakeError(HUGE_IMAGE.format(f" ({width * height / 1e6:,.0f} ล้านพิกเซล)"), "too_large")
