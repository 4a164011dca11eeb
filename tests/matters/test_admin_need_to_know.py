"""The Django admin follows need to know: the `admin` user (cleared for nothing) sees no secret matter there, nor
anything hanging on one, and a cleared superuser's reading of a secret row is audited like any other read."""

import datetime as dt

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from prasan.matters.models import Matter
from prasan.tracking.models import Notification, ReminderLog, ReminderRule
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

TITLE = "แผนปรับย้ายผู้บริหารระดับสูงเฉพาะรัฐมนตรี"
DESCRIPTION = "รายละเอียดรายชื่อผู้ถูกปรับย้ายทั้งหมด"
TAGS = "ปรับย้ายลับ"
NORMAL = "ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569"


@pytest.fixture
def rows(make_matter, users, agencies):
    """A top-secret matter with one of every kind of row the admin lists, and a normal matter beside it."""
    secret = make_matter(title=TITLE, description=DESCRIPTION, tags=TAGS, secrecy=3, assignees=[])
    normal = make_matter(title=NORMAL)
    document = Document.objects.create(matter=secret, form="memo", title=f"บันทึกเสนอ {TITLE}")
    request = AgencyRequest.objects.create(matter=secret, agency=agencies[0], deliverable="รายชื่อ",
                                           deadline=dt.date(2026, 12, 1))
    note = Notification.objects.create(user=users["head"], matter=secret, text=f"แจ้ง {TITLE}", url="/")
    rule = ReminderRule.objects.create(name="เตือน", target="matter_internal", offset_working_days=0,
                                       recipients=["assignees"], channels=["email"], subject_template="{title}",
                                       message_template="{title}")
    log = ReminderLog.objects.create(rule=rule, target_type="matter", object_id=secret.pk, deadline=dt.date(2026, 12, 1),
                                     recipient="user:1", channel="email", matter=secret, subject=TITLE, body=TITLE)
    return {"matter": secret, "normal": normal, "document": document, "agencyrequest": request,
            "notification": note, "reminderlog": log}


PAGES = [("matters", "matter"), ("documents", "document"), ("coordination", "agencyrequest"),
         ("tracking", "notification"), ("tracking", "reminderlog")]


@pytest.fixture
def cleared_admin(db, users):
    """A superuser who is also the head of office, cleared for everything."""
    return make_user("chief", "head", clearance=3, is_staff=True, is_superuser=True)


def assert_no_secret(body: str):
    for word in (TITLE, DESCRIPTION, TAGS):
        assert word not in body


@pytest.mark.parametrize(("app", "model"), PAGES)
def test_the_admin_lists_no_row_of_a_matter_above_its_clearance(login, users, rows, app, model):
    response = login(users["admin"]).get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 200
    assert_no_secret(response.content.decode())
    assert rows[model].pk not in [obj.pk for obj in response.context["cl"].result_list]


def test_the_admin_still_lists_normal_matters(login, users, rows):
    response = login(users["admin"]).get(reverse("admin:matters_matter_changelist"))
    assert NORMAL in response.content.decode()


@pytest.mark.parametrize(("app", "model"), PAGES)
def test_a_secret_rows_page_in_the_admin_is_as_if_it_did_not_exist(login, users, rows, app, model):
    response = login(users["admin"]).get(reverse(f"admin:{app}_{model}_change", args=[rows[model].pk]), follow=True)
    body = response.content.decode()
    assert_no_secret(body)
    assert "ไม่มีอยู่" in body or "doesn’t exist" in body or response.status_code == 404


def test_the_admin_cannot_change_or_delete_a_secret_matter_by_posting(login, users, rows):
    client = login(users["admin"])
    matter = rows["matter"]
    client.post(reverse("admin:matters_matter_delete", args=[matter.pk]), {"post": "yes"})
    client.post(reverse("admin:matters_matter_changelist"),
                {"action": "delete_selected", "_selected_action": [matter.pk], "post": "yes"})
    assert Matter.objects.filter(pk=matter.pk, secrecy=3).exists()


