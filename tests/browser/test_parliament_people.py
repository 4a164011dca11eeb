"""Taking people off a committee summons and correcting the answering chain, in place, on a desktop and a phone."""
# ruff: noqa: F811  (the parliament fixtures, imported, are named as parameters)

import datetime as dt

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from prasan.parliament.models import Attendee, Delegation
from tests.parliament.conftest import make_item, session  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date.today()


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def in_place(ui, section_id: str, click, expect: str):
    """Do `click` (a swap by htmx, no new page) and wait until the section reads `expect`; the page stays."""
    page = ui.driver.find_element(By.TAG_NAME, "html")
    click()
    # The section is replaced while it is read: a stale node means "not yet", so read again.
    WebDriverWait(ui.driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: expect in d.find_element(By.ID, section_id).text and not d.find_elements(By.CSS_SELECTOR,
                                                                                           ".htmx-request"))
    assert page.is_enabled()  # the same page: nothing reloaded
    return ui


def remove_button(ui, section_id: str, name: str):
    row = ui.driver.find_element(By.XPATH, f"//section[@id='{section_id}']//li[contains(., '{name}')]")
    button = ui.button("นำออก", within=row)
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    return button


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_people_are_taken_off_and_the_chain_corrected_in_place(open_browser, users, agencies, session, make_item,
                                                               size):
    meeting = dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(9, 30)).astimezone()
    summons = make_item(kind="committee_summons", number="", subject="ชี้แจงงบประมาณอาหารกลางวัน",
                        committee="คณะกรรมาธิการการศึกษา", meeting_at=meeting, room="ห้อง 301",
                        attendees=[{"user": users["grouphead"], "position": "ผู้อำนวยการกลุ่มงาน"},
                                   {"name": "นางสาวชี้แจง ข้อมูลดี", "position": "ผู้อำนวยการสำนักนโยบาย",
                                    "agency": agencies[0]}])
    question = make_item(number="158 ร.", delegations=[
        {"delegated_to": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "delegated_on": TODAY},
        {"delegated_to": "รัฐมนตรีช่วยว่าการ", "delegated_on": TODAY, "note": "ตามคำสั่ง"}])
    ui = open_browser(size).login("coordinator")
    ui.driver.execute_script("window.confirm = () => true")

    ui.visit(summons.get_absolute_url()).shows("นางสาวชี้แจง ข้อมูลดี", "grouphead")
    ui.driver.execute_script("window.confirm = () => true")
    in_place(ui, "attendees", remove_button(ui, "attendees", "grouphead").click,
             "นำ grouphead ออกจากรายชื่อผู้เข้าร่วมแล้ว")
    assert list(Attendee.objects.filter(item=summons).values_list("name", flat=True)) == ["นางสาวชี้แจง ข้อมูลดี"]
    form = ui.open_action("เพิ่มผู้เข้าร่วม")
    ui.fill("id_name", "นายมาแทน ชี้แจงได้")
    in_place(ui, "attendees", ui.button("เพิ่ม", within=form).click, "เพิ่ม นายมาแทน ชี้แจงได้ ในรายชื่อผู้เข้าร่วมแล้ว")
    ui.screenshot(f"parliament-attendees-{size}")
    if size == "phone":
        ui.assert_fits_phone()

    ui.visit(question.get_absolute_url())
    ui.driver.execute_script("window.confirm = () => true")
    link = Delegation.objects.get(item=question, note="ตามคำสั่ง")
    row = ui.driver.find_element(By.XPATH, "//section[@id='delegations']//li[contains(., 'รัฐมนตรีช่วยว่าการ')]")
    summary = row.find_element(By.TAG_NAME, "summary")
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    ui.fill(f"id_d{link.pk}-delegated_on", "31/02/2569")
    in_place(ui, "delegations", ui.button("บันทึกการแก้ไข", within=row).click, "กรุณาแก้ไขช่องที่มีข้อความสีแดง")
    assert ui.value(f"id_d{link.pk}-delegated_to") == "รัฐมนตรีช่วยว่าการ"  # what was typed is kept
    ui.screenshot(f"parliament-delegation-error-{size}")
    ui.fill(f"id_d{link.pk}-delegated_to", "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ")
    ui.fill(f"id_d{link.pk}-delegated_on", be(TODAY + dt.timedelta(days=1)))
    row = ui.driver.find_element(By.XPATH, "//section[@id='delegations']//li[.//details[@open]]")
    in_place(ui, "delegations", ui.button("บันทึกการแก้ไข", within=row).click,
             "แก้ไขการมอบหมายให้ รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ แล้ว")
    link.refresh_from_db()
    assert (link.delegated_to, link.delegated_on) == ("รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ", TODAY + dt.timedelta(days=1))
    in_place(ui, "delegations", remove_button(ui, "delegations", "มอบให้ รัฐมนตรีว่าการกระทรวงศึกษาธิการ").click,
             "นำการมอบให้ รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    assert list(Delegation.objects.filter(item=question).values_list("delegated_to", flat=True)) == [
        "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ"]
    ui.screenshot(f"parliament-delegations-{size}")
    if size == "phone":
        ui.assert_fits_phone()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_this_week_shows_where_each_answer_document_stands(open_browser, users, session, make_item, size):
    from prasan.documents import chain, drafting

    sitting = TODAY + dt.timedelta(days=2)
    drafted = make_item(kind="general_question", number="31", subject="ถามเรื่องครูขาดแคลนในภาคอีสาน", sitting_on=sitting)
    answer = drafting.start(drafted.matter, "question_answer", by=users["coordinator"])
    answer = drafting.save_version(answer, answer.fields | {
        "questions": ["จะบรรจุครูเมื่อใด"], "answers": ["ภายในปีการศึกษา 2570"],
        "signer": {"name": "สมศักดิ์ ประสานกิจ", "position": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}}, by=users["coordinator"])
    chain.submit(answer, by=users["coordinator"])
    briefed = make_item(kind="oral_question", number="", subject="ถามสดเรื่องอาหารกลางวัน", sitting_on=sitting)
    drafting.start(briefed.matter, "speaking_brief", by=users["coordinator"])
    ui = open_browser(size).login("coordinator").visit("/parliament/week/")
    ui.shows("คำตอบกระทู้ถาม: อยู่ระหว่างตรวจเสนอ", "ประเด็นชี้แจง: กำลังร่าง")
    ui.screenshot(f"parliament-week-documents-{size}")
    if size == "phone":
        ui.assert_fits_phone()
