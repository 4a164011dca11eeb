"""Checking a PDF's digital signatures: `prasan sign-verify` and the letter-intake confirm screen say in
Thai whether each signature is intact, who signed and when; a broken one fails."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from prasan.correspondence.models import LetterIntake
from prasan.documents import certificates, pades
from prasan.documents.render.html import render_pdf
from tests import pki

from .conftest import sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_pdf(settings):
    pdf = render_pdf("external_letter", sample("external_letter"))
    return pades.sign_pdf(pdf, certificates.load(), name="นรินทร์ ก้อนแก้ว", reason="ลงนามหนังสือ",
                          location="สำนักงานรัฐมนตรี")


def _tampered(pdf: bytes) -> bytes:
    changed = bytearray(pdf)
    changed[pdf.index(b"stream", 2000) + 40] ^= 0x01
    return bytes(changed)


def _run(tmp_path, data: bytes, *extra) -> tuple[int, str]:
    import io

    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    out = io.StringIO()
    try:
        call_command("sign_verify", str(path), *extra, stdout=out)
    except SystemExit as exc:
        return exc.code, out.getvalue()
    return 0, out.getvalue()


def test_an_intact_signature_is_reported_with_its_signer_and_time(tmp_path, signed_pdf):
    code, out = _run(tmp_path, signed_pdf)
    assert code == 0, out
    assert "ลายมือชื่อที่ 1: ผ่าน" in out and "ใบรับรองเชื่อถือได้" in out
    assert "ผู้ลงนาม: นรินทร์ ก้อนแก้ว" in out and "ใบรับรอง: สร. ทดสอบ (ออกโดย Prasan test CA)" in out
    assert "ลงนามเมื่อ: " in out and "256" in out.split("ลงนามเมื่อ: ")[1]


def test_a_changed_byte_fails_with_a_non_zero_exit(tmp_path, signed_pdf):
    code, out = _run(tmp_path, _tampered(signed_pdf))
    assert code == 1
    assert "ไม่ผ่าน" in out and "ลายมือชื่อเสียหาย" in out


def test_a_certificate_from_an_unknown_ca_is_intact_but_untrusted_and_trust_can_be_added(
        tmp_path, settings, signed_pdf):
    other_ca = pki.make_ca("Another CA")
    cert = pki.issue(other_ca, "หน่วยงานอื่น")
    settings.SIGNING_P12 = str(pki.write_p12(tmp_path / "other.p12", cert, other_ca, "pw"))
    settings.SIGNING_P12_PASSWORD = "pw"
    pdf = pades.sign_pdf(render_pdf("external_letter", sample("external_letter")), certificates.load(),
                         name="ผู้ลงนามภายนอก", reason="", location="")
    settings.SIGNING_P12 = ""  # the office no longer trusts that CA through its own certificate file
    code, out = _run(tmp_path, pdf)
    assert code == 0 and "ไม่อยู่ในรายการที่เชื่อถือ" in out
    (tmp_path / "other-ca.pem").write_bytes(other_ca.pem())
    code, out = _run(tmp_path, pdf, "--trust", str(tmp_path / "other-ca.pem"))
    assert code == 0 and "ใบรับรองเชื่อถือได้" in out


def test_an_unsigned_pdf_or_a_file_that_is_not_a_pdf_exits_two(tmp_path):
    code, out = _run(tmp_path, render_pdf("external_letter", sample("external_letter")))
    assert code == 2 and "ไม่มีลายมือชื่อดิจิทัล" in out
    code, out = _run(tmp_path, b"not a pdf at all")
    assert code == 2 and "ไม่ใช่ PDF" in out


def _intake_page(client, data: bytes, capture) -> str:
    with capture(execute=True):
        client.post(reverse("intake-home"), {"file": SimpleUploadedFile("letter.pdf", data, "application/pdf")})
    intake = LetterIntake.objects.order_by("-id").first()
    assert intake.status == "ready", intake.error
    return client.get(reverse("intake-detail", args=[intake.pk])).content.decode()


def test_the_intake_screen_shows_whether_an_incoming_pdfs_signature_is_intact(
        login, users, signed_pdf, django_capture_on_commit_callbacks):
    client, capture = login(users["registrar"]), django_capture_on_commit_callbacks
    page = _intake_page(client, signed_pdf, capture)
    assert 'id="pdf-signatures"' in page
    assert "ลายมือชื่อครบถ้วน เอกสารไม่ถูกแก้ไข ใบรับรองเชื่อถือได้" in page
    assert "ผู้ลงนาม: นรินทร์ ก้อนแก้ว" in page
    page = _intake_page(client, _tampered(signed_pdf), capture)
    assert "ลายมือชื่อเสียหาย" in page and "sig-bad" in page
    page = _intake_page(client, render_pdf("external_letter", sample("external_letter")), capture)
    assert "ไฟล์ PDF นี้ไม่มีลายมือชื่อดิจิทัล" in page


def test_the_prasan_command_line_runs_sign_verify(tmp_path, signed_pdf, test_ca):
    """Through `prasan sign-verify` itself (Django's system checks run, unlike call_command)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "letter.pdf"
    path.write_bytes(signed_pdf)
    env = os.environ | {"PRASAN_DATA_DIR": str(tmp_path / "data"), "PRASAN_SIGNING_P12": ""}
    done = subprocess.run([sys.executable, "-m", "prasan.cli", "sign-verify", str(path), "--trust",
                           str(test_ca["ca_pem"])], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "ผ่าน" in done.stdout and "ใบรับรองเชื่อถือได้" in done.stdout and done.stderr == ""
    path.write_bytes(_tampered(signed_pdf))
    done = subprocess.run([sys.executable, "-m", "prasan.cli", "sign-verify", str(path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and "ลายมือชื่อเสียหาย" in done.stdout


def test_a_damaged_pdf_is_unreadable_not_an_error(tmp_path):
    code, out = _run(tmp_path, b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert code == 2 and "อ่าน" in out
