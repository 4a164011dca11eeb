"""Making the text exact changes nothing on the page, and nothing for other WeasyPrint users."""

import subprocess
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageChops

from prasan.documents.render.pdf import FONT_DIR, font_css, html_to_pdf, local_fetcher

BODY = (
    "<h1>บันทึกข้อความ</h1>"
    "<p>ราชการ น้ำ ทำงาน กำหนด ผู้ใหญ่ ปิ่นโต ฤดู ต่ำ ฟ้อง ฝ่าย ป่า ฟ้า ฬ้ ฤทธิ์ ฦๅสาย ญี่ปุ่น ฐาน ฎีกา</p>"
    "<p><b>เรื่อง ขอความอนุเคราะห์ข้อมูลการบริหารจัดการน้ำ</b> <i>สำนักงานรัฐมนตรี</i></p>"
    "<p style='text-align: justify'>จากอำนาจหน้าที่ของสำนักงานรัฐมนตรี ตามกฎกระทรวงดังกล่าว "
    "สำนักงานรัฐมนตรี ในฐานะส่วนราชการที่ต้องดำเนินการประสานงานราชการทางการเมือง "
    "โดยมีเป้าหมายและยุทธศาสตร์การดำเนินงานในภารกิจของรัฐมนตรีให้ประสบผลสำเร็จ</p>"
    "<p style='letter-spacing: 1pt; color: red; text-decoration: underline'>ด่วนที่สุด ลับมาก</p>"
    "<p>ที่ ศธ ๐๒๐๑/๑๒๓๔ ลงวันที่ ๒๕ พฤศจิกายน ๒๕๖๙ <b>ฤทธิ์ ปิ่นโต ผู้ใหญ่</b></p>"
)


def page(body: str) -> str:
    return ("<html lang='th'><head><style>body { font-family: Sarabun; font-size: 16pt }"
            f"</style></head><body>{body}</body></html>")


def poppler_pictures(pdf: bytes, tmp_path: Path, name: str) -> list[Image.Image]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", path, tmp_path / name], check=True)
    return [Image.open(png).convert("RGB") for png in sorted(tmp_path.glob(f"{name}-*.png"))]


def pdfium_pictures(pdf: bytes, tmp_path: Path, name: str) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=150 / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def differing_pixels(one: Image.Image, two: Image.Image) -> int:
    histogram = ImageChops.difference(one, two).convert("L").histogram()
    return sum(histogram[1:])


def test_pages_are_pixel_identical_to_what_weasyprint_draws(tmp_path):
    before = poppler_pictures(html_to_pdf(page(BODY), exact=False), tmp_path, "before")
    after = poppler_pictures(html_to_pdf(page(BODY)), tmp_path, "after")

    assert len(before) == len(after) == 1
    assert ImageChops.difference(before[0], after[0]).getbbox() is None


def test_pages_drawn_by_pdfium_are_the_same_or_a_glyph_edge_off(tmp_path):
    # pdfium places glyphs in float32 from each text object's start: where a TJ array is split,
    # a glyph can fall in a neighbouring sub-pixel position (seen on odd mark stacks, never here).
    before = pdfium_pictures(html_to_pdf(page(BODY), exact=False), tmp_path, "before")
    after = pdfium_pictures(html_to_pdf(page(BODY)), tmp_path, "after")

    assert len(before) == len(after) == 1
    assert differing_pixels(before[0], after[0]) <= before[0].width * before[0].height // 2000


def test_other_weasyprint_renders_keep_weasyprints_own_text_layer():
    from weasyprint import CSS, HTML

    html_to_pdf(page("<p>กำ</p>"))  # installs the hook; it acts only inside exact_text()
    plain = HTML(string=page("<p>กำ ราชการ</p>"), base_url=str(FONT_DIR)).write_pdf(
        stylesheets=[CSS(string=font_css())])

    text = subprocess.run(["pdftotext", "-", "-"], input=plain, capture_output=True, check=True)
    assert text.stdout.decode().split() == ["กำ", "รำชกำร"]  # WeasyPrint's first-use ToUnicode


def test_the_url_fetcher_refuses_anything_but_local_files():
    fetcher = local_fetcher()
    for url in ("http://example.com/logo.png", "https://example.com/a.css", "ftp://example.com/x",
                "//example.com/x.png"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)

    font = fetcher.fetch((FONT_DIR / "Sarabun-Regular.ttf").as_uri())
    try:
        assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    finally:
        font.close()


def test_a_remote_image_is_refused_and_the_rest_still_renders(caplog):
    pdf = html_to_pdf(page("<p>ราชการ</p><img src='http://192.0.2.1/emblem.png'>"))

    assert pdf.startswith(b"%PDF")
    assert "refused to fetch http://192.0.2.1/emblem.png" in caplog.text
