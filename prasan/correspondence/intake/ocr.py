"""Step 4, OCR: scanned pages and images → text, with Tesseract (`tha+eng`) run as a subprocess.

PDF pages are rendered at 300 dpi with pdfium; images are upscaled to about 300 dpi when they
say they are less, despeckled and straightened, then cut into lines (`layout`) that Tesseract
reads one by one. Its Thai model as Debian ships it cannot produce ๔ ๖ ๗ ๘ ๙ and misreads
letter codes, so those are read again from the image (`thai_digits`, `letter_codes`), and
dropped tone marks are put back by word frequency (`spelling`). Measured on the corpus:
bench/intake_accuracy.py.
"""

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import layout, reread, stamps
from .detect import check_pixels
from .errors import IntakeError
from .normalize import normalize
from .reread import Word
from .spelling import restore_marks
from .thai_digits import reread_digits

RENDER_DPI = 300
TARGET_DPI = 300
LANGUAGES = os.environ.get("PRASAN_OCR_LANGUAGES", "tha+eng")
PAGE_SEGMENTATION = int(os.environ.get("PRASAN_OCR_PSM", "7"))  # per line; see ocr_image
PAGE_TIMEOUT = 180  # seconds for one page; a stuck Tesseract must not hold a worker forever

NO_TESSERACT = "ไม่พบโปรแกรม OCR (tesseract) บนเครื่องแม่ข่าย จึงอ่านไฟล์สแกนไม่ได้ กรุณาแจ้งผู้ดูแลระบบ"
OCR_FAILED = "อ่านข้อความจากภาพสแกนไม่สำเร็จ กรุณาตรวจว่าไฟล์ไม่เสียและสแกนให้ชัดขึ้น"
OCR_TIMEOUT = "การอ่านภาพสแกนใช้เวลานานเกินกำหนด กรุณาสแกนใหม่ที่ความละเอียด 300 dpi"

Progress = Callable[[int, int], None]


@dataclass
class OcrOptions:
    languages: str = LANGUAGES
    psm: int = PAGE_SEGMENTATION
    digits: bool = True  # re-read Thai digits (and letter codes) from the image
    by_line: bool = True  # cut the page into lines first; False: Tesseract lays out the whole page


def tesseract() -> str:
    path = os.environ.get("PRASAN_TESSERACT") or shutil.which("tesseract")
    if not path:
        raise IntakeError(NO_TESSERACT, "no_ocr")
    return path


@dataclass
class Reading:
    """A page's text, and for each of its lines Tesseract's words with their confidences (`reread.Word`)."""

    text: str
    lines: list[list[Word]]


STAMP_CONF = 90.0  # a stamp read as one of the six marks (stamps.nearest_mark) is as sure as a clear letter


def ocr_image(image, options: OcrOptions | None = None) -> str:
    return read_image(image, options).text


def read_image(image, options: OcrOptions | None = None) -> Reading:
    """One page image (PIL) → text, with Tesseract's confidence in each letter.

    The page is cleaned and cut into lines (`layout`), and each line is read as a single line
    (`--psm 7`), which keeps Thai marks with their letters. The lines go to Tesseract in two
    batches run at once, one thread each: its own threading is slower on two cores. Lines it was
    unsure of are read again with the Thai model alone (`reread`).
    """
    options = options or OcrOptions()
    check_pixels(image.size)
    image, stamp_crops = stamps.split_red(image)  # red rubber stamps, read apart from the page
    marks = stamps.read_stamps(stamp_crops, tesseract()) if stamp_crops else []
    mark_lines = [[Word(mark, 0, 0, 0, 0, STAMP_CONF)] for mark in marks]
    page = layout.clean(_prepare(image))
    if not options.by_line:
        return Reading("\n".join([*marks, _whole_page(page, options)]), [])
    strips = layout.find_lines(page)
    if not strips:
        return Reading("", [])
    crops = [layout.erase_leaders(layout.strip_image(page, strip)) for strip in strips]
    with tempfile.TemporaryDirectory(prefix="prasan-ocr-") as tmp:
        results = _read_batches(Path(tmp), crops, options.languages, options.psm)
        again = [i for i, (_, tsv) in enumerate(results) if reread.unsure(reread.words(tsv))]
        if again and options.languages != "tha":
            second = _read_batches(Path(tmp) / "again", [crops[i] for i in again], "tha", options.psm)
            for index, reading in zip(again, second, strict=True):
                results[index] = reread.better(results[index], reading)
    texts: list[str] = []
    confidences: list[list[Word]] = []
    for crop, (text, tsv) in zip(crops, results, strict=True):
        text = " ".join(text.split())
        doubted: list = []
        text = reread_digits(crop, text, tsv, doubted) if options.digits else text  # (it matches the TSV to the text)
        text, line = reread.drop_specks(text, reread.doubt(reread.words(tsv), doubted))
        if reread.noise(line):  # the garuda, a logo, a smudge: nothing Tesseract would vouch for
            text, line = "", []
        texts.append(restore_marks(normalize(tidy_line(text))))
        confidences.append(line)
    texts = indent_lines(texts, [words_of(tsv) for _, tsv in results])
    out, lines = list(marks), list(mark_lines)  # the stamps' marks head the text, where a typed mark would stand
    for index, (strip, text) in enumerate(zip(strips, texts, strict=True)):
        if index and strip.gap_before >= 0.8:
            out.append("")
            lines.append([])
        out.append(text)
        lines.append(confidences[index])
    return Reading("\n".join(out), lines)


