"""Shared helpers for the documents tests: the sample field files and text extraction."""

import json
import re
import subprocess
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
FORM_CODES = ("summary_note", "office_memo", "ps_memo", "external_letter", "internal_memo",
              "stamp_letter", "circular", "order", "announcement", "question_answer", "speaking_brief")


def sample(code: str) -> dict:
    return json.loads((SAMPLES / f"{code}.json").read_text(encoding="utf-8"))


def pdf_text(pdf: bytes, *, first: int | None = None, last: int | None = None,
             layout: bool = False, width_pt: int | None = None) -> str:
    """pdftotext (poppler), the tool offices' search and copy/paste behave like; ``layout`` keeps
    each printed line together (the page number's dashes); ``width_pt`` reads only the page's
    left part (a column beside the body would interleave with it)."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if width_pt:
        args += ["-x", "0", "-y", "0", "-W", str(width_pt), "-H", "842"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Line breaks and spaces differ between source and layout; compare without them."""
    return re.sub(r"\s+", "", text)
