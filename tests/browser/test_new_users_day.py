"""The acceptance test: a coordinator's day on a phone, an agency answering by link, the head checking."""

import re
import time

import pytest

from tests.servers import SmtpServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPLY_LINK = re.compile(r"https?://\S+/reply/\S+/")


def _reply_links(messages) -> list[str]:
    return [link for message in messages for link in REPLY_LINK.findall(SmtpServer.body(message))]


def _wait_for_mail(inbox, count: int, seconds: float = 10) -> list:
    deadline = time.monotonic() + seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return inbox.messages


def test_a_new_coordinator_records_coordinates_and_closes_a_command_from_a_phone(
    open_browser, smtp_server, office, users, agencies
):
    obec, vec = agencies
    phone = open_browser("phone")
    phone.login("coordinator")
    phone.assert_styled()

    # The minister says something in the corridor: record it before walking on.
    phone.click_link("+ บันทึกคำสั่งการ")
    assert phone.title == "บันทึกคำสั่งการ"
    phone.assert_fits_phone()
    started = time.monotonic()
    phone.fill("id_title", "ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค")
    phone.fill("id_commanded_by", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    phone.choose("โทรศัพท์", name="command_channel")
    phone.fill("id_deadline_days", "2")
    phone.choose("อำนวยความสะดวก", name="kind")
    phone.screenshot("day-1-phone-quick-command")
    phone.press("บันทึก")
    print(f"\nกรอกบันทึกคำสั่งการบนโทรศัพท์ใช้เวลา {time.monotonic() - started:.1f} วินาที")

    phone.shows("บันทึกคำสั่งการแล้ว เลขเรื่อง")
    assert "ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค" in phone.title
    assert phone.state() == "รับเรื่อง"
    matter_path = phone.path
    number = phone.title.split(" ขอข้อมูล")[0]
    phone.assert_fits_phone()

    # Plan: whom to reach and how.
    phone.click_link("เขียนแผนการประสาน")
    phone.fill("id_targets", "สพฐ. (สำนักนโยบายและแผน) และ สอศ.")
    phone.choose("โทรศัพท์", name="methods").choose("อีเมล", name="methods")
    phone.assert_fits_phone()
    phone.press("บันทึกแผน")
    phone.shows("บันทึกแผนการประสานแล้ว")
    phone.shows("สพฐ. (สำนักนโยบายและแผน) และ สอศ.")

    # A phone call to the agency, logged.
    phone.click_link("บันทึกการประสานงาน")
    phone.pick("id_channel", "โทรศัพท์").pick("id_agency", str(obec))
    phone.fill("id_counterpart", "คุณสมชาย ใจดี")
    phone.fill("id_summary", "โทรแจ้งว่ารัฐมนตรีต้องการข้อมูลครูผู้ช่วยแยกรายภาค")
    phone.fill("id_outcome", "รับทราบ จะรวบรวมส่งทางลิงก์")
    phone.assert_fits_phone()
    phone.press("บันทึก")
    assert "โทรแจ้งว่ารัฐมนตรีต้องการข้อมูลครูผู้ช่วยแยกรายภาค" in phone.timeline()
    assert "รับทราบ จะรวบรวมส่งทางลิงก์" in phone.timeline()

    # Ask both agencies in writing; each gets its own reply link by email.
    phone.click_link("ขอข้อมูลจากหน่วยงาน")
    phone.choose(str(obec), name="agencies").choose(str(vec), name="agencies")
    phone.fill("id_deliverable", "จำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค")
    phone.fill("id_deadline_days", "3")
    phone.pick("id_channel", "อีเมล")
    phone.assert_fits_phone()
    phone.screenshot("day-1b-phone-request-form")
    phone.press("ส่งคำขอ")
    phone.shows("คำขอถึง 2 หน่วยงานแล้ว")

    mails = _wait_for_mail(smtp_server, 2)
    assert sorted(to for m in mails for to in m.envelope_to) == ["liaison@obec.example", "liaison@vec.example"]
    links = _reply_links(mails)
    assert len(links) == 2 and len(set(links)) == 2, "each agency gets its own reply link"
    [obec_link] = _reply_links(smtp_server.to("liaison@obec.example"))

    # The agency's liaison officer answers from the link, with no account.
    liaison = open_browser("phone")
    liaison.visit(obec_link)
    assert liaison.title == "ตอบคำขอของสำนักงานรัฐมนตรี"
    assert "ออกจากระบบ" not in liaison.text
    liaison.assert_fits_phone()
    liaison.fill("id_name", "สมชาย ใจดี")
    liaison.fill("id_answer", "ครูผู้ช่วยบรรจุปี 2569 รวม 12,345 คน: ภาคเหนือ 2,100 ภาคอีสาน 4,200")
    liaison.screenshot("day-1c-phone-agency-reply")
    liaison.press("ส่งคำตอบ")
    assert liaison.title == "ได้รับคำตอบแล้ว"
    assert "ขอขอบคุณ" in liaison.text

    # Back on the coordinator's phone: the answer is in the matter's timeline.
    phone.visit(matter_path)
    assert f"คำตอบจาก {obec.name}" in phone.timeline()
    assert "ครูผู้ช่วยบรรจุปี 2569 รวม 12,345 คน" in phone.timeline()
    phone.assert_fits_phone()
    phone.screenshot("day-1d-phone-matter-with-answer")

    # A facilitation matter: start, then close with the result.
    phone.press("เริ่มประสานงาน")
    assert phone.state() == "ประสานงาน"
    form = phone.open_action("ปิดเรื่อง")
    phone.fill("msg-close", "ส่งข้อมูลของ สพฐ. ให้รัฐมนตรีทาง LINE แล้ว")
    # สอศ. has not answered: closing asks, in the same form, what becomes of its request.
    phone.shows("ยังมีคำขอถึงหน่วยงานที่ยังไม่ได้ตอบ 1 รายการ")
    phone.choose("ยกเลิกคำขอเหล่านี้", name="open_requests")
    phone.press("ปิดเรื่อง", within=form)
    assert phone.state() == "ปิดเรื่อง"
    assert "ส่งข้อมูลของ สพฐ. ให้รัฐมนตรีทาง LINE แล้ว" in phone.timeline()
    phone.assert_fits_phone()
    phone.screenshot("day-2-phone-matter")

    phone.click_link("ทะเบียนเรื่อง")
    phone.assert_fits_phone()
    phone.screenshot("day-3-phone-list")

    # The head of office, at a desk, sees it among the closed matters.
    desk = open_browser("desktop")
    desk.login("head")
    desk.click_link("ทะเบียนเรื่อง")
    desk.pick("f-state", "ปิดเรื่อง")
    desk.press("กรอง")
    assert "state=closed" in desk.path
    assert "พบ 1 เรื่อง" in desk.text
    assert desk.has_link(number)
    desk.screenshot("day-4-desktop-closed-list")