def _read_batches(base: Path, crops: list, languages: str, psm: int) -> list[tuple[str, str]]:
    """Each crop's (text, TSV), read in two batches at once, one per core."""
    base.mkdir(parents=True, exist_ok=True)
    half = (len(crops) + 1) // 2
    jobs = [_start(base / "a", crops[:half], languages, psm), _start(base / "b", crops[half:], languages, psm)]
    try:
        return _finish(jobs[0]) + _finish(jobs[1])
    finally:  # if one batch failed, do not leave the other running
        for job in jobs:
            if job and job[2].poll() is None:
                job[2].kill()
                job[2].wait()


def words_of(tsv: str) -> list[tuple[str, int, int]]:
    """Tesseract's words on one line: (text, left, right) in page pixels, left to right."""
    words = []
    for row in tsv.split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            left, width = int(cols[6]), int(cols[8])
            words.append((cols[11].strip(), left, left + width))
    return sorted(words, key=lambda w: w[1])


_MARK_CHARS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def indent_lines(texts: list[str], words: list[list[tuple[str, int, int]]]) -> list[str]:
    """Each line with leading spaces for where it starts on the page, and a column gap where its words
    leave one, in units of the page's average character width — the layout `fields/header.py` reads."""
    chars = sum(len(_MARK_CHARS.sub("", w[0])) for line in words for w in line)
    ink = sum(w[2] - w[1] for line in words for w in line)
    starts = [line[0][1] for line in words if len(line) >= 3]
    if not chars or not starts:
        return texts
    unit = max(ink / chars, 1.0)
    margin = min(starts)
    out = []
    for text, line in zip(texts, words, strict=True):
        if not line or not text:
            out.append(text)
            continue
        indent = max(round((line[0][1] - margin) / unit), 0)
        tokens = text.split(" ")
        if len(tokens) == len(line) and len(line) > 1:  # the same words: put the widest gap back
            gaps = [(line[i + 1][1] - line[i][2], i) for i in range(len(line) - 1)]
            gap, at = max(gaps)
            if gap > 3 * unit:
                columns = round((line[at + 1][1] - margin) / unit) - indent - len(" ".join(tokens[: at + 1]))
                text = " ".join(tokens[: at + 1]) + " " * max(columns, 2) + " ".join(tokens[at + 1:])
        out.append(" " * indent + text)
    return out


_JUNK = re.compile(r"^(?:[|;:'\"`~_,\-—–!°©®*^<>=+]+|[.,]{1,2})$")  # `....` (พ.ศ. ....) stays
_THAI = re.compile(r"[\u0e01-\u0e4e]")


# Tesseract's `tha+eng` reads the label โทร. in Sarabun as Latin (seen: `Ins.`, `lns.`): before a phone
# number it can only be โทร.
_PHONE_LABEL_MISREAD = re.compile(r"^(?:[Il1|]ns|Tns|Ins)\.?(?=\s*[0-9๐-๙])")
# ฯ (paiyannoi) ends an abbreviated name (กรุงเทพฯ), never a number: after a digit it is a speck (๒๗ฯ)
_PAIYANNOI_AFTER_DIGIT = re.compile("(?<=[0-9๐-๙])ฯ")
_SLASH_BEFORE_BRACKET = re.compile(r"(?<=[0-9๐-๙])/(?=\))")  # (ฉบับที่ ๓/): no number ends in a slash
_DOUBLED_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")  # น้้า: one mark read twice


