"""/api/v1/posts: the list and one post by permission, a draft written, its workflow moved — as a writer, the
public-relations reviewer, a wrong role, a user without the review permission and anonymously; bad input is a
422 with Thai reasons, never a 500."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.publishing import access, editing, workflow
from prasan.publishing.models import Post, Status
from tests.servers import line_server  # noqa: F401

from .conftest import assert_thai_error

pytestmark = pytest.mark.django_db

DRAFT = {"kind": "news", "title": "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียน", "summary": "มอบทุน 120 ทุน",
         "body_html": "<h2>ประเด็นสำคัญ</h2><p onclick=\"x()\">เนื้อหา</p><script>alert(1)</script>",
         "tags": ["ทุนการศึกษา", "ลงพื้นที่"], "slug": "scholarships-2569"}


@pytest.fixture
def reviewer(users):
    access.grant(users["grouphead"], by=users["admin"], granted=True)
    return users["grouphead"]


def made(users, title="ข่าว", **data):
    return editing.save(None, {"title": title, "summary": "สรุป", **data}, by=users["coordinator"])


def published(users, reviewer, title="ข่าวเผยแพร่แล้ว"):
    post = made(users, title)
    for event, by in (("submit", users["coordinator"]), ("approve", reviewer), ("publish", reviewer)):
        post = workflow.fire(post, event, by=by)
    return post


def test_a_writer_writes_a_draft_stored_clean(api, users):
    answer = api("coordinator").post("/posts", DRAFT)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["status"] == "draft" and body["status_label"] == "ร่าง" and body["public_url"] == ""
    assert "script" not in body["body_html"] and "onclick" not in body["body_html"]
    assert body["tags"] == ["ทุนการศึกษา", "ลงพื้นที่"] and body["events"] == ["submit"]
    post = Post.objects.get()
    assert post.created_by == users["coordinator"] and post.versions.count() == 1


@pytest.mark.parametrize("role", ["registrar", "auditor", "minister"])
def test_a_wrong_role_may_not_write_or_move_a_post(api, users, role):
    post = made(users)
    assert_thai_error(api(role).post("/posts", DRAFT), 403)
    assert_thai_error(api(role).post(f"/posts/{post.pk}/events", {"event": "submit"}), 403)
    assert Post.objects.count() == 1 and Post.objects.get().status == Status.DRAFT


def test_a_wrong_role_sees_only_what_the_public_sees(api, users, reviewer):
    draft = made(users, "ร่างที่ยังไม่เผยแพร่")
    public = published(users, reviewer)
    registrar = api("registrar")
    answer = registrar.get("/posts")
    assert [item["title"] for item in answer.json()["items"]] == [public.title]
    assert answer.json()["items"][0]["public_url"].endswith(f"/public/posts/{public.pk}/")
    assert_thai_error(registrar.get(f"/posts/{draft.pk}"), 404)
    assert registrar.get(f"/posts/{public.pk}").json()["events"] == []
    assert_thai_error(registrar.get("/posts", {"status": "draft"}), 403)


def test_the_writer_sees_every_status_and_filters(api, users, reviewer):
    made(users, "ร่าง")
    published(users, reviewer)
    client = api("coordinator")
    assert {item["status"] for item in client.get("/posts").json()["items"]} == {"draft", "published"}
    assert [item["title"] for item in client.get("/posts", {"status": "draft"}).json()["items"]] == ["ร่าง"]


def test_the_workflow_through_the_api_with_the_review_permission(api, users, reviewer, line_server):  # noqa: F811
    writer, head = api("coordinator"), api("grouphead")
    post = writer.post("/posts", {**DRAFT, "broadcast_line": True}).json()
    url = f"/posts/{post['id']}/events"
    assert writer.post(url, {"event": "submit"}).json()["status"] == "review"
    assert_thai_error(writer.post(url, {"event": "approve"}), 403)  # the writer does not approve
    assert head.post(url, {"event": "approve"}).json()["status"] == "approved"
    soon = (timezone.now() + dt.timedelta(hours=2)).isoformat()
    scheduled = head.post(url, {"event": "schedule", "publish_at": soon}).json()
    assert scheduled["status"] == "scheduled" and scheduled["public_url"] == ""
    answer = head.post(url, {"event": "publish"}).json()
    assert answer["status"] == "published" and answer["public_url"].endswith("/public/posts/scholarships-2569/")
    assert len(line_server.broadcasts) == 1 and answer["line_broadcast_at"]
    assert_thai_error(head.post(url, {"event": "unpublish"}), 422)  # a reason is needed
    gone = head.post(url, {"event": "unpublish", "reason": "ข้อมูลคลาดเคลื่อน"}).json()
    assert gone["status"] == "unpublished" and gone["unpublish_reason"] == "ข้อมูลคลาดเคลื่อน"
    assert api("registrar").get(f"/posts/{post['id']}").status_code == 404


def test_a_group_head_without_the_review_permission_only_writes(api, users):
    post = made(users)
    workflow.fire(post, "submit", by=users["coordinator"])
    head = api("grouphead")
    assert head.get(f"/posts/{post.pk}").json()["events"] == []
    assert_thai_error(head.post(f"/posts/{post.pk}/events", {"event": "approve"}), 403)
    assert Post.objects.get(pk=post.pk).status == Status.REVIEW


def test_anonymous_is_asked_for_a_token(api, users):
    post = made(users)
    anonymous = api(None)
    for answer in (anonymous.get("/posts"), anonymous.get(f"/posts/{post.pk}"), anonymous.post("/posts", DRAFT),
                   anonymous.post(f"/posts/{post.pk}/events", {"event": "submit"})):
        assert_thai_error(answer, 401)


@pytest.mark.parametrize(("body", "field"), [
    ({}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "ข่าว", "kind": "blog"}, "kind"),
    ({"title": "ข่าว", "slug": "ข่าวใหม่"}, "slug"),
    ({"title": "ข่าว", "slug": "Bad Slug"}, "slug"),
    ({"title": "ข่าว", "tags": "การศึกษา"}, "tags"),
    ({"title": "ข่าว", "tags": [""]}, "tags.0"),
    ({"title": "ข่าว", "agenda_item": 999999}, "agenda_item"),
    ({"title": "ข่าว", "announcement_document": 0}, "announcement_document"),
    ({"title": "ข่าว", "policy": 2**70}, "policy"),
    ({"title": "ข่าว", "kind": "announcement"}, "announcement_document"),
    ({"title": "ข่าว", "colour": "red"}, "colour"),
    ({"title": "ข่าว\x00"}, "title"),
    ({"title": "ก" * 301}, "title"),
])
def test_bad_input_is_a_422_with_the_field_named_in_thai(api, body, field):
    answer = api("coordinator").post("/posts", body)
    assert_thai_error(answer, 422)
    assert field in [error["field"] for error in answer.json()["errors"]], answer.json()
    assert not Post.objects.exists()


def test_bad_events_are_4xx_with_reasons_never_500(api, users, reviewer):
    post = made(users)
    head = api("grouphead")
    url = f"/posts/{post.pk}/events"
    assert_thai_error(head.post(url, {"event": "explode"}), 422)
    assert_thai_error(head.post(url, {"event": "approve"}), 409)  # a draft is not in review
    workflow.fire(post, "submit", by=users["coordinator"])
    head.post(url, {"event": "approve"})
    assert_thai_error(head.post(url, {"event": "schedule"}), 422)  # no time
    assert_thai_error(head.post(url, {"event": "schedule", "publish_at": "2020-01-01T09:00:00"}), 422)  # past
    assert_thai_error(head.post(url, {"event": "schedule", "publish_at": "2569-12-08T09:00:00"}), 422)  # BE year
    assert_thai_error(head.post(url, {"event": "schedule", "publish_at": "พรุ่งนี้"}), 422)
    assert_thai_error(head.raw("post", url, "{not json"), 400)  # as everywhere in the API
    assert_thai_error(head.post("/posts/999999/events", {"event": "submit"}), 404)
    first = api("coordinator").post("/posts", {"title": "หนึ่ง", "slug": "same-slug"})
    assert first.status_code == 201
    assert_thai_error(api("coordinator").post("/posts", {"title": "สอง", "slug": "same-slug"}), 422)
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED


def test_the_list_reads_in_a_fixed_number_of_queries(api, users, reviewer, django_assert_max_num_queries):
    for n in range(30):
        made(users, f"ข่าวที่ {n}", tags_text="")
    client = api("coordinator")
    with django_assert_max_num_queries(6):
        answer = client.get("/posts", {"limit": 25})
    assert len(answer.json()["items"]) == 25 and answer.json()["count"] == 30
    with django_assert_max_num_queries(6):
        assert client.get("/posts", {"page": 2, "limit": 25}).json()["offset"] == 25


def test_an_unknown_filter_is_named(api):
    answer = api("coordinator").get("/posts", {"state": "draft"})
    assert_thai_error(answer, 422)
