"""What the public may see, and nothing else: the one interface the public site reads posts through.

A post is public when it is published, or scheduled and its time has come (no worker has to flip it first).
Drafts, posts in review, approved-but-unscheduled and unpublished posts are never public.
"""

import datetime as dt
import re

from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape

from .models import Post, PostImage, SiteState, Status, Tag


def _public_rule(now: dt.datetime) -> Q:
    return Q(status=Status.PUBLISHED) | Q(status=Status.SCHEDULED, publish_at__lte=now)


def public_posts(kind: str | None = None, tag: "Tag | str | None" = None,
                 month: "dt.date | tuple[int, int] | None" = None) -> QuerySet:
    """Posts the public may see now, newest first (by the time they went public).

    `kind`: a Kind value; `tag`: a Tag or its slug; `month`: a date (its month) or (year, month) in the
    Christian era, in the office's time zone."""
    now = timezone.now()
    posts = (Post.objects.filter(_public_rule(now))
             .select_related("cover").prefetch_related("tags")
             .order_by("-publish_at", "-id"))
    if kind:
        posts = posts.filter(kind=kind)
    if tag is not None:
        posts = posts.filter(tags=tag) if isinstance(tag, Tag) else posts.filter(tags__slug=tag)
    if month is not None:
        year, number = (month.year, month.month) if isinstance(month, dt.date) else month
        start = timezone.make_aware(dt.datetime(year, number, 1))
        end = timezone.make_aware(dt.datetime(year + number // 12, number % 12 + 1, 1))
        posts = posts.filter(publish_at__gte=start, publish_at__lt=end)
    return posts


def public_post(pk) -> Post | None:
    """The post with this id if the public may see it now, else None."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return public_posts().filter(pk=pk).first()


def public_post_by_slug(slug: str) -> Post | None:
    if not slug:
        return None
    return public_posts().filter(slug=slug).first()


def public_image(pk) -> PostImage | None:
    """A photo of a post the public may see now, else None (a draft's photos are not public)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (PostImage.objects.filter(pk=pk, post__in=Post.objects.filter(_public_rule(timezone.now())))
            .select_related("post").first())


def site_version() -> str:
    """Changes whenever what the public sees changes, for the public site's cache keys.

    The counter moves with every publish, unpublish and edit of a public post (workflow.py bumps it in the
    change's transaction); the latest arrived publish time moves when a scheduled post's time comes."""
    now = timezone.now()
    counter = SiteState.objects.filter(pk=1).values_list("version", flat=True).first() or 0
    arrived = (Post.objects.filter(status=Status.SCHEDULED, publish_at__lte=now)
               .aggregate(latest=Max("publish_at"))["latest"])
    return f"{counter}.{int(arrived.timestamp()) if arrived else 0}"


def has_announcement_pdf(post: Post) -> bool:
    """Whether an announcement post has its signed PDF (a document printed to PDF), which
    announcement_pdf_bytes reads through the storage: whether that storage keeps local files does not matter."""
    document = post.announcement_document
    return document is not None and bool(document.pdf)


def announcement_pdf_bytes(post: Post) -> bytes | None:
    document = post.announcement_document
    if document is None or not document.pdf:
        return None
    with document.pdf.open("rb") as handle:
        return handle.read()


def mark_changed() -> None:
    """Bump the site's version; call inside the transaction of any change the public would see."""
    from django.db.models import F

    if not SiteState.objects.filter(pk=1).update(version=F("version") + 1):
        SiteState.objects.get_or_create(pk=1, defaults={"version": 1})


_IMG = re.compile(r'<img data-image="(\d+)"((?: alt="[^"]*")?)>|<img((?: alt="[^"]*")?) data-image="(\d+)">')


def public_body_html(post: Post, image_url) -> str:
    """The post's body ready to show: each photo placed in the text (stored as `<img data-image="ID" alt="…">`,
    see sanitise.py) gets `src=image_url(id)`; a photo of another post, or one removed since, is dropped.

    `image_url`: a function of a PostImage's id to its address on the page's own site (the public site passes
    its image view; the internal preview its own). The result is safe to mark safe: the stored body passed the
    allow-list, and only `src` is added here."""
    own = set(post.images.values_list("pk", flat=True)) if "data-image" in post.body_html else set()

    def place(match):
        pk = int(match.group(1) or match.group(4))
        alt = match.group(2) or match.group(3) or ' alt=""'
        if pk not in own:
            return ""
        return f'<img src="{escape(image_url(pk))}"{alt} loading="lazy">'

    return _IMG.sub(place, post.body_html)
