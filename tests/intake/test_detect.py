"""Step 2: a file's type comes from its bytes; files intake cannot take are refused in Thai."""

import pytest

from prasan.correspondence.intake import detect
from prasan.correspondence.intake.errors import IntakeError
from prasan.correspondence.intake.store import digest

from .conftest import (
    docx_bytes,
    encrypted_pdf_bytes,
    huge_png_header,
    page_image,
    pdf_bytes,
    png_bytes,
)


def test_store_gives_the_sha256_of_the_bytes():
    assert digest(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_it_detects_each_supported_type_by_content():
    image = page_image(["ทดสอบ"], dpi=50)
    assert detect.detect(pdf_bytes(["ทดสอบ"]), "a.pdf").content_type == detect.PDF
    assert detect.detect(png_bytes(image), "scan.png").content_type == detect.PNG
    assert detect.detect(docx_bytes(["ทดสอบ"]), "a.docx").content_type == detect.DOCX
    assert detect.detect("เรื่อง ทดสอบ".encode(), "a.txt").content_type == detect.TEXT


def test_it_detects_jpeg_and_tiff_whatever_the_name_lacks():
    import io

    image = page_image(["ทดสอบ"], dpi=50)
    for fmt, expected in (("JPEG", detect.JPEG), ("TIFF", detect.TIFF)):
        out = io.BytesIO()
        image.save(out, fmt)
        assert detect.detect(out.getvalue(), "no-extension").content_type == expected


def test_it_reads_windows_thai_text():
    assert detect.detect("เรื่อง ขอความอนุเคราะห์".encode("cp874"), "old.txt").content_type == detect.TEXT


def test_it_rejects_an_empty_file():
    with pytest.raises(IntakeError) as error:
        detect.detect(b"", "letter.pdf")
    assert error.value.code == "empty" and "ว่างเปล่า" in error.value.message


def test_it_rejects_a_file_of_blanks():
    with pytest.raises(IntakeError, match="ว่างเปล่า"):
        detect.detect(b"   \n\n  ", "letter.txt")


def test_it_rejects_an_image_that_claims_to_be_a_pdf():
    with pytest.raises(IntakeError) as error:
        detect.detect(png_bytes(page_image(["ทดสอบ"], dpi=50)), "letter.pdf")
    assert error.value.code == "mismatch"
    assert "PDF" in error.value.message and "PNG" in error.value.message


def test_it_rejects_a_program_renamed_to_pdf():
    with pytest.raises(IntakeError) as error:
        detect.detect(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 4, "letter.pdf")
    assert error.value.code == "mismatch"


def test_it_rejects_a_spreadsheet_named_docx():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IntakeError) as error:
        detect.detect(out.getvalue(), "letter.docx")
    assert error.value.code == "mismatch"


def test_it_rejects_unsupported_binary_without_a_known_name():
    with pytest.raises(IntakeError) as error:
        detect.detect(b"\x00\x01\x02binary" * 50, "blob.bin")
    assert error.value.code == "unsupported" and "ไม่รองรับ" in error.value.message


def test_it_rejects_an_encrypted_pdf():
    import pypdfium2 as pdfium

    data = encrypted_pdf_bytes(b"secret")
    assert len(pdfium.PdfDocument(data, password="secret")) == 1  # a real, openable encrypted PDF
    with pytest.raises(IntakeError) as error:
        detect.detect(data, "secret.pdf")
    assert error.value.code == "encrypted" and "รหัสผ่าน" in error.value.message


def test_it_rejects_a_corrupt_pdf():
    with pytest.raises(IntakeError) as error:
        detect.detect(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "broken.pdf")
    assert error.value.code == "corrupt" and "เสีย" in error.value.message


def test_it_rejects_a_truncated_pdf():
    data = pdf_bytes(["ทดสอบ"])
    with pytest.raises(IntakeError):
        detect.detect(data[: len(data) // 3], "cut.pdf")


def test_it_rejects_a_huge_image_from_its_header_alone():
    with pytest.raises(IntakeError) as error:
        detect.detect(huge_png_header(10_000, 10_000), "poster.png")
    assert error.value.code == "too_large" and "60 ล้านพิกเซล" in error.value.message


def test_it_accepts_an_image_just_under_the_limit_header():
    from prasan.correspondence.intake.detect import check_pixels

    check_pixels((7_000, 8_500))  # 59.5 megapixels


def test_it_rejects_a_corrupt_image():
    data = png_bytes(page_image(["ทดสอบ"], dpi=50))
    with pytest.raises(IntakeError) as error:
        detect.detect(data[:60] + b"\x00" * 40 + data[100:], "scan.png")
    assert error.value.code == "corrupt"


def test_pdf_pages_are_counted():
    assert detect.detect(pdf_bytes(["หน้า"]), "a.pdf").pages == 1
