"""A visit's facilitation matter with what a pack is made of: a drafted memo, an agency's answer with a PDF, a Word
file, a picture and a text file; and a secret matter the coordinator may not see."""

import hashlib
import io
import re
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from prasan.matters.models import MatterFile
from tests.documents.conftest import sample

THAI = "น้ำท่วมที่จังหวัดขอนแก่น ผู้ใหญ่บ้านนำทีมสำรวจความเสียหาย กำหนดการตรวจราชการของรัฐมนตรี"


def pdf_of(text: str, pages: int = 1) -> bytes:
    from prasan.documents.render.pdf import html_to_pdf

    body = "".join(f'<p style="break-after:page">{text} หน้า {n}</p>' for n in range(1, pages + 1))
    return html_to_pdf(f'<html lang="th"><body style="font-family:Sarabun;font-size:16pt">{body}</body></html>')


def docx_of(text: str, paragraphs: int = 3) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("บันทึกประกอบการตรวจราชการ", level=1)
    for n in range(paragraphs):
        document.add_paragraph(f"{n + 1}. {text}")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "โรงเรียน", "จำนวนนักเรียน"
    table.cell(1, 0).text, table.cell(1, 1).text = "บ้านหนองน้ำใส", "๑๒๐"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def png_of() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 500), "white")
    ImageDraw.Draw(image).rectangle((50, 50, 750, 450), outline="navy", width=8)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def attach(matter, name: str, data: bytes, content_type: str, **links) -> MatterFile:
    digest = hashlib.sha256(data).hexdigest()
    row = MatterFile(matter=matter, name=name, sha256=digest, size=len(data), content_type=content_type, **links)
    row.file.save(f"{digest[:16]}-{name}", ContentFile(data), save=False)
    row.save()
    return row


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def visit(make_matter, users, agencies):
    """The facilitation matter of the minister's visit to Khon Kaen, with its parts."""
    matter = make_matter(title="การตรวจราชการของรัฐมนตรีที่จังหวัดขอนแก่น", kind="facilitation",
                         duty_type="other")
    Document.objects.create(matter=matter, form="office_memo", title="บันทึกเสนอกำหนดการตรวจราชการ",
                            fields=sample("office_memo"), created_by=users["coordinator"])
    request = AgencyRequest.objects.create(
        matter=matter, agency=agencies[0], deliverable="ข้อมูลโรงเรียนที่ได้รับผลกระทบจากน้ำท่วม",
        deadline=timezone.localdate(), status=AgencyRequest.Status.ANSWERED, answered_at=timezone.now(),
        answer=f"{THAI} สพฐ. ขอเรียนว่าโรงเรียนได้รับความเสียหาย ๑๒ แห่ง", answered_by_name="สมชาย ใจดี")
    attach(matter, "schools.pdf", pdf_of("รายชื่อโรงเรียนที่ได้รับผลกระทบ", 3), "application/pdf",
           kind="answer", agency_request=request)
    attach(matter, "briefing-notes.docx", docx_of(THAI), DOCX_TYPE)
    attach(matter, "map.png", png_of(), "image/png")
    attach(matter, "note.txt", f"{THAI}\nบรรทัดที่สอง".encode(), "text/plain")
    return matter


@pytest.fixture
def secret_matter(make_matter, users):
    """ลับมาก, the group head's unit's, assigned to nobody the coordinator can stand in for."""
    return make_matter(title="ข้อมูลการสอบสวนวินัยผู้บริหารสถานศึกษา", secrecy=2, assignees=[users["grouphead"]])


def outline(reader) -> list[tuple[str, int, int]]:
    """(title, 1-based page, depth) of every bookmark."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1, depth))

    walk(reader.outline, 0)
    return found


def page_text(pdf: bytes, page: int, *, layout: bool = False) -> str:
    flags = ["-layout"] if layout else []
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                          capture_output=True, check=True)
    return done.stdout.decode()


def contents_rows(text: str) -> list[tuple[int, int]]:
    """(part number, page) read back from the contents page's text (each row begins with its number and ends
    with its page)."""
    from prasan.thai.digits import to_arabic

    rows = []
    for line in to_arabic(text).splitlines():
        match = re.match(r"^\s*(\d+)\s+.*?\s(\d+)\s*$", line)
        if match:
            rows.append((int(match.group(1)), int(match.group(2))))
    return rows
