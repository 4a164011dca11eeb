"""A substantive matter's whole path across roles, each person using only what the page offers them."""

import pytest

from tests.intake.bombs import pdf_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APPROVE = "ตรวจแล้ว เสนอรัฐมนตรี"
DECIDE = "บันทึกคำสั่งการของรัฐมนตรี"


def _pdf(path, text: str):
    """A real one-page PDF (attachments are opened, not only sniffed), a page width of its own for each text."""
    path.write_bytes(pdf_page(595 + len(text), 842))
    return path


def test_a_written_command_goes_from_intake_through_review_and_the_ministers_decision_to_closed(
    open_browser, office, users, tmp_path
):
    letter = _pdf(tmp_path / "command-letter.pdf", "written command")
    draft = _pdf(tmp_path / "draft-memo.pdf", "draft memo")
    desk = open_browser("desktop")

    # The coordinator records the written command with the scanned letter.
    desk.login("coordinator")
    desk.click_link("+ รับเรื่องเป็นหนังสือ")
    desk.fill("id_title", "ขอความเห็นต่อร่างระเบียบการรับนักเรียน ปีการศึกษา 2570")
    desk.fill("id_description", "รัฐมนตรีสั่งการให้วิเคราะห์ร่างระเบียบและเสนอความเห็นภายในสัปดาห์")
    desk.pick("id_source", "คำสั่งการเป็นลายลักษณ์อักษร")
    desk.fill("id_commanded_by", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    desk.pick("id_duty_type", "วิเคราะห์และเสนอความเห็นต่อรัฐมนตรี")
    desk.pick("id_kind", "เนื้อหาสาระงาน")
    desk.fill("id_deadline_days", "5")
    desk.attach("id_attachments", letter)
    desk.press("บันทึกเรื่อง")
    desk.shows("บันทึกเรื่องแล้ว เลขเรื่อง", "command-letter.pdf")
    assert desk.state() == "รับเรื่อง"
    matter_path = desk.path

    desk.press("รับพิจารณา")
    assert desk.state() == "พิจารณา/วางแผน"

    # Starting without a plan is refused in Thai, and nothing changes.
    desk.press("เริ่มประสานงาน")
    desk.shows("ต้องบันทึกแผนการประสาน (อย่างน้อยเป้าหมาย) ก่อนเริ่มประสานงาน")
    assert desk.state() == "พิจารณา/วางแผน"

    desk.visit(matter_path).click_link("เขียนแผนการประสาน")
    desk.fill("id_targets", "สพฐ. และสำนักงานปลัดกระทรวง (กองกฎหมาย)")
    desk.choose("หนังสือราชการ", name="methods")
    desk.fill("id_deliverables", "บันทึกสรุปเรื่องเสนอรัฐมนตรี")
    desk.press("บันทึกแผน")
    desk.press("เริ่มประสานงาน")
    assert desk.state() == "ประสานงาน"
    desk.press("จัดทำเอกสาร")
    assert desk.state() == "จัดทำเอกสาร"

    desk.attach("id_file", draft).pick("id_kind", "ร่างเอกสาร")
    desk.press("แนบ")
    desk.shows("แนบไฟล์ draft-memo.pdf แล้ว", "แนบไฟล์ (ร่างเอกสาร)")
    desk.press("เสนอตรวจ")
    assert desk.state() == "ตรวจเสนอ"
    assert APPROVE not in desk.buttons(), "a coordinator must not be offered the head's approval"
    desk.logout()

    # The group head sees it waiting for review among the unit's matters, and may only send it back.
    desk.login("grouphead")
    desk.shows("ขอความเห็นต่อร่างระเบียบการรับนักเรียน ปีการศึกษา 2570")
    desk.click_link("ขอความเห็นต่อร่างระเบียบการรับนักเรียน ปีการศึกษา 2570")
    assert desk.state() == "ตรวจเสนอ"
    assert APPROVE not in desk.buttons()
    assert "ส่งกลับแก้ไข" in desk.summaries()
    desk.logout()

    # The head of office approves it to the minister.
    desk.login("head")
    desk.visit(matter_path)
    desk.press(APPROVE)
    assert desk.state() == "เสนอรัฐมนตรี"
    desk.logout()

    # The minister's decision needs its text: an empty try is refused in Thai and keeps what was chosen.
    desk.login("minister")
    desk.visit(matter_path)
    form = desk.open_action(DECIDE)
    desk.pick("verdict-record_decision", "อนุมัติ")
    desk.fill("decided-record_decision", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    desk.press(DECIDE, within=form)
    desk.shows("กรุณากรอก “ข้อความเกษียน/คำสั่งการ”")
    assert desk.state() == "เสนอรัฐมนตรี"
    assert desk.picked("verdict-record_decision") == "อนุมัติ"
    assert desk.value("decided-record_decision") == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
    desk.screenshot("substantive-1-decision-needs-text")
    form = desk.open_action(DECIDE)
    desk.fill("msg-record_decision", "อนุมัติตามเสนอ ให้แจ้ง สพฐ. ดำเนินการต่อ")
    desk.press(DECIDE, within=form)
    assert desk.state() == "ติดตามผล"
    assert "เกษียน/คำสั่งการ: อนุมัติ" in desk.timeline()
    assert "อนุมัติตามเสนอ ให้แจ้ง สพฐ. ดำเนินการต่อ" in desk.timeline()
    desk.logout()

    # The coordinator closes it.
    desk.login("coordinator")
    desk.visit(matter_path)
    desk.press("ปิดเรื่อง")
    assert desk.state() == "ปิดเรื่อง"
    desk.shows("ปิดเรื่องแล้ว")
    desk.screenshot("substantive-2-closed")
