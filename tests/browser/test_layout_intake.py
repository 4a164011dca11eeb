"""Issue 19: a registrar takes in letters laid out as other offices lay them out — a PDF with a text layer
(bracketed sub-unit number, office over two lines, a deputy signing ปฏิบัติราชการแทน, an enclosure wrapped
across a line) and a 300-dpi scan with a red urgency stamp across the letterhead — and finds every field
of the confirm form filled right."""

import io
import sys
from pathlib import Path

import pytest

from prasan.correspondence.models import LetterIntake, RegisterEntry
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BENCH = Path(__file__).resolve().parents[2] / "bench"
LAYOUT = BENCH / "letters" / "layout"
SECONDS = 120  # one scanned page takes 5–15 s to read, more on a busy machine


def _bench():
    for path in (str(BENCH), str(BENCH / "letters")):
        if path not in sys.path:
            sys.path.insert(0, path)
    import intake_layout

    return intake_layout


def _pdf(tmp_path: Path, name: str) -> Path:
    from bench.letters.make_variants import make_pdf

    lines = (LAYOUT / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    target = tmp_path / "letter-from-the-comptroller.pdf"
    make_pdf(lines, target, "typed")
    return target


def _scan(tmp_path: Path, name: str) -> Path:
    lines = (LAYOUT / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    image = _bench().scan(lines, 300, seed=7)
    target = tmp_path / "circular-scan.png"
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(300, 300))
    target.write_bytes(out.getvalue())
    return target


def _read(ui, path: Path):
    ui.click_link("รับหนังสือ")
    ui.attach("id_file", path)
    ui.driver.set_page_load_timeout(SECONDS)
    ui.button("อ่านหนังสือ").click()
    ui.wait_for_title("ตรวจยืนยันหนังสือรับ", SECONDS)
    ui.driver.set_page_load_timeout(30)


def _check_every_field(ui, expected: dict) -> None:
    shown = {
        "kind": ui.value("id_kind"), "doc_number": ui.value("id_doc_number"), "date": ui.value("id_date"),
        "subject": ui.value("id_subject"), "to": ui.value("id_to"), "from_agency": ui.value("id_from_agency"),
        "urgency": ui.value("id_urgency"), "secrecy": ui.value("id_secrecy"),
        "references": ui.value("id_references"), "enclosures": ui.value("id_enclosures"),
        "signer": ui.value("id_signer"), "signer_position": ui.value("id_signer_position"),
        "contact_phone": ui.value("id_contact_phone"),
    }
    date = shown.pop("date")
    assert date in expected.pop("date"), date
    assert shown == expected


def test_a_registrar_takes_in_a_pdf_laid_out_by_another_office(open_browser, office, users, tmp_path):
    desk = open_browser("desktop")
    desk.login(users["registrar"].username, PASSWORD)
    _read(desk, _pdf(tmp_path, "l02_ext_bracket_code_two_line_office"))
    intake = LetterIntake.objects.get()
    assert intake.status == "ready" and not intake.ocr_used
    _check_every_field(desk, {
        "kind": "external", "doc_number": "กค (กวจ) 0405.3/4656", "date": ("2026-12-03", "3 ธ.ค. 2569"),
        "subject": "ซักซ้อมแนวทางการเบิกจ่ายเงินค่าตอบแทนคณะกรรมการ",
        "to": "เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน", "from_agency": "กรมบัญชีกลาง", "urgency": "",
        "secrecy": "", "references": "",
        "enclosures": "สำเนาหนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานจำนวน 1 ชุด",
        "signer": "นางสาวอรวรรณ ทองคำ", "signer_position": "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมบัญชีกลาง",
        "contact_phone": "0 2127 7000 ต่อ 4441",
    })
    desk.screenshot("intake-layout-pdf-confirm")
    desk.choose("ลงทะเบียนรับอย่างเดียว", name="destination")
    desk.press("ยืนยันและลงทะเบียนรับ")
    assert not desk.errors(), desk.errors()
    entry = RegisterEntry.objects.get(register="incoming")
    assert entry.doc_number == "กค (กวจ) 0405.3/4656" and entry.sender == "กรมบัญชีกลาง"


def test_a_registrar_takes_in_a_scan_with_a_red_urgency_stamp(open_browser, office, users, tmp_path):
    desk = open_browser("desktop")
    desk.login(users["registrar"].username, PASSWORD)
    _read(desk, _scan(tmp_path, "l06_circular_wo_number_footer"))
    intake = LetterIntake.objects.get()
    assert intake.status == "ready" and intake.ocr_used, intake.error
    desk.shows("อ่านจากภาพสแกน — โปรดตรวจทุกช่อง")
    _check_every_field(desk, {
        "kind": "circular", "doc_number": "นร 0105.04/ว 50", "date": ("2026-11-24", "24 พ.ย. 2569"),
        "subject": "การรายงานผลการดำเนินการเรื่องร้องเรียนผ่านสายด่วนของรัฐบาล 1111",
        "to": "ผู้อำนวยการสำนักงานรัฐมนตรีทุกกระทรวง",
        "from_agency": "ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี", "urgency": "ด่วนมาก", "secrecy": "",
        "references": "", "enclosures": "", "signer": "นางวรรณา สุขประเสริฐ",
        "signer_position": "ผู้อำนวยการศูนย์บริการประชาชน", "contact_phone": "0 2283 4178",
    })
    desk.screenshot("intake-layout-scan-confirm")
