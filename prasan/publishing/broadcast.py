"""Telling the office's LINE Official Account's friends that a post is out: one short broadcast with the link,
sent once per post when its writer asked for it (Messaging API broadcast endpoint)."""

import uuid

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from prasan.audit.models import record
from prasan.coordination.sending import SendError, broadcast_line

from .models import Post, Status

MAX_TITLE = 120


def public_url(post: Post) -> str:
    """The post's address on the public site (its own host when PRASAN_PUBLIC_HOST is set, else /public/)."""
    try:
        path = reverse("public:post", args=[post.url_key])
    except NoReverseMatch:
        path = f"/public/posts/{post.url_key}/"
    return public_address(path)


def public_address(path: str = "/public/") -> str:
    """A /public/… path as the public reaches it: on its own host when PRASAN_PUBLIC_HOST is set."""
    host = getattr(settings, "PUBLIC_SITE_HOST", "")
    if host:
        scheme = settings.BASE_URL.split("://", 1)[0]
        return f"{scheme}://{host}{path.removeprefix('/public')}"
    return settings.BASE_URL.rstrip("/") + path


def message(post: Post) -> str:
    title = post.title if len(post.title) <= MAX_TITLE else post.title[:MAX_TITLE - 1] + "…"
    return f"{post.get_kind_display()}: {title}\n{public_url(post)}"


def send_if_wanted(post: Post) -> tuple[bool, str]:
    """Broadcast a published post once, if it asked for it. Returns (sent now, a Thai sentence for the page)."""
    if not post.broadcast_line or post.status != Status.PUBLISHED:
        return False, ""
    # Claim the post: of two requests (or a request and the tick), one sends.
    if not Post.objects.filter(pk=post.pk, line_broadcast_at__isnull=True).update(line_broadcast_at=timezone.now()):
        return False, ""
    try:
        # The same key on every attempt for this post: LINE itself refuses a second delivery (409).
        detail = broadcast_line(message(post), retry_key=str(uuid.uuid5(uuid.NAMESPACE_URL, f"prasan-post-{post.pk}")))
    except SendError as exc:
        with transaction.atomic():
            Post.objects.filter(pk=post.pk).update(line_broadcast_at=None)
            record(None, "post.broadcast", post, title=post.title, status="failed", note=str(exc))
        return False, str(exc)
    record(None, "post.broadcast", post, title=post.title, status="sent")
    return True, detail
