"""Page make-up as a head of office checks it before signing, measured on the rendered file: on
which page the signature block starts, and how many lines of the body stand above it there.

Shared by the tests (tests/documents/test_page_makeup.py) and the bench (bench/document_pages.py).
Reads PDFs with `pdftotext -layout` (poppler); a DOCX is measured on the PDF LibreOffice makes of
it (:func:`docx_to_pdfs`), since Word and LibreOffice decide its page breaks themselves.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from prasan.thai.linebreak import plain

_PAGE_NUMBER = re.compile(r"^-\s*[0-9๐-๙]+\s*-$")
MARKS = ("ลับที่สุด", "ลับมาก", "ลับ")
# The summary note's ตรวจเสนอ column stands right of 436 pt (3 cm margin + the 12.4 cm body column,
# forms/summary_note.py): its lines are not the body's.
MAIN_COLUMN_PT = {"summary_note": 436}


@dataclass(frozen=True)
class Makeup:
    pages: int
    signature_page: int  # 1-based; 0 if the block was not found
    body_lines: int  # lines of the body above the block on its page (all of them on page 1)

    @property
    def ok(self) -> bool:
        return self.signature_page == 1 or self.body_lines >= 2


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", plain(text))


def page_texts(pdf: bytes, width_pt: int | None = None) -> list[str]:
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if width_pt:
        args += ["-x", "0", "-y", "0", "-W", str(width_pt), "-H", "842"]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1] or [""]


def signature_start(code: str, ctx: dict) -> str:
    """The first line of the block that must not stand alone: the closing of a letter, "สั่ง/ประกาศ
    ณ วันที่", the issuing office of a stamp letter, else the signer's name in brackets."""
    if code in ("order", "announcement"):
        return ctx["given"]
    if code == "stamp_letter":
        return ctx["office"][0]
    if code == "summary_note":
        return f"({ctx['head_of_office']['name']})"
    if isinstance(ctx.get("closing"), str) and ctx["closing"]:
        return ctx["closing"]
    return f"({ctx['signer']['name']})"


def measure(pdf: bytes, code: str, start: str) -> Makeup:
    pages = page_texts(pdf, MAIN_COLUMN_PT.get(code))
    key = squeeze(start)
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for index, line in enumerate(lines):
            if squeeze(line).startswith(key[:20]) and key.startswith(squeeze(line)[:20]):
                above = [ln for ln in lines[:index] if not running(ln)]
                return Makeup(len(pages), number, len(above))
    return Makeup(len(pages), 0, 0)


def running(line: str) -> bool:
    """Page number and secrecy marks: printed in the running head, not the body."""
    words = line.split()
    return bool(_PAGE_NUMBER.match(re.sub(r"\s+", " ", line))) or (
        bool(words) and all(word in MARKS or _PAGE_NUMBER.match(word) for word in words))


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdfs(docs: dict[str, bytes], *, timeout: int = 600) -> dict[str, bytes]:
    """PDFs of the DOCX files (name → bytes), converted by LibreOffice headless in one run with a
    profile of its own (concurrent runs would share and lock the default one)."""
    program = libreoffice()
    if program is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="prasan-lo-") as tmp:
        folder = Path(tmp)
        for name, content in docs.items():
            (folder / f"{name}.docx").write_bytes(content)
        profile = (folder / "profile").as_uri()
        subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder / "out"),
             *[str(folder / f"{name}.docx") for name in docs]],
            capture_output=True, check=True, timeout=timeout,
            env={**os.environ, "HOME": tmp})
        return {name: (folder / "out" / f"{name}.pdf").read_bytes() for name in docs}


# Clauses of about half a line each, from the office's own wording, to grow a body line by line.
_CLAUSES = (
    "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานได้สำรวจข้อมูล",
    "อัตรากำลังครูในสถานศึกษาทุกแห่งทั่วประเทศ",
    "พบว่ามีโรงเรียนที่มีครูต่ำกว่าเกณฑ์จำนวนมาก",
    "จึงขอความเห็นชอบการจัดสรรอัตราครูผู้ช่วย",
    "ให้แก่โรงเรียนขนาดเล็กในพื้นที่ห่างไกล",
    "ตามหลักเกณฑ์ที่คณะกรรมการข้าราชการครูกำหนด",
    "โดยจัดลำดับความสำคัญตามความขาดแคลน",
    "และรายงานผลการดำเนินการภายในเวลาที่กำหนด",
)
# Which field holds the growing body, per form.
GROWING = {"office_memo": "facts", "ps_memo": "facts", "summary_note": "considerations",
           "question_answer": "answers", "speaking_brief": "follow_ups"}
# Grown as one text of several paragraphs (the answer to a question's one question, the note's part).
JOINED = {"summary_note", "question_answer"}


def body_of(units: int) -> list[str]:
    """``units`` half-lines of body text, in paragraphs of up to eight (four lines)."""
    clauses = [_CLAUSES[n % len(_CLAUSES)] for n in range(units)]
    return [" ".join(clauses[i:i + 8]) for i in range(0, len(clauses), 8)]


def grown(code: str, data: dict, units: int) -> dict:
    """``data`` with its body replaced by one of ``units`` half-lines."""
    field = GROWING.get(code, "body")
    paragraphs = body_of(units)
    return data | {field: "\n".join(paragraphs) if code in JOINED else paragraphs}
