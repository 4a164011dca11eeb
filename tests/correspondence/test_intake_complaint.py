"""From a complaint letter to a complaint without typing: the confirm screen proposes the complaint with what the
letter says (channel, reference, complainant, who is complained about), and one confirm registers the letter and
files the complaint (its matter, its clock); the register names a citizen writer masked; a refusal saves nothing."""

from pathlib import Path

import pytest
from django.urls import reverse

from prasan.complaints.models import Complaint
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter

from .test_intake_pages import confirm_data as _confirm_data
from .test_intake_pages import upload

pytestmark = pytest.mark.django_db
LETTERS = Path(__file__).resolve().parents[2] / "bench" / "letters"


def read(client, name: str) -> LetterIntake:
    upload(client, (LETTERS / f"{name}.txt").read_bytes())
    return LetterIntake.objects.get()


def confirm_data(intake, **extra) -> dict:
    return {k: ("" if v is None else v) for k, v in _confirm_data(intake, **extra).items()}


def complaint_data(intake, **extra) -> dict:
    found = intake.fields["complaint"]
    data = {"cmp-create": "on", "cmp-channel": found["channel"], "cmp-channel_ref": found["channel_ref"] or "",
            "cmp-complainant": found["complainant"] or "", "cmp-about": found["about"] or ""}
    if found["complainant"] is None:
        data["cmp-anonymous"] = "on"
    data.update(extra)
    return data


def test_a_1111_letter_is_proposed_and_filed_as_a_complaint_in_one_confirm(login, users):
    client = login(users["registrar"])
    intake = read(client, "c01_1111_named")
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "เรื่องร้องเรียนจากหนังสือนี้" in page and 'value="6911002345"' in page
    assert 'value="hotline_1111" selected' in page and 'value="complaint" selected' in page
    response = client.post(reverse("intake-detail", args=[intake.pk]),
                           {**confirm_data(intake, duty_type="complaint"), **complaint_data(intake)})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == complaint.get_absolute_url()
    assert (complaint.channel, complaint.channel_ref) == ("hotline_1111", "6911002345")
    assert complaint.complainant_name == "นายสมศักดิ์ ใจดี" and complaint.complainant_phone == ""  # the centre's phone
    assert complaint.about == "ผู้อำนวยการโรงเรียนวัดสระแก้ว"
    matter = Matter.objects.get()
    assert complaint.matter == matter and matter.duty_type == "complaint" and matter.source == "complaint"
    entry = RegisterEntry.objects.get()
    assert entry.matter == matter and entry.sender == "สำนักงานปลัดสำนักนายกรัฐมนตรี"
    # The letter names the complainant: it stays with the register, not among the files everyone on the matter reads.
    assert entry.files.exists() and not matter.files.exists()


def test_a_citizens_own_letter_names_them_masked_in_the_register(login, users):
    client = login(users["registrar"])
    intake = read(client, "17_complaint_prose")  # no เรื่อง line: the registrar writes one
    client.post(reverse("intake-detail", args=[intake.pk]),
                {**confirm_data(intake, duty_type="complaint", subject="โรงเรียนเก็บเงินค่าอาหารกลางวัน"),
                 **complaint_data(intake)})
    complaint = Complaint.objects.get()
    assert complaint.channel == "letter" and complaint.complainant_name == "นายบุญมา ศรีทอง"
    assert complaint.complainant_phone == "089 712 3456"
    entry = RegisterEntry.objects.get()
    assert "บุญมา" not in entry.sender and entry.sender.startswith("นาย")


def test_an_anonymous_letter_files_an_anonymous_complaint(login, users):
    client = login(users["registrar"])
    intake = read(client, "c06_anonymous_letter")
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert 'name="cmp-anonymous" id="id_cmp-anonymous" checked' in page
    client.post(reverse("intake-detail", args=[intake.pk]),
                {**confirm_data(intake, duty_type="complaint"), **complaint_data(intake)})
    complaint = Complaint.objects.get()
    assert complaint.anonymous and complaint.complainant_name == ""
    assert complaint.matter.files.filter(kind="source").exists()  # it names no one


def test_a_reference_already_filed_is_refused_beside_its_field_and_nothing_is_saved(login, users):
    client = login(users["registrar"])
    from prasan.complaints.services import file_complaint
    from prasan.directory.models import Office

    file_complaint(Office.current(), channel="hotline_1111", channel_ref="6911002345", subject="ร้องเรียนเดิม",
                   by=users["registrar"])
    intake = read(client, "c01_1111_named")
    response = client.post(reverse("intake-detail", args=[intake.pk]),
                           {**confirm_data(intake, duty_type="complaint"), **complaint_data(intake)})
    assert response.status_code == 422 and "6911002345" in response.content.decode()
    assert Complaint.objects.count() == 1 and not RegisterEntry.objects.exists()
    intake.refresh_from_db()
    assert intake.status == "ready"


def test_a_complaint_is_a_new_matter_only(login, users):
    client = login(users["registrar"])
    intake = read(client, "c02_1111_anonymous_arabic")
    response = client.post(reverse("intake-detail", args=[intake.pk]),
                           {**confirm_data(intake, duty_type="complaint", destination="register_only"),
                            **complaint_data(intake)})
    assert response.status_code == 422 and "สร้างเป็นเรื่องใหม่เท่านั้น" in response.content.decode()
    assert not Complaint.objects.exists() and not RegisterEntry.objects.exists()


def test_unticked_the_letter_is_registered_as_before(login, users):
    client = login(users["registrar"])
    intake = read(client, "c01_1111_named")
    client.post(reverse("intake-detail", args=[intake.pk]), confirm_data(intake, duty_type="complaint"))
    assert not Complaint.objects.exists() and Matter.objects.get().duty_type == "complaint"
