"""The post's path: each event in its states by its people; versions kept; audit; notices; the site's version."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.publishing import public, workflow
from prasan.publishing.models import Post, Status
from prasan.tracking.models import Notice, Notification

FUTURE = dt.timedelta(hours=3)


def to_state(post, state, users, reviewer):
    path = {Status.DRAFT: [], Status.REVIEW: ["submit"], Status.APPROVED: ["submit", "approve"],
            Status.SCHEDULED: ["submit", "approve", "schedule"], Status.PUBLISHED: ["submit", "approve", "publish"],
            Status.UNPUBLISHED: ["submit", "approve", "publish", "unpublish"]}[state]
    for event in path:
        post = workflow.fire(post, event, by=users["coordinator"] if event == "submit" else reviewer,
                             publish_at=timezone.now() + FUTURE, reason="ข้อมูลคลาดเคลื่อน")
    return post


TABLE = [(event, state) for event in workflow.RULES for state in Status.values]


@pytest.mark.parametrize(("event", "state"), TABLE)
def test_every_event_in_every_state(event, state, users, reviewer, make_post):
    post = to_state(make_post(), state, users, reviewer)
    rule = workflow.RULES[event]
    by = reviewer if rule.reviewer_only else users["coordinator"]
    kwargs = {"note": "แก้คำผิด", "reason": "ข้อมูลคลาดเคลื่อน", "publish_at": timezone.now() + FUTURE}
    if state in rule.sources:
        assert workflow.fire(post, event, by=by, **kwargs).status == rule.target
    else:
        with pytest.raises(workflow.WrongState):
            workflow.fire(post, event, by=by, **kwargs)


@pytest.mark.parametrize("event", ["approve", "schedule", "publish", "unpublish", "send_back"])
def test_only_the_reviewer_approves_and_publishes(event, users, reviewer, make_post):
    post = to_state(make_post(), workflow.RULES[event].sources[0], users, reviewer)
    for outsider in (users["coordinator"], users["head"], users["admin"], users["registrar"]):
        with pytest.raises(workflow.NotPermitted):
            workflow.fire(post, event, by=outsider, note="x", reason="x", publish_at=timezone.now() + FUTURE)


def test_the_registrar_and_the_auditor_do_not_write(users, make_post):
    post = make_post()
    for user in (users["registrar"], users["auditor"]):
        with pytest.raises(workflow.NotPermitted):
            workflow.fire(post, "submit", by=user)


def test_unpublishing_needs_a_reason_and_keeps_it(users, reviewer, make_post):
    post = to_state(make_post(), Status.PUBLISHED, users, reviewer)
    with pytest.raises(workflow.Missing, match="เหตุผล"):
        workflow.fire(post, "unpublish", by=reviewer, reason="  ")
    before = public.site_version()
    post = workflow.fire(post, "unpublish", by=reviewer, reason="ภาพไม่ถูกต้อง")
    assert (post.status, post.unpublish_reason) == (Status.UNPUBLISHED, "ภาพไม่ถูกต้อง")
    assert public.public_post(post.pk) is None
    assert public.site_version() != before
    event = AuditEvent.objects.filter(action="post.unpublish").get()
    assert event.data["reason"] == "ภาพไม่ถูกต้อง"


def test_scheduling_needs_a_time_to_come(users, reviewer, make_post):
    post = to_state(make_post(), Status.APPROVED, users, reviewer)
    with pytest.raises(workflow.Missing):
        workflow.fire(post, "schedule", by=reviewer, publish_at=timezone.now() - dt.timedelta(minutes=1))
    post = workflow.fire(post, "schedule", by=reviewer, publish_at=timezone.now() + FUTURE)
    assert public.public_post(post.pk) is None
    assert workflow.publish_due(timezone.now() + FUTURE + dt.timedelta(minutes=1))["posts_published"] == 1
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED and post.published_at == post.publish_at


def test_every_step_is_a_version(users, reviewer, make_post):
    post = to_state(make_post(), Status.PUBLISHED, users, reviewer)
    assert list(post.versions.order_by("number").values_list("number", "status")) == [
        (1, Status.DRAFT), (2, Status.REVIEW), (3, Status.APPROVED), (4, Status.PUBLISHED)]


def test_the_reviewer_is_told_when_a_post_waits_and_the_writer_when_it_comes_back(users, reviewer, make_post):
    post = workflow.fire(make_post(), "submit", by=users["coordinator"])
    note = Notification.objects.get(user=reviewer)
    assert post.title in note.text and note.url == f"/publishing/{post.pk}/"
    workflow.fire(post, "send_back", by=reviewer, note="เพิ่มชื่อโรงเรียน")
    assert "เพิ่มชื่อโรงเรียน" in Notification.objects.get(user=users["coordinator"]).text
    # By e-mail too, as any turn; and a second round of review is told again, not taken for the first.
    workflow.fire(post, "submit", by=users["coordinator"])
    mails = Notice.objects.filter(user=reviewer, channel="email")
    assert mails.count() == 2 and Notification.objects.filter(user=reviewer).count() == 2


def test_an_empty_post_cannot_be_submitted(users):
    post = Post.objects.create(title="หัวข้อ", created_by=users["coordinator"])
    with pytest.raises(workflow.Missing, match="เนื้อหา"):
        workflow.fire(post, "submit", by=users["coordinator"])
