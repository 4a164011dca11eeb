"""The coordinator builds a briefing pack for a visit on the minister's agenda, in Chromium: starts it from the
engagement's page (the pack belongs to its facilitation matter), adds the memo, the agency's answer and a photo, moves a part up, builds it (the worker's task
run in-process, as the OCR tests do), waits for it, and opens the PDF: its contents page and its bookmarks checked.
The minister then opens it on a phone."""

import base64
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from prasan.briefing.models import Pack
from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from tests.briefing.conftest import attach, contents_rows, outline, page_text, pdf_of, png_of
from tests.documents.conftest import sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BUILD_SECONDS = 180  # a few pages take seconds; the machine is shared


@pytest.fixture(autouse=True)
def _no_office(settings):
    settings.BRIEFING_OFFICE = False


def _visit(make_matter, users, agencies):
    matter = make_matter(title="การตรวจราชการของรัฐมนตรีที่จังหวัดขอนแก่น", kind="facilitation", duty_type="other")
    Document.objects.create(matter=matter, form="office_memo", title="บันทึกเสนอกำหนดการตรวจราชการ",
                            fields=sample("office_memo"), created_by=users["coordinator"])
    answer = AgencyRequest.objects.create(
        matter=matter, agency=agencies[0], deliverable="ข้อมูลโรงเรียนที่ได้รับผลกระทบจากน้ำท่วม",
        deadline=timezone.localdate(), status=AgencyRequest.Status.ANSWERED, answered_at=timezone.now(),
        answer="โรงเรียนได้รับความเสียหาย ๑๒ แห่ง น้ำท่วมสูงประมาณหนึ่งเมตร", answered_by_name="สมชาย ใจดี")
    attach(matter, "schools.pdf", pdf_of("รายชื่อโรงเรียนที่ได้รับผลกระทบ", 2), "application/pdf",
           kind="answer", agency_request=answer)
    attach(matter, "map.png", png_of(), "image/png")
    return matter


def _engagement(visit, users):
    """The visit on the minister's agenda, its facilitation matter the visit's matter."""
    import datetime as dt

    from prasan.agenda.models import AgendaItem

    starts = timezone.now() + dt.timedelta(days=3)
    return AgendaItem.objects.create(office=visit.office, kind="inspection", title="ตรวจราชการจังหวัดขอนแก่น",
                                     place="ศาลากลางจังหวัดขอนแก่น", starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=3), status="accepted", matter=visit,
                                     created_by=users["coordinator"])


def _add(ui, label: str):
    row = ui.driver.find_element(By.XPATH, f"//ul[@class='candidates']/li[contains(normalize-space(), '{label}')]")
    ui.press("+ เพิ่ม", within=row)


def _part_titles(ui) -> list[str]:
    """Read in one script: htmx may be swapping the list (elements found one call earlier go stale)."""
    return ui.driver.execute_script(
        "return Array.from(document.querySelectorAll('#parts-list .part-title'), e => e.innerText.trim());")


def _fetch_pdf(ui, href: str) -> bytes:
    """The PDF as the browser downloads it (its own session), handed back as base64."""
    data = ui.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
        "  let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
        "  done(btoa(s)); });", href)
    return base64.b64decode(data)


def test_the_coordinator_builds_and_opens_a_pack_for_a_visit(open_browser, users, make_matter, agencies):
    visit = _visit(make_matter, users, agencies)
    desk = open_browser("desktop")
    desk.login("coordinator")
    item = _engagement(visit, users)
    desk.visit(item.get_absolute_url())
    desk.click_link("จัดทำแฟ้มข้อมูลประกอบ")
    desk.fill("id_title", "").press("จัดทำแฟ้ม")
    assert any("กรุณาตั้งชื่อแฟ้ม" in e for e in desk.errors()), desk.errors()
    desk.fill("id_title", "แฟ้มการตรวจราชการจังหวัดขอนแก่น").fill("id_occasion_text", "ตรวจราชการจังหวัดขอนแก่น")
    desk.press("จัดทำแฟ้ม")
    desk.shows("จัดทำแฟ้มแล้ว", "แฟ้มการตรวจราชการจังหวัดขอนแก่น")
    _add(desk, "บันทึกเสนอกำหนดการตรวจราชการ")
    _add(desk, "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    _add(desk, "map.png")
    assert len(_part_titles(desk)) == 4
    # the photo goes before the answer: ▲ on the last part (htmx swaps the list)
    last = desk.driver.find_elements(By.CSS_SELECTOR, "#parts-list li.pack-part")[-1]
    last.find_element(By.XPATH, ".//button[@aria-label='เลื่อนขึ้น: ส่วนที่ 4']").click()
    WebDriverWait(desk.driver, 90).until(lambda d: _part_titles(desk)[2] == "map.png")
    desk.screenshot("briefing-pack-parts-desktop")

    desk.driver.set_page_load_timeout(BUILD_SECONDS)
    desk.press("สร้างแฟ้ม PDF")
    desk.driver.set_page_load_timeout(30)
    WebDriverWait(desk.driver, BUILD_SECONDS).until(
        lambda d: d.find_elements(By.ID, "pack-download") or d.find_elements(By.ID, "pack-error"))
    assert not desk.driver.find_elements(By.ID, "pack-error"), desk.text()
    desk.screenshot("briefing-pack-built-desktop")
    pack = Pack.objects.get()
    assert pack.agenda_item.matter == visit and pack.matter == visit
    href = desk.driver.find_element(By.ID, "pack-download").get_attribute("href")
    pdf = _fetch_pdf(desk, href)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pack.pages
    marks = outline(reader)
    top = [(title, page) for title, page, depth in marks if depth == 0]
    assert [t for t, _ in top[:2]] == ["ปก", "สารบัญ"]
    assert [re.sub(r"^\S+\. ", "", t) for t, _ in top[2:]] == [
        "เรื่อง สร 1/2569 การตรวจราชการของรัฐมนตรีที่จังหวัดขอนแก่น", "บันทึกเสนอกำหนดการตรวจราชการ", "map.png",
        "คำตอบจาก สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"]
    contents = page_text(pdf, 2, layout=True)
    assert "สารบัญ" in contents
    assert [page for _, page in contents_rows(contents)] == [page for _, page in top[2:]]
    assert ("schools.pdf", top[-1][1] + 1, 1) in marks

    phone = open_browser("phone")
    phone.login("minister")
    phone.visit(pack.get_absolute_url())
    phone.shows("เปิดแฟ้ม PDF")
    phone.assert_fits_phone()
    phone.screenshot("briefing-pack-phone")
    assert _fetch_pdf(phone, href).startswith(b"%PDF")
    # the engagement's page lists its pack
    phone.visit(pack.agenda_item.get_absolute_url())
    phone.shows("แฟ้มการตรวจราชการจังหวัดขอนแก่น")
