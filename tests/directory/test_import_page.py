import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prasan.directory.csvfile import TEMPLATE_HEADERS
from prasan.directory.models import Agency

URL = reverse("agency-import")
ROW = ["สำนักงานเลขาธิการสภาการศึกษา", "สกศ.", "", "", "saraban@onec.example", "", "", ""]


def upload(data: bytes, name="agencies.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.mark.parametrize("role", ["admin", "registrar"])
def test_admin_and_registrar_import_a_file(users, login, make_csv, role):
    client = login(users[role])
    assert client.get(URL).status_code == 200

    response = client.post(URL, {"file": upload(make_csv([ROW], bom=True))})

    assert response.status_code == 200
    assert "นำเข้าเรียบร้อย" in response.content.decode()
    assert Agency.objects.filter(name=ROW[0]).exists()


def test_a_superuser_of_any_role_may_import(users, login):
    users["head"].is_superuser = True
    users["head"].save()
    assert login(users["head"]).get(URL).status_code == 200


@pytest.mark.parametrize("role", ["coordinator", "head", "auditor"])
def test_other_roles_get_403(users, login, role):
    client = login(users[role])
    assert client.get(URL).status_code == 403
    assert client.get(reverse("agency-import-template")).status_code == 403


def test_anonymous_callers_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_page_shows_each_row_error_and_writes_nothing(users, login, make_csv):
    bad = [ROW, ["สำนักงานส่งเสริมการเรียนรู้", "", "", "", "x@", "", "", ""],
           ["สำนักงานเขตพื้นที่การศึกษาประถมศึกษากรุงเทพมหานคร", "", "สพฐ.", "", "", "", "", ""]]

    response = login(users["registrar"]).post(URL, {"file": upload(make_csv(bad))})

    page = response.content.decode()
    assert "นำเข้าไม่สำเร็จ" in page and "พบข้อผิดพลาด 2 รายการ" in page
    assert "<td data-label=\"แถวที่\">3</td>" in page and "<td data-label=\"แถวที่\">4</td>" in page
    assert "ไม่พบหน่วยงานสังกัด &quot;สพฐ.&quot;" in page
    assert not Agency.objects.exists()


def test_check_only_shows_the_summary_without_saving(users, login, make_csv):
    response = login(users["admin"]).post(URL, {"file": upload(make_csv([ROW])), "dry_run": "on"})
    assert "จะเพิ่มหน่วยงานใหม่ 1 แห่ง" in response.content.decode()
    assert not Agency.objects.exists()


def test_it_rejects_a_pdf_renamed_to_csv(users, login):
    response = login(users["admin"]).post(URL, {"file": upload(b"%PDF-1.7\n1 0 obj\n<<>>\n")})
    assert "ไฟล์นี้เป็น PDF ไม่ใช่ CSV" in response.content.decode()
    assert not Agency.objects.exists()


def test_it_rejects_a_file_over_the_size_limit(users, login, make_csv, settings):
    settings.FILE_UPLOAD_MAX_BYTES = 100
    response = login(users["admin"]).post(URL, {"file": upload(make_csv([ROW] * 5))})
    assert "ไฟล์ใหญ่เกิน" in response.content.decode()
    assert not Agency.objects.exists()


def test_it_asks_for_a_file(users, login):
    response = login(users["admin"]).post(URL, {})
    assert "กรุณาเลือกไฟล์" in response.content.decode()


def test_the_blank_template_has_the_thai_headers_and_a_bom(users, login):
    page = login(users["registrar"]).get(URL).content.decode()
    assert reverse("agency-import-template") in page

    response = login(users["registrar"]).get(reverse("agency-import-template"))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode("utf-8") == "\ufeff" + ",".join(TEMPLATE_HEADERS) + "\r\n"
