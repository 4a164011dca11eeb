"""The regulation's details that are not layout: word breaks, justification, fonts a DOCX carries,
its properties, PDF/A metadata, marks inside the printable area."""

import io
import subprocess
import zipfile

import pypdfium2 as pdfium
from docx import Document
from docx.oxml.ns import qn

from prasan.documents.render.docx import render_docx
from prasan.documents.render.docxfonts import KEYS, obfuscate
from prasan.documents.render.html import render_pdf
from prasan.thai.linebreak import NBSP, ZWSP, breakable, plain

from .conftest import sample


def test_lines_break_between_words_but_never_inside_a_name_a_number_or_before_mai_yamok():
    text = breakable("ให้นายสมศักดิ์ ฤทธิ์ศักดิ์ ดำเนินการตามหนังสือที่ ศธ ๐๔๐๐๙/ว ๔๕๒๑ ในโรงเรียนต่าง ๆ")
    assert ZWSP in text  # between words
    assert f"นายสมศักดิ์{NBSP}ฤทธิ์ศักดิ์" in text  # the name is one unbreakable piece
    assert f"ศธ{NBSP}๐๔๐๐๙/ว{NBSP}๔๕๒๑" in text
    assert f"ต่าง{NBSP}ๆ" in text and f"{ZWSP}ๆ" not in text
    for piece in text.split(ZWSP)[1:]:  # no line may start with a mark, ๆ or ฯ
        assert piece[0] not in "ๆฯ\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    assert plain(text) == "ให้นายสมศักดิ์ ฤทธิ์ศักดิ์ ดำเนินการตามหนังสือที่ ศธ ๐๔๐๐๙/ว ๔๕๒๑ ในโรงเรียนต่าง ๆ"


def test_a_position_named_in_the_document_is_never_split():
    text = breakable("ผู้อำนวยการกองประสานราชการทางการเมืองเห็นควร",
                     keep=["ผู้อำนวยการกองประสานราชการทางการเมือง"])
    assert text.startswith("ผู้อำนวยการกองประสานราชการทางการเมือง" + ZWSP)


def test_body_text_is_thai_distributed_in_docx():
    document = Document(io.BytesIO(render_docx("office_memo", sample("office_memo"))))
    values = {p._p.pPr.find(qn("w:jc")).get(qn("w:val")) for p in document.paragraphs
              if p._p.pPr is not None and p._p.pPr.find(qn("w:jc")) is not None}
    assert "thaiDistribute" in values


def test_the_docx_embeds_sarabun_and_names_the_government_faces_as_alternatives():
    content = render_docx("office_memo", sample("office_memo"))
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = package.namelist()
        table = package.read("word/fontTable.xml").decode()
        settings = package.read("word/settings.xml").decode()
        font = package.read("word/fonts/font1.odttf")
    assert "word/fonts/font2.odttf" in names
    assert 'w:altName w:val="TH Sarabun New,TH SarabunPSK"' in table
    assert "w:embedRegular" in table and "w:embedBold" in table
    assert "w:embedTrueTypeFonts" in settings
    # De-obfuscating with the key gives the shipped font back.
    from prasan.documents.render.docxfonts import FONT_DIR

    assert obfuscate(font, KEYS["Regular"]) == (FONT_DIR / "Sarabun-Regular.ttf").read_bytes()


def test_docx_properties_come_from_the_document():
    content = render_docx("office_memo", sample("office_memo"), office="สำนักงานรัฐมนตรี")
    props = Document(io.BytesIO(content)).core_properties
    assert props.title.startswith("บันทึกข้อความเสนอรัฐมนตรี: ขอความเห็นชอบ")
    assert props.author == "สำนักงานรัฐมนตรี" and "python-docx" not in (props.comments or "")
    assert props.created.year == 2026 and props.created.month == 11 and props.created.day == 25


def test_the_pdf_is_pdf_a_3b_with_the_documents_metadata_and_tagged():
    pdf = render_pdf("office_memo", sample("office_memo"), office="สำนักงานรัฐมนตรี")
    xmp = subprocess.run(["pdfinfo", "-meta", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info
    document = pdfium.PdfDocument(pdf)
    assert document.get_metadata_value("Title").startswith("บันทึกข้อความเสนอรัฐมนตรี: ขอความ")
    assert document.get_metadata_value("Author") == "สำนักงานรัฐมนตรี"


def test_secrecy_marks_stand_at_least_a_centimetre_inside_the_edge():
    pdf = pdfium.PdfDocument(render_pdf("ps_memo", sample("ps_memo")))
    page = pdf[0]
    height = page.get_height()
    text = page.get_textpage()
    marks = [text.get_charbox(i) for i in range(text.count_chars())
             if text.get_text_range(i, 1) == "ล"]
    assert marks
    cm = 72 / 2.54
    for _, bottom, _, top in marks:
        assert bottom >= cm - 1 and height - top >= cm - 1
    docx = Document(io.BytesIO(render_docx("ps_memo", sample("ps_memo")))).sections[0]
    assert docx.header_distance.cm >= 1.0 and docx.footer_distance.cm >= 1.0
