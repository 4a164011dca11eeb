"""GET /api/v1/matters: the list page's filters, pagination, secrecy, and a fixed number of queries."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from prasan.accounts.models import User
from prasan.matters.models import Matter

from .conftest import assert_thai_error


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_staff_see_normal_matters_newest_first(api, make_matter):
    first, second = make_matter(), make_matter()
    for role in ("coordinator", "registrar", "auditor", "minister", "outsider", "uncleared"):
        response = api(role).get("/matters")
        assert [item["id"] for item in response.json()["items"]] == [second.pk, first.pk], role
        assert response.json()["count"] == 2


def test_a_secret_matter_is_listed_only_for_those_with_clearance_and_need_to_know(api, make_matter, secret_matter):
    normal = make_matter()
    for role in ("coordinator", "grouphead", "head", "minister"):
        assert ids(api(role).get("/matters")) == {normal.pk, secret_matter.pk}, role
    for role in ("uncleared", "outsider", "registrar", "auditor"):
        assert ids(api(role).get("/matters")) == {normal.pk}, role


def test_an_admin_without_superuser_rights_sees_only_normal_matters(api, make_matter, secret_matter):
    normal = make_matter()
    admin = User.objects.create_user("sysadmin", role="admin", clearance=3)
    assert ids(api(admin).get("/matters")) == {normal.pk}


def test_it_filters_like_the_list_page(api, users, other_unit, make_matter):
    today = timezone.localdate()
    late = make_matter(title="รายงานผลสอบ O-NET", urgency="most_urgent", internal_deadline=today - dt.timedelta(days=3))
    other = make_matter(duty_type="complaint", owner_unit=other_unit, assignees=[users["outsider"]])
    planning = make_matter()
    Matter.objects.filter(pk=planning.pk).update(state="planning")
    coordinator = api("coordinator")
    assert ids(coordinator.get("/matters", {"duty_type": "complaint"})) == {other.pk}
    assert ids(coordinator.get("/matters", {"urgency": "most_urgent"})) == {late.pk}
    assert ids(coordinator.get("/matters", {"state": "planning"})) == {planning.pk}
    assert ids(coordinator.get("/matters", {"state": "open"})) == {late.pk, other.pk, planning.pk}
    assert ids(coordinator.get("/matters", {"unit": other_unit.pk})) == {other.pk}
    assert ids(coordinator.get("/matters", {"assignee": users["outsider"].pk})) == {other.pk}
    assert ids(coordinator.get("/matters", {"overdue": "true"})) == {late.pk}
    assert ids(coordinator.get("/matters", {"q": "O-NET"})) == {late.pk}
    assert ids(coordinator.get("/matters", {"secrecy": "normal"})) == {late.pk, other.pk, planning.pk}


def test_it_pages_by_limit_and_offset_or_by_page(api, make_matter):
    made = [make_matter().pk for _ in range(5)][::-1]
    coordinator = api("coordinator")
    body = coordinator.get("/matters", {"limit": 2, "offset": 2}).json()
    assert (body["count"], body["limit"], body["offset"]) == (5, 2, 2)
    assert [item["id"] for item in body["items"]] == made[2:4]
    body = coordinator.get("/matters", {"limit": 2, "page": 3}).json()
    assert [item["id"] for item in body["items"]] == made[4:]
    assert body["offset"] == 4
    assert coordinator.get("/matters", {"offset": 50}).json()["items"] == []


def test_it_refuses_bad_page_sizes_and_unknown_filter_values(api, db):
    coordinator = api("coordinator")
    for params in ({"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"offset": -1}, {"page": 0},
                   {"state": "done"}, {"secrecy": "ลับ"}, {"overdue": "maybe"}, {"unit": "x"}):
        assert_thai_error(coordinator.get("/matters", params), 422)


def test_the_list_takes_the_same_number_of_queries_for_any_page_size(api, users, make_matter,
                                                                      django_assert_max_num_queries):
    coordinator = api("coordinator")
    team = [users["coordinator"], users["grouphead"]]
    for _ in range(3):
        make_matter(assignees=team)
    # token lookup + last-used update, count, page, assignees: nothing per row.
    with django_assert_max_num_queries(5) as small:
        assert len(coordinator.get("/matters").json()["items"]) == 3
    for _ in range(60):
        make_matter(assignees=team)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(coordinator.get("/matters", {"limit": 100}).json()["items"]) == 63


def test_filtering_adds_at_most_the_holiday_lookup(api, make_matter, django_assert_max_num_queries):
    today = timezone.localdate()
    for _ in range(20):
        make_matter(internal_deadline=today + dt.timedelta(days=1))
    coordinator = api("coordinator")
    with django_assert_max_num_queries(6):
        response = coordinator.get("/matters", {"due_within": 10, "duty_type": "analysis",
                                                       "state": "open", "limit": 100})
    assert response.json()["count"] == 20


def counts_matters(sql: str) -> bool:
    return "COUNT(" in sql.upper() and Matter._meta.db_table in sql


def test_a_common_phrase_is_listed_without_counting_its_matches(api, make_matter, monkeypatch):
    from prasan.search import filters

    monkeypatch.setattr(filters, "DENSE", 1)  # a phrase in more than one row of the index is common
    made = [make_matter(title=f"ขอข้อมูลครูผู้ช่วย รุ่น {n}").pk for n in range(5)][::-1]
    make_matter(title="เชิญประชุม")
    coordinator = api("coordinator")
    with CaptureQueriesContext(connection) as ran:
        body = coordinator.get("/matters", {"q": "ครูผู้ช่วย", "limit": 2}).json()
    assert not [query for query in ran.captured_queries if counts_matters(query["sql"])]
    assert (body["count"], body["count_exact"], body["more"]) == (None, False, True)
    assert [item["id"] for item in body["items"]] == made[:2]
    last = coordinator.get("/matters", {"q": "ครูผู้ช่วย", "limit": 2, "page": 3}).json()
    assert [item["id"] for item in last["items"]] == made[4:] and (last["count"], last["more"]) == (None, False)


def test_without_a_text_filter_the_list_is_counted(api, make_matter):
    for _ in range(3):
        make_matter()
    coordinator = api("coordinator")
    with CaptureQueriesContext(connection) as ran:
        body = coordinator.get("/matters", {"limit": 2}).json()
    assert [query for query in ran.captured_queries if counts_matters(query["sql"])]
    assert (body["count"], body["count_exact"], body["more"]) == (3, True, True)
    last = coordinator.get("/matters", {"limit": 2, "page": 2}).json()
    assert (last["count"], last["count_exact"], last["more"]) == (3, True, False)


def test_anonymous_callers_may_not_list_matters(api, make_matter):
    make_matter()
    assert_thai_error(api(None).get("/matters"), 401)
