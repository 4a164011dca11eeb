"""A registrar drops an สลค. letter putting the ministry's proposal on a cabinet meeting's agenda: the proposed agenda
item shows the meeting's day and the item's place in the agenda; one confirm registers the letter and creates the
matter, the meeting of that day and the item, which the coordinator finds on the meeting's page."""

from pathlib import Path

import pytest

from bench.letters.make_variants import make_pdf
from prasan.cabinet.models import AgendaItem
from prasan.correspondence.models import LetterIntake
from prasan.matters.models import Matter
from tests.conftest import PASSWORD

from .test_letter_intake import _press_and_wait_long, _scan_images_loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LETTER = Path(__file__).resolve().parents[2] / "bench" / "letters" / "p16_soc_agenda_proposal.txt"
READ_SECONDS = 60


def _pdf_of_the_letter(folder: Path) -> Path:
    """The letter as a PDF with a text layer; its meeting in the future, as a new letter's is."""
    lines = LETTER.read_text(encoding="utf-8").replace("๑๕ ธันวาคม ๒๕๖๙", "๑๕ ธันวาคม ๒๕๘๐").splitlines()
    target = folder / "slk-agenda.pdf"
    make_pdf(lines, target)
    return target


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_agenda_letter_becomes_the_meetings_item_in_one_confirm(open_browser, office, users, tmp_path, size):
    desk = open_browser(size)
    desk.login(users["registrar"].username, PASSWORD)
    desk.visit("/registers/intake/")
    desk.attach("id_file", _pdf_of_the_letter(tmp_path))
    _press_and_wait_long(desk, "อ่านหนังสือ", READ_SECONDS)
    intake = LetterIntake.objects.get()
    assert intake.status == "ready", intake.error
    assert all(width > 0 for width in _scan_images_loaded(desk))
    desk.shows("วาระการประชุมคณะรัฐมนตรีจากหนังสือนี้")
    assert desk.field("id_cab-create").is_selected() and not desk.field("id_parl-create").is_selected()
    assert desk.value("id_cab-meeting_date").endswith("2580") and desk.value("id_cab-order") == "4.2"
    assert desk.picked("id_duty_type") == "สนับสนุนงานการเมือง (ครม. รัฐสภา ประชาชน)"
    desk.screenshot(f"intake-cabinet-agenda-{size}")
    if size == "phone":
        desk.assert_fits_phone()

    desk.choose("สร้างเรื่องใหม่", name="destination")
    desk.press("ยืนยันและลงทะเบียนรับ")
    assert not desk.errors(), desk.errors()
    matter, item = Matter.objects.get(), AgendaItem.objects.select_related("meeting").get()
    assert desk.path == matter.get_absolute_url() and item.matter == matter and matter.source == "cabinet"
    desk.shows("บันทึกวาระการประชุมคณะรัฐมนตรีแล้ว")

    desk.logout().login(users["coordinator"].username, PASSWORD)
    desk.visit(item.meeting.get_absolute_url())
    desk.shows("ขออนุมัติโครงการพัฒนาครูผู้ช่วยในพื้นที่ขาดแคลน", "4.2")
    desk.screenshot(f"cabinet-meeting-from-letter-{size}")
    if size == "phone":
        desk.assert_fits_phone()
