"""In Chromium: my work shows the soonest deadlines and leads to the whole list; the list's and a register's text
filters find by a phrase, a matter number and Thai digits (through the search index)."""

import datetime as dt

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from prasan.correspondence import numbering
from prasan.web.views import MY_WORK_LIMIT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _rows(ui, heading: str) -> list[str]:
    """The titles in the table under `heading`."""
    table = ui.driver.find_element(By.XPATH, f"//h2[starts-with(., '{heading}')]/following-sibling::table[1]")
    return [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "tbody td:nth-child(2)")]


def _filter_list(ui, path: str, field: str, text: str):
    ui.visit(path).fill(field, text).press("กรอง")
    return ui


def test_my_work_shows_the_soonest_deadlines_and_leads_to_all_of_them(open_browser, make_matter):
    today = timezone.localdate()
    for i in range(MY_WORK_LIMIT + 2):
        make_matter(title=f"งานลำดับ {i:02d}", internal_deadline=today + dt.timedelta(days=30 - i))
    ui = open_browser("desktop")
    ui.login("coordinator")
    assert ui.path == "/my-work/"
    ui.shows(f"เรื่องที่ฉันรับผิดชอบ ({MY_WORK_LIMIT + 2})")
    shown = _rows(ui, "เรื่องที่ฉันรับผิดชอบ")
    assert len(shown) == MY_WORK_LIMIT and shown[0].endswith("งานลำดับ 26")  # the soonest deadline first
    ui.screenshot("my-work")
    ui.click_link(f"ดูทั้งหมด {MY_WORK_LIMIT + 2} เรื่อง »")
    ui.shows(f"พบ {MY_WORK_LIMIT + 2} เรื่อง")


def test_the_lists_text_filters_find_by_phrase_number_and_thai_digits(open_browser, make_matter, office, users):
    wanted = make_matter(title="ขอข้อมูลครูผู้ช่วยจังหวัดลำปาง ปี 2569")
    make_matter(title="ติดตามงบประมาณซ่อมแซมอาคารเรียน")
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="ขอเชิญประชุมคณะทำงาน",
                             sender="สำนักงานคณะกรรมการการอาชีวศึกษา", doc_number="ศธ 0601/77")
    ui = open_browser("desktop")
    ui.login("head")

    _filter_list(ui, "/matters/", "f-q", "ครูผู้ช่วยจังหวัด")
    ui.shows("พบ 1 เรื่อง", wanted.title)
    assert ui.value("f-q") == "ครูผู้ช่วยจังหวัด"  # what was typed stays
    _filter_list(ui, "/matters/", "f-q", "ปี ๒๕๖๙")
    ui.shows("พบ 1 เรื่อง", wanted.title)
    _filter_list(ui, "/matters/", "f-q", wanted.number)
    ui.shows("พบ 1 เรื่อง", wanted.title)
    ui.screenshot("matter-list-filtered")

    _filter_list(ui, "/registers/incoming/", "id_q", "๐๖๐๑/๗๗")
    ui.shows("ขอเชิญประชุมคณะทำงาน")
    _filter_list(ui, "/registers/incoming/", "id_q", "การอาชีวศึกษา")
    ui.shows("ขอเชิญประชุมคณะทำงาน")
    _filter_list(ui, "/registers/incoming/", "id_q", "ไม่มีคำนี้")
    assert "ขอเชิญประชุมคณะทำงาน" not in ui.text