def tidy_line(text: str) -> str:
    """Drop the specks OCR reads at a line's ends: lone punctuation, stray Latin letters on a Thai line
    (`(นายวิทยา ศรีสุข) es`, `ด่วนที่สุด ;`) and lone Thai letters (`ย ที่ ๑๒๓/๒๕๖๙ ย`)."""
    text = _PAIYANNOI_AFTER_DIGIT.sub("", _PHONE_LABEL_MISREAD.sub("โทร.", text.strip()))
    text = _SLASH_BEFORE_BRACKET.sub("", _DOUBLED_MARK.sub(r"\1", text))
    tokens = text.split()
    thai = len(_THAI.findall(text)) >= 0.6 * max(len(text.replace(" ", "")), 1)

    def junk(token: str) -> bool:
        return bool(_JUNK.match(token)) or (thai and token.isascii() and token.isalpha() and len(token) <= 2) or (
            len(tokens) > 1 and len(token) == 1 and "\u0e01" <= token <= "\u0e2e" and token != "ณ")

    while tokens and junk(tokens[-1]):
        tokens.pop()
    while tokens and junk(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)


def _whole_page(page, options: OcrOptions) -> str:
    """Tesseract's own page layout (`--psm 4` or `6`), kept to measure against reading by line."""
    with tempfile.TemporaryDirectory(prefix="prasan-ocr-") as tmp:
        [(text, tsv)] = _finish(_start(Path(tmp) / "page", [page], options.languages, options.psm))
    if options.digits:
        text = reread_digits(page, text, tsv)
    return "\n".join(restore_marks(normalize(tidy_line(line))) for line in text.split("\n"))


def _start(base: Path, images: list, languages: str, psm: int):
    """Start Tesseract on a batch of images (a list file: one process, the model loaded once)."""
    if not images:
        return None
    base.mkdir()
    paths = []
    for number, image in enumerate(images):
        path = base / f"{number:04d}.png"
        image.save(path, dpi=(TARGET_DPI, TARGET_DPI))
        paths.append(str(path))
    listing = base / "list.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    command = [tesseract(), str(listing), str(base / "out"), "-l", languages, "--psm", str(psm), "txt", "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return base, len(images), process


def _finish(job) -> list[tuple[str, str]]:
    """Each image's (text, TSV) once its batch is done."""
    if job is None:
        return []
    base, count, process = job
    try:
        _, errors = process.communicate(timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.communicate()
        raise IntakeError(OCR_TIMEOUT, "ocr_timeout") from exc
    if process.returncode != 0:
        raise IntakeError(OCR_FAILED, "ocr_failed")
    texts = (base / "out.txt").read_text(encoding="utf-8").split("\f")
    rows = (base / "out.tsv").read_text(encoding="utf-8").split("\n")
    header, body = rows[0], rows[1:]
    by_page: dict[int, list[str]] = {}
    for row in body:
        cols = row.split("\t")
        if len(cols) >= 12:
            by_page.setdefault(int(cols[1]), []).append(row)
    texts += [""] * (count - len(texts))
    return [(texts[i], "\n".join([header, *by_page.get(i + 1, [])])) for i in range(count)]


def _prepare(image):
    """Grayscale, at about 300 dpi: Thai marks are small, and Tesseract reads them best there."""
    from PIL import Image

    check_pixels(image.size)
    if image.mode not in ("L", "1"):
        image = image.convert("L")
    elif image.mode == "1":
        image = image.convert("L")
    dpi = image.info.get("dpi", (0, 0))[0] or 0
    if 0 < dpi < TARGET_DPI * 0.8:
        scale = TARGET_DPI / dpi
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
        image.info["dpi"] = (TARGET_DPI, TARGET_DPI)
    return image


def image_frames(data: bytes) -> Iterator:
    """Each page of an image file (TIFF may hold several)."""
    import io

    from PIL import Image, ImageSequence

    with Image.open(io.BytesIO(data)) as image:
        dpi = image.info.get("dpi")
        for frame in ImageSequence.Iterator(image):
            page = frame.copy()
            if dpi:
                page.info["dpi"] = dpi
            yield page


def pdf_page_image(data: bytes, index: int):
    """The page at RENDER_DPI, or at less if its box is large (detect.render_dpi, asked before rendering)."""
    import pypdfium2 as pdfium

    from .detect import render_dpi

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        dpi = render_dpi(page.get_size(), index + 1, RENDER_DPI)
        bitmap = page.render(scale=dpi / 72)  # in colour: red stamps are read apart (stamps.py)
        image = bitmap.to_pil()
        image.info["dpi"] = (round(dpi), round(dpi))
        return image
    finally:
        document.close()


def ocr_pages(images: list, progress: Progress | None = None, options: OcrOptions | None = None) -> list[Reading]:
    texts = []
    for number, image in enumerate(images, start=1):
        texts.append(read_image(image, options))
        if progress:
            progress(number, len(images))
    return texts
