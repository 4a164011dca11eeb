"""What a person reads in Chromium is Thai: the pages the issue found English on, a form refused with
Django's own messages, and the admin, on a desktop and on a phone (screenshots in var/screenshots/)."""

import pytest

from tests.web.visible import english_words
from tests.web.walk_scene import LETTER, build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _english(ui) -> list[str]:
    """English words in what Chromium renders (innerText: only what is shown, as laid out)."""
    return english_words(ui.text)


def test_the_pages_english_was_found_on_read_in_thai(open_browser, office, unit, users, agencies, make_matter):
    scene = build(office=office, unit=unit, users=users, agencies=agencies, make_matter=make_matter)
    ui = open_browser("desktop").login("head")
    ui.visit(f"/documents/{scene['note']}/compare/?a={scene['note_from']}&b={scene['note_to']}")
    ui.shows("สรุปประเด็นสำคัญ", "เรื่องเดิม", "หัวหน้าสำนักงานรัฐมนตรี รักษาราชการแทน")
    assert "['" not in ui.text and _english(ui) == []
    ui.screenshot("thai-compare")
    ui.visit(f"/documents/{scene['memo']}/")
    ui.shows("· ทราบ")
    assert _english(ui) == []
    ui.visit("/tracking/holidays/")
    assert _english(ui) == []

    # A title far too long with a NUL typed into the form: refused in Thai, what was typed kept.
    ui.visit("/matters/new/")
    ui.driver.execute_script(
        "const t = document.getElementById('id_title'); t.removeAttribute('maxlength');"
        "t.value = 'ก'.repeat(600) + String.fromCharCode(0);")
    ui.press("บันทึกเรื่อง")
    assert any("ยาวได้ไม่เกิน 500 ตัวอักษร" in error for error in ui.errors()), ui.errors()
    assert _english(ui) == []
    # The browser labels a file input in its own language; the page's Thai button and status replace it.
    ui.shows("เลือกไฟล์ (ได้หลายไฟล์)", "ยังไม่ได้เลือกไฟล์")
    ui.attach("id_attachments", LETTER)
    ui.shows(LETTER.name)
    ui.screenshot("thai-form-errors")


def test_the_admin_reads_in_thai_on_a_phone(open_browser, office, unit, users, agencies, make_matter):
    scene = build(office=office, unit=unit, users=users, agencies=agencies, make_matter=make_matter)
    ui = open_browser("phone").login("admin")
    for path, name in [("/admin/", "thai-admin"), ("/admin/audit/auditevent/", "thai-admin-audit"),
                       ("/admin/documents/reviewroute/add/", "thai-admin-route"),
                       (f"/admin/documents/document/{scene['memo']}/change/", "thai-admin-document"),
                       (f"/admin/accounts/user/{users['coordinator'].pk}/change/", "thai-admin-user")]:
        ui.visit(path)
        allowed = {user.username for user in users.values()}
        assert [w for w in _english(ui) if w not in allowed] == [], path
        ui.screenshot(name)
