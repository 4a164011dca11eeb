"""The guards as people meet them in Chromium: the same letter registered twice, a matter closed while agencies
still owe answers, and the quick command's kind."""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from prasan.coordination.models import AgencyRequest
from prasan.correspondence import numbering
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.thai.digits import to_thai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OBEC = "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"


def register_letter(ui, doc_number: str):
    ui.visit(reverse("register-new", args=["incoming"]))
    ui.fill("id_doc_number", doc_number)
    ui.driver.execute_script("document.getElementById('id_letter_date').value = '2026-01-15'")
    ui.fill("id_sender", OBEC)
    ui.fill("id_subject", "ขอความอนุเคราะห์ข้อมูลจำนวนครูผู้ช่วย")
    ui.press("ลงทะเบียนและออกเลข")


def test_the_same_letter_again_is_warned_linked_and_registered_only_when_confirmed(open_browser, users):
    for size in ("desktop", "phone"):
        RegisterEntry.objects.all().delete()
        ui = open_browser(size).login("registrar")
        register_letter(ui, "ศธ 04006/1234")
        first = RegisterEntry.objects.get()
        ui.shows(f"ลงทะเบียนแล้ว เลขทะเบียน {first.number}/{first.year}")

        # The same letter, its number typed in Thai digits and without the space.
        register_letter(ui, "ศธ๐๔๐๐๖/๑๒๓๔")
        ui.shows("หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว",
                 f"ลงทะเบียนไว้แล้ว ในทะเบียนหนังสือรับ เลขทะเบียน {first.number}/{first.year}")
        link = ui.driver.find_element(By.CSS_SELECTOR, "#duplicate-warning a")
        assert link.get_attribute("href").endswith(f"/registers/incoming/{first.pk}/")
        assert ui.value("id_doc_number") == "ศธ๐๔๐๐๖/๑๒๓๔"  # what was typed is kept
        assert RegisterEntry.objects.count() == 1
        ui.screenshot(f"guard-duplicate-letter-{size}")
        if size == "phone":
            ui.assert_fits_phone()

        # Pressing again without ticking the box still registers nothing.
        ui.press("ลงทะเบียน")
        ui.shows("หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว")
        assert RegisterEntry.objects.count() == 1

        ui.choose("ยืนยันว่าเป็นหนังสืออีกฉบับ ลงทะเบียนซ้ำโดยตั้งใจ")
        ui.press("ลงทะเบียน")
        ui.shows(f"ลงทะเบียนแล้ว เลขทะเบียน {first.number + 1}/{first.year}")
        assert RegisterEntry.objects.count() == 2


def test_closing_with_an_open_request_asks_cancel_or_keep_in_the_same_step(open_browser, users, make_matter,
                                                                          agencies):
    matter = make_matter(title="ขอข้อมูลการจัดงานวันครู", kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="กำหนดการ",
                                 deadline=dt.date.today() + dt.timedelta(days=2))
    ui = open_browser("desktop").login("coordinator")
    ui.visit(matter.get_absolute_url())
    form = ui.open_action("ปิดเรื่อง")
    ui.shows("ยังมีคำขอถึงหน่วยงานที่ยังไม่ได้ตอบ 1 รายการ", OBEC)
    ui.screenshot("guard-close-open-requests")

    # Without a choice: refused in Thai, the matter stays open, what was typed stays.
    form.find_element(By.NAME, "message").send_keys("ส่งกำหนดการให้รัฐมนตรีแล้ว")
    ui.press("ปิดเรื่อง", within=form)
    ui.shows("โปรดเลือกว่าจะยกเลิกคำขอเหล่านี้หรือคงไว้")
    assert ui.state() == "ประสานงาน"

    form = ui.open_action("ปิดเรื่อง")
    assert form.find_element(By.NAME, "message").get_attribute("value") == "ส่งกำหนดการให้รัฐมนตรีแล้ว"
    ui.choose("ยกเลิกคำขอเหล่านี้", name="open_requests")
    ui.press("ปิดเรื่อง", within=form)
    assert ui.state() == "ปิดเรื่อง"
    assert AgencyRequest.objects.get().status == "cancelled"


def test_the_quick_command_is_substantive_unless_chosen_with_the_duty_type_in_view(open_browser, users):
    ui = open_browser("phone").login("coordinator")
    ui.visit(reverse("quick-command"))
    substantive = ui.driver.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="substantive"]')
    assert substantive.is_selected() and substantive.is_displayed()
    assert ui.field("id_duty_type").is_displayed()
    ui.screenshot("guard-quick-command-phone")
    ui.assert_fits_phone()


def test_the_intake_screen_warns_that_the_letter_read_is_registered_already(open_browser, users, office):
    letter = Path(__file__).resolve().parents[2] / "bench" / "letters" / "01_ext_obec_teachers.txt"
    ui = open_browser("desktop").login("registrar")
    ui.visit(reverse("intake-home"))
    ui.attach("id_file", letter)
    ui.press("อ่านหนังสือ")
    intake = LetterIntake.objects.get()
    fields = intake.fields
    # The same letter came in earlier, typed by hand with Thai digits.
    earlier = numbering.register_entry(office, "incoming", by=users["registrar"],
                                       doc_number=to_thai(fields["doc_number"]),
                                       letter_date=dt.date.fromisoformat(fields["date"]),
                                       sender=fields["from_agency"], subject=fields["subject"])
    ui.visit(reverse("intake-detail", args=[intake.pk]))
    ui.shows("หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว", f"เลขทะเบียน {earlier.number}/{earlier.year}")
    ui.screenshot("guard-duplicate-intake")
    ui.press("ยืนยันและลงทะเบียนรับ")
    ui.shows("หนังสือฉบับนี้อาจลงทะเบียนไว้แล้ว")
    assert RegisterEntry.objects.count() == 1
    ui.choose("ยืนยันว่าเป็นหนังสืออีกฉบับ ลงทะเบียนซ้ำโดยตั้งใจ")
    ui.press("ยืนยันและลงทะเบียนรับ")
    ui.shows("ลงทะเบียนรับเลขที่")
    assert RegisterEntry.objects.count() == 2
