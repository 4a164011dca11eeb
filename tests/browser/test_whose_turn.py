"""One matter from a verbal command to closed, each person starting from their "รอดำเนินการ" list.

The coordinator records the command and drafts a summary note to the minister and a letter to the agency;
the group head and the head of office review both from their lists; the head signs; the minister decides
from his list (the document's PDF a tap away); the coordinator sends the letter from his list and the
matter closes by itself. The minister's decision is recorded once, on the document, and the matter's
state is checked after every step.
"""

import pytest
from selenium.webdriver.common.by import By

from prasan.documents import drafting
from prasan.documents.models import Document
from prasan.matters.models import Decision, Matter
from tests.conftest import PASSWORD
from tests.documents.conftest import sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "ขอข้อมูลการจัดสรรอัตราครูผู้ช่วยให้โรงเรียนขนาดเล็ก"


def inbox(ui) -> list[str]:
    """The items of my "รอดำเนินการ" list, as their text."""
    return [li.text for li in ui.driver.find_elements(By.CSS_SELECTOR, "#inbox .inbox-item")]


def my_work(ui):
    """The header's งานของฉัน (its text carries the count of what awaits me)."""
    ui._navigate_by(ui.driver.find_element(By.ID, "nav-my-work"))
    return ui


def open_from_inbox(ui, label: str, title_part: str):
    """Go to งานของฉัน and follow the item with this label and title (never a typed URL)."""
    my_work(ui)
    for item in ui.driver.find_elements(By.CSS_SELECTOR, "#inbox .inbox-item"):
        if label in item.text and title_part in item.text:
            ui._navigate_by(item.find_elements(By.TAG_NAME, "a")[1])
            return ui
    raise AssertionError(f"ไม่พบ “{label} {title_part}” ในรายการรอดำเนินการ: {inbox(ui)}")


def state_of(pk) -> str:
    return Matter.objects.get(pk=pk).state


def test_a_verbal_command_goes_to_closed_with_everyone_starting_from_their_list(
        open_browser, users, agencies, smtp_server, unit):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    desk = open_browser("desktop")

    # The coordinator records the minister's command (substantive work), then drafts two documents.
    desk.login("coordinator")
    desk.click_link("+ บันทึกคำสั่งการ")
    desk.fill("id_title", TITLE)
    desk.fill("id_commanded_by", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    desk.choose("สั่งด้วยวาจา (ต่อหน้า)", name="command_channel")
    desk.fill("id_deadline_days", "5")
    desk.choose("เนื้อหาสาระงาน", name="kind")
    desk.press("บันทึก")
    desk.shows("บันทึกคำสั่งการแล้ว")
    matter = Matter.objects.get(title=TITLE)
    assert desk.state() == "รับเรื่อง" == matter.get_state_display()
    open_from_inbox(desk, "เรื่องใหม่ที่ได้รับมอบหมาย", TITLE)

    documents = {}
    for form, label in (("summary_note", "บันทึกสรุปเรื่อง"), ("external_letter", "หนังสือภายนอก")):
        desk.click_link("ร่างเอกสาร")
        desk.choose(label, name="form")
        desk.press("เริ่มร่าง")
        document = Document.objects.get(matter=matter, form=form)
        # The coordinator's typing (the editor's own test types field by field): the same service the form calls.
        drafting.save_version(document, document.fields | sample(form) | {"subject": TITLE},
                              by=users["coordinator"], note="กรอกครบ")
        desk.visit(desk.path)  # the page as it is after saving
        desk.press("เสนอตรวจ")
        desk.shows("เสนอตรวจแล้ว")
        documents[form] = document
        desk.click_link(matter.number)
    assert state_of(matter.pk) == "in_review"
    assert desk.state() == "ตรวจเสนอ"
    assert "เสนอตรวจ" not in desk.buttons() and "บันทึกคำสั่งการของรัฐมนตรี" not in desk.buttons()
    desk.logout()

    # The group head, then the head of office, review both from their lists.
    for reviewer in ("grouphead", "head"):
        desk.login(reviewer)
        my_work(desk)
        assert len([i for i in inbox(desk) if "รอท่านตรวจ" in i]) == 2, inbox(desk)
        desk.screenshot(f"whose-turn-{reviewer}-inbox")
        for form in ("summary_note", "external_letter"):
            open_from_inbox(desk, "รอท่านตรวจ", documents[form].title[:30])
            desk.press("ผ่าน เสนอต่อ")
            desk.shows("บันทึกผลการตรวจแล้ว")
        assert not [i for i in inbox(desk) if "รอท่านตรวจ" in i]
        assert state_of(matter.pk) == ("in_review" if reviewer == "grouphead" else "with_minister")
        if reviewer == "grouphead":
            desk.logout()

    # The head signs the letter (and the note, before the minister decides) from the list.
    for form in ("external_letter", "summary_note"):
        open_from_inbox(desk, "รอท่านลงนาม", documents[form].title[:30])
        desk.fill("sign-password", PASSWORD)  # the name and position printed come from his profile
        desk.press("ลงนามและออกเลข")
        desk.shows("ลงนามและออกเลขแล้ว")
    assert state_of(matter.pk) == "with_minister"
    desk.logout()

    # The minister decides from his list, the PDF a tap away, without opening anything else.
    phone = open_browser("phone")
    phone.login("minister")
    my_work(phone)
    items = inbox(phone)
    assert len(items) == 1 and "รอท่านวินิจฉัย/สั่งการ" in items[0], items
    assert phone.has_link("เปิดเอกสาร (PDF)")
    phone.assert_fits_phone()
    phone.screenshot("whose-turn-minister-phone")
    phone.press("ทราบ")
    assert inbox(phone) == []
    assert Decision.objects.filter(matter=matter).count() == 1
    assert Decision.objects.get(matter=matter).verdict == "acknowledged"
    # Decided; the signed letter still waits to be sent, so the matter is not yet followed up.
    assert state_of(matter.pk) == "in_review"

    # The coordinator, told by e-mail, sends the letter from his list: nothing is left, the matter closes.
    assert any("ผู้บริหารสั่งการแล้ว" in str(m["Subject"]) for m in smtp_server.to("coordinator@moe.example"))
    desk.login("coordinator")
    open_from_inbox(desk, "ลงนามแล้ว รอส่ง", documents["external_letter"].title[:30])
    desk.fill("to", "saraban@obec.example")
    desk.press("ส่งทางอีเมลพร้อม PDF")
    assert desk.errors() == []
    assert state_of(matter.pk) == "closed"
    desk.click_link(matter.number)
    assert desk.state() == "ปิดเรื่อง"
    assert Decision.objects.filter(matter=matter).count() == 1
    events = list(matter.transitions.values_list("event", flat=True))
    assert events == ["create", "draft", "submit", "approve", "record_decision", "dispatch"], events
    desk.screenshot("whose-turn-closed")
