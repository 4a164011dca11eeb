"""The registrar's import page: who may use it, the upload queued for the worker (nothing parsed in the web
process), the run's progress page, its report, and that a bad file saves nothing."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prasan.complaints.imports.models import ImportRun
from prasan.complaints.models import Complaint

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples" / "complaints"
URL = "/complaints/import/"


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    def send(client, name, data=None, **extra):
        data = (SAMPLES / name).read_bytes() if data is None else data
        with django_capture_on_commit_callbacks(execute=True):  # the worker's task runs (tests run tasks at once)
            return client.post(URL, {"file": SimpleUploadedFile(name, data), **extra})

    return send


def test_the_registrar_imports_an_export_and_sees_what_happened(login, users, upload):
    client = login(users["registrar"])
    page = client.get(URL)
    assert page.status_code == 200 and "traffy-fondue-export.xlsx" in page.content.decode()
    response = upload(client, "1111-export.xlsx")
    job = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("complaint-import-run", args=[job.pk])
    body = client.get(response["Location"]).content.decode()
    assert "นำเข้าแล้ว 5 เรื่อง" in body and "ไม่นำเข้า 0 แถว" in body and "6912000871" in body
    assert Complaint.objects.count() == 5 and (job.done, job.total, job.status) == (5, 5, "done")
    again = client.get(upload(client, "1111-export.csv")["Location"]).content.decode()
    assert "นำเข้าไว้ก่อนแล้ว (ข้าม) 5 เรื่อง" in again and Complaint.objects.count() == 5
    assert "1111-export.csv" in client.get(URL).content.decode()  # the recent imports


def test_while_the_worker_imports_the_page_shows_its_progress(login, users):
    client = login(users["registrar"])
    client.post(URL, {"file": SimpleUploadedFile("t.csv", (SAMPLES / "traffy-fondue-export.csv").read_bytes())})
    job = ImportRun.objects.get()  # not yet run: its task waits for the commit
    ImportRun.objects.filter(pk=job.pk).update(status="running", done=2, total=4, system="Traffy Fondue")
    page = client.get(reverse("complaint-import-run", args=[job.pk])).content.decode()
    assert "2/4 แถว" in page and 'value="50"' in page
    fragment = client.get(reverse("complaint-import-progress", args=[job.pk]))
    assert "2/4 แถว" in fragment.content.decode()
    ImportRun.objects.filter(pk=job.pk).update(status="done")
    assert client.get(reverse("complaint-import-progress", args=[job.pk]))["HX-Redirect"].endswith(f"/{job.pk}/")


def test_a_dry_run_reports_and_saves_nothing(login, users, upload):
    client = login(users["head"])
    body = client.get(upload(client, "traffy-fondue-export.csv", dry_run="on")["Location"]).content.decode()
    assert "นำเข้าได้ 4 เรื่อง" in body and "ยังไม่ได้บันทึก" in body
    assert not Complaint.objects.exists()


def test_a_file_that_is_not_an_export_is_refused_in_thai(login, users, upload):
    client = login(users["registrar"])
    body = client.get(upload(client, "notes.csv", b"a,b\n1,2\n")["Location"]).content.decode()
    assert "ไม่รู้จักรูปแบบไฟล์นี้" in body and ImportRun.objects.get().status == "failed"
    refused = upload(client, "photo.png", b"\x89PNG\r\n\x1a\n....")
    assert refused.status_code == 422 and "รับเฉพาะไฟล์ CSV หรือ XLSX" in refused.content.decode()
    assert not Complaint.objects.exists()


def test_sample_files_download(login, users):
    client = login(users["registrar"])
    response = client.get(reverse("complaint-import-sample", args=["traffy-fondue-export.xlsx"]))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert client.get(reverse("complaint-import-sample", args=["nothing.csv"])).status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "minister", "auditor", "admin"])
def test_other_roles_may_not_import(login, users, upload, role):
    client = login(users[role])
    assert client.get(URL).status_code == 403
    assert upload(client, "1111-export.csv").status_code == 403
    assert client.get(reverse("complaint-import-sample", args=["1111-export.csv"])).status_code == 403
    assert not Complaint.objects.exists() and not ImportRun.objects.exists()


def test_another_role_cannot_open_a_run(login, users, upload):
    upload(login(users["registrar"]), "1111-export.csv")
    job = ImportRun.objects.get()
    other = login(users["coordinator"])
    assert other.get(reverse("complaint-import-run", args=[job.pk])).status_code == 403
    assert other.get(reverse("complaint-import-progress", args=[job.pk])).status_code == 403


def test_anonymous_is_sent_to_log_in(client, upload):
    assert client.get(URL)["Location"].startswith("/login")
    assert upload(client, "1111-export.csv").status_code == 302
    assert not Complaint.objects.exists() and not ImportRun.objects.exists()
