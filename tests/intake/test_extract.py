"""Step 3: text from plain text, DOCX and PDF text layers — and repairs of broken Thai layers."""

from prasan.correspondence.intake import extract
from prasan.correspondence.intake.normalize import normalize

from .conftest import docx_bytes, page_image, pdf_bytes


def test_plain_text_in_utf8_with_a_bom():
    assert extract.plain_text("\ufeffเรื่อง ทดสอบ".encode()) == "เรื่อง ทดสอบ"


def test_plain_text_in_windows_thai():
    assert extract.plain_text("เรียน รัฐมนตรี".encode("cp874")) == "เรียน รัฐมนตรี"


def test_plain_text_in_utf16():
    assert extract.plain_text("ที่ ศธ ๐๒๐๑".encode("utf-16")) == "ที่ ศธ ๐๒๐๑"


def test_docx_paragraphs_and_tables_come_in_document_order():
    data = docx_bytes(["บันทึกข้อความ", "ส่วนราชการ สำนักงานรัฐมนตรี"],
                      table_rows=[["ที่ ศธ 0201.1/156", "วันที่ 28 ต.ค. 69"]])
    text = extract.docx_text(data)
    assert text.index("บันทึกข้อความ") < text.index("ส่วนราชการ") < text.index("ที่ ศธ 0201.1/156")
    assert "ที่ ศธ 0201.1/156  วันที่ 28 ต.ค. 69" in text


def test_pdf_text_layer_is_read_with_sara_am_intact():
    pages = extract.pdf_pages(pdf_bytes(["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "น้ำ ต่ำ กำลัง ทางการ"]))
    assert len(pages) == 1 and not pages[0].needs_ocr
    text = normalize(pages[0].text)
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in text
    assert "น้ำ ต่ำ กำลัง ทางการ" in text


def test_sara_aa_written_as_sara_am_is_repaired():
    # WeasyPrint with Sarabun: า comes out as the text of the first cluster drawn with its glyph
    text, repaired = extract.repair_text_layer("ส˸๊ำนักง๊ำน ท๊ำง ก˻๊ำ")
    assert normalize(text) == "สำนักงาน ทาง ก๊ำ" and repaired == "sara_am"


def test_tis620_shown_as_latin1_is_repaired():
    garbled = "สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ".encode("cp874").decode("latin-1")
    text, repaired = extract.repair_text_layer(garbled)
    assert text == "สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ" and repaired == "tis620"


def test_a_scanned_pdf_page_needs_ocr():
    import io

    image = page_image(["ที่ ศธ ๐๒๐๑/๑๒๓"], dpi=100).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=100)
    pages = extract.pdf_pages(out.getvalue())
    assert pages[0].needs_ocr


def test_a_text_layer_of_garbage_needs_ocr():
    assert extract.check_text_layer("\ue001\ue002\ue003" * 30 + " abc").needs_ocr
    assert not extract.check_text_layer("เรื่อง ขอความอนุเคราะห์ข้อมูลจำนวนนักเรียน").needs_ocr
