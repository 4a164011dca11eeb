"""The audit log in the admin can be read and searched but never added to, changed or deleted."""

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent, record
from prasan.directory.models import Office, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(users):
    return record(users["coordinator"], "matter.read", ("matters.matter", 1), purpose="view")


@pytest.fixture
def admin_client(login, users):
    return login(users["admin"])


def test_the_admin_lists_audit_events_in_thai(admin_client, event):
    response = admin_client.get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code == 200
    assert "เรื่อง: เปิดดู" in response.content.decode()


def test_the_admin_can_search_audit_events(admin_client, event):
    response = admin_client.get(reverse("admin:audit_auditevent_changelist"), {"q": "coordinator"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_an_event_page_shows_its_hash_without_a_save_button(admin_client, event):
    response = admin_client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert event.hash in body
    assert 'name="_save"' not in body


def test_posting_a_change_is_refused(admin_client, event):
    response = admin_client.post(reverse("admin:audit_auditevent_change", args=[event.pk]),
                                 {"action": "matter.delete"})
    assert response.status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "matter.read"


def test_adding_is_refused(admin_client, event):
    assert admin_client.get(reverse("admin:audit_auditevent_add")).status_code == 403


def test_deleting_is_refused(admin_client, event):
    url = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_bulk_delete_action_is_not_offered(admin_client, event):
    response = admin_client.get(reverse("admin:audit_auditevent_changelist"))
    assert "delete_selected" not in response.content.decode()
    response = admin_client.post(reverse("admin:audit_auditevent_changelist"),
                                 {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_coordinator_cannot_open_the_audit_admin(login, users, event):
    response = login(users["coordinator"]).get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code == 302


def test_a_change_made_in_the_admin_joins_the_chain(admin_client, users):
    response = admin_client.post(reverse("admin:directory_unit_add"),
                                 {"office": Office.objects.create(name="สร", abbreviation="สร").pk,
                                  "name": "กลุ่มงานใหม่", "abbreviation": "กม."})
    assert response.status_code == 302
    unit = Unit.objects.get(name="กลุ่มงานใหม่")
    event = AuditEvent.objects.get(action="admin.add")
    assert (event.actor, event.object_type, event.object_id) == (users["admin"], "directory.unit", str(unit.pk))
