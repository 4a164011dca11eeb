"""Step 7: the whole intake, for the rest of the app — bytes in, `IntakeResult` out.

    result = run(data, "letter.pdf", progress=lambda page, pages: ...)

Raises `IntakeError` (Thai message) for files it cannot take; the caller keeps the file for a
person to handle and registers nothing. OCR is slow (seconds a page) and any file may be hostile:
the app calls `run_file` only from a background task, in a child process with memory and time limits
(prasan.sandbox), and passes `progress` to report page i of n.
"""

from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import detect, extract, ocr, previews, store, sureness
from .errors import IntakeError
from .normalize import normalize
from .parse import parse

LITTLE_TEXT = "อ่านข้อความได้น้อยมาก ช่องที่กรอกให้อาจว่างหรือผิด กรุณาตรวจกับต้นฉบับ"
OCR_USED = "ข้อความได้จากการอ่านภาพสแกน (OCR) กรุณาตรวจตัวเลขและชื่อเฉพาะกับต้นฉบับ"
REPAIRED = {
    "sara_am": "ไฟล์ PDF ใช้ฟอนต์ที่แปลงสระ า/ำ ผิด ระบบแก้ให้แล้ว กรุณาตรวจข้อความ",
    "tis620": "ไฟล์ PDF ใช้รหัสอักขระไทยแบบเก่า (TIS-620) ระบบแปลงให้แล้ว",
}


@dataclass
class IntakeResult:
    digest: str
    content_type: str
    text: str
    fields: dict
    confidence: dict[str, float]
    pages: int
    ocr_used: bool
    warnings: list[str] = field(default_factory=list)
    previews: int = 0  # page-N.png files written for the confirm screen


def run(data: bytes, filename: str = "", progress: ocr.Progress | None = None,
        options: ocr.OcrOptions | None = None, preview_dir: str | Path | None = None) -> IntakeResult:
    digest = store.digest(data)
    detected = detect.detect(data, filename)
    pages_drawn = previews.render(data, detected, preview_dir) if preview_dir else 0
    text, ocr_used, warnings, lines = _read(data, detected, progress, options)
    text = normalize(text)
    if len(text.strip()) < extract.MIN_CHARS_PER_PAGE:
        warnings.append(LITTLE_TEXT)
    parsed = parse(text, ocr=ocr_used and not lines)
    confidence = parsed.confidence
    if ocr_used and lines:  # how sure Tesseract was of the letters each field was read from
        confidence = sureness.from_letters(parsed.fields, confidence, lines)
    if ocr_used:
        warnings.append(OCR_USED)
    return IntakeResult(digest, detected.content_type, text, parsed.fields, confidence,
                        detected.pages, ocr_used, warnings, pages_drawn)


def run_file(path: str, filename: str, preview_dir: str | None = None,
             progress: ocr.Progress | None = None) -> dict:
    """The sandbox's entry point: the file at `path` read as `run` does, the result as plain JSON data."""
    return asdict(run(Path(path).read_bytes(), filename, progress, preview_dir=preview_dir))


Lines = list[tuple[str, list]]  # each line of text with Tesseract's words on it (reread.Word)


def read_text(data: bytes, detected: detect.Detected, progress: ocr.Progress | None = None,
              options: ocr.OcrOptions | None = None) -> tuple[str, bool, list[str]]:
    """The file's text, whether OCR made it, and warnings for the person confirming."""
    text, ocr_used, warnings, _ = _read(data, detected, progress, options)
    return text, ocr_used, warnings


def _read(data: bytes, detected: detect.Detected, progress: ocr.Progress | None = None,
          options: ocr.OcrOptions | None = None) -> tuple[str, bool, list[str], Lines]:
    kind = detected.content_type
    if kind == detect.TEXT:
        text = extract.plain_text(data)
        _done(progress, 1)
        return text, False, [], []
    if kind == detect.DOCX:
        text = extract.docx_text(data)
        _done(progress, 1)
        return text, False, [], []
    if kind == detect.PDF:
        return _pdf_text(data, detected.pages, progress, options)
    if detected.is_image:
        readings = ocr.ocr_pages(list(ocr.image_frames(data)), progress, options)
        return "\n\n".join(r.text for r in readings), True, [], _lines(readings)
    raise IntakeError(detect.UNSUPPORTED, "unsupported")


def _pdf_text(data, pages, progress, options) -> tuple[str, bool, list[str], Lines]:
    layer = extract.pdf_pages(data)
    warnings = sorted({REPAIRED[p.repaired] for p in layer if p.repaired})
    scanned = [i for i, page in enumerate(layer) if page.needs_ocr]
    readings: list = [ocr.Reading(page.text, [[ocr.Word(line, 0, 0, 0, 0, 100.0)] for line in
                                              page.text.split("\n")]) for page in layer]
    for done, index in enumerate(scanned, start=1):
        readings[index] = ocr.read_image(ocr.pdf_page_image(data, index), options)
        if progress:
            progress(done, len(scanned))
    if not scanned:
        _done(progress, pages)
    return "\n\n".join(r.text for r in readings), bool(scanned), warnings, _lines(readings)




def _lines(readings: list) -> Lines:
    """Every page's lines with their words, pages apart as the joined text has them."""
    out: Lines = []
    for number, reading in enumerate(readings):
        if number:
            out.append(("", []))
        texts = reading.text.split("\n")
        words = reading.lines if len(reading.lines) == len(texts) else [[] for _ in texts]
        out += [(normalize(text), line) for text, line in zip(texts, words, strict=True)]
    return out


def _done(progress, pages: int) -> None:
    if progress:
        progress(pages, pages)


def extract_file(path: str | Path, progress: ocr.Progress | None = None) -> IntakeResult:
    path = Path(path)
    return run(path.read_bytes(), path.name, progress)
