"""Does the Thai text of Prasan's PDFs come back? Before (WeasyPrint's own text layer) and after.

Renders a corpus (every tone mark on every vowel position, ำ after each tone, ฤ ฦ ฤๅ, ฐ ญ with
lower vowels, real paragraphs of the seed, Thai digits, a bold run, a table) through
prasan.documents.render.pdf.html_to_pdf, extracts the text with `pdftotext` (plain and -layout)
and pypdfium2, and prints the share of source characters given back in order: difflib
SequenceMatcher on the texts with whitespace removed, matched characters / source characters.
Also: pixel differences between the pages before and after (pdftoppm), and render time of a
one-page document (median of warm runs).

    .venv/bin/python bench/pdf_text.py [--runs 20] [--seed PATH]
"""

import argparse
import difflib
import html
import io
import re
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from prasan.documents.render.pdf import html_to_pdf

SEED = Path("/work/shared/seeds/000_2d9a64d99dd5da09.txt")
TARGET = 0.995

WORDS = (
    "บ่ ป้ ฟ๊ ป๋ ปิ่ น้ำ กำ ทำ ค่ำ ต่ำ ซ้ำ ล้ำ ผู้ ปู่ ญี่ ฐาน ฎีกา ฏ ที่ ชื่อ เกื้อ ใหญ่ ไม้ "
    "หนังสือราชการ สำนักงานรัฐมนตรี พฤศจิกายน ฤๅษี ฦๅ ฤดู ฤทธิ์ ฦๅสาย"
)
DIGITS = "ที่ ศธ ๐๒๐๑/๑๒๓๔ ลงวันที่ ๒๕ พฤศจิกายน ๒๕๖๙ โทร. ๐ ๒๖๒๘ ๕๖๐๐ ต่อ ๑๒๓ ราคา ๑,๒๕๐.๕๐ บาท"


def syllables() -> str:
    """Each tone mark on each vowel position, on tall (ป ฟ ฝ ฬ) and plain (ก น) consonants."""
    out = []
    for base in "กนปฟฝฬ":
        for vowel in ("", "ั", "ิ", "ี", "ึ", "ื", "ุ", "ู"):
            out.append(" ".join(base + vowel + tone for tone in "่้๊๋"))
        out.append(" ".join(base + tone + "ำ" for tone in "่้๊๋") + f" {base}ำ {base}็ {base}ิ์")
    out.append("ฐุ ฐู ญุ ญู ฎุ ฏู ฤๅ ฦๅ ฤ ฦ")
    return " ".join(out)


def seed_paragraphs(path: Path, count: int = 14) -> list[str]:
    """Real paragraphs of the seed (its HTML/Markdown marks taken out), the long ones."""
    text = re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8"))
    text = text.replace("**", "").replace("\ufffd", "").replace("●", "\n")
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return [line for line in paragraphs if len(line) > 150][:count]


def corpus(seed: Path) -> list[tuple[str, str]]:
    """(kind, text) parts in reading order."""
    paragraphs = seed_paragraphs(seed)
    parts = [("p", WORDS), ("p", syllables()), ("p", DIGITS)]
    parts += [("p", text) for text in paragraphs[:3]]
    parts += [("b", WORDS), ("b", paragraphs[3] if len(paragraphs) > 3 else WORDS)]
    rows = [
        ("ลำดับ", "เรื่อง", "หน่วยงานที่รับผิดชอบ"),
        ("๑", "ขอความอนุเคราะห์ข้อมูลน้ำท่วม", "กรมทรัพยากรน้ำ"),
        ("๒", "กำหนดการประชุมคณะทำงาน", "สำนักงานรัฐมนตรี"),
        ("๓", "ผู้ใหญ่บ้านร้องเรียนเรื่องถนนชำรุด", "กรมทางหลวงชนบท"),
    ]
    parts += [("tr", row) for row in rows]
    parts += [("p", text) for text in paragraphs[4:]]
    return parts


def document(parts: list[tuple[str, object]]) -> tuple[str, str]:
    """(HTML, source text) of the corpus."""
    body, source, table = [], [], []
    for kind, text in parts:
        if kind == "tr":
            table.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in text) + "</tr>")
            source.extend(text)
            continue
        if table:
            body.append("<table>" + "".join(table) + "</table>")
            table = []
        escaped = html.escape(text)
        body.append(f"<p><b>{escaped}</b></p>" if kind == "b" else f"<p>{escaped}</p>")
        source.append(text)
    if table:
        body.append("<table>" + "".join(table) + "</table>")
    page = (
        "<html lang='th'><head><style>@page { size: A4; margin: 2.5cm 2cm 2cm 3cm }"
        " body { font-family: Sarabun; font-size: 16pt; line-height: 1.4 }"
        " table { border-collapse: collapse } td { border: 1px solid black; padding: 2pt 6pt }"
        "</style></head><body>" + "".join(body) + "</body></html>"
    )
    return page, "\n".join(source)


