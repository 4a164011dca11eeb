"""A written question from the coordinator's form through its statuses to the session report, in Chromium."""
# ruff: noqa: F811  (the parliament fixtures, imported, are named as parameters)

import datetime as dt

import pytest

from tests.parliament.conftest import make_item, session  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date.today()


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def test_a_written_question_is_recorded_answered_and_counted(open_browser, office, users, session, make_item):
    make_item(kind="committee_summons", number="", subject="งบประมาณอาหารกลางวัน", committee="คณะกรรมาธิการการศึกษา",
              meeting_at=dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(9, 30)).astimezone(),
              room="ห้อง 301", attendees=[{"user": users["minister"]}])
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.click_link("รัฐสภา")
    desk.shows("สัปดาห์นี้ในรัฐสภา", "งบประมาณอาหารกลางวัน")
    desk.click_link("+ บันทึกรายการใหม่").click_link("กระทู้ถามเป็นหนังสือ")
    desk.fill("id_subject", "การบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน").pick("id_house", "สภาผู้แทนราษฎร")
    desk.fill("id_number", "157 ร.").fill("id_asker_name", "นายสมศักดิ์ ใจมั่น").fill("id_asker_party", "พรรคประชาธรรม")
    desk.fill("id_asker_province", "ขอนแก่น").fill("id_minister_asked", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    desk.pick("id_answer_in", "ตอบในราชกิจจานุเบกษา")
    desk.fill("id_letter_deadline", be(TODAY - dt.timedelta(days=2)))
    desk.press("บันทึก")
    # A deadline before receipt: said beside the field, and nothing typed is lost.
    assert any("ต้องไม่อยู่ก่อนวันรับเรื่อง" in e for e in desk.errors())
    assert desk.value("id_asker_name") == "นายสมศักดิ์ ใจมั่น"
    desk.screenshot("parliament-form-error-desktop")
    desk.fill("id_letter_deadline", be(TODAY + dt.timedelta(days=10)))
    desk.press("บันทึก")
    desk.shows("บันทึกกระทู้ถามเป็นหนังสือที่ 157 ร.แล้ว", "กำหนดส่ง", "ตามกำหนดในหนังสือ")
    item_path = desk.path

    for label in ("มอบหมายผู้รับผิดชอบแล้ว", "ขอข้อมูลหน่วยงานแล้ว", "ร่างคำตอบแล้ว", "รัฐมนตรีเห็นชอบแล้ว", "ตอบ/ชี้แจงแล้ว"):
        desk.pick("status-to", label).press("บันทึกสถานะ")
        desk.shows("เปลี่ยนสถานะเป็น")
    assert desk.field("item-status").text == "ตอบ/ชี้แจงแล้ว"
    desk.screenshot("parliament-item-desktop")

    # The head of office finds it counted in the session report, answered on time.
    desk.logout().login("head")
    desk.click_link("รัฐสภา").click_link("รายงานสมัยประชุม")
    summary = desk.field("report-summary").text
    assert "ตอบแล้ว\n1 รายการ" in summary and "1 จาก 1 รายการที่มีกำหนด (100.0%)" in summary
    desk.shows("กระทู้ถามเป็นหนังสือ")
    desk.screenshot("parliament-report-desktop")
    desk.click_link("สัปดาห์นี้ในรัฐสภา")
    desk.screenshot("parliament-week-desktop")

    phone = open_browser("phone")
    phone.login("head")
    for path, name in (("/parliament/week/", "week"), (item_path, "item"), ("/parliament/", "list"),
                       ("/parliament/reports/", "report"), ("/parliament/new/?kind=written_question", "form")):
        phone.visit(path)
        phone.assert_styled()
        if name != "report":  # the report's wide tables scroll inside their own box
            phone.assert_fits_phone()
        phone.screenshot(f"parliament-{name}-phone")
