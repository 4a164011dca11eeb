import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.directory.models import Agency, Contact

NEW = reverse("agency-new")
FIELDS = {"name": "สำนักงานเลขาธิการสภาการศึกษา", "abbreviation": "สกศ.", "phone": "๐ ๒๐๐๐ ๐๐๓๑",
          "email": "saraban@onec.example", "active": "on"}


@pytest.mark.parametrize("role", ["admin", "registrar", "head"])
def test_directory_editors_add_an_agency(users, login, role):
    client = login(users[role])
    assert client.get(NEW).status_code == 200

    response = client.post(NEW, FIELDS)

    agency = Agency.objects.get(name=FIELDS["name"])
    assert response.status_code == 302 and response["Location"] == reverse("agency-detail", args=[agency.pk])
    assert agency.phone == "๐ ๒๐๐๐ ๐๐๓๑"
    assert AuditEvent.objects.filter(action="agency.create", object_id=str(agency.pk)).exists()


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "minister", "auditor"])
def test_other_roles_may_not_edit_the_directory(users, login, agencies, role):
    obec, _ = agencies
    client = login(users[role])
    for url in (NEW, reverse("agency-edit", args=[obec.pk]), reverse("contact-new", args=[obec.pk])):
        assert client.get(url).status_code == 403
    assert client.post(NEW, FIELDS).status_code == 403
    assert not Agency.objects.filter(name=FIELDS["name"]).exists()


def test_anonymous_callers_are_sent_to_login(client, agencies):
    response = client.get(reverse("agency-edit", args=[agencies[0].pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_errors_are_shown_in_thai_next_to_their_fields(users, login, agencies):
    response = login(users["registrar"]).post(NEW, {**FIELDS, "name": agencies[0].name, "email": "saraban@"})
    page = response.content.decode()
    assert "มีหน่วยงานชื่อนี้อยู่แล้ว" in page and "รูปแบบอีเมลไม่ถูกต้อง" in page
    assert 'id="id_email_error"' in page and 'id="id_name_error"' in page


def test_editing_records_what_changed(users, login, agencies):
    obec, _ = agencies
    url = reverse("agency-edit", args=[obec.pk])
    response = login(users["head"]).post(url, {"name": obec.name, "abbreviation": "สพฐ.",
                                               "email": "new@obec.example", "line_id": "Uobec", "active": "on"})
    assert response.status_code == 302
    obec.refresh_from_db()
    assert obec.email == "new@obec.example"
    event = AuditEvent.objects.get(action="agency.update", object_id=str(obec.pk))
    assert event.data["email"] == "new@obec.example" and event.actor == users["head"]


def test_an_agency_cannot_be_put_under_itself_or_an_agency_under_it(users, login, agencies):
    obec, _ = agencies
    child = Agency.objects.create(name="สำนักงานเขตพื้นที่การศึกษาประถมศึกษากรุงเทพมหานคร", parent=obec)
    client = login(users["admin"])
    for parent in (obec, child):
        response = client.post(reverse("agency-edit", args=[obec.pk]), {"name": obec.name, "parent": parent.pk})
        assert "เลือกสังกัดนี้ไม่ได้" in response.content.decode()
    obec.refresh_from_db()
    assert obec.parent is None


def test_adding_a_main_liaison_replaces_the_previous_one(users, login, agencies):
    obec, _ = agencies
    response = login(users["registrar"]).post(reverse("contact-new", args=[obec.pk]), {
        "name": "วีระ ทดลองดี", "position": "นักวิเคราะห์นโยบายและแผน", "email": "weera@obec.example",
        "is_liaison": "on",
    })
    assert response.status_code == 302
    assert list(obec.contacts.filter(is_liaison=True).values_list("name", flat=True)) == ["วีระ ทดลองดี"]


def test_a_contact_is_edited_only_through_its_own_agency(users, login, agencies):
    obec, vec = agencies
    contact = obec.contacts.get()
    client = login(users["registrar"])
    assert client.get(reverse("contact-edit", args=[vec.pk, contact.pk])).status_code == 404

    response = client.post(reverse("contact-edit", args=[obec.pk, contact.pk]),
                           {"name": contact.name, "phone": "0 2000 0012", "email": "bad", "is_liaison": "on"})
    assert "รูปแบบอีเมลไม่ถูกต้อง" in response.content.decode()
    client.post(reverse("contact-edit", args=[obec.pk, contact.pk]),
                {"name": contact.name, "phone": "0 2000 0012", "is_liaison": "on"})
    assert Contact.objects.get(pk=contact.pk).phone == "0 2000 0012"


def test_the_directory_menu_shows_only_what_the_role_may_do(users, login, agencies):
    list_url = reverse("agency-list")
    registrar = login(users["registrar"]).get(list_url).content.decode()
    assert NEW in registrar and reverse("agency-import") in registrar
    head = login(users["head"]).get(list_url).content.decode()
    assert NEW in head and reverse("agency-import") not in head
    coordinator = login(users["coordinator"])
    assert NEW not in coordinator.get(list_url).content.decode()
    detail = coordinator.get(reverse("agency-detail", args=[agencies[0].pk])).content.decode()
    assert reverse("agency-edit", args=[agencies[0].pk]) not in detail
