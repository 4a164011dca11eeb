"""Step 2, detect: what a file really is, from its bytes — and refuse what intake cannot read.

The name's extension is only a claim; a file whose bytes say otherwise is refused, as are empty
files, encrypted or corrupt PDFs, and images too large to OCR safely.
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
    finally:
        document.close()
    if pages == 0:
        raise IntakeError(NO_PAGES, "corrupt")
    if pages > MAX_PDF_PAGES:
        raise IntakeError(TOO_MANY_PAGES, "too_large")
    return pages


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
