"""The public complaint form and status page, as a citizen (no account) and as a program trying its luck: a complaint
filed gives its number and a private code once; the status page shows progress by both and nothing else; floods,
honeypots, hasty forms, bad attachments and guesses are refused in Thai; CSRF and the secure headers stay."""

import io
import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prasan.complaints.models import Complaint
from prasan.complaints.public.forms import _SALT
from prasan.complaints.public.models import PublicAttempt
from prasan.matters.models import MatterFile

pytestmark = pytest.mark.django_db
FORM, STATUS = "/public/complaint/", "/public/complaint/status/"


def started(seconds_ago=30):
    return signing.dumps(timezone.now().timestamp() - seconds_ago, salt=_SALT)


def png() -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def complaint_data(**extra):
    data = {"subject": "โรงเรียนเรียกเก็บเงินค่าชุดพละเกินราคา", "details": "บุตรของดิฉันถูกบังคับซื้อชุดพละ 1,850 บาท",
            "about": "โรงเรียนบ้านหนองบัว", "province": "ขอนแก่น", "name": "นางสาวสมหญิง ทองดี", "phone": "081-234-5678",
            "email": "somying@example.com", "notice_read": "on", "started": started(), "website": ""}
    data.update(extra)
    return data


def file(client, **extra):
    return client.post(FORM, complaint_data(**extra))


def receipt(client) -> tuple[str, str]:
    body = client.get(reverse("public-complaint-received")).content.decode()
    number = re.search(r'id="receipt-number"[^>]*>([^<]+)<', body).group(1)
    code = re.search(r'id="receipt-code"[^>]*>([^<]+)<', body).group(1)
    return number, code


def test_the_form_is_thai_shows_the_privacy_notice_and_keeps_the_secure_headers(client, office):
    response = client.get(FORM)
    body = response.content.decode()
    assert response.status_code == 200
    assert "ประกาศความเป็นส่วนตัว" in body and "มาตรา ๒๔ (๔)" in body
    assert 'name="csrfmiddlewaretoken"' in body and 'name="website"' in body
    assert "Content-Security-Policy" in response.headers and "no-store" in response["Cache-Control"]
    assert 'inputmode="tel"' in body and 'name="viewport"' in body


def test_a_parent_files_and_gets_a_number_and_a_code_shown_once(client, office):
    response = client.post(FORM, {**complaint_data(), "files": [png()]})
    assert response.status_code == 302 and response["Location"] == reverse("public-complaint-received")
    number, code = receipt(client)
    complaint = Complaint.objects.get()
    assert complaint.number == number and complaint.channel == "web_form"
    assert complaint.complainant_name == "นางสาวสมหญิง ทองดี" and complaint.complainant_phone == "081-234-5678"
    assert complaint.matter.duty_type == "complaint" and complaint.matter.created_by is None
    assert MatterFile.objects.filter(matter=complaint.matter, name="photo.png").exists()
    assert re.fullmatch(r"\d{5}-\d{5}", code)
    # Shown once: the page again has no code (it is kept only hashed).
    assert client.get(reverse("public-complaint-received"))["Location"] == STATUS


def test_an_anonymous_complaint_with_no_contact_is_accepted(client, office):
    assert file(client, name="", phone="", email="", anonymous="on").status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.anonymous and not complaint.has_contact


@pytest.mark.parametrize(("extra", "field", "says"), [
    ({"subject": ""}, "subject", "กรุณากรอกช่องนี้"),
    ({"notice_read": ""}, "notice_read", "ประกาศความเป็นส่วนตัว"),
    ({"phone": "12"}, "phone", "9–10 หลัก"),
    ({"email": "not-an-email"}, "email", "รูปแบบอีเมล"),
])
def test_bad_input_is_refused_beside_its_field_and_kept(client, office, extra, field, says):
    response = file(client, **extra)
    body = response.content.decode()
    assert response.status_code == 422 and says in body and f'id="id_{field}_error"' in body
    assert "โรงเรียนบ้านหนองบัว" in body  # what was typed is still there
    assert not Complaint.objects.exists()


def test_an_attachment_is_checked_by_its_content_not_its_name(client, office):
    fake = SimpleUploadedFile("evidence.pdf", b"just some text, not a PDF", content_type="application/pdf")
    response = client.post(FORM, {**complaint_data(), "files": [fake]})
    assert response.status_code == 422 and "evidence.pdf" in response.content.decode()
    too_many = client.post(FORM, {**complaint_data(), "files": [png(), png(), png(), png()]})
    assert "ไม่เกิน 3 ไฟล์" in too_many.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("extra", [{"website": "http://spam.example"}, {"started": "now"}, {"started": "forged"}])
def test_a_program_filling_the_trap_or_hurrying_is_refused(client, office, extra):
    if extra.get("started") == "now":
        extra = {"started": started(seconds_ago=0)}
    response = file(client, **extra)
    assert response.status_code == 400 and "โปรแกรมอัตโนมัติ" in response.content.decode()
    assert not Complaint.objects.exists()
    assert PublicAttempt.objects.filter(kind="bot").count() == 1


