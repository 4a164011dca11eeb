"""Matter attachments are checked by content as letter intake checks them (issue 14, item 3): a file whose
bytes start right but whose structure is broken, a bomb, or a lie about its kind is refused in Thai."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prasan.matters.models import MatterFile
from prasan.matters.uploads import UploadError, check_content
from tests.intake import bombs
from tests.intake.conftest import docx_bytes, encrypted_pdf_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("data,name,words", [
    (b"%PDF-1.4 only magic bytes", "letter.pdf", "เสียหรือไม่สมบูรณ์"),
    (encrypted_pdf_bytes(), "secret.pdf", "เข้ารหัส"),
    (bombs.pdf_page(14_400, 14_400), "huge.pdf", "ขนาดใหญ่ผิดปกติ"),
    (b"PK\x03\x04 not really a zip", "letter.docx", "เสียหรือไม่สมบูรณ์"),
    (bombs.many_parts(6000), "parts.docx", "ใหญ่ผิดปกติ"),
    (bombs.docx([b"<w:p/>" * 60_000]), "paragraphs.docx", "ย่อหน้า"),
    (docx_bytes(["ก"]), "sheet.xlsx", "ไม่ใช่เอกสาร XLSX"),
    (bombs.pixel_bomb_png(), "scan.png", "ใหญ่เกินไป"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 64, "scan.png", "เสียหรือไม่สมบูรณ์"),
    ("ข้อความ".encode("cp874"), "note.txt", "UTF-8"),
])
def test_a_file_that_only_looks_right_is_refused_in_thai(data, name, words):
    with pytest.raises(UploadError) as refusal:
        check_content(data, name)
    assert words in str(refusal.value)


def test_real_files_pass():
    assert check_content(pdf_bytes(["ขอข้อมูล"]), "letter.pdf") == "application/pdf"
    assert check_content(docx_bytes(["ขอข้อมูล"]), "letter.docx").endswith("wordprocessingml.document")
    assert check_content("บันทึก\n".encode(), "note.txt") == "text/plain"


def test_the_upload_page_refuses_a_broken_pdf_and_keeps_nothing(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-file-upload", args=[matter.pk]), {
        "file": SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n" + b"x" * 500), "kind": "attachment"})
    assert MatterFile.objects.count() == 0
    assert response.status_code in (200, 302, 400)
