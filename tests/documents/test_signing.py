"""Signing that is right and visible: the source's parts kept, the office's number and date in the
form's own places, the signer's name and position from their profile (acting for someone when they
say so), a visible electronic-signature line, and a PAdES signature that pyHanko validates against the
tests' own CA — and that a single changed byte breaks. A bad certificate numbers nothing."""

import io
import re

import pytest
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from prasan.correspondence.models import RegisterEntry
from prasan.documents import chain, drafting, printing, signature, signing
from prasan.documents.chain import ChainError
from prasan.documents.models import Document
from prasan.matters.models import Plan
from tests import pki
from tests.conftest import PASSWORD

from .conftest import pdf_text, sample, squeeze

pytestmark = pytest.mark.django_db

SOURCE_NUMBER = "ศธ 04009/3214"
SOURCE_DATE = "2026-11-18"


@pytest.fixture
def signer(users):
    head = users["head"]
    head.first_name, head.last_name = "นรินทร์", "ก้อนแก้ว"
    head.position = "หัวหน้าสำนักงานรัฐมนตรี"
    head.save()
    return head


@pytest.fixture
def matter(make_matter, users, unit):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    matter = make_matter(title="การจัดสรรอัตราครูผู้ช่วย")
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


def _reviewed(matter, users, form: str, fields: dict) -> Document:
    """A document of ``form`` through the office's review (group head, head) up to signing."""
    document = drafting.start(matter, form, by=users["coordinator"])
    drafting.save_version(document, fields, by=users["coordinator"])
    chain.submit(document, by=users["coordinator"])
    chain.decide(document, by=users["grouphead"], approve=True)
    chain.decide(document, by=users["head"], approve=True)
    document.refresh_from_db()
    return document


def _summary_note(matter, users) -> Document:
    fields = sample("summary_note") | {"doc_number": SOURCE_NUMBER, "doc_date": SOURCE_DATE, "sr_number": "",
                                       "head_of_office": {"name": "ชื่อที่พิมพ์ในร่าง", "position": "ตำแหน่งในร่าง"}}
    fields.pop("reviewers")
    return _reviewed(matter, users, "summary_note", fields)


def _letter(matter, users) -> Document:
    fields = sample("external_letter") | {"signer": {"name": "ชื่อที่พิมพ์ในร่าง", "position": "ตำแหน่งในร่าง"}}
    fields.pop("doc_number", None)
    fields.pop("date", None)
    return _reviewed(matter, users, "external_letter", fields)


def _validate(pdf: bytes, ca) -> object:
    from asn1crypto import x509 as asn1_x509

    root = asn1_x509.Certificate.load(ca.cert.public_bytes(pki.serialization.Encoding.DER))
    reader = PdfFileReader(io.BytesIO(pdf))
    (embedded,) = reader.embedded_signatures
    return validate_pdf_signature(embedded, ValidationContext(trust_roots=[root], allow_fetching=False))


def test_a_summary_note_keeps_the_source_letters_number_and_date(matter, users, signer):
    note = _summary_note(matter, users)
    signed = signing.sign(note, by=signer, password=PASSWORD)
    assert signed.fields["doc_number"] == SOURCE_NUMBER
    assert signed.fields["doc_date"] == SOURCE_DATE
    # The office's own number goes to เลข สร.; the head of office dates the note under the signature.
    assert signed.fields["sr_number"] == signed.register_entry.doc_number == "ศธ 0201.1/1"
    head = signed.fields["head_of_office"]
    assert head["name"] == "นรินทร์ ก้อนแก้ว" and head["position"] == ["หัวหน้าสำนักงานรัฐมนตรี"]
    assert head["date"] == signed.register_entry.letter_date.isoformat()
    text = squeeze(pdf_text(signed.pdf.read()))
    assert squeeze("ศธ ๐๔๐๐๙/๓๒๑๔") in text and squeeze("ศธ ๐๒๐๑.๑/๑") in text
    assert "นรินทร์ก้อนแก้ว" in text and "ชื่อที่พิมพ์ในร่าง" not in text


