"""Signing in the browser: a summary note keeps its source letter's number and date; an external letter
signed acting for the minister; both PDFs carry the signer's name and position from their profile, the
visible electronic-signature line and a PAdES signature that `prasan sign-verify` finds intact.
The PDFs' first and signature pages are kept as PNGs beside the screenshots, to be looked at."""

import io
import subprocess
import urllib.request

import pytest
from django.core.management import call_command

from prasan.correspondence.models import RegisterEntry
from prasan.documents import chain, drafting
from prasan.documents.models import Document
from prasan.matters.models import Plan
from tests.conftest import PASSWORD
from tests.documents.conftest import sample

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGNER = "นรินทร์ ก้อนแก้ว"
ACTING_FOR = "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"


@pytest.fixture
def matter(make_matter, users, unit, office):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    office.ministry = "กระทรวงศึกษาธิการ"
    office.save()
    head = users["head"]
    head.first_name, head.last_name = SIGNER.split()
    head.save()
    matter = make_matter(title="การจัดสรรอัตราครูผู้ช่วย ๕๐๐ อัตรา")
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


def _reviewed(matter, users, form, fields) -> Document:
    document = drafting.start(matter, form, by=users["coordinator"])
    drafting.save_version(document, fields, by=users["coordinator"])
    chain.submit(document, by=users["coordinator"])
    chain.decide(document, by=users["grouphead"], approve=True)
    chain.decide(document, by=users["head"], approve=True)
    return Document.objects.get(pk=document.pk)


def _download(desk, path: str) -> bytes:
    cookie = desk.driver.get_cookie("sessionid")
    request = urllib.request.Request(desk.base_url + path, headers={"Cookie": f"sessionid={cookie['value']}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def _look(pdf: bytes, name: str) -> str:
    """pdftotext of the PDF; its pages as PNGs (60 dpi) in var/screenshots for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(SCREENSHOTS / name)], check=True)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()


def _verify(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    out = io.StringIO()
    call_command("sign_verify", str(path), stdout=out)  # exits non-zero (SystemExit) when broken
    return out.getvalue()


def _sign(desk, document, *, acting_for: str = "") -> bytes:
    desk.visit(f"/documents/{document.pk}/")
    desk.shows("ชื่อและตำแหน่งที่จะพิมพ์", f"({SIGNER})", "หัวหน้าสำนักงานรัฐมนตรี")
    if acting_for:
        desk.fill("acting_for", acting_for)
    desk.fill("sign-password", PASSWORD)
    desk.press("ลงนามและออกเลข")
    desk.shows("ลงนามและออกเลขแล้ว", f"ลงนามอิเล็กทรอนิกส์โดย {SIGNER}", "รหัสเอกสาร")
    return _download(desk, desk.link("PDF").get_attribute("href").removeprefix(desk.base_url))


def test_a_summary_note_and_an_external_letter_are_signed_right_and_visibly(
        open_browser, matter, users, tmp_path):
    note_fields = sample("summary_note") | {"doc_number": "ศธ 04009/3214", "doc_date": "2026-11-18",
                                            "sr_number": ""}
    note_fields.pop("reviewers")
    note = _reviewed(matter, users, "summary_note", note_fields)
    letter_fields = sample("external_letter")
    letter_fields.pop("doc_number")
    letter = _reviewed(matter, users, "external_letter", letter_fields)

    desk = open_browser("desktop")
    desk.login("head")

    pdf = _sign(desk, note)
    desk.screenshot("signing-1-summary-note-signed")
    text = _look(pdf, "signing-summary-note")
    flat = "".join(text.split())
    assert "ศธ๐๔๐๐๙/๓๒๑๔" in flat and "๑๘พฤศจิกายน๒๕๖๙" in flat  # the source letter's, as typed
    assert "ศธ๐๒๐๑.๑/๑" in flat  # the office's own number, in เลข สร.
    assert f"({SIGNER})".replace(" ", "") in flat and "นายประสานราชการดี" not in flat
    # The note's stamp stands beside the signer's printed name, so it does not repeat it.
    assert "ลงนามอิเล็กทรอนิกส์" in flat
    assert "รหัสเอกสาร" + Document.objects.get(pk=note.pk).signature_fingerprint in flat
    out = _verify(pdf, tmp_path)
    assert "ผ่าน" in out and f"ผู้ลงนาม: {SIGNER}" in out

    pdf = _sign(desk, letter, acting_for=ACTING_FOR)
    assert f"ปฏิบัติราชการแทน{ACTING_FOR}" in "".join(desk.text.split())
    text = _look(pdf, "signing-external-letter")
    flat = "".join(text.split())
    assert "ที่ศธ๐๒๐๑.๑/๒" in flat and f"ปฏิบัติราชการแทน{ACTING_FOR}" in flat
    assert "รหัสเอกสาร" + Document.objects.get(pk=letter.pk).signature_fingerprint in flat
    assert "ผ่าน" in _verify(pdf, tmp_path)
    assert RegisterEntry.objects.count() == 2

    phone = open_browser("phone")
    phone.login("head")
    phone.visit(f"/documents/{letter.pk}/")
    phone.shows("ลงนามแล้ว", "รหัสเอกสาร")
    phone.assert_fits_phone()
    phone.screenshot("signing-2-letter-signed-phone")
