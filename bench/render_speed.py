"""How fast the office's forms render, and whether the words come back out of PDF and DOCX.

For each form, with its sample fields (docs/samples/<form>.json): median and 90th percentile of
warm renders (after two untimed ones), wall and CPU time, PDF (template → WeasyPrint, with the
exact Thai text layer, and without it for comparison) and DOCX (render_docx). Targets: PDF ≤ 150 ms,
DOCX ≤ 30 ms (median, warm). Pages of the PDF and of the DOCX as LibreOffice headless lays it out
(they must be equal; `make bench-setup` installs LibreOffice).

Text checks, against the strings the form prints (the context both renderers share):
- DOCX: every printed line is found verbatim in python-docx's paragraph text (body, tables,
  headers, footers);
- PDF: pdftotext (-layout; whitespace removed on both sides; the summary note read whole for its
  head, then its two columns one at a time) gives back each printed line; the share of source characters found (a line not
  found verbatim counts the characters of its longest in-order match).

    .venv/bin/python bench/render_speed.py [--runs 15] [--forms office_memo ps_memo]
"""

import argparse
import difflib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")

import django  # noqa: E402

django.setup()

import pypdfium2 as pdfium  # noqa: E402
from docx import Document  # noqa: E402

from prasan.documents.forms import FORMS, get_form  # noqa: E402
from prasan.documents.forms.base import Printer  # noqa: E402
from prasan.documents.render import pagination  # noqa: E402
from prasan.documents.render.docx import render_docx  # noqa: E402
from prasan.documents.render.html import render_html, render_pdf  # noqa: E402
from prasan.documents.render.pdf import html_to_pdf  # noqa: E402
from prasan.thai.linebreak import plain  # noqa: E402

SAMPLES = ROOT / "docs" / "samples"
# The summary note's ตรวจเสนอ column stands beside the body (pdftotext would interleave the two)
# under a head across the whole width: the page is read whole (the head), then each column alone.
_BODY_PT = pagination.MAIN_COLUMN_PT["summary_note"]
COLUMNS = {"summary_note": [(0, 595), (0, _BODY_PT), (_BODY_PT + 1, 595 - _BODY_PT - 1)]}
PDF_TARGET_MS, DOCX_TARGET_MS = 150, 30


def timed(fn, runs: int) -> tuple[float, float, float]:
    """Median and 90th percentile wall time, and median CPU time of this process (ms). On a busy
    machine the CPU time is what an idle one's wall time would be (rendering is single-threaded)."""
    fn()
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    wall.sort()
    return statistics.median(wall), wall[int(0.9 * (len(wall) - 1))], statistics.median(cpu)


def printed_lines(ctx) -> list[str]:
    if isinstance(ctx, str):
        return [line for line in ctx.splitlines() if line.strip()]
    if isinstance(ctx, dict):
        return [line for value in ctx.values() for line in printed_lines(value)]
    if isinstance(ctx, list | tuple):
        return [line for value in ctx for line in printed_lines(value)]
    return []


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [p.text for t in document.tables for row in t.rows for c in row.cells
              for p in c.paragraphs]
    section = document.sections[0]
    for story in (section.header, section.first_page_header, section.footer):
        parts += [p.text for p in story.paragraphs]
    return "\n".join(parts)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", plain(text))  # the line-break marks (U+200B) are not printed


def pdf_share(pdf: bytes, lines: list[str], columns=None) -> tuple[float, list[str]]:
    text = ""
    for left, width in columns or [(0, 595)]:  # points on A4; each column read on its own
        crop = ["-x", str(left), "-y", "0", "-W", str(width), "-H", "842"]
        done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", *crop, "-", "-"],
                              input=pdf, capture_output=True, check=True)
        # Running heads (page number, secrecy marks) interrupt a paragraph split across pages.
        lines = done.stdout.decode("utf-8").splitlines()
        text += squeeze("\n".join(line for line in lines if not pagination.running(line)))
    total = found = 0
    missing = []
    for line in lines:
        if pagination.running(line):  # marks and page numbers: checked by the tests, not here
            continue
        line = squeeze(line)
        total += len(line)
        if line in text:
            found += len(line)
        else:
            missing.append(line)
            matcher = difflib.SequenceMatcher(None, line, text, autojunk=False)
            found += max(block.size for block in matcher.get_matching_blocks())
    return found / total, missing


