"""Letter intake from the pages: upload, read, confirm; bad files kept with a Thai message."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from prasan.correspondence import numbering
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter
from prasan.tracking.calendar import add_working_days

pytestmark = pytest.mark.django_db
LETTER = (Path(__file__).resolve().parents[2] / "bench" / "letters" / "01_ext_obec_teachers.txt").read_bytes()


def upload(client, data=LETTER, name="letter.txt"):
    """Every kind is read by the worker once the upload commits; here the task runs then, in the sandbox."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("intake-home"), {"file": SimpleUploadedFile(name, data)})


def confirm_data(intake, **extra):
    fields = intake.fields
    data = {
        "kind": fields["kind"], "doc_number": fields["doc_number"], "date": fields["date"] or "",
        "subject": fields["subject"], "to": fields["to"] or "", "from_agency": fields["from_agency"] or "",
        "urgency": fields["urgency"] or "", "secrecy": fields["secrecy"] or "",
        "references": "\n".join(fields["references"]), "enclosures": "\n".join(fields["enclosures"]),
        "reply_within_days": fields["reply_within_days"] or "", "signer": fields["signer"] or "",
        "contact_phone": fields["contact_phone"] or "", "destination": "new", "duty_type": "analysis",
    }
    data.update(extra)
    return data


def test_a_text_letter_is_read_and_registered_with_a_new_matter(login, users):
    client = login(users["registrar"])
    response = upload(client)
    intake = LetterIntake.objects.get()
    assert response.status_code == 302 and intake.status == "ready"
    assert intake.fields["doc_number"] == "ศธ 04006/3217" and intake.fields["reply_within_days"] == 7
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "ขอส่งข้อมูลจำนวนครูผู้ช่วย" in page and "ยืนยันและลงทะเบียนรับ" in page
    response = client.post(reverse("intake-detail", args=[intake.pk]), confirm_data(intake))
    matter = Matter.objects.get()
    entry = RegisterEntry.objects.get(register="incoming")
    assert response.status_code == 302 and response["Location"] == matter.get_absolute_url()
    assert entry.matter == matter and entry.doc_number == "ศธ 04006/3217" and entry.urgency == "ด่วนที่สุด"
    assert matter.urgency == "most_urgent" and matter.source == "incoming_letter"
    assert matter.external_deadline == add_working_days(timezone.localdate(), 7)
    assert matter.files.get().kind == "source" and entry.files.count() == 1
    intake.refresh_from_db()
    assert intake.status == "registered" and intake.entry == entry


def test_a_letter_answering_our_outgoing_letter_attaches_to_its_matter(login, users, office, make_matter):
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย")
    numbering.register_entry(office, "outgoing", by=users["registrar"], subject="ขอข้อมูล", matter=matter,
                             doc_number="ศธ 0201.1/1234")
    client = login(users["registrar"])
    upload(client)
    intake = LetterIntake.objects.get()
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "อ้างถึงหนังสือของเรา" in page and matter.number in page
    client.post(reverse("intake-detail", args=[intake.pk]),
                confirm_data(intake, destination="attach", attach_number=matter.number))
    assert Matter.objects.count() == 1
    assert RegisterEntry.objects.get(register="incoming").matter == matter


def test_a_duplicate_upload_is_warned(login, users):
    client = login(users["registrar"])
    upload(client)
    response = upload(client)
    assert LetterIntake.objects.count() == 2
    follow = client.get(response["Location"]).content.decode()
    assert "ซ้ำ" in follow


@pytest.mark.parametrize("data,name", [(b"", "empty.pdf"), (b"\x89PNG\r\n\x1a\n" + b"0" * 64, "lie.pdf"),
                                       (b"%PDF-1.4 broken", "broken.pdf")])
def test_bad_files_are_kept_with_a_thai_message_and_nothing_is_registered(
        login, users, data, name, django_capture_on_commit_callbacks):
    client = login(users["registrar"])
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, data, name)
    assert RegisterEntry.objects.count() == 0 and Matter.objects.count() == 0
    if not data:
        assert "ไฟล์ว่างเปล่า" in response.content.decode()
        return
    intake = LetterIntake.objects.get()
    assert intake.status == "failed" and intake.error
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in intake.error)
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "ดาวน์โหลดไฟล์" in page


@pytest.mark.parametrize("role,status", [("auditor", 403), ("minister", 403)])
def test_intake_is_for_the_desk_roles(login, users, role, status):
    assert login(users[role]).get(reverse("intake-home")).status_code == status


def test_anonymous_goes_to_login(client):
    assert client.get(reverse("intake-home")).status_code == 302


def test_another_users_intake_is_404(login, users, client):
    upload(login(users["coordinator"]))
    intake = LetterIntake.objects.get()
    client.logout()
    assert login(users["outsider"]).get(reverse("intake-detail", args=[intake.pk])).status_code == 404
