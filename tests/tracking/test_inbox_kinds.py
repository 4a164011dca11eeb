"""The inbox costs the same whatever a person's backlog: each kind's count by SQL, the oldest few on งานของฉัน with
"และอีก N รายการ", and a kind's whole list a page at a time, oldest first, of matters the person may see."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document, ReviewStep
from prasan.tracking.inbox import FIRST, LABELS, count_for, counts_for, inbox_for
from prasan.tracking.views_inbox import PAGE_SIZE

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
# Who has which kinds waiting as the backlog fixture makes them, and how many per round (the head signs the
# minister's memos before he decides, as well as the approved letters).
KINDS = {
    "coordinator": {"returned": 1, "dispatch": 1, "answered": 1, "overdue_request": 1, "accept": 1},
    "head": {"review": 1, "sign": 2},
    "minister": {"decision": 1, "matter_decision": 1},
}


def waiting(user) -> dict:
    return {kind: n for kind, n in counts_for(user).items() if n}


@pytest.fixture
def backlog(make_matter, users, agencies):
    """add(n): n more of every kind, for the coordinator (on one matter being worked on, and new matters), the head
    and the minister."""
    working = make_matter(title="เรื่องที่กำลังดำเนินการ", state="coordinating")
    today = timezone.localdate()

    def document(status, form="external_letter", step=None):
        doc = Document.objects.create(matter=working, form=form, title=f"เอกสาร {status}", status=status,
                                      created_by=users["coordinator"])
        if step:
            ReviewStep.objects.create(document=doc, order=1, role=step)
        return doc

    def add(n):
        for _ in range(n):
            document("returned")
            document("signed")
            document("in_review", step="head")
            document("approved")
            document("in_review", form="summary_note", step="executive")
            AgencyRequest.objects.create(matter=working, agency=agencies[0], deliverable="สถิติ", deadline=today - DAY)
            AgencyRequest.objects.create(matter=working, agency=agencies[1], deliverable="คำตอบ", deadline=today + DAY,
                                         status="answered", answered_at=timezone.now())
            make_matter(title="เรื่องใหม่")
            make_matter(title="เรื่องที่ร่างนอกระบบ", state="with_minister")

    return add


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def pages(who):
    return [reverse("my-work"), reverse("inbox-badge")] + [reverse("inbox-kind", args=[k]) for k in KINDS[who]]


@pytest.mark.parametrize("who", list(KINDS))
def test_my_work_the_badge_and_each_list_cost_the_same_with_3_or_40_of_each_kind(backlog, users, login, who):
    client = login(users[who])
    backlog(3)
    assert waiting(users[who]) == {kind: 3 * n for kind, n in KINDS[who].items()}
    for url in pages(who):
        client.get(url)  # what a process keeps for a while read once
    few = [queries(client, url) for url in pages(who)]
    backlog(37)
    assert waiting(users[who]) == {kind: 40 * n for kind, n in KINDS[who].items()}
    assert [queries(client, url) for url in pages(who)] == few
    assert few[1] == 3  # the badge: session, user, the kinds' counts in one query
    body = client.get(reverse("my-work")).content.decode()
    assert body.count('class="inbox-item"') == FIRST * len(KINDS[who])
    for kind, n in KINDS[who].items():
        assert f"{LABELS[kind]}: และอีก {40 * n - FIRST} รายการ" in body
    assert f">{40 * sum(KINDS[who].values())}</span>" in client.get(reverse("inbox-badge")).content.decode()


def test_the_rest_of_a_kind_is_linked_with_how_many_there_are(backlog, users, login):
    backlog(FIRST + 2)
    body = login(users["coordinator"]).get(reverse("my-work")).content.decode()
    assert "และอีก 2 รายการ" in body
    assert reverse("inbox-kind", args=["accept"]) in body
    inbox = inbox_for(users["coordinator"])
    assert [(s.type, s.count, len(s.items), s.more) for s in inbox.sections] == [
        (kind, FIRST + 2, FIRST, 2) for kind in KINDS["coordinator"]]


def test_no_more_line_when_all_are_shown(backlog, users, login):
    backlog(FIRST)
    body = login(users["coordinator"]).get(reverse("my-work")).content.decode()
    assert "และอีก" not in body and body.count('class="inbox-item"') == FIRST * len(KINDS["coordinator"])


def test_a_kind_list_is_paginated_oldest_first(make_matter, users, login):
    created = [make_matter(title=f"เรื่องใหม่ที่ {i}") for i in range(PAGE_SIZE + 3)]
    client = login(users["coordinator"])
    url = reverse("inbox-kind", args=["accept"])
    first = client.get(url)
    assert [item.id for item in first.context["items"]] == [m.pk for m in created[:PAGE_SIZE]]
    assert first.context["page"].paginator.count == PAGE_SIZE + 3
    assert "page=2" in first.content.decode() and "เรื่องใหม่ที่ได้รับมอบหมาย" in first.content.decode()
    second = client.get(url, {"page": 2})
    assert [item.id for item in second.context["items"]] == [m.pk for m in created[PAGE_SIZE:]]


def test_the_minister_decides_from_the_kind_list_too(backlog, users, login):
    backlog(1)
    body = login(users["minister"]).get(reverse("inbox-kind", args=["decision"])).content.decode()
    assert 'value="acknowledged"' in body and "เปิดเอกสาร (PDF)" in body


def test_an_item_on_a_matter_i_may_not_see_is_neither_shown_nor_counted(make_matter, users, login):
    uncleared = users["uncleared"]  # a coordinator without clearance, given a secret matter past the rule
    make_matter(title="เรื่องลับที่ได้รับมอบหมาย", secrecy=1, assignees=[uncleared])
    make_matter(title="เรื่องปกติที่ได้รับมอบหมาย", assignees=[uncleared])
    client = login(uncleared)
    assert counts_for(uncleared)["accept"] == 1 and count_for(uncleared) == 1
    assert [item.title for item in inbox_for(uncleared).items] == ["เรื่องปกติที่ได้รับมอบหมาย"]
    for url in (reverse("my-work"), reverse("inbox-kind", args=["accept"])):
        body = client.get(url).content.decode()
        assert "เรื่องปกติที่ได้รับมอบหมาย" in body and "เรื่องลับที่ได้รับมอบหมาย" not in body
    assert ">1<" in client.get(reverse("inbox-badge")).content.decode()


def test_a_secret_document_waits_only_for_a_cleared_reviewer(make_matter, users, login):
    from tests.conftest import make_user

    secret = make_matter(title="การสอบสวนวินัย", secrecy=2, state="coordinating")
    document = Document.objects.create(matter=secret, form="external_letter", title="หนังสือลับมาก",
                                       status="in_review", created_by=users["coordinator"])
    ReviewStep.objects.create(document=document, order=1, role="group_head")
    low = make_user("grouphead_low", "group_head", users["coordinator"].unit, clearance=1)
    url = reverse("inbox-kind", args=["review"])
    assert "หนังสือลับมาก" in login(users["grouphead"]).get(url).content.decode()
    assert "หนังสือลับมาก" not in login(low).get(url).content.decode()
    assert counts_for(low)["review"] == 0 and counts_for(users["grouphead"])["review"] == 1


@pytest.mark.parametrize(("who", "kind", "status"), [
    ("coordinator", "accept", 200), ("head", "sign", 200), ("minister", "decision", 200), ("grouphead", "review", 200),
    ("coordinator", "decision", 403), ("minister", "accept", 403), ("auditor", "review", 403),
    ("registrar", "returned", 403), ("coordinator", "nothing", 404),
])
def test_a_kind_list_is_for_the_roles_it_can_wait_for(users, login, who, kind, status):
    assert login(users[who]).get(reverse("inbox-kind", args=[kind])).status_code == status


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("inbox-kind", args=["accept"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_group_head_without_a_unit_still_has_the_other_kinds_counted(make_matter, users):
    """Nothing to review (no unit) is an empty kind, not an empty inbox."""
    from tests.conftest import make_user

    head_without_unit = make_user("grouphead_nounit", "group_head", None, clearance=1)
    make_matter(title="เรื่องใหม่", assignees=[head_without_unit])
    assert waiting(head_without_unit) == {"accept": 1} and count_for(head_without_unit) == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's planner scans a table this small")
def test_whose_turn_is_found_in_the_pending_steps_index_not_in_every_step_ever_taken(users):
    from prasan.tracking import inbox

    for name in ("head", "grouphead", "minister"):
        assert "review_step_turn_idx" in inbox._steps(users[name]).explain(), name
