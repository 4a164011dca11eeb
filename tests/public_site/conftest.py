"""Posts as the publishing app keeps them, made directly (the site itself reads them only through
prasan.publishing.public); and a clean cache per test, since a page is cached by the site's version and a
rolled-back test database starts every test at the same version."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image

from prasan.publishing import images
from prasan.publishing.models import Kind, Post, PostImage, Status, Tag


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def photo(colour="navy", size=(160, 120)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return images.prepare(out.getvalue())


def make_post(title, *, status=Status.PUBLISHED, kind=Kind.NEWS, minutes=-60, tags=(), cover=False,
              gallery=0, **fields):
    from prasan.publishing.public import mark_changed

    post = Post.objects.create(title=title, status=status, kind=kind,
                               publish_at=timezone.now() + dt.timedelta(minutes=minutes), **fields)
    for name, slug in tags:
        post.tags.add(Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0])
    if cover:
        post.cover = PostImage.objects.create(post=post, image=photo(), alt_text=f"ภาพปก {title}")
        post.save(update_fields=["cover"])
    for n in range(gallery):
        PostImage.objects.create(post=post, image=photo("teal"), alt_text=f"ภาพกิจกรรมที่ {n + 1}", order=n + 1)
    mark_changed()
    return post


def set_status(post, status, **fields):
    from prasan.publishing.public import mark_changed

    Post.objects.filter(pk=post.pk).update(status=status, updated_at=timezone.now(), **fields)
    mark_changed()
