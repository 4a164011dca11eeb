"""Changes made through the admin join the audit chain, bulk deletions included."""

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent, verify
from prasan.directory.models import Agency


@pytest.mark.django_db
def test_bulk_delete_in_the_admin_is_audited_row_by_row(client, users):
    a = Agency.objects.create(name="หน่วยงานทดสอบหนึ่ง")
    b = Agency.objects.create(name="หน่วยงานทดสอบสอง")
    client.force_login(users["admin"])
    response = client.post(reverse("admin:directory_agency_changelist"), {
        "action": "delete_selected", "_selected_action": [a.pk, b.pk], "post": "yes"})
    assert response.status_code == 302
    assert not Agency.objects.exists()
    deleted = AuditEvent.objects.filter(action="admin.delete").values_list("object_id", flat=True)
    assert set(deleted) == {str(a.pk), str(b.pk)}
    assert verify()[1] == []
