"""Coordination tests run against a real SMTP server and the LINE push stand-in."""

import pytest

from tests.intake.bombs import pdf_page
from tests.servers import line_server, smtp_server  # noqa: F401

PDF_BYTES = pdf_page(595, 842)  # a real one-page A4 PDF: attachments are opened, not only sniffed
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture
def matter(make_matter):
    return make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569", state="coordinating")


@pytest.fixture
def secret_matter(make_matter):
    return make_matter(title="แผนปรับโครงสร้างกรมลับเฉพาะ", secrecy=1, state="coordinating")
