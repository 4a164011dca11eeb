"""In Chromium on a phone: a Buddhist-era date typed in Thai digits, and one picked from the calendar by
touch and by keyboard, reach the database as the right Christian-era date."""

import datetime as dt

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from prasan.matters.models import Matter
from prasan.thai.dates import MONTHS, MONTHS_ABBR, WEEKDAYS
from prasan.thai.digits import to_thai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _calendar(ui):
    return ui.driver.find_element(By.CSS_SELECTOR, ".thai-cal")


def _words(day: dt.date) -> str:
    return f"วัน{WEEKDAYS[day.weekday()]}ที่ {day.day} {MONTHS[day.month - 1]} {day.year + 543}"


def test_a_be_date_typed_in_thai_digits_is_stored_as_the_christian_date(open_browser, office, users):
    day = dt.date(timezone.localdate().year + 1, 12, 7)
    phone = open_browser("phone")
    phone.login("coordinator")
    phone.visit("/matters/new/")
    phone.fill("id_title", "ขอข้อมูลงบประมาณปีหน้า")
    typed = to_thai(f"{day.day}/{day.month}/{str(day.year + 543)[2:]}")  # ๗/๑๒/๗๐
    phone.fill("id_deadline_date", typed)
    hint = phone.driver.find_element(By.ID, "id_deadline_date-hint")
    assert hint.text == _words(day)  # said back in words while typing
    phone.field("id_title").click()  # leaving the box tidies what was typed
    assert phone.value("id_deadline_date") == f"{day.day} {MONTHS_ABBR[day.month - 1]} {day.year + 543}"
    phone.assert_fits_phone()
    phone.screenshot("dates-phone-typed")
    phone.press("บันทึกเรื่อง")
    matter = Matter.objects.get(title="ขอข้อมูลงบประมาณปีหน้า")
    assert matter.external_deadline == day
    phone.shows(f"{day.day} {MONTHS_ABBR[day.month - 1]} {day.year + 543}")


def test_a_date_picked_on_the_phone_calendar_is_stored_right(open_browser, office, users):
    today = timezone.localdate()
    phone = open_browser("phone")
    phone.login("coordinator")
    phone.visit("/matters/command/")
    phone.fill("id_title", "เตรียมข้อมูลประชุม")
    opener = phone.driver.find_element(By.CSS_SELECTOR, "#id_deadline_date + .thai-date-open")
    phone.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", opener)
    opener.click()
    calendar = _calendar(phone)
    title = calendar.find_element(By.CSS_SELECTOR, ".thai-cal-title")
    assert title.text == f"{MONTHS[today.month - 1]} {today.year + 543}"
    head = [th.text for th in calendar.find_elements(By.CSS_SELECTOR, "th")]
    assert head == ["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"]
    # a bottom sheet as wide as the phone, with days big enough for a thumb
    rect = phone.driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", calendar)
    assert rect["width"] >= 380 and abs(rect["bottom"] - 844) < 2
    day_height = calendar.find_element(By.CSS_SELECTOR, ".thai-cal-day").size["height"]
    assert day_height >= 44
    phone.driver.save_screenshot(str(phone.screenshots / "dates-phone-calendar.png"))

    calendar.find_element(By.CSS_SELECTOR, "button[aria-label='เดือนถัดไป']").click()
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=15)
    assert _calendar(phone).find_element(By.CSS_SELECTOR, ".thai-cal-title").text == \
        f"{MONTHS[next_month.month - 1]} {next_month.year + 543}"
    _calendar(phone).find_element(By.XPATH, ".//button[@class='thai-cal-day' and normalize-space()='15']").click()
    assert not phone.driver.find_elements(By.CSS_SELECTOR, ".thai-cal")
    shown = f"15 {MONTHS_ABBR[next_month.month - 1]} {next_month.year + 543}"
    assert phone.value("id_deadline_date") == shown
    # when the minister said it: yesterday, typed in Thai digits, and a time as people write it
    yesterday = today - dt.timedelta(days=1)
    phone.driver.find_element(By.XPATH, "//summary[normalize-space()='รายละเอียดเพิ่มเติม (ไม่บังคับ)']").click()
    phone.fill("id_commanded_at_0", to_thai(f"{yesterday.day} {MONTHS_ABBR[yesterday.month - 1]} {yesterday.year + 543}"))
    phone.fill("id_commanded_at_1", "๙.๓๐ น.")
    phone.assert_fits_phone()
    phone.screenshot("dates-phone-quick-command")
    phone.press("บันทึก")
    matter = Matter.objects.get(title="เตรียมข้อมูลประชุม")
    assert matter.external_deadline == next_month  # 15th of next month, Christian era in the database
    assert matter.external_deadline.year < 2400
    assert timezone.localtime(matter.commanded_at).replace(tzinfo=None) == dt.datetime.combine(yesterday, dt.time(9, 30))


def test_the_calendar_works_from_the_keyboard(open_browser, office, users):
    today = timezone.localdate()
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.visit("/matters/new/")
    desk.fill("id_title", "นัดหมายหารือ")
    box = desk.field("id_deadline_date")
    box.click()
    box.send_keys(Keys.ALT, Keys.ARROW_DOWN)  # opens on today
    focused = desk.driver.switch_to.active_element
    assert focused.get_attribute("aria-label") == _words(today)
    desk.screenshot("dates-desktop-calendar")
    for key in (Keys.PAGE_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT):  # a month on, a week on, a day on
        desk.driver.switch_to.active_element.send_keys(key)
    desk.driver.switch_to.active_element.send_keys(Keys.ENTER)
    expected = _add_month(today) + dt.timedelta(days=8)
    assert desk.driver.switch_to.active_element.get_attribute("id") == "id_deadline_date"
    assert desk.value("id_deadline_date") == f"{expected.day} {MONTHS_ABBR[expected.month - 1]} {expected.year + 543}"
    box.send_keys(Keys.ALT, Keys.ARROW_DOWN)
    desk.driver.switch_to.active_element.send_keys(Keys.ESCAPE)  # closes, back in the box
    assert not desk.driver.find_elements(By.CSS_SELECTOR, ".thai-cal")
    desk.press("บันทึกเรื่อง")
    assert Matter.objects.get(title="นัดหมายหารือ").external_deadline == expected


def _add_month(day: dt.date) -> dt.date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last = ((dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))
