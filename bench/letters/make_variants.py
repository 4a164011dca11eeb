"""Make the corpus's other forms from its .txt letters: DOCX, PDF with a text layer, and 200-dpi scans.

    .venv/bin/python bench/letters/make_variants.py [--out var/bench-letters] [--only NAME ...]

Each letter's lines are laid out as typed (leading spaces are indentation) on A4 with the
regulation's margins (left 3 cm, right 2 cm) in Sarabun 16 pt, smaller if a line or the page
would overflow. Scans are rendered with Pillow (libraqm shapes Thai; without it, WeasyPrint →
pdftoppm), lightly degraded like a office scanner (a fraction of a degree of skew, blur, speckle),
and saved by turns as PNG, scanned PDF, JPEG and TIFF. Output is git-ignored.
"""

import argparse
import html
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LETTERS = Path(__file__).resolve().parent
FONT = ROOT / "prasan/static/fonts/Sarabun-Regular.ttf"
SCAN_DPI = 200
PAGE_W_CM, PAGE_H_CM = 21.0, 29.7
LEFT_CM, RIGHT_CM, TOP_CM, BOTTOM_CM = 3.0, 2.0, 2.0, 2.0
LINE_SPACING = 1.45
SCAN_FORMATS = ("png", "pdf", "jpg", "tif")


def letters(only: list[str] | None = None) -> list[Path]:
    found = sorted(LETTERS.glob("*.txt")) + sorted((LETTERS / "heldout").glob("*.txt"))
    return [p for p in found if not only or p.stem in only]


def layout_size(lines: list[str]) -> float:
    """The largest point size ≤ 16 at which every line fits the width and the letter fits one page."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONT), 100)
    widest = max((font.getlength(line) for line in lines if line.strip()), default=1) / 100  # in em
    usable_w_pt = (PAGE_W_CM - LEFT_CM - RIGHT_CM) / 2.54 * 72
    usable_h_pt = (PAGE_H_CM - TOP_CM - BOTTOM_CM) / 2.54 * 72
    by_width = usable_w_pt / widest
    by_height = usable_h_pt / (len(lines) * LINE_SPACING)
    return max(min(16.0, by_width, by_height), 11.0)


def make_docx(lines: list[str], path: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_W_CM), Cm(PAGE_H_CM)
    section.left_margin, section.right_margin = Cm(LEFT_CM), Cm(RIGHT_CM)
    section.top_margin, section.bottom_margin = Cm(TOP_CM), Cm(BOTTOM_CM)
    size = Pt(layout_size(lines))

    def style_run(run):
        run.font.name = "Sarabun"
        run.font.size = size
        fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), "Sarabun")
        size_cs = run._element.get_or_add_rPr().find(qn("w:szCs"))
        if size_cs is None:
            size_cs = run._element.get_or_add_rPr().makeelement(qn("w:szCs"), {})
            run._element.get_or_add_rPr().append(size_cs)
        size_cs.set(qn("w:val"), str(int(size.pt * 2)))

    for line in lines:
        # a memo's `ที่ … วันที่ …` header goes in a two-cell table, as many offices' templates do
        if line.lstrip().startswith("ที่") and "วันที่" in line and line.index("วันที่") > 8:
            cut = line.index("วันที่")
            table = document.add_table(rows=1, cols=2)
            for cell, text in zip(table.rows[0].cells, (line[:cut].strip(), line[cut:].strip()), strict=True):
                style_run(cell.paragraphs[0].add_run(text))
            continue
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        style_run(paragraph.add_run(line))
    document.save(path)


def _html(lines: list[str], size: float) -> str:
    rows = "\n".join(f"<div>{html.escape(line) or '&nbsp;'}</div>" for line in lines)
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Sarabun; src: url("{FONT.as_uri()}"); }}
@page {{ size: A4; margin: {TOP_CM}cm {RIGHT_CM}cm {BOTTOM_CM}cm {LEFT_CM}cm; }}
body {{ font-family: Sarabun; font-size: {size:.2f}pt; line-height: {LINE_SPACING}; margin: 0; }}
div {{ white-space: pre; }}
</style></head><body>{rows}</body></html>"""


def make_pdf(lines: list[str], path: Path, layout: str = "typed") -> None:
    import weasyprint

    page = _flowed_html(lines) if layout == "flowed" else _html(lines, layout_size(lines))
    weasyprint.HTML(string=page).write_pdf(path)


_LABEL = re.compile(r"^(?:เรื่อง|เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย|ถึง|ที่ |ส่วนราชการ)")


