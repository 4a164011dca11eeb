"""A registrar uploads a DOCX zip bomb: the letter fails with a Thai reason and offers ลองใหม่ and ทิ้ง; a letter
left "processing" by a dead worker offers the same, and ลองใหม่ reads it (desktop and phone)."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.correspondence.models import LetterIntake
from tests.intake import bombs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LETTER = "เรื่อง ขอส่งข้อมูลจำนวนครูผู้ช่วย\nเรียน รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_bomb_fails_in_thai_and_is_discarded_and_a_stuck_letter_is_retried(open_browser, users, tmp_path, size):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bombs.paragraph_bomb())
    ui = open_browser(size).login("registrar").visit("/registers/intake/")
    ui.attach("id_file", bomb).press("อ่านหนังสือ")
    intake = LetterIntake.objects.get()
    ui.visit(f"/registers/intake/{intake.pk}/")
    ui.shows("ใหญ่ผิดปกติ", "ลองใหม่", "ทิ้ง")
    ui.screenshot(f"intake-failed-{size}")
    if size == "phone":
        ui.assert_fits_phone()
    ui.driver.execute_script("window.confirm = () => true")
    ui.press("ทิ้ง")
    assert LetterIntake.objects.get().status == "discarded"
    assert AuditEvent.objects.filter(action="intake.discard").exists()

    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    ui.visit("/registers/intake/").attach("id_file", letter).press("อ่านหนังสือ")
    stuck = LetterIntake.objects.exclude(pk=intake.pk).get()
    LetterIntake.objects.filter(pk=stuck.pk).update(status="processing", progress=8, progress_label="หน้า 1/3",
                                                    touched_at=timezone.now() - dt.timedelta(hours=1))
    ui.visit(f"/registers/intake/{stuck.pk}/").shows("งานอาจค้าง", "ลองใหม่", "ทิ้ง")
    ui.screenshot(f"intake-abandoned-{size}")
    ui.press("ลองใหม่")
    ui.visit(f"/registers/intake/{stuck.pk}/").shows("ตรวจยืนยันหนังสือรับ", "ขอส่งข้อมูลจำนวนครูผู้ช่วย")
