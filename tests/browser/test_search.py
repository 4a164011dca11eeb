"""The header's search box: Thai substrings and Thai digits from any page; a secret matter never leaks."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from prasan.correspondence.models import RegisterEntry
from prasan.matters.choices import Secrecy

from .ui import wait_gone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "ข้อมูลการสอบสวนวินัยผู้บริหารสถานศึกษา"


def _search_from_header(ui, text: str):
    """Type into the header's box and press Enter, as a person does."""
    box = ui.field("site-q")
    page = ui.driver.find_element(By.TAG_NAME, "html")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    wait_gone(ui.driver, page)
    ui._settled()
    return ui


def _hits(ui) -> list[str]:
    return [h.text for h in ui.driver.find_elements(By.CSS_SELECTOR, ".search-hit h2")]


def test_a_coordinator_finds_a_matter_by_a_fragment_and_a_letter_by_thai_digits(open_browser, make_matter,
                                                                                 office, users):
    matter = make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค")
    make_matter(title="ติดตามงบประมาณซ่อมแซมอาคารเรียน")
    RegisterEntry.objects.create(office=office, register="incoming", year=2569, number=7,
                                 doc_number="ศธ 0201.1/123", subject="ขอเชิญประชุมคณะทำงาน")
    ui = open_browser("desktop")
    ui.login("coordinator")

    _search_from_header(ui, "ครูผู้ช่วย")
    assert ui.title == "ค้นหา"
    ui.shows("พบ 1 รายการ")
    assert _hits(ui) == [matter.title]
    marked = ui.driver.find_element(By.CSS_SELECTOR, ".search-hit mark").text
    assert marked == "ครูผู้ช่วย"
    ui.screenshot("search-results")
    ui.click_link(matter.title)
    assert ui.path == matter.get_absolute_url()

    _search_from_header(ui, "๐๒๐๑.๑/๑๒๓")  # from the matter page, in Thai digits
    assert _hits(ui) == ["ศธ 0201.1/123 ขอเชิญประชุมคณะทำงาน"]

    _search_from_header(ui, "ศธ")
    ui.shows("คำค้นสั้น ค้นเฉพาะรายการล่าสุด")


def test_a_secret_matter_is_found_by_its_assignee_and_never_shown_nor_counted_to_others(open_browser, make_matter,
                                                                                         make_activity, users):
    secret = make_matter(title=SECRET, secrecy=Secrecy.SECRET, assignees=[users["grouphead"]])
    make_activity(secret, "โทรประสานผลการสอบสวนวินัย")
    ui = open_browser("phone")

    ui.login("grouphead")
    _search_from_header(ui, "การสอบสวนวินัย")
    ui.shows("พบ 2 รายการ")
    assert SECRET in _hits(ui)
    ui.assert_fits_phone()
    ui.logout()

    for who in ("uncleared", "outsider"):
        ui.login(who)
        _search_from_header(ui, "การสอบสวนวินัย")
        ui.shows("พบ 0 รายการ")
        assert SECRET not in ui.text and secret.number not in ui.text and "ผลการสอบสวน" not in ui.text
        assert SECRET not in ui.driver.page_source
        ui.screenshot(f"search-secret-hidden-{who}")
        ui.logout()


@pytest.fixture
def make_activity(users):
    from prasan.coordination.models import Activity

    def make(matter, summary):
        return Activity.objects.create(matter=matter, channel="phone", summary=summary, by=users["coordinator"])

    return make
