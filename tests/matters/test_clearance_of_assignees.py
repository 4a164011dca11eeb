"""Being given a matter (assigned, shared) is the need to know of it, so no one is given one past their clearance:
not through the API, the pages, the letter intake, nor any other path; the refusal says who and why, in Thai."""

import pytest
from django.db import transaction
from django.urls import reverse

from prasan.accounts.models import ApiToken
from prasan.matters.models import Matter, MatterShare
from prasan.tracking.models import Notification
from tests.api.conftest import Api, assert_thai_error

pytestmark = pytest.mark.django_db

COMMAND = {"title": "แผนปรับย้ายผู้บริหารระดับสูงเฉพาะรัฐมนตรี", "duty_type": "analysis", "source": "verbal_command"}
REASON = "มีชั้นความลับไม่ถึง “ลับที่สุด”"


@pytest.fixture
def api(users):
    return lambda who: Api(ApiToken.issue(users[who])[1])


def test_the_api_refuses_to_assign_a_top_secret_matter_to_someone_without_clearance(api, users):
    response = api("head").post("/matters", {**COMMAND, "secrecy": "top_secret",
                                              "assignees": [users["coordinator"].pk]})
    detail = assert_thai_error(response, 422)
    assert "coordinator" in detail and REASON in detail
    assert not Matter.objects.filter(title=COMMAND["title"]).exists()
    assert not Notification.objects.filter(user=users["coordinator"]).exists()


def test_the_api_assigns_a_secret_matter_to_someone_cleared_for_it(api, users):
    response = api("head").post("/matters", {**COMMAND, "secrecy": "confidential",
                                              "assignees": [users["coordinator"].pk]})
    assert response.status_code == 201, response.content
    assert [a["id"] for a in response.json()["assignees"]] == [users["coordinator"].pk]


def test_the_new_matter_page_refuses_an_assignee_without_clearance(login, users, unit):
    response = login(users["head"]).post(reverse("matter-new"), {
        "title": COMMAND["title"], "source": "written_command", "duty_type": "analysis", "kind": "substantive",
        "process": "main", "urgency": "normal", "secrecy": 3, "owner_unit": unit.pk,
        "assignees": [users["coordinator"].pk], "deadline_days": 5})
    assert response.status_code == 200
    assert REASON in response.content.decode()
    assert not Matter.objects.filter(title=COMMAND["title"]).exists()


def test_the_edit_page_refuses_to_raise_a_matter_past_its_assignees_clearance(login, users, make_matter):
    matter = make_matter(secrecy=1)
    response = login(users["head"]).post(reverse("matter-edit", args=[matter.pk]), {
        "title": matter.title, "duty_type": matter.duty_type, "kind": matter.kind, "process": matter.process,
        "urgency": matter.urgency, "secrecy": 3, "owner_unit": matter.owner_unit_id,
        "assignees": [users["coordinator"].pk], "external_deadline": matter.external_deadline.isoformat()})
    assert response.status_code == 200
    assert REASON in response.content.decode()
    matter.refresh_from_db()
    assert matter.secrecy == 1


def test_the_edit_page_refuses_to_add_an_assignee_without_clearance(login, users, make_matter):
    matter = make_matter(secrecy=2, assignees=[users["grouphead"]])
    response = login(users["head"]).post(reverse("matter-edit", args=[matter.pk]), {
        "title": matter.title, "duty_type": matter.duty_type, "kind": matter.kind, "process": matter.process,
        "urgency": matter.urgency, "secrecy": 2, "owner_unit": matter.owner_unit_id,
        "assignees": [users["grouphead"].pk, users["coordinator"].pk],
        "external_deadline": matter.external_deadline.isoformat()})
    assert response.status_code == 200
    assert "มีชั้นความลับไม่ถึง “ลับมาก”" in response.content.decode()
    assert list(matter.assignees.all()) == [users["grouphead"]]


def test_sharing_with_someone_without_clearance_is_refused_with_a_reason(login, users, make_matter):
    matter = make_matter(secrecy=2, assignees=[users["grouphead"]])
    response = login(users["head"]).post(reverse("matter-share", args=[matter.pk]), {"user": users["coordinator"].pk},
                                         follow=True)
    assert "มีชั้นความลับไม่ถึง “ลับมาก”" in response.content.decode()
    assert not matter.shares.exists()


def test_no_other_path_gives_a_matter_past_clearance(users, make_matter):
    from prasan.matters.access import NotCleared

    matter = make_matter(secrecy=3, assignees=[])
    with pytest.raises(NotCleared, match=REASON), transaction.atomic():
        matter.assignees.add(users["coordinator"])
    with pytest.raises(NotCleared, match=REASON), transaction.atomic():
        users["coordinator"].assigned_matters.add(matter)
    with pytest.raises(NotCleared, match="จึงให้สิทธิ์เข้าถึงเรื่องนี้ไม่ได้"), transaction.atomic():
        MatterShare.objects.create(matter=matter, user=users["grouphead"])
    assert not matter.assignees.exists() and not matter.shares.exists()
    assert not Notification.objects.filter(matter=matter).exists()
    matter.assignees.add(users["outsider"])  # cleared for ลับที่สุด
    assert Notification.objects.filter(matter=matter, user=users["outsider"]).exists()
