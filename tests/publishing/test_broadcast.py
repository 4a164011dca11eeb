"""LINE: a published post asked to be broadcast reaches the stand-in's broadcast endpoint once, with its link."""

import datetime as dt

from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.coordination.sending import SendError, broadcast_line
from prasan.publishing import broadcast, workflow
from prasan.publishing.models import Post
from tests.servers import line_server  # noqa: F401


def publish(post, users, reviewer):
    workflow.fire(post, "submit", by=users["coordinator"])
    workflow.fire(post, "approve", by=reviewer)
    return workflow.fire(post, "publish", by=reviewer)


def test_a_published_post_is_broadcast_once_with_its_link(line_server, users, reviewer, make_post):  # noqa: F811
    post = publish(make_post(broadcast_line=True), users, reviewer)
    assert broadcast.send_if_wanted(post)[0] is True
    assert broadcast.send_if_wanted(Post.objects.get(pk=post.pk)) == (False, "")
    [sent] = line_server.broadcasts
    assert post.title in sent.text and f"/public/posts/{post.pk}/" in sent.text
    assert sent.headers.get("X-Line-Retry-Key")
    assert line_server.pushes == []
    assert Post.objects.get(pk=post.pk).line_broadcast_at is not None


def test_a_post_not_asking_for_line_is_not_broadcast(line_server, users, reviewer, make_post):  # noqa: F811
    post = publish(make_post(), users, reviewer)
    assert broadcast.send_if_wanted(post) == (False, "")
    assert line_server.broadcasts == []


def test_a_failed_broadcast_is_recorded_and_can_be_sent_again(line_server, users, reviewer, make_post):  # noqa: F811
    post = publish(make_post(broadcast_line=True), users, reviewer)
    line_server.fail(500)
    sent, detail = broadcast.send_if_wanted(post)
    assert not sent and "LINE" in detail
    assert Post.objects.get(pk=post.pk).line_broadcast_at is None
    assert AuditEvent.objects.filter(action="post.broadcast", data__status="failed").exists()
    line_server.succeed()
    assert broadcast.send_if_wanted(Post.objects.get(pk=post.pk))[0] is True
    assert len(line_server.broadcasts) == 1


def test_the_stand_in_refuses_a_repeated_retry_key_and_the_sender_takes_it_as_sent(line_server):  # noqa: F811
    broadcast_line("ข่าว", retry_key="0b5b0c1e-0000-4000-8000-000000000001")
    broadcast_line("ข่าว", retry_key="0b5b0c1e-0000-4000-8000-000000000001")
    assert len(line_server.broadcasts) == 1


def test_a_wrong_token_is_a_thai_error(line_server, settings):  # noqa: F811
    settings.LINE_TOKEN = "wrong"
    try:
        broadcast_line("ข่าว")
    except SendError as exc:
        assert "token" in str(exc)
    else:
        raise AssertionError("sent with a wrong token")


def test_the_tick_publishes_a_scheduled_post_and_broadcasts_it(line_server, users, reviewer, make_post):  # noqa: F811
    from prasan.tracking.tasks import run_tick

    post = make_post(broadcast_line=True)
    workflow.fire(post, "submit", by=users["coordinator"])
    workflow.fire(post, "approve", by=reviewer)
    workflow.fire(post, "schedule", by=reviewer, publish_at=timezone.now() + dt.timedelta(minutes=5))
    assert line_server.broadcasts == []
    counts = run_tick(timezone.now() + dt.timedelta(minutes=6))
    assert counts["posts_published"] == 1 and counts["posts_broadcast"] == 1
    assert len(line_server.broadcasts) == 1
    assert run_tick(timezone.now() + dt.timedelta(minutes=7))["posts_published"] == 0
