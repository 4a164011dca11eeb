"""A secret matter: its assignee works on it; anyone without clearance cannot even tell that it exists."""

import re

import pytest

from prasan.matters.choices import Secrecy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "ข้อมูลการสอบสวนวินัยผู้บริหารสถานศึกษา"


def _page(ui) -> str:
    """The page's HTML without the per-render CSRF mask, which differs on every page."""
    ui._settled()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', ui.driver.page_source)


def _status(ui, path: str) -> int:
    """The HTTP status of a page, fetched with the browser's own session."""
    return ui.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status));",
        path,
    )


def test_a_secret_matter_is_shown_to_its_assignee_and_is_a_plain_404_to_an_uncleared_user(
    open_browser, make_matter, users
):
    secret = make_matter(title=TITLE, secrecy=Secrecy.SECRET, assignees=[users["grouphead"]])
    matter_path = secret.get_absolute_url()
    missing_path = f"/matters/{secret.pk + 1000}/"
    desk = open_browser("desktop")

    desk.login("grouphead")
    desk.shows(TITLE)
    desk.click_link(TITLE)
    assert desk.path == matter_path
    assert desk.driver.find_element("css selector", ".secret-banner").text == "ลับมาก"
    desk.shows(TITLE, "ลับมาก")
    desk.logout()

    desk.login("uncleared")
    assert TITLE not in desk.text
    desk.click_link("ทะเบียนเรื่อง")
    assert TITLE not in desk.text and secret.number not in desk.text

    desk.visit(matter_path)
    secret_page = _page(desk)
    desk.shows("ไม่พบหน้าที่ต้องการ")
    assert TITLE not in desk.text and secret.number not in desk.text
    desk.visit(missing_path)
    assert _page(desk) == secret_page, "a secret matter must look exactly like a missing one"
    assert _status(desk, matter_path) == _status(desk, missing_path) == 404
    desk.screenshot("secret-404-for-uncleared")


def test_asking_an_agency_about_a_secret_matter_warns_and_keeps_its_title_off_the_reply_page(
    open_browser, make_matter, users, agencies, smtp_server
):
    import time

    from tests.servers import SmtpServer

    secret = make_matter(title=TITLE, secrecy=Secrecy.SECRET, state="coordinating", assignees=[users["grouphead"]])
    phone = open_browser("phone")
    phone.login("grouphead")
    phone.visit(f"/matters/{secret.pk}/requests/new/")
    phone.shows("ผู้ใดที่ได้ลิงก์ตอบกลับจะเห็นข้อความ", "แสดงชื่อเรื่องในหน้าตอบกลับ")
    phone.choose(str(agencies[0]), name="agencies")
    phone.fill("id_deliverable", "สำเนาคำสั่งแต่งตั้งคณะกรรมการสอบสวน")
    phone.fill("id_deadline_days", "3")
    phone.assert_fits_phone()
    phone.screenshot("secret-request-form-phone")
    phone.press("ส่งคำขอ")
    phone.shows("คำขอถึง 1 หน่วยงานแล้ว")
    deadline = time.monotonic() + 10
    while not smtp_server.to("liaison@obec.example") and time.monotonic() < deadline:
        time.sleep(0.05)
    [link] = re.findall(r"https?://\S+/reply/\S+/", SmtpServer.body(smtp_server.to("liaison@obec.example")[0]))
    phone.logout()
    phone.visit(link[link.index("/reply/"):])
    phone.shows(secret.number, "สำเนาคำสั่งแต่งตั้งคณะกรรมการสอบสวน")
    assert TITLE not in phone.text
    phone.assert_fits_phone()
    phone.screenshot("secret-reply-page-phone")
