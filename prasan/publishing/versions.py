"""Every saved state of a post kept as a PostVersion, numbered from 1, never changed afterwards."""

from django.db.models import Max

from .models import Post, PostVersion


def keep(post: Post, *, by, note: str = "") -> PostVersion:
    """Append the post's present state (call inside the transaction that saved it)."""
    number = (post.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return PostVersion.objects.create(
        post=post, number=number, status=post.status, kind=post.kind, title=post.title, slug=post.slug,
        summary=post.summary, body_html=post.body_html,
        tags=[tag.name for tag in post.tags.all()],
        images=[{"id": image.pk, "alt": image.alt_text} for image in post.images.all()],
        note=note[:300], created_by=by if getattr(by, "is_authenticated", False) else None)
