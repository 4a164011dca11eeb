"""The text of a rendered PDF comes back exactly: pdftotext (poppler) and pdfium."""

import difflib
import subprocess

import pypdfium2
import pytest

from prasan.documents.render.pdf import html_to_pdf

SENTENCE = "ราชการ น้ำ ทำงาน กำหนด ผู้ใหญ่ ปิ่นโต ฤดู ต่ำ"

# Real paragraphs of the seed (คู่มือการประสานราชการทางการเมือง, สำนักงานรัฐมนตรี).
SEED_PARAGRAPHS = (
    "กฎกระทรวงแบ่งส่วนราชการสำนักงานรัฐมนตรี กระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖ "
    "กำหนดให้สำนักงานรัฐมนตรี มีภารกิจเกี่ยวกับราชการทางการเมือง เพื่อสนับสนุนภารกิจของรัฐมนตรี "
    "ซึ่งในการจัดการความรู้ของสำนักงานรัฐมนตรี ได้สร้าง แสวงหาความรู้ "
    "รวมทั้งให้บุคลากรสำนักงานรัฐมนตรี ได้แลกเปลี่ยนเรียนรู้ ทักษะ ประสบการณ์ เพื่อการทำงาน "
    "ประสานราชการทางการเมืองให้มีประสิทธิภาพ อย่างกว้างขวาง",
    "จากอำนาจหน้าที่ของสำนักงานรัฐมนตรี ตามกฎกระทรวงดังกล่าว สำนักงานรัฐมนตรี "
    "ในฐานะส่วนราชการที่ต้องดำเนินการประสานงานราชการทางการเมือง "
    "โดยมีเป้าหมายและยุทธศาสตร์การดำเนินงานในภารกิจของรัฐมนตรีให้ประสบผลสำเร็จ "
    "จึงได้จัดให้มีการจัดการความรู้ และแลกเปลี่ยนเรียนรู้ "
    "ในเทคนิควิธีการทำงานประสานราชการทางการเมืองด้านต่างๆ ที่หลากหลาย เทคนิค วิธีการ "
    "และเพื่อให้เกิดการเรียนรู้ในการดำเนินการประสานราชการทางการเมือง",
)


def page(body: str) -> str:
    return (
        "<html lang='th'><head><style>@page { size: A4; margin: 2.5cm 2cm 2cm 3cm }"
        " body { font-family: Sarabun; font-size: 16pt }</style></head>"
        f"<body>{body}</body></html>"
    )


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()


def pdfium_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


EXTRACTORS = pytest.mark.parametrize("extract", [pdftotext, pdfium_text], ids=["poppler", "pdfium"])


def words(text: str) -> str:
    return " ".join(text.split())


def given_back(source: str, extracted: str) -> float:
    a, b = "".join(source.split()), "".join(extracted.split())
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a)


@EXTRACTORS
def test_the_sentence_comes_back_exactly(extract):
    pdf = html_to_pdf(page(f"<p>{SENTENCE}</p>"))

    assert words(extract(pdf)) == SENTENCE


@EXTRACTORS
def test_the_sentence_comes_back_after_other_words_used_its_glyphs_first(extract):
    # WeasyPrint's own ToUnicode keeps whatever a glyph meant where it was first drawn: after
    # "กำ" every า read ำ. Here every glyph of the sentence is drawn in other words first.
    first = "ค่ำ กำลัง ซ้ำ ฎีกา ฐาน ปู่ ที่ ชื่อ เกื้อ ใหญ่ ฤๅษี น้ำใจ"
    pdf = html_to_pdf(page(f"<p>{first}</p><p>{SENTENCE}</p><p>{SENTENCE}</p>"))

    assert words(extract(pdf)) == f"{first} {SENTENCE} {SENTENCE}"


@EXTRACTORS
def test_a_bold_run_comes_back_exactly(extract):
    pdf = html_to_pdf(page(f"<p><b>{SENTENCE}</b></p><p>เรื่อง <b>{SENTENCE}</b> ต่ำ</p>"))

    assert words(extract(pdf)) == f"{SENTENCE} เรื่อง {SENTENCE} ต่ำ"


@EXTRACTORS
def test_long_seed_paragraphs_come_back(extract):
    source = "\n".join(SEED_PARAGRAPHS)
    pdf = html_to_pdf(page("".join(f"<p>{text}</p>" for text in SEED_PARAGRAPHS)))

    assert given_back(source, extract(pdf)) >= 0.995


@EXTRACTORS
def test_thai_digits_and_a_table_come_back(extract):
    rows = [("๑", "น้ำท่วม"), ("๒", "กำหนดการประชุม ๒๕ พฤศจิกายน ๒๕๖๙")]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    pdf = html_to_pdf(page(f"<table>{table}</table>"))

    assert "".join(words(extract(pdf)).split()) == "".join("".join(row) for row in rows).replace(" ", "")


def test_weasyprint_alone_gets_it_wrong_which_is_why_this_exists():
    pdf = html_to_pdf(page(f"<p>{SENTENCE}</p>"), exact=False)

    assert words(pdftotext(pdf)) != SENTENCE