def test_a_flood_from_one_address_is_throttled_in_thai(client, office, settings):
    settings.PUBLIC_COMPLAINTS_PER_ADDRESS = 3
    for _ in range(3):
        assert file(client).status_code == 302
    response = file(client)
    assert response.status_code == 429 and "บ่อยเกินไป" in response.content.decode()
    assert Complaint.objects.count() == 3
    other = Client(REMOTE_ADDR="10.9.8.7")
    assert file(other).status_code == 302  # another address is not held up


def test_a_flood_spread_over_many_addresses_is_throttled_too(office, settings):
    settings.PUBLIC_COMPLAINTS_OVERALL = 2
    for n in range(2):
        assert file(Client(REMOTE_ADDR=f"10.0.0.{n}")).status_code == 302
    assert file(Client(REMOTE_ADDR="10.0.0.99")).status_code == 429


def test_the_form_needs_its_csrf_token(office):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(FORM, complaint_data()).status_code == 403
    assert not Complaint.objects.exists()


def _status(client, number, code):
    return client.post(STATUS, {"number": number, "code": code})


def _without_token(body: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


def test_the_status_page_shows_progress_by_number_and_code_and_no_personal_data(client, office, users):
    file(client)
    number, code = receipt(client)
    complaint = Complaint.objects.get()
    complaint.acknowledged_at = timezone.now()
    complaint.result, complaint.concluded_at = "resolved", timezone.now()
    complaint.save()
    complaint.replies.create(kind="final", via="email", text="โรงเรียนคืนเงินแก่ผู้ปกครองแล้ว", by=users["coordinator"])
    visitor = Client()
    response = _status(visitor, number, code.replace("-", " "))
    body = response.content.decode()
    assert response.status_code == 200 and 'id="status"' in body
    assert "แจ้งรับเรื่อง" in body and "ยุติเรื่อง: ดำเนินการแก้ไขแล้ว" in body and "โรงเรียนคืนเงิน" in body
    for personal in ("สมหญิง", "081-234-5678", "somying@example.com", "5678"):
        assert personal not in body
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]


def test_a_wrong_number_and_a_wrong_code_get_the_same_answer(client, office):
    file(client)
    number, code = receipt(client)
    wrong_code = _status(Client(), number, "00000-00000")
    wrong_number = _status(Client(), "สร 999/2569", code)
    assert wrong_code.status_code == wrong_number.status_code == 200
    assert _without_token(wrong_code.content.decode()) == \
        _without_token(wrong_number.content.decode()).replace("สร 999/2569", number)
    assert code not in wrong_number.content.decode()  # a code typed is never written back into the page
    assert "ไม่พบเรื่อง" in wrong_code.content.decode() and 'id="status"' not in wrong_code.content.decode()


def test_guessing_is_throttled_even_when_a_guess_would_be_right(client, office, settings):
    settings.PUBLIC_STATUS_MISSES_PER_ADDRESS = 3
    file(client)
    number, code = receipt(client)
    guesser = Client(REMOTE_ADDR="10.1.1.1")
    for n in range(3):
        assert "ไม่พบเรื่อง" in _status(guesser, number, f"00000-0000{n}").content.decode()
    blocked = _status(guesser, number, code)
    assert blocked.status_code == 429 and 'id="status"' not in blocked.content.decode()
    assert "หลายครั้งเกินไป" in blocked.content.decode()
    assert 'id="status"' in _status(Client(), number, code).content.decode()  # the complainant elsewhere is not


def test_the_status_check_hashes_a_code_for_a_number_that_does_not_exist_too(client, office, monkeypatch):
    """A missing number costs the same password-hash check as a real one, so timing tells nothing about which
    complaints exist (counted, not timed: speed belongs in bench/)."""
    from prasan.complaints import services

    file(client)
    number, _ = receipt(client)
    checks = []

    def counted(*args, **kwargs):
        checks.append(args[0])
        return real(*args, **kwargs)

    real = services.check_password
    monkeypatch.setattr(services, "check_password", counted)
    for asked in (number, "สร 888/2569", "ไม่ใช่เลขเรื่อง"):
        checks.clear()
        _status(Client(), asked, "00000-00000")
        assert len(checks) == 1, asked


def test_forms_sent_again_and_again_with_files_are_throttled(client, office, settings):
    settings.PUBLIC_COMPLAINTS_PER_ADDRESS = 1  # four forms with files an hour
    for _ in range(4):
        assert client.post(FORM, {**complaint_data(subject=""), "files": [png()]}).status_code == 422
    response = client.post(FORM, {**complaint_data(subject=""), "files": [png()]})
    assert response.status_code == 429 and "พร้อมไฟล์แนบ" in response.content.decode()
    assert file(client).status_code == 302  # without files a person still gets through
