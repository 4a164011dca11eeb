"""GET /api/v1/me/inbox: the caller's "รอดำเนินการ", the same list as on งานของฉัน (prasan.tracking.inbox)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prasan.documents import chain
from prasan.tracking.inbox import FIRST, inbox_for

from .conftest import assert_thai_error
from .test_documents import drafting_state, memo_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(make_matter, users):
    memo = memo_of(drafting_state(make_matter(title="การจัดสรรอัตราครูผู้ช่วย"), users), users)
    chain.submit(memo, by=users["coordinator"])
    return memo


def test_the_reviewer_finds_the_document_waiting_with_where_to_go(api, submitted, settings):
    body = api("grouphead").get("/me/inbox").json()
    assert body["count"] == 1
    [item] = body["items"]
    assert (item["type"], item["id"], item["document"]) == ("review", submitted.pk, submitted.pk)
    assert item["matter"] == submitted.matter_id and item["number"] == submitted.matter.number
    assert item["label"] == "รอท่านตรวจ" and item["title"]
    assert item["url"] == settings.BASE_URL + f"/documents/{submitted.pk}/"
    assert item["since"]


def test_it_is_the_same_list_as_the_page_for_everyone(api, submitted, users):
    chain.decide(submitted, by=users["grouphead"], approve=True)
    chain.decide(submitted, by=users["head"], approve=True)
    for who in ("coordinator", "grouphead", "head", "minister", "auditor", "uncleared"):
        body = api(who).get("/me/inbox").json()
        inbox = inbox_for(users[who])
        assert [(item["type"], item["id"]) for item in body["items"]] == [(i.type, i.id) for i in inbox.items], who
        assert body["count"] == inbox.count == len(inbox.items)
        assert [(kind["type"], kind["count"]) for kind in body["kinds"]] == [(s.type, s.count) for s in inbox.sections]
    assert api("minister").get("/me/inbox").json()["items"][0]["type"] == "decision"


def test_a_secret_matters_document_is_not_in_the_list_of_the_uncleared(api, make_matter, users):
    from tests.conftest import make_user

    memo = memo_of(drafting_state(make_matter(title="การสอบสวนวินัย", secrecy=2), users), users)
    chain.submit(memo, by=users["coordinator"])
    unit_head = make_user("grouphead_low", "group_head", users["coordinator"].unit, clearance=1)
    body = api(unit_head).get("/me/inbox").json()
    assert body["count"] == 0 and body["items"] == [] and {kind["count"] for kind in body["kinds"]} == {0}
    assert api("grouphead").get("/me/inbox").json()["count"] == 1  # cleared for ลับมาก


def test_anonymous_callers_get_401(api):
    assert_thai_error(api(None).get("/me/inbox"), 401)


def test_the_list_costs_the_same_queries_for_one_item_as_for_eight(api, make_matter, users):
    client = api("grouphead")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/me/inbox").status_code == 200
        return len(captured)

    memo = memo_of(drafting_state(make_matter(title="เรื่องที่ 0"), users), users)
    chain.submit(memo, by=users["coordinator"])
    one = queries()
    for n in range(1, 8):
        memo = memo_of(drafting_state(make_matter(title=f"เรื่องที่ {n}"), users), users)
        chain.submit(memo, by=users["coordinator"])
    assert client.get("/me/inbox").json()["count"] == 8
    assert queries() == one


def test_the_list_gives_every_kinds_count_and_the_first_few_of_each(api, make_matter, users):
    for n in range(FIRST + 2):
        make_matter(title=f"เรื่องใหม่ {n}")
    body = api("coordinator").get("/me/inbox").json()
    assert body["count"] == FIRST + 2 and len(body["items"]) == FIRST
    assert {"type": "accept", "label": "เรื่องใหม่ที่ได้รับมอบหมาย", "count": FIRST + 2} in body["kinds"]
    assert len(api("coordinator").get("/me/inbox", {"first": 100}).json()["items"]) == FIRST + 2
    assert api("coordinator").get("/me/inbox", {"first": 0}).status_code == 422


def test_one_kind_is_paged_oldest_first(api, make_matter, users):
    made = [make_matter(title=f"เรื่องใหม่ {n}").pk for n in range(5)]
    client = api("coordinator")
    first = client.get("/me/inbox/accept", {"limit": 2}).json()
    assert first["count"] == 5 and [item["id"] for item in first["items"]] == made[:2]
    assert [item["id"] for item in client.get("/me/inbox/accept", {"limit": 2, "page": 3}).json()["items"]] == made[4:]


def test_one_kind_the_callers_role_never_has_is_refused(api):
    assert_thai_error(api("coordinator").get("/me/inbox/decision"), 403)
    assert api("coordinator").get("/me/inbox/nothing").status_code == 422
    assert_thai_error(api(None).get("/me/inbox/accept"), 401)


def test_a_kind_hides_what_the_caller_may_not_see(api, make_matter, users):
    make_matter(title="เรื่องลับ", secrecy=1, assignees=[users["uncleared"]])
    assert api("uncleared").get("/me/inbox/accept").json()["count"] == 0
