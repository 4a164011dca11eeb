"""A memo drafted in the browser, reviewed, signed with a number, downloaded as PDF and dispatched by e-mail."""

import subprocess
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from prasan.correspondence.models import RegisterEntry
from prasan.documents.models import Document
from prasan.matters.models import Plan
from tests.conftest import PASSWORD

from .ui import WAIT_SECONDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "การจัดสรรอัตราครูผู้ช่วย ๕๐๐ อัตรา"
SIGNER = "นรินทร์ ก้อนแก้ว"


@pytest.fixture
def drafting_matter(make_matter, users, unit):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    users["head"].first_name, users["head"].last_name = SIGNER.split()
    users["head"].position = "หัวหน้าสำนักงานรัฐมนตรี"
    users["head"].save()
    matter = make_matter(title=TITLE)
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


def _pdf_text(desk, path: str) -> str:
    """Download a file with the browser's own session cookie and return the text of the PDF."""
    cookie = desk.driver.get_cookie("sessionid")
    request = urllib.request.Request(desk.base_url + path, headers={"Cookie": f"sessionid={cookie['value']}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        content = response.read()
    assert content.startswith(b"%PDF-")
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return result.stdout.decode()


def test_a_memo_is_drafted_reviewed_signed_numbered_and_emailed_with_its_pdf(
    open_browser, drafting_matter, users, smtp_server
):
    desk = open_browser("desktop")
    matter_path = drafting_matter.get_absolute_url()

    # The coordinator drafts the memo from the matter and fills in what the matter could not.
    desk.login("coordinator")
    desk.visit(matter_path).click_link("ร่างเอกสาร")
    desk.choose("บันทึกข้อความเสนอรัฐมนตรี", name="form")
    desk.press("เริ่มร่าง")
    desk.shows("เริ่มร่างบันทึกข้อความเสนอรัฐมนตรีแล้ว")
    document_path = desk.path
    assert desk.value("id_subject") == TITLE
    desk.fill("id_consideration", "สร. พิจารณาแล้วเห็นว่าเป็นไปตามหลักเกณฑ์")
    desk.fill("id_recommendation", "เห็นชอบตามที่ สพฐ. เสนอ")
    desk.fill("id_closing", "จึงเรียนมาเพื่อโปรดพิจารณา")
    desk.press("บันทึกฉบับใหม่")
    desk.shows("บันทึกฉบับใหม่แล้ว", "ฉบับที่ 2")
    preview = WebDriverWait(desk.driver, WAIT_SECONDS).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#preview img"))[0]
    assert preview.get_attribute("src").startswith("data:image/png;base64,")
    WebDriverWait(desk.driver, WAIT_SECONDS).until(
        lambda d: d.execute_script("const i = document.querySelector('#preview img'); return i && i.naturalWidth > 0"))
    desk.screenshot("document-1-draft-with-preview")
    desk.press("เสนอตรวจ")
    desk.shows("เสนอตรวจแล้ว")
    assert "บันทึกฉบับใหม่" not in desk.buttons(), "a document under review must not be editable"
    desk.logout()

    # The group head, then the head of office, pass it on.
    desk.login("grouphead")
    desk.visit(document_path).press("ผ่าน เสนอต่อ")
    desk.shows("บันทึกผลการตรวจแล้ว")
    desk.logout()
    desk.login("head")
    desk.visit(document_path).press("ผ่าน เสนอต่อ")
    desk.shows("บันทึกผลการตรวจแล้ว")

    # A wrong password is refused in Thai and nothing is numbered.
    desk.fill("sign-password", "not-the-password")
    desk.press("ลงนามและออกเลข")
    desk.shows("รหัสผ่านไม่ถูกต้อง จึงยืนยันตัวตนเพื่อลงนามไม่ได้")
    assert "ที่ ศธ 0201.1/" not in desk.text
    assert not RegisterEntry.objects.exists()

    desk.fill("sign-password", PASSWORD)
    desk.press("ลงนามและออกเลข")
    desk.shows("ลงนามและออกเลขแล้ว", "ที่ ศธ 0201.1/1", f"ลงนามอิเล็กทรอนิกส์โดย {SIGNER}")
    pdf_path = desk.link("PDF").get_attribute("href").removeprefix(desk.base_url)
    text = _pdf_text(desk, pdf_path)
    assert TITLE in " ".join(text.split()), text
    assert f"({SIGNER})" in text, text
    desk.logout()

    # The coordinator e-mails the signed memo; the real SMTP server receives it with the PDF.
    desk.login("coordinator")
    desk.visit(document_path)
    desk.fill("to", "liaison@obec.example")
    desk.press("ส่งทางอีเมลพร้อม PDF")
    assert desk.errors() == []
    message = smtp_server.to("liaison@obec.example")[-1]
    attachments = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert attachments and attachments[0].get_payload(decode=True).startswith(b"%PDF")
    assert Document.objects.get().status == "dispatched"
    desk.screenshot("document-2-dispatched")

    desk.visit(matter_path)
    assert "ที่ ศธ 0201.1/1" in desk.timeline(), desk.timeline()
    desk.visit("/registers/outgoing/")
    desk.shows("ศธ 0201.1/1", "ส่งทางอีเมลถึง liaison@obec.example")
