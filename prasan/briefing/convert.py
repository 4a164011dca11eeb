"""An attachment made into PDF pages for a pack: a PDF as it is, a Word file (DOCX) converted, an image placed on
an A4 page, plain text set in Sarabun. Run in the sandbox (prasan.sandbox): the files came from outside.

DOCX goes through LibreOffice when it is installed (its layout is Word's), else through python-docx → HTML →
WeasyPrint (paragraphs, headings, bold/italic/underline, alignment, tables; pictures inside the Word file are left
out and said so). Everything rendered here has the exact Thai text layer (documents/render/pdf.py).
No Django in here: the child process has none."""

from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from prasan.correspondence.intake.errors import IntakeError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ENCRYPTED = "ไฟล์ PDF “{}” ตั้งรหัสผ่านไว้ จึงใส่ในแฟ้มไม่ได้ กรุณาขอไฟล์ที่ไม่มีรหัสผ่าน"
UNREADABLE = "เปิดไฟล์ “{}” ไม่ได้ ไฟล์อาจเสียหรือไม่สมบูรณ์"
OFFICE_SECONDS = 120

PAGE_CSS = """
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
body { font-family: "Sarabun"; font-size: 16pt; line-height: 1.35; }
p { margin: 0 0 0.15cm; } h1, h2, h3 { margin: 0.3cm 0 0.15cm; } h1 { font-size: 20pt; } h2 { font-size: 18pt; }
h3 { font-size: 16pt; } table { border-collapse: collapse; width: 100%; margin: 0.2cm 0; }
td, th { border: 0.6pt solid #444; padding: 2pt 4pt; vertical-align: top; font-size: 14pt; }
.note { color: #555; font-size: 12pt; } pre { font-family: "Sarabun"; white-space: pre-wrap; margin: 0; }
.image-page { text-align: center; } .image-page img { max-width: 16cm; max-height: 23cm; }
.caption { font-size: 12pt; color: #333; margin-top: 0.2cm; }
"""


def file_to_pdf(source: str, content_type: str, name: str, target: str, use_office: bool = True,
                progress=None) -> int:
    """Write `source` (of `content_type`, shown as `name`) to `target` as PDF; return its page count."""
    path = Path(source)
    if content_type == "application/pdf":
        shutil.copyfile(path, target)
    elif content_type == DOCX:
        if not (use_office and office_to_pdf(path, Path(target))):
            Path(target).write_bytes(html_pdf(docx_html(path.read_bytes(), name)))
    elif content_type.startswith("image/"):
        Path(target).write_bytes(html_pdf(image_html(path, name, Path(target).parent)))
    elif content_type == "text/plain":
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        Path(target).write_bytes(html_pdf(_page(f"<pre>{html.escape(text)}</pre>", name)))
    else:
        raise IntakeError(f"ไฟล์ “{name}” เป็นชนิดที่ใส่ในแฟ้มไม่ได้", "unsupported")
    return pdf_pages(target, name)


def pdf_pages(path: str, name: str) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IntakeError(ENCRYPTED.format(name), "encrypted")
        pages = len(reader.pages)
    except IntakeError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IntakeError(UNREADABLE.format(name), "corrupt") from exc
    if pages == 0:
        raise IntakeError(UNREADABLE.format(name), "corrupt")
    return pages


def html_pdf(page: str) -> bytes:
    from prasan.documents.render.pdf import html_to_pdf

    return html_to_pdf(page)