def test_an_external_letter_takes_the_offices_number_date_and_the_signers_profile(matter, users, signer):
    letter = _letter(matter, users)
    signed = signing.sign(letter, by=signer, password=PASSWORD, acting_for="ปฏิบัติราชการแทน รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    assert signed.fields["doc_number"] == "ศธ 0201.1/1"
    assert signed.fields["date"] == signed.register_entry.letter_date.isoformat()
    assert signed.fields["signer"] == {"name": "นรินทร์ ก้อนแก้ว", "position": [
        # too wide for the signature column on one line: "ปฏิบัติราชการแทน" above the position, as letters set it
        "หัวหน้าสำนักงานรัฐมนตรี", "ปฏิบัติราชการแทน", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]}
    assert signed.signed_name == "นรินทร์ ก้อนแก้ว"
    assert re.fullmatch(r"[0-9]{4}(-[0-9]{4}){3}", signed.signature_fingerprint)
    text = squeeze(pdf_text(signed.pdf.read()))
    assert "(นรินทร์ก้อนแก้ว)" in text and "ปฏิบัติราชการแทนรัฐมนตรีว่าการกระทรวงศึกษาธิการ" in text
    # The visible electronic-signature line: who, in what capacity, when (BE), the fingerprint.
    when = signature.when(signed.signed_at)
    assert squeeze("ลงนามอิเล็กทรอนิกส์ โดย นรินทร์ ก้อนแก้ว") in text
    assert squeeze(f"เมื่อ {when}") in text and "๒๕๖" in when
    assert squeeze(f"รหัสเอกสาร {signed.signature_fingerprint}") in text
    assert "ชื่อที่พิมพ์ในร่าง" not in text


def test_the_signed_pdf_validates_against_the_test_ca_and_a_changed_byte_breaks_it(matter, users, signer, test_ca):
    signed = signing.sign(_letter(matter, users), by=signer, password=PASSWORD)
    pdf = signed.pdf.read()
    status = _validate(pdf, test_ca["ca"])
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == "สร. ทดสอบ"
    # One byte of the first page's content changed: the digest no longer matches.
    tampered = bytearray(pdf)
    at = pdf.index(b"stream", 2000) + 40
    tampered[at] ^= 0x01
    broken = _validate(bytes(tampered), test_ca["ca"])
    assert not broken.intact and not broken.bottom_line
    # Another CA is not trusted, though the signature itself is intact.
    other = _validate(pdf, pki.make_ca("Another CA"))
    assert other.intact and not other.trusted


def test_pdftotext_of_the_signed_pdf_gives_back_the_text_exactly(matter, users, signer):
    signed = signing.sign(_letter(matter, users), by=signer, password=PASSWORD)
    document = Document.objects.get(pk=signed.pk)
    esign = signature.stamp(signature.signer_person(signer), document.signed_at, document.signature_fingerprint,
                            demo=False)
    unsigned = printing.pdf(document, esign=esign)
    pdf = document.pdf.read()
    assert pdf_text(pdf) == pdf_text(unsigned)
    assert b"/ByteRange" in pdf and b"/ByteRange" not in unsigned


@pytest.mark.parametrize("problem,message", [
    ("wrong_password", "รหัสผ่านของใบรับรองไม่ถูกต้อง"),
    ("expired", "หมดอายุแล้วเมื่อ"),
    ("not_yet_valid", "ยังไม่ถึงวันเริ่มใช้"),
    ("missing", "ยังไม่ได้ตั้งค่าใบรับรอง"),
])
def test_a_bad_certificate_refuses_in_thai_and_numbers_nothing(matter, users, signer, settings, test_ca, tmp_path,
                                                               problem, message):
    letter = _letter(matter, users)
    if problem == "wrong_password":
        settings.SIGNING_P12_PASSWORD = "not-the-password"
    elif problem in ("expired", "not_yet_valid"):
        days = (-400, -1) if problem == "expired" else (2, 400)
        cert = pki.issue(test_ca["ca"], "สร. หมดอายุ", days_from=days[0], days_to=days[1])
        settings.SIGNING_P12 = str(pki.write_p12(tmp_path / "bad.p12", cert, test_ca["ca"], "pw"))
        settings.SIGNING_P12_PASSWORD = "pw"
    else:
        settings.SIGNING_P12 = ""
    with pytest.raises(ChainError, match=message):
        signing.sign(letter, by=signer, password=PASSWORD)
    letter.refresh_from_db()
    assert not RegisterEntry.objects.exists()
    assert letter.register_entry is None and not letter.pdf and letter.status == "approved"


def test_a_signer_without_a_position_in_their_profile_is_refused(matter, users, signer):
    signer.position = ""
    signer.save()
    with pytest.raises(ChainError, match="ยังไม่มีตำแหน่ง"):
        signing.sign(_letter(matter, users), by=signer, password=PASSWORD)
    assert not RegisterEntry.objects.exists()


def test_the_demo_certificate_signs_and_says_it_is_a_demo(matter, users, signer, settings, client):
    from prasan.documents import certificates, pades

    settings.SIGNING_P12 = ""
    certificates.ensure_demo("สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ")
    letter = _letter(matter, users)
    client.force_login(signer)
    page = client.get(reverse("document-detail", args=[letter.pk])).content.decode()
    assert "ใบรับรองสาธิต" in page and 'id="demo-certificate"' in page
    signed = signing.sign(letter, by=signer, password=PASSWORD)
    assert signed.signature_demo
    pdf = signed.pdf.read()
    (report,) = pades.verify_pdf(pdf)
    assert report.ok and report.trusted and report.signer == "นรินทร์ ก้อนแก้ว"
    assert "ใบรับรองสาธิต" in squeeze(pdf_text(pdf))
    page = client.get(reverse("document-detail", args=[letter.pk])).content.decode()
    assert signed.signature_fingerprint in page and "ใบรับรองสาธิต ไม่ใช่ใบรับรองจริง" in page


def test_signing_from_the_page_with_acting_for(matter, users, signer, client):
    letter = _letter(matter, users)
    client.force_login(signer)
    page = client.get(reverse("document-detail", args=[letter.pk])).content.decode()
    assert "(นรินทร์ ก้อนแก้ว)" in page and 'name="acting_for"' in page and "typed_name" not in page
    response = client.post(reverse("document-sign", args=[letter.pk]),
                           {"password": PASSWORD, "acting_for": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.fields["signer"]["position"][-2:] == ["ปฏิบัติราชการแทน", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "registrar"])
def test_only_a_head_or_executive_may_sign(matter, users, signer, client, role):
    letter = _letter(matter, users)
    client.force_login(users[role])
    response = client.post(reverse("document-sign", args=[letter.pk]), {"password": PASSWORD}, follow=True)
    assert "ผู้ลงนามต้องเป็นหัวหน้าสำนักงานหรือผู้บริหาร" in response.content.decode()
    assert not RegisterEntry.objects.exists()


def test_signing_a_secret_matters_document_is_404_without_clearance_and_anonymous_goes_to_login(
        make_matter, users, client):
    matter = make_matter(secrecy=1)
    memo = drafting.start(matter, "office_memo", by=users["coordinator"])
    client.force_login(users["uncleared"])
    assert client.post(reverse("document-sign", args=[memo.pk]), {"password": PASSWORD}).status_code == 404
    client.logout()
    response = client.post(reverse("document-sign", args=[memo.pk]), {"password": PASSWORD})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert not RegisterEntry.objects.exists()


def test_acting_for_a_short_position_stays_on_one_line():
    assert signature.acting_lines("ปลัดกระทรวง") == ["ปฏิบัติราชการแทนปลัดกระทรวง"]
    assert signature.acting_lines("รัฐมนตรีว่าการกระทรวงศึกษาธิการ") == ["ปฏิบัติราชการแทน",
                                                                       "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]


def test_sending_refuses_a_bad_address_or_a_control_character_before_anything_goes(matter, users, signer):
    letter = signing.sign(_letter(matter, users), by=signer, password=PASSWORD)
    for to, note, words in ((["ไม่ใช่อีเมล"], "", "อีเมลผู้รับไม่ถูกต้อง"), (["a" * 100_000 + "@x.example"], "", "ไม่ถูกต้อง"),
                            (["saraban@obec.example"], "ส่ง\x00", "อักขระควบคุม")):
        with pytest.raises(chain.ChainError, match=words) as refused:
            signing.dispatch(letter, by=users["coordinator"], to=to, note=note)
        assert refused.value.status == 422
    letter.refresh_from_db()
    assert letter.status != Document.Status.DISPATCHED and not letter.matter.activities.exists()
