"""Matter pages, each as the right role, a wrong role, a user without clearance, and anonymous."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.matters.models import Matter, MatterFile, Plan
from tests.intake.bombs import pdf_page

pytestmark = pytest.mark.django_db

PDF = pdf_page(595, 842)  # a real one-page A4 PDF: attachments are opened, not only sniffed


@pytest.fixture
def secret(make_matter):
    return make_matter(title="เรื่องลับเฉพาะ", secrecy=1)


def test_anonymous_is_sent_to_login_everywhere(client, make_matter):
    matter = make_matter()
    for url in [reverse("matter-list"), reverse("matter-detail", args=[matter.pk]), reverse("quick-command"),
                reverse("matter-new"), reverse("matter-plan", args=[matter.pk]), reverse("my-work")]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_matter_page_shows_the_matter_to_staff(login, users, make_matter):
    matter = make_matter()
    response = login(users["auditor"]).get(matter.get_absolute_url())
    assert response.status_code == 200
    assert matter.title in response.content.decode()


def test_an_assignee_without_enough_clearance_gets_404(login, users, make_matter):
    top = make_matter(title="ลับมาก", secrecy=2)
    assert login(users["coordinator"]).get(top.get_absolute_url()).status_code == 404


def test_secret_matter_is_404_for_users_without_clearance_or_need_to_know(login, users, secret, client):
    for name in ("uncleared", "outsider", "registrar", "auditor"):
        client.logout()
        response = login(users[name]).get(secret.get_absolute_url())
        assert response.status_code == 404, name
    missing = login(users["uncleared"]).get(reverse("matter-detail", args=[secret.pk + 999]))
    assert missing.status_code == 404


def test_secret_matter_is_shown_to_its_assignee_and_the_read_is_audited(login, users, secret):
    response = login(users["coordinator"]).get(secret.get_absolute_url())
    assert response.status_code == 200
    assert "เรื่องลับเฉพาะ" in response.content.decode()
    assert AuditEvent.objects.filter(action="matter.read", object_id=str(secret.pk), actor=users["coordinator"]).exists()


def test_secret_matter_is_shown_to_the_owner_units_head_and_the_head_of_office(login, users, secret, client):
    for name in ("grouphead", "head"):
        client.logout()
        assert login(users[name]).get(secret.get_absolute_url()).status_code == 200


def test_secret_matter_never_appears_in_the_list_of_users_who_may_not_see_it(login, users, secret, make_matter):
    make_matter(title="เรื่องปกติ")
    page = login(users["uncleared"]).get(reverse("matter-list")).content.decode()
    assert "เรื่องปกติ" in page and "เรื่องลับเฉพาะ" not in page
    assert "พบ 1 เรื่อง" in page


def test_quick_command_records_a_verbal_command(login, users):
    response = login(users["coordinator"]).post(reverse("quick-command"), {
        "title": "ขอข้อมูลจำนวนครูผู้ช่วย", "commanded_by": "รัฐมนตรี", "command_channel": "in_person",
        "deadline_days": "2", "kind": "facilitation", "urgency": "urgent", "duty_type": "other",
    })
    matter = Matter.objects.get()
    assert response.status_code == 302 and response["Location"] == matter.get_absolute_url()
    assert matter.source == "verbal_command" and matter.kind == "facilitation"
    assert list(matter.assignees.all()) == [users["coordinator"]]
    assert matter.external_deadline is not None and matter.internal_deadline <= matter.external_deadline


def test_quick_command_is_substantive_unless_chosen_otherwise_with_kind_and_duty_type_in_view(login, users):
    page = login(users["coordinator"]).get(reverse("quick-command")).content.decode()
    assert re.search(r'value="substantive"[^>]*checked', page)
    assert not re.search(r'value="facilitation"[^>]*checked', page)
    # Both are on the form itself, not folded away under "more details".
    visible = page.split("<details>")[0]
    assert 'name="kind"' in visible and 'name="duty_type"' in visible
    login(users["coordinator"]).post(reverse("quick-command"), {
        "title": "ขอข้อมูลจำนวนครูผู้ช่วย", "commanded_by": "รัฐมนตรี", "command_channel": "in_person",
        "kind": "substantive", "urgency": "urgent", "duty_type": "analysis"})
    assert Matter.objects.get().kind == "substantive"


def test_quick_command_keeps_what_was_typed_and_says_what_is_missing(login, users):
    response = login(users["coordinator"]).post(reverse("quick-command"), {
        "title": "", "commanded_by": "ที่ปรึกษารัฐมนตรี", "command_channel": "line", "deadline_days": "-3",
        "kind": "facilitation", "urgency": "urgent", "duty_type": "other",
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "กรุณากรอกช่องนี้" in page and "ต้องไม่ติดลบ" in page
    assert 'value="ที่ปรึกษารัฐมนตรี"' in page
    assert Matter.objects.count() == 0


@pytest.mark.parametrize("role,status", [("auditor", 403), ("minister", 403), ("admin", 403)])
def test_intake_is_refused_to_roles_that_do_not_record_matters(login, users, role, status):
    assert login(users[role]).get(reverse("quick-command")).status_code == status
    assert login(users[role]).get(reverse("matter-new")).status_code == status


def test_written_command_with_attachments(login, users, unit):
    response = login(users["registrar"]).post(reverse("matter-new"), {
        "title": "หนังสือ สพฐ. ขอความเห็นชอบโครงการ", "source": "incoming_letter", "duty_type": "analysis",
        "kind": "substantive", "process": "main", "urgency": "very_urgent", "secrecy": "0", "owner_unit": unit.pk,
        "deadline_days": "5", "attachments": [SimpleUploadedFile("letter.pdf", PDF, "application/pdf")],
    })
    assert response.status_code == 302
    matter = Matter.objects.get()
    assert matter.files.get().content_type == "application/pdf"
    assert matter.owner_unit == unit


def test_written_command_refuses_a_file_that_lies_about_its_type(login, users, unit):
    response = login(users["coordinator"]).post(reverse("matter-new"), {
        "title": "หนังสือทดสอบ", "source": "incoming_letter", "duty_type": "analysis", "kind": "substantive",
        "process": "main", "urgency": "normal", "secrecy": "0",
        "attachments": [SimpleUploadedFile("letter.pdf", b"\x89PNG\r\n\x1a\nxxxx", "application/pdf")],
    })
    assert response.status_code == 200
    assert "ชนิดไฟล์ไม่ตรงกับนามสกุล" in response.content.decode()
    assert Matter.objects.count() == 0


def test_a_user_may_not_create_a_matter_above_their_clearance(login, users):
    response = login(users["uncleared"]).post(reverse("matter-new"), {
        "title": "เรื่องลับ", "source": "written_command", "duty_type": "analysis", "kind": "substantive",
        "process": "main", "urgency": "normal", "secrecy": "2",
    })
    assert response.status_code == 200 and Matter.objects.count() == 0


def test_firing_an_event_from_the_page(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-event", args=[matter.pk]), {"event": "accept"})
    assert response.status_code == 302
    matter.refresh_from_db()
    assert matter.state == "planning"


def test_a_refused_event_says_why_in_thai(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-event", args=[matter.pk]), {"event": "approve"})
    assert response.status_code == 409
    assert "ไม่ได้ขณะเรื่องอยู่ในสถานะ" in response.content.decode()


def test_an_event_by_a_wrong_role_is_403(login, users, make_matter):
    matter = make_matter()
    response = login(users["auditor"]).post(reverse("matter-event", args=[matter.pk]), {"event": "accept"})
    assert response.status_code == 403


def test_an_event_on_a_secret_matter_by_an_uncleared_user_is_404(login, users, secret):
    response = login(users["uncleared"]).post(reverse("matter-event", args=[secret.pk]), {"event": "accept"})
    assert response.status_code == 404


def test_anonymous_cannot_fire_events(client, make_matter):
    matter = make_matter()
    response = client.post(reverse("matter-event", args=[matter.pk]), {"event": "accept"})
    assert response.status_code == 302 and Matter.objects.get().state == "received"


def test_plan_is_written_by_the_assignee(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-plan", args=[matter.pk]), {
        "targets": "สพฐ. และ สอศ.", "methods": ["phone", "email"], "deliverables": "ตัวเลขครูผู้ช่วย",
    })
    assert response.status_code == 302
    assert Plan.objects.get(matter=matter).methods == ["phone", "email"]


@pytest.mark.parametrize("role", ["outsider", "auditor", "registrar", "minister"])
def test_plan_is_not_editable_by_others(login, users, make_matter, role):
    matter = make_matter()
    assert login(users[role]).get(reverse("matter-plan", args=[matter.pk])).status_code in (403, 404)


def test_plan_requires_targets(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-plan", args=[matter.pk]), {"deliverables": "x"})
    assert response.status_code == 200 and "กรุณากรอกช่องนี้" in response.content.decode()


def test_milestones_are_added_and_ticked(login, users, make_matter):
    matter = make_matter()
    client = login(users["coordinator"])
    client.post(reverse("matter-milestone-add", args=[matter.pk]), {"title": "ได้ข้อมูลครบ", "due": "2030-01-10"})
    milestone = matter.milestones.get()
    client.post(reverse("matter-milestone-toggle", args=[matter.pk, milestone.pk]))
    milestone.refresh_from_db()
    assert milestone.done_at is not None


def test_files_are_uploaded_and_downloaded_by_those_who_may(login, users, make_matter, client):
    matter = make_matter()
    login(users["coordinator"]).post(reverse("matter-file-upload", args=[matter.pk]), {
        "file": SimpleUploadedFile("ร่างบันทึก.pdf", PDF), "kind": "draft"})
    item = MatterFile.objects.get()
    assert item.kind == "draft" and len(item.sha256) == 64
    download = client.get(reverse("matter-file", args=[matter.pk, item.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.logout()
    assert login(users["auditor"]).post(reverse("matter-file-upload", args=[matter.pk]), {
        "file": SimpleUploadedFile("x.pdf", PDF), "kind": "draft"}).status_code == 404


def test_empty_upload_is_refused_in_thai(login, users, make_matter):
    matter = make_matter()
    response = login(users["coordinator"]).post(reverse("matter-file-upload", args=[matter.pk]), {
        "file": SimpleUploadedFile("empty.pdf", b""), "kind": "draft"})
    assert response.status_code == 400
    assert "ไฟล์ว่างเปล่า" in response.content.decode() or "ไฟล์" in response.content.decode()


def test_list_filters(login, users, make_matter):
    make_matter(title="ด่วนที่สุด เรื่องหนึ่ง", urgency="most_urgent")
    make_matter(title="เรื่องปกติ", urgency="normal", duty_type="complaint")
    client = login(users["head"])
    page = client.get(reverse("matter-list"), {"urgency": "most_urgent"}).content.decode()
    assert "ด่วนที่สุด เรื่องหนึ่ง" in page and "เรื่องปกติ" not in page
    page = client.get(reverse("matter-list"), {"duty_type": "complaint"}).content.decode()
    assert "เรื่องปกติ" in page and "ด่วนที่สุด เรื่องหนึ่ง" not in page


@pytest.mark.parametrize("size", [25, 100])
def test_list_runs_a_bounded_number_of_queries(login, users, make_matter, django_assert_max_num_queries, size):
    for i in range(30):
        make_matter(title=f"เรื่องที่ {i}")
    client = login(users["head"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("matter-list"), {"size": size})
    assert response.status_code == 200


def test_my_work_runs_a_bounded_number_of_queries(login, users, make_matter, django_assert_max_num_queries):
    for i in range(30):
        make_matter(title=f"งานที่ {i}")
    client = login(users["coordinator"])
    # 12 for the lists and the header, and what awaits me (see tests/web/test_my_work.py)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("my-work"))
    assert "งานที่ 29" in response.content.decode()


# The session and the user; the matter; its assignees, documents and requests to agencies, each read once for every
# part of the page that asks; its plan, files, transitions, activities, decisions and keeping class; the layout's
# office and notifications; milestones, briefing packs and sub-matters.
MATTER_PAGE_QUERIES = 17


def test_matter_page_runs_a_bounded_number_of_queries(login, users, make_matter, django_assert_max_num_queries):
    matter = make_matter()
    client = login(users["coordinator"])
    with django_assert_max_num_queries(MATTER_PAGE_QUERIES):
        client.get(matter.get_absolute_url())


def test_what_the_matter_page_lists_costs_it_no_query_each(login, users, make_matter, agencies,
                                                            django_assert_max_num_queries):
    from prasan.coordination.models import AgencyRequest
    from prasan.documents.models import Document
    from prasan.matters.uploads import store

    matter = make_matter(assignees=[users["coordinator"], users["grouphead"]])
    for n in range(3):
        AgencyRequest.objects.create(matter=matter, agency=agencies[n % len(agencies)], deliverable=f"สถิติ {n}",
                                     deadline=timezone.localdate(), created_by=users["coordinator"])
    AgencyRequest.objects.filter(matter=matter, deliverable="สถิติ 0").update(
        status="answered", answered_at=timezone.now(), answer="ส่งสถิติแล้ว", answered_by_name="ผู้ประสานงาน")
    answered = AgencyRequest.objects.get(deliverable="สถิติ 0")
    store(matter, SimpleUploadedFile("สถิติครู.pdf", PDF), kind="source", by=None, agency_request=answered)
    store(matter, SimpleUploadedFile("ร่างบันทึก.pdf", PDF), kind="draft", by=users["coordinator"])
    for n in range(2):
        Document.objects.create(matter=matter, form="office_memo", title=f"บันทึกที่ {n}", fields={},
                                created_by=users["coordinator"])
    client = login(users["coordinator"])
    with django_assert_max_num_queries(MATTER_PAGE_QUERIES):
        page = client.get(matter.get_absolute_url()).content.decode()
    assert "ส่งสถิติแล้ว" in page and "บันทึกที่ 1" in page and "สถิติ 2" in page
    assert "📎 สถิติครู.pdf" in page and "📎 ร่างบันทึก.pdf" in page  # the answer's file, and one alone


def test_sub_matters_cost_the_matter_page_no_query_each(login, users, make_matter, django_assert_max_num_queries):
    matter = make_matter()
    make_matter(title="เรื่องย่อยที่ 1", parent=matter)
    client = login(users["head"])
    with django_assert_max_num_queries(MATTER_PAGE_QUERIES) as one:
        client.get(matter.get_absolute_url())
    for i in range(2, 6):
        make_matter(title=f"เรื่องย่อยที่ {i}", parent=matter)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(matter.get_absolute_url()).content.decode()
    assert "เรื่องย่อยที่ 5" in page


def test_a_sub_matter_the_user_may_not_see_is_not_listed(login, users, make_matter):
    matter = make_matter()
    make_matter(title="เรื่องย่อยลับ", parent=matter, secrecy=1, assignees=[users["outsider"]])
    assert "เรื่องย่อยลับ" not in login(users["uncleared"]).get(matter.get_absolute_url()).content.decode()


def test_a_group_head_reassigns_a_matter_and_the_change_is_audited(login, users, make_matter, unit):
    matter = make_matter()
    response = login(users["grouphead"]).post(reverse("matter-edit", args=[matter.pk]), {
        "title": matter.title, "duty_type": "analysis", "kind": "substantive", "process": "main", "urgency": "urgent",
        "secrecy": "0", "owner_unit": unit.pk, "assignees": [users["uncleared"].pk],
    })
    assert response.status_code == 302
    assert list(matter.assignees.all()) == [users["uncleared"]]
    event = AuditEvent.objects.get(action="matter.edit")
    assert set(event.data["changes"]) >= {"assignees", "urgency"}


def test_a_coordinator_cannot_reassign(login, users, make_matter, unit):
    matter = make_matter()
    login(users["coordinator"]).post(reverse("matter-edit", args=[matter.pk]), {
        "title": "ชื่อใหม่", "duty_type": "analysis", "kind": "substantive", "process": "main", "urgency": "normal",
        "secrecy": "0", "owner_unit": unit.pk, "assignees": [users["uncleared"].pk],
    })
    matter.refresh_from_db()
    assert matter.title == "ชื่อใหม่"
    assert list(matter.assignees.all()) == [users["coordinator"]]


@pytest.mark.parametrize("role", ["outsider", "auditor", "registrar"])
def test_edit_is_refused_to_others(login, users, make_matter, role):
    matter = make_matter()
    assert login(users[role]).get(reverse("matter-edit", args=[matter.pk])).status_code in (403, 404)


def test_the_head_shares_a_secret_matter_with_a_cleared_user(login, users, secret, client):
    outsider = users["outsider"]
    assert login(outsider).get(secret.get_absolute_url()).status_code == 404
    client.logout()
    login(users["head"]).post(reverse("matter-share", args=[secret.pk]), {"user": outsider.pk})
    client.logout()
    assert login(outsider).get(secret.get_absolute_url()).status_code == 200
    assert AuditEvent.objects.filter(action="matter.share").exists()


def test_sharing_refuses_a_user_without_clearance_and_other_roles(login, users, secret, client):
    login(users["head"]).post(reverse("matter-share", args=[secret.pk]), {"user": users["uncleared"].pk})
    assert not secret.shares.exists()
    client.logout()
    response = login(users["coordinator"]).post(reverse("matter-share", args=[secret.pk]),
                                                 {"user": users["outsider"].pk})
    assert response.status_code == 403 and not secret.shares.exists()