def _page(body: str, title: str) -> str:
    return (f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{PAGE_CSS}</style></head><body>{body}</body></html>")


# -- Word -------------------------------------------------------------------------------------------------


def office_to_pdf(source: Path, target: Path) -> bool:
    """LibreOffice headless, if installed; False (and the HTML way is taken) when it is not or it fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    with tempfile.TemporaryDirectory(prefix="prasan-pack-office-") as work:
        work_path = Path(work)
        document = work_path / "part.docx"
        shutil.copyfile(source, document)
        profile = (work_path / "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", str(work_path), str(document)],
                           check=True, capture_output=True, timeout=OFFICE_SECONDS, env={**os.environ, "HOME": work})
        except (subprocess.SubprocessError, OSError):
            return False
        made = work_path / "part.pdf"
        if not made.exists() or made.stat().st_size == 0:
            return False
        shutil.copyfile(made, target)
    return True


def docx_html(data: bytes, name: str) -> str:
    """The Word file's body, in order, as HTML: paragraphs (headings, runs' bold/italic/underline, alignment) and
    tables (each cell's paragraphs)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from prasan.correspondence.intake.detect import check_docx

    try:
        check_docx(data)
    except IntakeError as error:
        raise IntakeError(f"ไฟล์ “{name}”: {error.message}", error.code) from error
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — python-docx raises many kinds on a broken file
        raise IntakeError(UNREADABLE.format(name), "corrupt") from exc
    out, pictures = [], 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            pictures += len(block.findall(".//{*}drawing"))
            out.append(_paragraph(paragraph))
        elif tag == "tbl":
            out.append(_table(Table(block, document)))
    if pictures:
        out.append(f'<p class="note">(ภาพในไฟล์ Word {pictures} ภาพไม่ได้นำมาแสดงในแฟ้มนี้ ดูได้จากไฟล์ต้นฉบับ)</p>')
    return _page("\n".join(out) or '<p class="note">(ไฟล์ Word นี้ไม่มีข้อความ)</p>', name)


_ALIGN = {"CENTER": "center", "RIGHT": "right", "JUSTIFY": "justify", "DISTRIBUTE": "justify"}


def _paragraph(paragraph) -> str:
    runs = []
    for run in paragraph.runs:
        text = html.escape(run.text)
        if not text:
            continue
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.underline:
            text = f"<u>{text}</u>"
        runs.append(text)
    body = "".join(runs) or "&nbsp;"
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    alignment = paragraph.alignment
    align = _ALIGN.get(getattr(alignment, "name", "") or "", "")
    attrs = f' style="text-align:{align}"' if align else ""
    if style.lower().startswith(("heading 1", "title")):
        return f"<h1{attrs}>{body}</h1>"
    if style.lower().startswith("heading 2"):
        return f"<h2{attrs}>{body}</h2>"
    if style.lower().startswith("heading"):
        return f"<h3{attrs}>{body}</h3>"
    return f"<p{attrs}>{body}</p>"


def _table(table) -> str:
    rows = []
    for row in table.rows:
        cells = "".join("<td>" + "".join(_paragraph(p) for p in cell.paragraphs) + "</td>" for cell in row.cells)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>{''.join(rows)}</table>"


# -- images -----------------------------------------------------------------------------------------------


def image_html(path: Path, name: str, folder: Path) -> str:
    """The picture (its first frame), checked for size, made a PNG or kept a JPEG, fitted into an A4 page."""
    from PIL import Image, UnidentifiedImageError

    from prasan.correspondence.intake.detect import check_pixels

    try:
        with Image.open(path) as image:
            check_pixels(image.size)
            if image.format == "JPEG":
                picture = folder / f"{path.stem}-picture.jpg"
                shutil.copyfile(path, picture)
            else:
                picture = folder / f"{path.stem}-picture.png"
                frame = image.convert("RGBA" if "A" in image.getbands() else "RGB")
                frame.save(picture, "PNG")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise IntakeError(UNREADABLE.format(name), "corrupt") from exc
    return _page(f'<div class="image-page"><img src="{picture.resolve().as_uri()}" alt="{html.escape(name)}">'
                 f'<p class="caption">{html.escape(name)}</p></div>', name)


def convert_all(jobs: list, use_office: bool = True, progress=None) -> list[dict]:
    """Each job [source, content type, name, target] → {"pages": n} or {"error": Thai message}: one file that
    cannot be read is told by name, the others still done (the pack then refuses with that part named)."""
    results = []
    for number, (source, content_type, name, target) in enumerate(jobs, start=1):
        try:
            results.append({"pages": file_to_pdf(source, content_type, name, target, use_office)})
        except IntakeError as error:
            results.append({"error": error.message})
        if progress:
            progress(number, len(jobs))
    return results
