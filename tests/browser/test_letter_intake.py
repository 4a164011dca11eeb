"""A registrar receives a scanned letter: upload, OCR, check the prefilled form beside the scan, register."""

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bench.letters.make_variants import degrade, render_pages, save_scan
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter
from prasan.tracking.calendar import add_working_days
from tests.conftest import PASSWORD

from .ui import wait_gone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LETTER = Path(__file__).resolve().parents[2] / "bench" / "letters" / "01_ext_obec_teachers.txt"
DOC_NUMBER = "ศธ 04006/3217"
SUBJECT = "ขอส่งข้อมูลจำนวนครูผู้ช่วยที่บรรจุในปีงบประมาณ พ.ศ. 2569"
OCR_SECONDS = 90  # one scanned page takes 5–15 s to read; leave room on a busy machine


def _scan_of_the_letter(folder: Path) -> Path:
    """The letter printed and put through an office scanner at 200 dpi, saved as PNG."""
    lines = LETTER.read_text(encoding="utf-8").splitlines()
    pages = [degrade(page, seed=1) for page in render_pages(lines)]
    target = folder / "obec-teachers-scan.png"
    save_scan(pages, target)
    return target


def _press_and_wait_long(ui, text: str, seconds: float) -> float:
    """Press a button whose request runs for a while (OCR); return how long the next page took."""
    ui.driver.set_page_load_timeout(seconds)
    page = ui.driver.find_element(By.TAG_NAME, "html")
    started = time.monotonic()
    ui.button(text).click()
    wait_gone(ui.driver, page, seconds)
    WebDriverWait(ui.driver, seconds).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    ui.driver.set_page_load_timeout(30)
    return time.monotonic() - started


def _intake_being_read(seconds: float) -> LetterIntake:
    """The upload's intake once the reader has started on it (the row is saved before OCR begins)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        intake = LetterIntake.objects.filter(status=LetterIntake.Status.PROCESSING).first()
        if intake:
            return intake
        time.sleep(0.05)
    raise AssertionError(f"ไม่มีหนังสือที่กำลังอ่านภายใน {seconds} วินาที: {list(LetterIntake.objects.values())}")


def _scan_images_loaded(ui) -> list[int]:
    """The natural widths of the scan's page images on the confirm screen, once they have loaded."""
    images = ui.driver.find_elements(By.CSS_SELECTOR, "section[aria-label='ภาพหนังสือ'] img")
    WebDriverWait(ui.driver, 20).until(
        lambda d: all(d.execute_script("return arguments[0].complete", img) for img in images)
    )
    return [ui.driver.execute_script("return arguments[0].naturalWidth", img) for img in images]


def _badges(ui) -> dict[str, str]:
    """Each parsed field's label and the sureness badge shown under it."""
    shown = {}
    for row in ui.driver.find_elements(By.CSS_SELECTOR, "form [class^='sure-']"):
        badges = row.find_elements(By.CSS_SELECTOR, ".sure-badge")
        label = row.find_element(By.TAG_NAME, "label").text.rstrip(" *")
        shown[label] = badges[0].text if badges else ""
    return shown


def test_a_registrar_registers_a_scanned_letter_read_by_ocr_and_finds_it_in_the_incoming_register(
    open_browser, office, users, tmp_path
):
    scan = _scan_of_the_letter(tmp_path)
    desk = open_browser("desktop")
    desk.login(users["registrar"].username, PASSWORD)
    watcher = open_browser("desktop")  # the same registrar's second window, to watch the reading
    watcher.login(users["registrar"].username, PASSWORD)

    desk.click_link("รับหนังสือ")
    assert desk.title == "รับหนังสือเข้า"
    desk.attach("id_file", scan)
    with ThreadPoolExecutor(max_workers=1) as pool:
        upload = pool.submit(_press_and_wait_long, desk, "อ่านหนังสือ", OCR_SECONDS)
        # While the upload's request is reading the scan, its progress page polls and then moves on by itself.
        reading = _intake_being_read(30)
        watcher.visit(f"/registers/intake/{reading.pk}/")
        assert watcher.title == "กำลังอ่านหนังสือ: obec-teachers-scan.png", watcher.text
        assert watcher.field("intake-status").text.startswith("กำลังอ่าน")
        watcher.screenshot("intake-progress-desktop")
        watcher.wait_for_title("ตรวจยืนยันหนังสือรับ", OCR_SECONDS)
        took = upload.result(timeout=OCR_SECONDS)
    print(f"\nอัปโหลดและอ่านสแกนด้วย OCR ใช้เวลา {took:.1f} วินาที")

    # The confirm screen: the scan beside the prefilled form, each field with how sure the reader is.
    intake = LetterIntake.objects.get()
    assert intake.status == "ready", f"สถานะ {intake.status}: {intake.error}"
    assert intake.ocr_used
    assert desk.title == "ตรวจยืนยันหนังสือรับ", desk.text
    desk.shows("อ่านจากภาพสแกน — โปรดตรวจทุกช่อง", "ยืนยันและลงทะเบียนรับ")
    widths = _scan_images_loaded(desk)
    assert widths and all(width > 0 for width in widths), "ภาพสแกนไม่แสดง"
    badges = _badges(desk)
    assert {"มั่นใจ", "ควรตรวจ", "ไม่แน่ใจ"} & set(badges.values()), f"ไม่มีป้ายความมั่นใจ: {badges}"

    ocr_subject, ocr_number = desk.value("id_subject"), desk.value("id_doc_number")
    ocr_days = desk.value("id_reply_within_days")
    print(f"OCR อ่านได้: เรื่อง “{ocr_subject}” · ที่ “{ocr_number}” · ให้ตอบภายใน “{ocr_days}” วันทำการ")
    print("ความมั่นใจ: " + ", ".join(f"{label}={badge or '-'}" for label, badge in badges.items()))
    desk.screenshot("intake-confirm-desktop")

    # The registrar checks against the paper and corrects what the reader got wrong.
    if "ครูผู้ช่วย" not in ocr_subject:
        desk.fill("id_subject", SUBJECT)
    if ocr_number != DOC_NUMBER:
        desk.fill("id_doc_number", DOC_NUMBER)
    if ocr_days != "7":  # “โปรดแจ้งภายใน ๗ วัน”: Tesseract often reads the ๗ as “ov”
        desk.fill("id_reply_within_days", "7")
    desk.choose("สร้างเรื่องใหม่", name="destination")
    desk.press("ยืนยันและลงทะเบียนรับ")

    assert not desk.errors(), desk.errors()
    matter = Matter.objects.get()
    entry = RegisterEntry.objects.get(register="incoming")
    assert desk.path == matter.get_absolute_url()
    desk.shows(f"ลงทะเบียนรับเลขที่ {entry.number}/{entry.year} แล้ว", f"เรื่อง {matter.number}")
    assert "ครูผู้ช่วย" in desk.title
    assert entry.doc_number == DOC_NUMBER and "ครูผู้ช่วย" in entry.subject
    assert entry.matter == matter and matter.source == "incoming_letter"
    assert matter.urgency == "most_urgent"
    assert matter.external_deadline == add_working_days(timezone.localdate(), 7)
    intake.refresh_from_db()
    assert intake.status == "registered" and intake.entry == entry

    # The incoming register lists it with the letter's ที่.
    desk.visit("/registers/incoming/")
    row = desk.driver.find_element(
        By.XPATH, f"//table[contains(@class,'list')]//tr[td[normalize-space()='{DOC_NUMBER}']]"
    )
    assert f"{entry.number}/{entry.year}" in row.text and "ครูผู้ช่วย" in row.text
    desk.screenshot("intake-incoming-register")