def one_page() -> str:
    """A one-page memo-like document for timing."""
    paragraphs = seed_paragraphs(SEED, 3) if SEED.exists() else [WORDS] * 3
    return (
        "<html lang='th'><head><style>@page { size: A4; margin: 2.5cm 2cm 2cm 3cm }"
        " body { font-family: Sarabun; font-size: 16pt }</style></head><body>"
        "<h1 style='text-align:center;font-size:29pt'>บันทึกข้อความ</h1>"
        "<p><b>ส่วนราชการ</b> สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ โทร. ๐ ๒๖๒๘ ๕๖๐๐</p>"
        "<p><b>ที่</b> ศธ ๐๒๐๑/๑๒๓๔ <b>วันที่</b> ๒๕ พฤศจิกายน ๒๕๖๙</p>"
        "<p><b>เรื่อง</b> ขอความอนุเคราะห์ข้อมูลการบริหารจัดการน้ำ</p><p>เรียน รัฐมนตรี</p>"
        + "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
        + "<p style='text-align:center'>(นายประสาน ทำงานดี)<br>ผู้อำนวยการสำนักงานรัฐมนตรี</p>"
        "</body></html>"
    )


def given_back(source: str, extracted: str) -> float:
    """Share of the source's characters found in the extracted text, in order (whitespace ignored)."""
    a, b = "".join(source.split()), "".join(extracted.split())
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a)


def pdftotext(pdf: bytes, layout: bool) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + ["-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def pdfium_text(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pixel_difference(before: bytes, after: bytes) -> tuple[int, int, int]:
    """(pages, pixels differing as drawn by poppler, by pdfium) between the PDFs, at 100 dpi."""
    import pypdfium2
    from PIL import Image, ImageChops

    def differing(one: Image.Image, two: Image.Image) -> int:
        return sum(ImageChops.difference(one.convert("L"), two.convert("L")).histogram()[1:])

    with tempfile.TemporaryDirectory() as tmp:
        pngs = {}
        for name, pdf in (("before", before), ("after", after)):
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(pdf)
            subprocess.run(["pdftoppm", "-r", "100", "-png", path, Path(tmp) / name], check=True)
            pngs[name] = sorted(Path(tmp).glob(f"{name}-*.png"))
        poppler = sum(differing(Image.open(one), Image.open(two))
                      for one, two in zip(pngs["before"], pngs["after"], strict=True))
    documents = [pypdfium2.PdfDocument(pdf) for pdf in (before, after)]
    pdfium = sum(differing(one.render(scale=100 / 72).to_pil(), two.render(scale=100 / 72).to_pil())
                 for one, two in zip(*documents, strict=True))
    return len(pngs["before"]), poppler, pdfium


def median_ms(html_text: str, exact: bool, runs: int) -> tuple[float, float]:
    """(wall, CPU) median milliseconds of warm renders (CPU time is steadier on a busy machine)."""
    html_to_pdf(html_text, exact=exact)  # warm: fonts, GSUB maps, caches
    html_to_pdf(html_text, exact=exact)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        html_to_pdf(html_text, exact=exact)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=Path, default=SEED)
    options = parser.parse_args()

    page, source = document(corpus(options.seed))
    print(f"corpus: {len(''.join(source.split()))} characters (whitespace excluded)")
    pdfs = {}
    print(f"{'':8} {'pdftotext':>10} {'-layout':>10} {'pypdfium2':>10} {'PDF bytes':>10}")
    for label, exact in (("before", False), ("after", True)):
        pdf = pdfs[label] = html_to_pdf(page, exact=exact)
        scores = (
            given_back(source, pdftotext(pdf, layout=False)),
            given_back(source, pdftotext(pdf, layout=True)),
            given_back(source, pdfium_text(pdf)),
        )
        print(f"{label:8} " + " ".join(f"{score:10.2%}" for score in scores) + f" {len(pdf):10}")
    pages, poppler, pdfium = pixel_difference(pdfs["before"], pdfs["after"])
    print(f"pages: {pages}; pixels differing before/after at 100 dpi: poppler {poppler}, "
          f"pdfium {pdfium}")

    memo = one_page()
    pages = len(__import__("pypdfium2").PdfDocument(io.BytesIO(html_to_pdf(memo))))
    print(f"render, {pages}-page memo, median of {options.runs} warm runs (wall / CPU):")
    for label, exact in (("before", False), ("after", True)):
        wall, cpu = median_ms(memo, exact=exact, runs=options.runs)
        print(f"  {label:7} {wall:6.1f} ms / {cpu:6.1f} ms")
    last = given_back(source, pdftotext(pdfs["after"], layout=False))
    print("target ≥ 99.5%:", "met" if last >= TARGET else "NOT met")


if __name__ == "__main__":
    main()