def docx_pages(forms: list[str]) -> dict[str, int]:
    """Pages of each sample's DOCX as LibreOffice headless lays it out (`make bench-setup`
    installs it); {} if it is not installed."""
    if pagination.libreoffice() is None:
        print("LibreOffice is not installed: no DOCX page count (make bench-setup)")
        return {}
    docs = {code: render_docx(code, json.loads((SAMPLES / f"{code}.json").read_text("utf-8")))
            for code in forms}
    return {code: len(pdfium.PdfDocument(pdf))
            for code, pdf in pagination.docx_to_pdfs(docs).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--forms", nargs="*", default=sorted(FORMS))
    parser.add_argument("--no-libreoffice", action="store_true",
                        help="skip the DOCX page count (LibreOffice headless)")
    args = parser.parse_args()
    lo_pages = {} if args.no_libreoffice else docx_pages(args.forms)

    print(f"{'form':16} {'pdf ms':>7} {'p90':>5} {'cpu':>5} {'no-fix':>7} {'docx ms':>8} {'p90':>5}"
          f" {'cpu':>5} {'pages':>5} {'docx pg':>7} {'pdf text':>9} {'docx text':>10}")
    pdf_medians, docx_medians = [], []
    for code in args.forms:
        data = json.loads((SAMPLES / f"{code}.json").read_text(encoding="utf-8"))
        spec = get_form(code)
        lines = [line for line in printed_lines(spec.printed(spec.clean(data), Printer()))
                 if line != spec.title]
        html = render_html(code, data, external_css=True)
        pdf_ms, pdf_p90, pdf_cpu = timed(lambda: render_pdf(code, data), args.runs)  # noqa: B023
        _, _, raw_cpu = timed(lambda: html_to_pdf(html, exact=False, print_css=True),  # noqa: B023
                              max(5, args.runs // 3))
        docx_ms, docx_p90, docx_cpu = timed(lambda: render_docx(code, data), args.runs)  # noqa: B023
        pdf = html_to_pdf(html, print_css=True)
        pages = len(pdfium.PdfDocument(pdf))
        share, pdf_missing = pdf_share(pdf, lines, COLUMNS.get(code))
        text = docx_text(render_docx(code, data))
        docx_missing = [line for line in lines if line not in text]
        pdf_medians.append((pdf_ms, pdf_cpu))
        docx_medians.append((docx_ms, docx_cpu))
        print(f"{code:16} {pdf_ms:7.0f} {pdf_p90:5.0f} {pdf_cpu:5.0f} {raw_cpu:7.0f} {docx_ms:8.1f}"
              f" {docx_p90:5.1f} {docx_cpu:5.1f} {pages:5d} {lo_pages.get(code, '-')!s:>7}"
              f" {share:8.2%}"
              f" {len(lines) - len(docx_missing):4d}/{len(lines):<4d}")
        for line in docx_missing:
            print(f"    DOCX lacks: {line}")
        for line in pdf_missing:
            print(f"    PDF lacks verbatim: {line}")
    worst_pdf = max(pdf_medians, key=lambda m: m[1])
    worst_docx = max(docx_medians, key=lambda m: m[1])
    print(f"\nslowest form (median): PDF {worst_pdf[0]:.0f} ms wall / {worst_pdf[1]:.0f} ms CPU "
          f"(target ≤ {PDF_TARGET_MS}), DOCX {worst_docx[0]:.1f} ms wall / {worst_docx[1]:.1f} ms "
          f"CPU (target ≤ {DOCX_TARGET_MS}); load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs. 'no-fix' = PDF CPU ms without the exact Thai text layer.")


if __name__ == "__main__":
    main()
