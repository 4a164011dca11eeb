"""The office's Garuda emblem: uploaded in the office settings (admin), checked by its content, and
printed on every PDF and DOCX made from the pages at the regulation's sizes."""

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from prasan.audit.models import AuditEvent
from prasan.directory import emblem
from prasan.directory.models import Office
from prasan.documents import drafting
from tests.documents.conftest import sample

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "prasan" / "static" / "img"
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120">'
       '<title>ตราครุฑ</title><circle cx="50" cy="60" r="40" fill="#c00"/></svg>').encode()


def _png(width=300, height=360, colour=(200, 0, 0, 255)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), colour).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("data,message", [
    (b"", "ว่างเปล่า"),
    (b"GIF89a....", "ต้องเป็นไฟล์ PNG หรือ SVG"),
    (b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "PNG เสียหาย"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "<script>"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "คำสั่งทำงาน"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
     b"<image x:href='https://example.com/garuda.png'/></svg>", "ภายนอก"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill:url(http://evil/x)'/></svg>", "ภายนอก"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><style>@import 'http://evil/x.css';</style></svg>", "ภายนอก"),
    (b"<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x 'y'>]><svg xmlns='http://www.w3.org/2000/svg'/>", "DOCTYPE"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><foreignObject/></svg>", "foreignobject"),
    (b"<svg><circle r='1'/></svg>", "ไม่ใช่ภาพ SVG"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><circle", "XML ที่ถูกต้อง"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * emblem.MAX_BYTES + b"</svg>", "ใหญ่เกิน"),
])
def test_an_emblem_is_checked_by_its_content(data, message):
    with pytest.raises(ValidationError, match=message):
        emblem.check(data)


def test_a_plain_svg_and_a_real_png_are_accepted():
    assert emblem.check(SVG) == "svg"
    assert emblem.check(_png()) == "png"
    assert emblem.check((STATIC / "emblem-placeholder.svg").read_bytes()) == "svg"


def _upload(client, office, name, data):
    url = reverse("admin:directory_office_change", args=[office.pk])
    form = {"name": office.name, "abbreviation": office.abbreviation, "ministry": office.ministry,
            "minister_title": office.minister_title, "address": office.address, "phone": office.phone,
            "email": office.email, "letter_prefix": office.letter_prefix, "numbering_year": office.numbering_year,
            "document_digits": office.document_digits, "screen_digits": office.screen_digits,
            "two_factor_required": "on" if office.two_factor_required else "",
            "emblem": SimpleUploadedFile(name, data)}
    return client.post(url, form)


def test_the_settings_page_says_the_placeholder_is_in_use_until_the_real_emblem_is_uploaded(login, users, office):
    client = login(users["admin"])
    page = client.get(reverse("admin:directory_office_change", args=[office.pk])).content.decode()
    assert "ยังไม่ได้อัปโหลดตราครุฑของสำนักงาน" in page and "ตราตัวอย่าง" in page
    response = _upload(client, office, "garuda.svg", SVG)
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.emblem and office.emblem_png  # Word gets a PNG made from the SVG
    png = Image.open(office.emblem_png.open("rb"))
    assert png.format == "PNG" and png.height == emblem.RASTER_HEIGHT_PX
    assert AuditEvent.objects.filter(action="office.emblem").exists()
    page = client.get(reverse("admin:directory_office_change", args=[office.pk])).content.decode()
    assert "ยังไม่ได้อัปโหลดตราครุฑ" not in page and "ใช้พิมพ์บนเอกสารทุกฉบับแล้ว" in page


def test_a_bad_upload_is_refused_in_thai_and_the_old_emblem_stays(login, users, office):
    client = login(users["admin"])
    _upload(client, office, "garuda.png", _png())
    office.refresh_from_db()
    before = office.emblem.name
    response = _upload(client, office, "garuda.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>")
    assert response.status_code == 200
    assert "สคริปต์" in response.content.decode()
    office.refresh_from_db()
    assert office.emblem.name == before


@pytest.mark.parametrize("role", ["coordinator", "head", "registrar"])
def test_only_the_system_admin_reaches_the_office_settings(login, users, office, role, client):
    assert login(users[role]).get(reverse("admin:directory_office_change", args=[office.pk])).status_code == 302
    client.logout()
    assert client.get(reverse("admin:directory_office_change", args=[office.pk])).status_code == 302


def _document(make_matter, users, form):
    matter = make_matter(title="ทดสอบตราครุฑ")
    document = drafting.start(matter, form, by=users["coordinator"])
    return drafting.save_version(document, sample(form), by=users["coordinator"])


def _image_heights_cm(pdf: bytes, folder: Path) -> list[float]:
    """Heights (cm) at which each image is drawn on page 1, from pdfimages' list (pixels ÷ y-ppi)."""
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    listed = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(path)],
                            capture_output=True, check=True).stdout.decode().splitlines()[2:]
    heights = []
    for row in listed:
        cells = row.split()
        if cells[2] == "image":
            heights.append(int(cells[4]) / float(cells[13]) * 2.54)
    return heights


@pytest.mark.parametrize("form,height_cm", [("external_letter", 3.0), ("office_memo", 1.5)])
def test_every_pdf_and_docx_from_the_pages_prints_the_uploaded_emblem(
        login, users, office, make_matter, form, height_cm, tmp_path):
    data = _png(colour=(10, 120, 30, 255))
    _upload(login(users["admin"]), office, "garuda.png", data)
    document = _document(make_matter, users, form)
    client = login(users["coordinator"])
    pdf = client.get(reverse("document-file", args=[document.pk, "pdf"]))
    assert pdf.status_code == 200
    heights = _image_heights_cm(pdf.content, tmp_path)
    assert heights and abs(heights[0] - height_cm) < 0.05, heights
    docx = client.get(reverse("document-file", args=[document.pk, "docx"])).content
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
    assert data in media


def test_without_an_upload_documents_print_the_obvious_placeholder(login, users, office, make_matter):
    assert not Office.objects.get(pk=office.pk).emblem
    document = _document(make_matter, users, "external_letter")
    docx = login(users["coordinator"]).get(reverse("document-file", args=[document.pk, "docx"])).content
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
    assert (STATIC / "emblem-placeholder.png").read_bytes() in media
