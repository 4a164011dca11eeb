"""A registrar drops a written question's letter (PDF) into intake: the proposed parliament item shows its number,
asker and reply date filled; one confirm registers the letter and creates the matter and the item."""

import datetime as dt
from pathlib import Path

import pytest

from bench.letters.make_variants import make_pdf
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter
from prasan.parliament.models import Item
from tests.conftest import PASSWORD

from .test_letter_intake import _press_and_wait_long, _scan_images_loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LETTER = Path(__file__).resolve().parents[2] / "bench" / "letters" / "p01_house_written_gazette.txt"
READ_SECONDS = 60


def _pdf_of_the_letter(folder: Path) -> Path:
    """The Secretariat's letter as a PDF with a text layer; its reply date in the future, as a new letter's is."""
    lines = LETTER.read_text(encoding="utf-8").replace("๒๑ ธันวาคม ๒๕๖๙", "๒๑ ธันวาคม ๒๕๘๐").splitlines()
    target = folder / "kratoo-157.pdf"
    make_pdf(lines, target)
    return target


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_registrar_drops_a_written_question_and_the_item_comes_filled(open_browser, office, users, tmp_path, size):
    desk = open_browser(size)
    desk.login(users["registrar"].username, PASSWORD)
    desk.visit("/registers/intake/")
    desk.attach("id_file", _pdf_of_the_letter(tmp_path))
    _press_and_wait_long(desk, "อ่านหนังสือ", READ_SECONDS)
    intake = LetterIntake.objects.get()
    assert intake.status == "ready", intake.error
    assert desk.title == "ตรวจยืนยันหนังสือรับ", desk.text

    assert all(width > 0 for width in _scan_images_loaded(desk))  # and the page has stopped moving
    desk.shows("งานรัฐสภาจากหนังสือนี้")
    assert desk.picked("id_duty_type") == "กระทู้ ญัตติ ร่างพระราชบัญญัติ"
    assert desk.picked("id_parl-kind") == "กระทู้ถามเป็นหนังสือ"
    assert desk.value("id_parl-number") == "157 ร."
    assert desk.value("id_parl-asker") == "นายประสิทธิ์ ดอยคำ"
    assert desk.value("id_parl-asker_province") == "แม่ฮ่องสอน"
    assert desk.picked("id_parl-answer_in") == "ตอบในราชกิจจานุเบกษา"
    assert desk.value("id_parl-answer_by").endswith("2580")  # shown in the Buddhist era
    assert desk.field("id_parl-create").is_selected()
    desk.screenshot(f"intake-parliament-item-{size}")
    if size == "phone":
        desk.assert_fits_phone()

    desk.choose("สร้างเรื่องใหม่", name="destination")
    desk.press("ยืนยันและลงทะเบียนรับ")
    assert not desk.errors(), desk.errors()
    matter, item = Matter.objects.get(), Item.objects.get()
    assert desk.path == matter.get_absolute_url()
    desk.shows("บันทึกกระทู้ถามเป็นหนังสือแล้ว")
    assert item.matter == matter and matter.duty_type == "parliament"
    assert (item.number, item.asker_name, item.letter_deadline) == ("157 ร.", "นายประสิทธิ์ ดอยคำ", dt.date(2037, 12, 21))
    assert RegisterEntry.objects.get().matter == matter