def test_the_admins_pickers_offer_no_secret_matter(login, users, rows):
    client = login(users["admin"])
    for page in ("admin:documents_document_add", "admin:coordination_agencyrequest_add"):
        body = client.get(reverse(page)).content.decode()
        assert NORMAL in body
        assert rows["matter"].number not in body
        assert_no_secret(body)


def test_the_admin_cannot_classify_a_matter_past_its_own_clearance(login, users, rows):
    normal = rows["normal"]
    client = login(users["admin"])
    page = client.get(reverse("admin:matters_matter_change", args=[normal.pk]))
    assert [value for value, _ in page.context["adminform"].form.fields["secrecy"].choices] == [0]
    data = {
        "title": normal.title, "description": "", "duty_type": normal.duty_type, "source": normal.source,
        "kind": normal.kind, "process": normal.process, "urgency": normal.urgency, "secrecy": 3,
        "owner_unit": normal.owner_unit_id, "assignees": [users["coordinator"].pk], "tags": "",
        "shares-TOTAL_FORMS": 0, "shares-INITIAL_FORMS": 0, "shares-MIN_NUM_FORMS": 0, "shares-MAX_NUM_FORMS": 1000,
    }
    response = client.post(reverse("admin:matters_matter_change", args=[normal.pk]), data)
    assert response.status_code == 200  # the form again, with the refusal
    normal.refresh_from_db()
    assert normal.secrecy == 0


def test_a_cleared_superuser_reading_a_secret_row_in_the_admin_is_audited(login, cleared_admin, rows):
    client = login(cleared_admin)
    matter = rows["matter"]
    for model in ("matter", "document"):
        app = "matters" if model == "matter" else "documents"
        response = client.get(reverse(f"admin:{app}_{model}_change", args=[rows[model].pk]))
        assert response.status_code == 200
    reads = AuditEvent.objects.filter(action="matter.read", object_id=str(matter.pk), actor=cleared_admin)
    assert sorted(event.data["row"] for event in reads) == [f"documents.document:{rows['document'].pk}",
                                                             f"matters.matter:{matter.pk}"]
    assert {event.data["purpose"] for event in reads} == {"admin"}


def test_the_admin_cannot_give_a_secret_matter_to_someone_without_clearance(login, cleared_admin, rows, users):
    matter = rows["matter"]
    data = {
        "title": matter.title, "description": matter.description, "duty_type": matter.duty_type,
        "source": matter.source, "kind": matter.kind, "process": matter.process, "urgency": matter.urgency,
        "secrecy": 3, "owner_unit": matter.owner_unit_id, "assignees": [users["coordinator"].pk], "tags": "",
        "shares-TOTAL_FORMS": 1, "shares-INITIAL_FORMS": 0, "shares-MIN_NUM_FORMS": 0, "shares-MAX_NUM_FORMS": 1000,
        "shares-0-user": users["grouphead"].pk, "shares-0-matter": matter.pk,
    }
    response = login(cleared_admin).post(reverse("admin:matters_matter_change", args=[matter.pk]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "มีชั้นความลับไม่ถึง “ลับที่สุด”" in body
    assert not matter.assignees.exists() and not matter.shares.exists()


def test_the_audit_log_keeps_a_secret_matters_details_from_the_admin(login, users, cleared_admin, rows):
    created = AuditEvent.objects.get(action="matter.create", object_id=str(rows["matter"].pk))
    url = reverse("admin:audit_auditevent_change", args=[created.pk])
    hidden = login(users["admin"]).get(url).content.decode()
    assert_no_secret(hidden)
    assert "ซ่อนรายละเอียด" in hidden
    assert TITLE in login(cleared_admin).get(url).content.decode()


def test_a_matter_printed_anywhere_carries_no_secret_title(rows):
    assert TITLE not in str(rows["matter"])
    assert str(rows["matter"]).startswith(rows["matter"].number)
    assert NORMAL in str(rows["normal"])
