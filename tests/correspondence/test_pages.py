"""Register pages as the right role, a wrong role, a user without clearance, and anonymous."""

import io

import pytest
from django.urls import reverse

from prasan.correspondence import numbering
from prasan.correspondence.models import RegisterEntry

pytestmark = pytest.mark.django_db


def new_entry(client, register="incoming", **fields):
    data = {"subject": "ขอความเห็นชอบโครงการ", "sender": "สพฐ.", "doc_number": "ศธ 04006/1234",
            "letter_date": "2026-11-20", "secrecy": "0", "urgency": "ด่วน"}
    data.update(fields)
    return client.post(reverse("register-new", args=[register]), data)


def test_the_registrar_registers_an_incoming_letter(login, users):
    response = new_entry(login(users["registrar"]))
    entry = RegisterEntry.objects.get()
    assert response.status_code == 302
    assert (entry.number, entry.doc_number, entry.sender) == (1, "ศธ 04006/1234", "สพฐ.")


def test_missing_subject_is_said_in_thai_and_nothing_is_lost(login, users):
    response = new_entry(login(users["registrar"]), subject="")
    page = response.content.decode()
    assert response.status_code == 200 and "กรุณากรอกเรื่อง" in page and "ศธ 04006/1234" in page
    assert RegisterEntry.objects.count() == 0


def test_reserve_then_fill_from_the_pages(login, users):
    client = login(users["coordinator"])
    client.post(reverse("register-new", args=["outgoing"]), {"reserve": "on", "secrecy": "0"})
    entry = RegisterEntry.objects.get()
    assert entry.status == "reserved"
    client.post(reverse("register-entry", args=["outgoing", entry.pk]),
                {"subject": "ขอเชิญประชุม", "recipient": "สอศ.", "secrecy": "0"})
    entry.refresh_from_db()
    assert entry.status == "active" and entry.subject == "ขอเชิญประชุม"


def test_cancel_from_the_page_needs_a_reason(login, users, office):
    entry = numbering.register_entry(office, "outgoing", by=users["registrar"], subject="ก")
    client = login(users["registrar"])
    client.post(reverse("register-cancel", args=["outgoing", entry.pk]), {"reason": ""})
    entry.refresh_from_db()
    assert entry.status == "active"
    client.post(reverse("register-cancel", args=["outgoing", entry.pk]), {"reason": "ออกเลขซ้ำซ้อน"})
    entry.refresh_from_db()
    assert entry.status == "cancelled"


@pytest.mark.parametrize("role", ["auditor", "minister"])
def test_readers_who_may_not_write_are_refused(login, users, role):
    client = login(users[role])
    assert client.get(reverse("register-list", args=["incoming"])).status_code == 200
    assert new_entry(client).status_code == 403


def test_orders_are_only_for_the_registrar_and_head(login, users):
    assert login(users["coordinator"]).get(reverse("register-new", args=["order"])).status_code == 403


def test_the_secret_register_is_404_without_clearance(login, users, office, client):
    numbering.register_entry(office, "secret", by=users["head"], subject="หนังสือลับมาก", secrecy=2)
    assert login(users["registrar"]).get(reverse("register-list", args=["secret"])).status_code == 404
    client.logout()
    page = login(users["grouphead"]).get(reverse("register-list", args=["secret"])).content.decode()
    assert "หนังสือลับมาก" in page
    client.logout()
    page = login(users["coordinator"]).get(reverse("register-list", args=["secret"])).content.decode()
    assert "หนังสือลับมาก" not in page  # clearance ลับ only


def test_unknown_register_is_404(login, users):
    assert login(users["registrar"]).get(reverse("register-list", args=["nonsense"])).status_code == 404


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("register-list", args=["incoming"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_search_treats_thai_and_arabic_digits_alike(login, users, office):
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="ก", sender="สพฐ.",
                             doc_number="ศธ 04006/1234")
    page = login(users["registrar"]).get(reverse("register-list", args=["incoming"]), {"q": "๐๔๐๐๖/๑๒๓๔"})
    assert "ศธ 04006/1234" in page.content.decode()


def test_search_finds_subject_sender_and_recipient_through_the_index_and_scans_short_words(login, users, office):
    wanted = numbering.register_entry(office, "incoming", by=users["registrar"], subject="ขอเชิญประชุมคณะทำงาน",
                                      sender="สำนักงานคณะกรรมการการอาชีวศึกษา", doc_number="ศธ 0601/77")
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="รายงานผลการเบิกจ่าย", sender="กรมบัญชีกลาง")
    client = login(users["registrar"])

    def found(q):
        page = client.get(reverse("register-list", args=["incoming"]), {"q": q}).content.decode()
        return [subject for subject in ("ขอเชิญประชุมคณะทำงาน", "รายงานผลการเบิกจ่าย") if subject in page]

    assert found("ประชุมคณะ") == ["ขอเชิญประชุมคณะทำงาน"]
    assert found("การอาชีวศึกษา") == ["ขอเชิญประชุมคณะทำงาน"]  # the sender
    assert found(f"{wanted.number}/{wanted.year}") == ["ขอเชิญประชุมคณะทำงาน"]  # the register's own number
    assert found("จ่าย") == ["รายงานผลการเบิกจ่าย"]
    assert found("ผล") == ["รายงานผลการเบิกจ่าย"]  # under three letters: the fields are scanned
    assert found("ไม่มีคำนี้") == []


def test_list_runs_a_bounded_number_of_queries(login, users, office, django_assert_max_num_queries):
    for i in range(60):
        numbering.register_entry(office, "incoming", by=users["registrar"], subject=f"เรื่อง {i}", sender="สพฐ.")
    client = login(users["registrar"])
    with django_assert_max_num_queries(10):
        client.get(reverse("register-list", args=["incoming"]))


def test_exports_keep_thai_text(login, users, office):
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="ขอความอนุเคราะห์ข้อมูลครูผู้ช่วย",
                             sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    client = login(users["registrar"])
    csv = client.get(reverse("register-export", args=["incoming", "csv"])).content
    assert csv.startswith(b"\xef\xbb\xbf") and "ครูผู้ช่วย" in csv.decode("utf-8-sig")
    from openpyxl import load_workbook

    xlsx = client.get(reverse("register-export", args=["incoming", "xlsx"])).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert any("ครูผู้ช่วย" in str(c.value) for row in sheet.iter_rows() for c in row)
    pdf = client.get(reverse("register-export", args=["incoming", "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
