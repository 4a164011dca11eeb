"""/api/v1/agenda: the list by date range, one item, entering one (a clash is a warning), moving its status —
as the right role, a wrong role, a user without clearance and anonymously."""
# ruff: noqa: F811  (the agenda fixture, imported, is named as a parameter)

import datetime as dt

import pytest
from django.utils import timezone

from prasan.agenda.models import AgendaItem
from tests.agenda.conftest import make_item, moment  # noqa: F401  (fixture)

from .conftest import assert_thai_error

pytestmark = pytest.mark.django_db


def day(days=2) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def body(**extra):
    data = {"kind": "inspection", "title": "ตรวจราชการวิทยาลัยเทคนิคขอนแก่น",
            "starts_at": f"{day()}T09:00:00+07:00", "ends_at": f"{day()}T12:00:00+07:00",
            "place": "วิทยาลัยเทคนิคขอนแก่น", "dress": "ชุดปฏิบัติราชการสีกากี"}
    data.update(extra)
    return data


def test_the_list_is_a_date_range_of_what_one_may_see(api, make_item, users):
    make_item(title="เยี่ยมชมโรงเรียน")
    make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"], hour=14)
    make_item(days=20, title="ไกลออกไป")
    answer = api("coordinator").get("/agenda", {"from": day(), "to": day()})
    assert answer.status_code == 200
    assert [i["title"] for i in answer.json()["items"]] == ["เยี่ยมชมโรงเรียน"]
    minister = api("minister").get("/agenda", {"from": day(), "to": day()}).json()
    assert [i["title"] for i in minister["items"]] == ["เยี่ยมชมโรงเรียน", "พบเอกอัครราชทูต"]
    assert minister["items"][1]["secrecy"] == "secret" and minister["count"] == 2


def test_the_list_reads_in_a_fixed_number_of_queries(api, make_item, django_assert_max_num_queries):
    for hour in range(8, 18):
        make_item(hour=hour, hours=1)
    client = api("coordinator")
    with django_assert_max_num_queries(8):
        answer = client.get("/agenda", {"from": day(), "to": day(), "limit": 5})
    assert len(answer.json()["items"]) == 5 and answer.json()["count"] == 10


def test_bad_filters_are_422_in_thai(api):
    client = api("coordinator")
    assert_thai_error(client.get("/agenda", {"from": day(3), "to": day(1)}), 422)
    assert_thai_error(client.get("/agenda", {"from": "2026-01-01", "to": "2027-12-31"}), 422)
    assert_thai_error(client.get("/agenda", {"from": "2569-12-01"}), 422)
    assert_thai_error(client.get("/agenda", {"colour": "red"}), 422)
    assert_thai_error(client.get("/agenda", {"status": "maybe"}), 422)


@pytest.mark.parametrize("who,status", [("registrar", 403), ("auditor", 403), (None, 401)])
def test_the_agenda_is_not_for_other_roles(api, who, status):
    assert_thai_error(api(who).get("/agenda"), status)
    assert_thai_error(api(who).post("/agenda", body()), status)


def test_one_item_is_404_to_whom_may_not_see_its_matter(api, make_item, users):
    item = make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"])
    assert_thai_error(api("coordinator").get(f"/agenda/{item.pk}"), 404)
    assert_thai_error(api("uncleared").get(f"/agenda/{item.pk}"), 404)
    assert_thai_error(api("registrar").get(f"/agenda/{item.pk}"), 403)
    answer = api("minister").get(f"/agenda/{item.pk}").json()
    assert answer["title"] == "พบเอกอัครราชทูต" and answer["matter_number"] == item.matter.number
    assert answer["transitions"][0]["to_status"] == "invited" and answer["next_statuses"] == []
    assert_thai_error(api("minister").get("/agenda/99999999"), 404)


def test_entering_an_item_makes_its_matter_and_warns_of_a_clash(api, make_item, users):
    other = make_item(title="ประชุมผู้บริหาร", starts_at=moment(2, 10), ends_at=moment(2, 11))
    answer = api("coordinator").post("/agenda", body(linked_matters=[other.matter.pk]))
    assert answer.status_code == 201, answer.content
    data = answer.json()
    item = AgendaItem.objects.get(pk=data["id"])
    assert item.matter.kind == "facilitation" and data["matter"] == item.matter.pk
    assert [c["title"] for c in data["overlaps"]] == ["ประชุมผู้บริหาร"]
    assert data["linked_matters"] == [other.matter.pk] and data["status"] == "invited"
    assert "accepted" in data["next_statuses"]


def test_entering_refuses_bad_input_in_thai_and_saves_nothing(api, users, make_matter):
    client = api("coordinator")
    assert_thai_error(client.post("/agenda", body(ends_at=f"{day()}T08:00:00+07:00")), 422)
    assert_thai_error(client.post("/agenda", body(starts_at="2569-12-09T09:00:00")), 422)
    assert_thai_error(client.post("/agenda", body(title=" ")), 422)
    assert_thai_error(client.post("/agenda", body(status="done")), 422)
    assert_thai_error(client.post("/agenda", body(invited_by_agency=99999)), 422)
    secret = make_matter(secrecy=3, assignees=[users["head"]])
    assert_thai_error(client.post("/agenda", body(linked_matters=[secret.pk])), 422)
    assert_thai_error(client.post("/agenda", body(secrecy="top_secret")), 403)
    assert_thai_error(api("uncleared").post("/agenda", body(secrecy="confidential")), 403)
    assert_thai_error(api("minister").post("/agenda", body()), 403)
    assert_thai_error(client.raw("post", "/agenda", "{not json"), 400)
    assert not AgendaItem.objects.exists()


def test_status_moves_by_the_table_with_thai_refusals(api, make_item, users):
    item = make_item()
    client = api("coordinator")
    answer = client.post(f"/agenda/{item.pk}/status", {"to": "accepted"})
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    assert_thai_error(client.post(f"/agenda/{item.pk}/status", {"to": "prepared"}), 422)  # no programme yet
    assert_thai_error(client.post(f"/agenda/{item.pk}/status", {"to": "done"}), 422)  # not yet
    assert_thai_error(client.post(f"/agenda/{item.pk}/status", {"to": "delegated"}), 422)  # to whom?
    assert_thai_error(client.post(f"/agenda/{item.pk}/status", {"to": "invited"}), 422)
    answer = client.post(f"/agenda/{item.pk}/status", {"to": "declined", "note": "ติดภารกิจ"})
    assert answer.json()["status"] == "declined" and answer.json()["next_statuses"] == []
    assert_thai_error(client.post(f"/agenda/{item.pk}/status", {"to": "accepted"}), 403)  # its matter is closed


@pytest.mark.parametrize("who,status", [("outsider", 403), ("minister", 403), ("registrar", 403), (None, 401)])
def test_status_is_for_whom_may_change_the_matter(api, make_item, who, status):
    item = make_item()
    assert_thai_error(api(who).post(f"/agenda/{item.pk}/status", {"to": "accepted"}), status)
    item.refresh_from_db()
    assert item.status == "invited"


def test_status_of_an_item_one_may_not_see_is_404(api, make_item, users):
    item = make_item(matter_fields={"secrecy": 2}, by=users["head"])
    assert_thai_error(api("coordinator").post(f"/agenda/{item.pk}/status", {"to": "accepted"}), 404)
