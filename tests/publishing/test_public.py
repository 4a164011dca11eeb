"""The public interface: only what is published (or scheduled and due) is public; the site's version moves."""

import datetime as dt

from django.utils import timezone

from prasan.publishing import images, public
from prasan.publishing.models import Kind, Post, PostImage, Status, Tag


def make_post(status, *, minutes=0, kind=Kind.NEWS, **fields):
    return Post.objects.create(title=f"ข่าว {status}", status=status, kind=kind,
                               publish_at=timezone.now() + dt.timedelta(minutes=minutes), **fields)


def photo():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(out, "JPEG")
    return images.prepare(out.getvalue())


def test_only_published_and_due_scheduled_posts_are_public(db):
    published = make_post(Status.PUBLISHED, minutes=-60)
    due = make_post(Status.SCHEDULED, minutes=-1)
    later = make_post(Status.SCHEDULED, minutes=60)
    hidden = [make_post(status, minutes=-5) for status in (Status.DRAFT, Status.REVIEW, Status.APPROVED,
                                                            Status.UNPUBLISHED)]
    assert list(public.public_posts()) == [due, published]
    assert public.public_post(due.pk) == due
    assert public.public_post(later.pk) is None
    assert all(public.public_post(post.pk) is None for post in hidden)
    assert public.public_post("x") is None


def test_it_filters_by_kind_tag_and_month(db):
    tag = Tag.objects.create(name="การศึกษา", slug="education")
    news = make_post(Status.PUBLISHED, minutes=-10)
    news.tags.add(tag)
    notice = make_post(Status.PUBLISHED, minutes=-20, kind=Kind.ANNOUNCEMENT)
    assert list(public.public_posts(kind=Kind.ANNOUNCEMENT)) == [notice]
    assert list(public.public_posts(tag="education")) == [news]
    assert list(public.public_posts(tag=tag)) == [news]
    now = timezone.localtime()
    assert set(public.public_posts(month=(now.year, now.month))) >= {news} or now.minute < 10
    assert list(public.public_posts(month=(now.year - 1, now.month))) == []


def test_images_of_hidden_posts_are_not_public(db):
    shown = make_post(Status.PUBLISHED, minutes=-1)
    draft = make_post(Status.DRAFT)
    shown_image = PostImage.objects.create(post=shown, image=photo(), alt_text="ภาพ")
    draft_image = PostImage.objects.create(post=draft, image=photo(), alt_text="ภาพ")
    assert public.public_image(shown_image.pk) == shown_image
    assert public.public_image(draft_image.pk) is None


def test_site_version_moves_on_change_and_when_a_scheduled_time_arrives(db):
    before = public.site_version()
    public.mark_changed()
    after_change = public.site_version()
    assert after_change != before
    post = make_post(Status.SCHEDULED, minutes=60)
    assert public.site_version() == after_change
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))
    assert public.site_version() != after_change


def test_an_announcement_without_a_document_has_no_pdf(db):
    post = make_post(Status.PUBLISHED, kind=Kind.ANNOUNCEMENT)
    assert not public.has_announcement_pdf(post) and public.announcement_pdf_bytes(post) is None
