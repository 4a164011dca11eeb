"""The registrar's import page: who may use it, what it reports, and that a bad file saves nothing."""

from pathlib import Path

import pytest
from django.urls import reverse

from prasan.complaints.models import Complaint

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples" / "complaints"
URL = "/complaints/import/"


def upload(client, name, data=None, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = (SAMPLES / name).read_bytes() if data is None else data
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **extra})


def test_the_registrar_imports_an_export_and_sees_what_happened(login, users):
    client = login(users["registrar"])
    page = client.get(URL)
    assert page.status_code == 200 and "traffy-fondue-export.xlsx" in page.content.decode()
    body = upload(client, "1111-export.xlsx").content.decode()
    assert "นำเข้าแล้ว 5 เรื่อง" in body and "ไม่นำเข้า 0 แถว" in body and "6912000871" in body
    assert Complaint.objects.count() == 5
    again = upload(client, "1111-export.csv").content.decode()
    assert "นำเข้าไว้ก่อนแล้ว (ข้าม) 5 เรื่อง" in again and Complaint.objects.count() == 5


def test_a_dry_run_reports_and_saves_nothing(login, users):
    body = upload(login(users["head"]), "traffy-fondue-export.csv", dry_run="on").content.decode()
    assert "นำเข้าได้ 4 เรื่อง" in body and "ยังไม่ได้บันทึก" in body
    assert not Complaint.objects.exists()


def test_a_file_that_is_not_an_export_is_refused_beside_the_field(login, users):
    response = upload(login(users["registrar"]), "notes.csv", b"a,b\n1,2\n")
    assert response.status_code == 422
    assert "ไม่รู้จักรูปแบบไฟล์นี้" in response.content.decode()
    assert not Complaint.objects.exists()


def test_sample_files_download(login, users):
    client = login(users["registrar"])
    response = client.get(reverse("complaint-import-sample", args=["traffy-fondue-export.xlsx"]))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert client.get(reverse("complaint-import-sample", args=["nothing.csv"])).status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "minister", "auditor", "admin"])
def test_other_roles_may_not_import(login, users, role):
    client = login(users[role])
    assert client.get(URL).status_code == 403
    assert upload(client, "1111-export.csv").status_code == 403
    assert client.get(reverse("complaint-import-sample", args=["1111-export.csv"])).status_code == 403
    assert not Complaint.objects.exists()


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL)["Location"].startswith("/login")
    assert upload(client, "1111-export.csv").status_code == 302
    assert not Complaint.objects.exists()