def _flowed_html(lines: list[str]) -> str:
    """Another office's template: a blank emblem box, the right-hand blocks set as blocks, and each body
    paragraph re-flowed and justified by the renderer (so its line breaks are not the typed ones), 15 pt,
    margins 2.5 / 1.5 cm."""
    blocks: list[tuple[str, str]] = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        text = html.escape(line.strip())
        if not text:
            blocks.append(("gap", ""))
        elif indent >= 24:
            blocks.append(("right", text))
        elif 15 <= indent < 24 and blocks and blocks[-1][0] == "line" and _LABEL.match(blocks[-1][1]):
            blocks[-1] = ("line", blocks[-1][1] + " " + text)  # an enclosure or subject that wraps
        elif 4 <= indent < 24 and not _LABEL.match(line.strip()):
            blocks.append(("para", text))
        elif blocks and blocks[-1][0] == "para" and indent == 0:
            blocks[-1] = ("para", blocks[-1][1] + text)  # Thai wraps between words without a space
        else:
            blocks.append(("line", text))
    body = "\n".join({"gap": '<div class="gap"></div>', "right": '<div class="right">{}</div>',
                       "para": '<p>{}</p>', "line": '<div>{}</div>'}[kind].format(text) for kind, text in blocks)
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Sarabun; src: url("{FONT.as_uri()}"); }}
@page {{ size: A4; margin: 1.5cm 1.5cm 1.5cm 2.5cm; }}
body {{ font-family: Sarabun; font-size: 15pt; line-height: 1.3; margin: 0; }}
.emblem {{ width: 2.5cm; height: 2.5cm; border: 1px solid #999; margin: 0 auto 0.3cm; }}
.right {{ margin-left: 52%; }} .gap {{ height: 0.4em; }}
p {{ text-indent: 2.5cm; text-align: justify; margin: 0; }}
</style></head><body><div class="emblem"></div>{body}</body></html>"""


def layout_of(letter: Path) -> str:
    """The parliament letters (p*, q*) alternate between the typed layout and another office's."""
    number = re.search(r"\d+", letter.stem)
    if letter.stem[0] in "pq" and number and int(number.group()) % 2 == 0:
        return "flowed"
    return "typed"


def render_pages(lines: list[str], dpi: int = SCAN_DPI):
    """The letter as page images (grayscale), as a scanner would see the printout."""
    from PIL import Image, ImageDraw, ImageFont, features

    if not features.check("raqm"):
        return _render_via_pdf(lines, dpi)
    size_pt = layout_size(lines)
    px = size_pt / 72 * dpi
    font = ImageFont.truetype(str(FONT), round(px), layout_engine=ImageFont.Layout.RAQM)
    width, height = round(PAGE_W_CM / 2.54 * dpi), round(PAGE_H_CM / 2.54 * dpi)
    left, top = round(LEFT_CM / 2.54 * dpi), round(TOP_CM / 2.54 * dpi)
    bottom = height - round(BOTTOM_CM / 2.54 * dpi)
    step = px * LINE_SPACING
    pages, y = [], None
    for line in lines:
        if y is None or y + step > bottom:
            pages.append(Image.new("L", (width, height), 255))
            draw, y = ImageDraw.Draw(pages[-1]), top
        indent = len(line) - len(line.lstrip(" "))
        x = left + font.getlength(" " * indent)
        draw.text((x, y), line.lstrip(" "), font=font, fill=0)
        y += step
    return pages


def _render_via_pdf(lines: list[str], dpi: int):
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "letter.pdf"
        make_pdf(lines, pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(Path(tmp) / "p")], check=True)
        return [Image.open(p).copy() for p in sorted(Path(tmp).glob("p*.png"))]


def degrade(page, seed: int):
    """A light office-scanner look: slight skew, softening, and speckle."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    page = page.rotate(rng.uniform(-0.4, 0.4), resample=Image.BICUBIC, fillcolor=255, expand=False)
    page = page.filter(ImageFilter.GaussianBlur(0.5))
    pixels = page.load()
    for _ in range(page.width * page.height // 2500):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        pixels[x, y] = rng.choice((0, 90, 255))
    return page


def save_scan(pages, path: Path) -> None:
    first, rest = pages[0], pages[1:]
    fmt = path.suffix.lstrip(".")
    if fmt == "pdf":
        first.save(path, "PDF", resolution=SCAN_DPI, save_all=True, append_images=rest)
    elif fmt == "tif":
        first.save(path, "TIFF", dpi=(SCAN_DPI, SCAN_DPI), compression="tiff_lzw", save_all=True, append_images=rest)
    elif len(pages) > 1:  # PNG and JPEG hold one page: stack them, as a phone "long scan" does
        from PIL import Image

        tall = Image.new("L", (first.width, sum(p.height for p in pages)), 255)
        for i, page in enumerate(pages):
            tall.paste(page, (0, i * first.height))
        _save_single(tall, path, fmt)
    else:
        _save_single(first, path, fmt)


def _save_single(image, path: Path, fmt: str) -> None:
    if fmt == "jpg":
        image.save(path, "JPEG", quality=85, dpi=(SCAN_DPI, SCAN_DPI))
    else:
        image.save(path, "PNG", dpi=(SCAN_DPI, SCAN_DPI))


def scan_path(out: Path, letter: Path, index: int) -> Path:
    return out / "scan" / f"{letter.stem}.{SCAN_FORMATS[index % len(SCAN_FORMATS)]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var/bench-letters")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)
    for sub in ("docx", "pdf", "scan"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    everything = letters()
    for letter in letters(args.only):
        index = everything.index(letter)
        lines = letter.read_text(encoding="utf-8").rstrip("\n").split("\n")
        make_docx(lines, args.out / "docx" / f"{letter.stem}.docx")
        make_pdf(lines, args.out / "pdf" / f"{letter.stem}.pdf", layout_of(letter))
        pages = [degrade(page, seed=index * 10 + n) for n, page in enumerate(render_pages(lines))]
        for old in (args.out / "scan").glob(f"{letter.stem}.*"):
            old.unlink()
        save_scan(pages, scan_path(args.out, letter, index))
        print(f"{letter.stem}: docx, pdf, scan ({len(pages)} หน้า)", file=sys.stderr)


if __name__ == "__main__":
    main()
