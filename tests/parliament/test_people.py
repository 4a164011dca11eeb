"""The delegation chain and the attendees on an item's page: added, corrected and taken out, in place with
htmx or as a plain form, audited, as each caller."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.parliament.calendar import meetings_for
from prasan.parliament.models import Attendee, Delegation

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
HTMX = {"HTTP_HX_REQUEST": "true"}


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


@pytest.fixture
def summons(make_item, users, agencies):
    meeting = timezone.make_aware(dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(9, 30)))
    item = make_item(kind="committee_summons", number="", committee="คณะกรรมาธิการการศึกษา",
                     subject="ชี้แจงการบรรจุครู", meeting_at=meeting)
    Attendee.objects.create(item=item, user=users["grouphead"], name="grouphead", position="ผู้อำนวยการกลุ่ม")
    Attendee.objects.create(item=item, agency=agencies[0], name="นางสาวชี้แจง ข้อมูลดี", position="ผู้อำนวยการ")
    return item


@pytest.fixture
def question(make_item):
    item = make_item()
    Delegation.objects.create(item=item, delegated_to="รัฐมนตรีว่าการกระทรวงศึกษาธิการ", delegated_on=TODAY)
    Delegation.objects.create(item=item, delegated_to="รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ", delegated_on=TODAY,
                              note="ตามคำสั่งมอบหมายงาน")
    return item


def _remove_attendee(item, attendee):
    return reverse("parliament-attendee-remove", args=[item.pk, attendee.pk])


def test_an_attendee_taken_out_leaves_the_list_and_their_calendar_and_is_audited(login, users, summons):
    office_person = summons.attendees.get(user=users["grouphead"])
    assert [m["uid"] for m in meetings_for(users["grouphead"], TODAY)] == [f"parliament-meeting-{summons.pk}@prasan"]
    response = login(users["coordinator"]).post(_remove_attendee(summons, office_person))
    assert response.status_code == 302 and response.url == summons.get_absolute_url()
    assert list(summons.attendees.values_list("name", flat=True)) == ["นางสาวชี้แจง ข้อมูลดี"]
    assert meetings_for(users["grouphead"], TODAY) == []
    event = AuditEvent.objects.get(action="parliament_item.attendee_remove", object_id=str(summons.pk))
    assert event.data["name"] == "grouphead" and event.data["user"] == users["grouphead"].pk
    assert event.data["position"] == "ผู้อำนวยการกลุ่ม"


def test_with_htmx_the_section_comes_back_in_place(login, users, summons, django_assert_max_num_queries):
    agency_person = summons.attendees.get(agency__isnull=False)
    client = login(users["coordinator"])
    with django_assert_max_num_queries(19):  # the add form's two choice lists included
        response = client.post(_remove_attendee(summons, agency_person), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200 and page.lstrip().startswith('<section class="card people"')
    assert 'role="status">นำ นางสาวชี้แจง ข้อมูลดี ออกจากรายชื่อผู้เข้าร่วมแล้ว' in page
    assert "นางสาวชี้แจง ข้อมูลดี</span>" not in page and "<html" not in page
    response = client.post(reverse("parliament-attendee", args=[summons.pk]), {"name": "", "agency": ""}, **HTMX)
    assert response.status_code == 200 and "เลือกบุคลากรของสำนักงาน หรือกรอกชื่อผู้เข้าร่วม" in response.content.decode()
    response = client.post(reverse("parliament-attendee", args=[summons.pk]), {"name": "นายใหม่ มาแทน"}, **HTMX)
    assert "เพิ่ม นายใหม่ มาแทน ในรายชื่อผู้เข้าร่วมแล้ว" in response.content.decode()


def test_a_delegation_is_corrected_and_audited_with_what_changed(login, users, question):
    link = question.delegations.get(note="ตามคำสั่งมอบหมายงาน")
    url = reverse("parliament-delegation-edit", args=[question.pk, link.pk])
    client = login(users["coordinator"])
    data = {f"d{link.pk}-delegated_to": "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ (คนที่สอง)",
            f"d{link.pk}-delegated_on": be(TODAY + dt.timedelta(days=1)), f"d{link.pk}-note": ""}
    assert client.post(url, data).status_code == 302
    link.refresh_from_db()
    assert (link.delegated_to, link.delegated_on, link.note) == (
        "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ (คนที่สอง)", TODAY + dt.timedelta(days=1), "")
    event = AuditEvent.objects.get(action="parliament_item.delegation_edit")
    assert event.data["changes"]["note"] == {"from": "ตามคำสั่งมอบหมายงาน", "to": ""}
    assert set(event.data["changes"]) == {"delegated_to", "delegated_on", "note"}
    assert client.post(url, data).status_code == 302  # the same again: nothing recorded
    assert AuditEvent.objects.filter(action="parliament_item.delegation_edit").count() == 1


def test_a_refused_correction_keeps_what_was_typed_beside_the_field(login, users, question):
    link = question.delegations.first()
    url = reverse("parliament-delegation-edit", args=[question.pk, link.pk])
    client = login(users["coordinator"])
    data = {f"d{link.pk}-delegated_to": "ผู้ตอบใหม่ที่พิมพ์ไว้", f"d{link.pk}-delegated_on": "31/02/2569"}
    plain = client.post(url, data)
    assert plain.status_code == 422 and "ผู้ตอบใหม่ที่พิมพ์ไว้" in plain.content.decode()
    swapped = client.post(url, data, **HTMX).content.decode()
    assert "ผู้ตอบใหม่ที่พิมพ์ไว้" in swapped and "has-error" in swapped and "<details class=\"action\" open>" in swapped
    link.refresh_from_db()
    assert link.delegated_to == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"


def test_a_delegation_is_taken_out_of_the_chain(login, users, question):
    link = question.delegations.get(note="ตามคำสั่งมอบหมายงาน")
    page = login(users["coordinator"]).post(reverse("parliament-delegation-remove", args=[question.pk, link.pk]),
                                            **HTMX).content.decode()
    assert "นำการมอบให้ รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ" in page
    assert list(question.delegations.values_list("delegated_to", flat=True)) == ["รัฐมนตรีว่าการกระทรวงศึกษาธิการ"]
    event = AuditEvent.objects.get(action="parliament_item.delegation_remove")
    assert event.data["delegated_to"] == "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ" and event.data["note"]


def test_only_who_may_change_the_item_may_take_anyone_out(client, login, users, make_item, summons, question):
    attendee = summons.attendees.first()
    link = question.delegations.first()
    posts = [_remove_attendee(summons, attendee),
             reverse("parliament-delegation-remove", args=[question.pk, link.pk]),
             reverse("parliament-delegation-edit", args=[question.pk, link.pk])]
    for name in ("auditor", "minister", "registrar", "outsider"):  # may see (or not), may not change: 404
        for url in posts:
            assert login(users[name]).post(url, {}).status_code == 404, (name, url)
    for url in posts:
        assert login(users["coordinator"]).get(url).status_code == 405
    client.logout()
    for url in posts:
        response = client.post(url)
        assert response.status_code == 302 and "login" in response.url
    assert summons.attendees.count() == 2 and question.delegations.count() == 2
    assert not AuditEvent.objects.filter(action__endswith="_remove").exists()


def test_a_secret_items_people_are_out_of_reach_without_clearance(login, users, make_item):
    secret = make_item(number="9 ร.", matter_fields={"secrecy": 2}, by=users["grouphead"])
    link = Delegation.objects.create(item=secret, delegated_to="รัฐมนตรีช่วยว่าการ", delegated_on=TODAY)
    url = reverse("parliament-delegation-remove", args=[secret.pk, link.pk])
    assert login(users["uncleared"]).post(url).status_code == 404
    assert login(users["coordinator"]).post(url).status_code == 404  # clearance 1 < secrecy 2
    assert login(users["grouphead"]).post(url).status_code == 302
    assert not secret.delegations.exists()


def test_a_row_of_another_item_is_not_found(login, users, summons, question):
    other = summons.attendees.first()
    assert login(users["coordinator"]).post(_remove_attendee(question, other)).status_code == 404
    assert Attendee.objects.filter(pk=other.pk).exists()
