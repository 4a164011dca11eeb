import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.complaints.models import Complaint

from .conftest import PARENT


def test_the_list_shows_complaints_masked_to_everyone(login, users, make_complaint, django_assert_max_num_queries):
    for i in range(30):
        make_complaint(subject=f"ร้องเรียนเรื่องที่ {i}")
    client = login(users["coordinator"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("complaint-list"))
    body = response.content.decode()
    assert response.status_code == 200 and "ร้องเรียนเรื่องที่ 29" in body
    assert "สมหญิง" not in body and "ส*** ท***" in body
    assert "หน้า 1 จาก 2" in body


@pytest.mark.parametrize("who,status", [("coordinator", 200), ("registrar", 200), ("head", 200), ("auditor", 200),
                                        ("admin", 200)])
def test_the_complaint_page_for_staff(login, users, make_complaint, who, status):
    complaint = make_complaint()
    response = login(users[who]).get(complaint.get_absolute_url())
    assert response.status_code == status
    body = response.content.decode()
    assert "สมหญิง" not in body and "somying" not in body and "5678" not in body.replace("08x-xxx-5678", "")


def test_anonymous_callers_are_sent_to_sign_in(client, make_complaint):
    complaint = make_complaint()
    for url in (reverse("complaint-list"), complaint.get_absolute_url(), reverse("complaint-new"),
                reverse("complaint-report"), reverse("complaint-breaches")):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_secret_complaint_is_a_404_without_clearance(login, users, make_complaint):
    complaint = make_complaint()
    matter = complaint.matter
    matter.secrecy = 2
    matter.save()
    assert login(users["uncleared"]).get(complaint.get_absolute_url()).status_code == 404


def test_the_holder_gives_a_reason_once_and_each_view_is_audited(client, holder, make_complaint):
    complaint = make_complaint()
    client.force_login(holder)
    response = client.get(complaint.get_absolute_url() + "?show=1")
    assert response.status_code == 302 and "unmask" in response["Location"]
    assert client.post(reverse("complaint-unmask", args=[complaint.pk]), {"reason": ""}).status_code == 422
    response = client.post(reverse("complaint-unmask", args=[complaint.pk]), {"reason": "ผู้ร้องโทรมาสอบถามผล"})
    assert response.status_code == 302
    body = client.get(complaint.get_absolute_url() + "?show=1").content.decode()
    assert PARENT["name"] in body and PARENT["phone"] in body
    client.get(complaint.get_absolute_url() + "?show=1")
    events = AuditEvent.objects.filter(action="complaint.unmask", object_id=str(complaint.pk))
    assert events.count() == 2 and events.first().data["reason"] == "ผู้ร้องโทรมาสอบถามผล"
    # Without ?show=1 the holder sees it masked too.
    assert PARENT["name"] not in client.get(complaint.get_absolute_url()).content.decode()


def test_a_user_without_the_permission_cannot_unmask(login, users, make_complaint):
    complaint = make_complaint()
    client = login(users["coordinator"])
    assert client.get(reverse("complaint-unmask", args=[complaint.pk])).status_code == 403
    assert PARENT["name"] not in client.get(complaint.get_absolute_url() + "?show=1").content.decode()


def test_staff_record_a_complaint(login, users, office):
    client = login(users["registrar"])
    response = client.post(reverse("complaint-new"), {
        "channel": "walk_in", "subject": "ขอความช่วยเหลือค่าเล่าเรียน", "name": "นายสมศักดิ์ ใจงาม",
        "phone": "0891112222", "details": "บัตรประชาชน 1101700230708 ของผู้ร้อง"})
    assert response.status_code == 302, response.content.decode()[:2000]
    complaint = Complaint.objects.get()
    assert complaint.complainant_name == "นายสมศักดิ์ ใจงาม"
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert "1101700230708" not in page and "x-xxxx-xxxxx-xx-x" in page


def test_bad_input_on_the_form_is_a_thai_422(login, users):
    response = login(users["registrar"]).post(reverse("complaint-new"), {"channel": "walk_in", "subject": "",
                                                                          "email": "nope"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "กรุณากรอกช่องนี้" in body and "รูปแบบอีเมลไม่ถูกต้อง" in body


@pytest.mark.parametrize("who,status", [("coordinator", 302), ("grouphead", 302), ("registrar", 404),
                                        ("auditor", 404), ("minister", 404), ("outsider", 404), ("uncleared", 302)])
def test_pausing_as_each_role(login, users, make_complaint, who, status):
    complaint = make_complaint()
    response = login(users[who]).post(reverse("complaint-pause", args=[complaint.pk]), {"reason": "รอเอกสาร"})
    assert response.status_code == status


def test_the_complainants_files_go_with_the_permission(client, users, holder, make_complaint):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("บัตรประชาชน-สมหญิง.txt", "สำเนาบัตร".encode(), content_type="text/plain")
    complaint = make_complaint(attachments=[upload])
    item = complaint.matter.files.get()
    url = reverse("matter-file", args=[complaint.matter_id, item.pk])
    client.force_login(users["coordinator"])
    page = client.get(complaint.matter.get_absolute_url()).content.decode()
    assert "สมหญิง" not in page and "ไฟล์ที่มากับเรื่องร้องเรียน (ปกปิด" in page
    assert client.get(url).status_code == 403
    client.force_login(holder)
    assert "บัตรประชาชน-สมหญิง.txt" in client.get(complaint.matter.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="complaint.unmask", data__purpose="file").exists()


def test_the_matter_page_links_its_complaint(login, users, make_complaint):
    complaint = make_complaint()
    page = login(users["coordinator"]).get(complaint.matter.get_absolute_url()).content.decode()
    assert f'id="complaint-link" href="{complaint.get_absolute_url()}"' in page
