"""Writing a post: its text (sanitised), tags, photos (cleaned), the signed announcement it publishes — each save
kept as a version and audited; a change to what the public sees moves the site's version."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.text import slugify

from prasan.audit.models import record
from prasan.matters.choices import Secrecy

from . import images, sanitise, versions
from .models import Post, PostImage, Tag
from .public import mark_changed
from .workflow import PUBLIC_STATES, Missing, NotPermitted

FIELDS = ("kind", "title", "slug", "summary", "body_html", "broadcast_line", "announcement_document", "agenda_item",
          "policy")
LINKS = ("announcement_document", "agenda_item", "policy")
MAX_IMAGES = 30


def signed_announcements():
    """Signed announcements of matters of secrecy ปกติ, with no secrecy mark of their own (the form's optional
    ชั้นความลับ holds a mark such as "ลับ", or nothing): the only documents a post may publish.

    Asked as "no mark" rather than "not a secret mark": in SQL a missing key compared with anything is NULL,
    so an exclude() would drop every document without the key too."""
    from prasan.documents.models import Document

    unmarked = Q(fields__secrecy__isnull=True) | Q(fields__secrecy=None) | Q(fields__secrecy="")
    return (Document.objects.filter(unmarked, form="announcement", status__in=("signed", "dispatched"),
                                    matter__secrecy=Secrecy.NORMAL, signed_at__isnull=False)
            .select_related("matter__office").order_by("-signed_at"))


def related_agenda_items():
    """Done engagements of secrecy ปกติ, newest first: what a post may say it tells of."""
    from prasan.agenda.models import AgendaItem

    return (AgendaItem.objects.filter(status="done", matter__secrecy=Secrecy.NORMAL)
            .order_by("-starts_at", "-id"))


def related_policies():
    """Policies of secrecy ปกติ, newest first."""
    from prasan.policy.models import Policy

    return Policy.objects.filter(matter__secrecy=Secrecy.NORMAL).select_related("matter__office").order_by(
        "-created_at", "-id")


def announcement_html(document, *, heading: bool = True) -> str:
    """The signed announcement's text as the post's body, as printed: heading, its number when it has one,
    subject, paragraphs (their line breaks kept), "ประกาศ ณ วันที่ …" and the signer — all escaped. Without
    `heading` the heading and subject are left to the post's title, which already says them."""
    from prasan.thai.dates import thai_date

    fields = document.fields or {}
    title = f"ประกาศ{fields.get('issuer', '')}".strip()
    paragraphs = fields.get("body") or []
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    parts = [f"<h2>{escape(title)}</h2>"] if heading else []
    if fields.get("doc_number"):
        parts.append(f"<p>ที่ {escape(fields['doc_number'])}</p>")
    if heading:
        parts.append(f"<p><strong>เรื่อง</strong> {escape(fields.get('subject', ''))}</p>")
    parts += ["<p>" + "<br>".join(escape(line) for line in str(text).splitlines()) + "</p>"
              for text in paragraphs if str(text).strip()]
    day = _iso_date(fields.get("date"))
    if day is not None:
        day_month, year = thai_date(day, thai_digits=False).rsplit(" ", 1)
        parts.append(f"<p>ประกาศ ณ วันที่ {escape(day_month)} พ.ศ. {year}</p>")
    signer = fields.get("signer") if isinstance(fields.get("signer"), dict) else {}
    position = signer.get("position") or []
    lines = [f"({signer['name']})"] if signer.get("name") else []
    lines += [position] if isinstance(position, str) else [str(line) for line in position]
    if lines:
        parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return "".join(parts)


def _iso_date(value):
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def tag_slug(name: str) -> str:
    """An ASCII slug for a Thai tag, by the Royal Institute's romanisation ("การศึกษา" → "kansueksa")."""
    from pythainlp.transliterate import romanize

    words = " ".join(romanize(word, engine="royin") if not word.isascii() else word for word in name.split())
    return slugify(words)[:90].strip("-") or "tag"


def parse_tags(text: str) -> list[Tag]:
    """Tags typed as "การศึกษา, ครู" — existing ones reused, new ones made with an ASCII slug."""
    names = []
    for name in re.split(r"[,\n]", text or ""):
        name = " ".join(name.split())[:100]
        if name and name not in names:
            names.append(name)
    tags = []
    for name in names[:20]:
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            base = tag_slug(name)
            slug, n = base, 1
            while Tag.objects.filter(slug=slug).exists():
                n += 1
                slug = f"{base}-{n}"
            tag = Tag.objects.create(name=name, slug=slug)
        tags.append(tag)
    return tags


def save(post: Post | None, data: dict, *, by, tags_text: str = "") -> Post:
    """Create or change a post from cleaned form data (the caller checked access.may_edit)."""
    creating = post is None
    post = post or Post(created_by=by)
    before = {field: getattr(post, field + ("_id" if field in LINKS else ""))
              for field in FIELDS} if not creating else {}
    for field in FIELDS:
        if field in data:
            setattr(post, field, data[field])
    post.body_html = sanitise.clean(post.body_html)
    if post.announcement_document_id and not sanitise.text_of(post.body_html):
        post.body_html = sanitise.clean(announcement_html(post.announcement_document))
    post.slug = (post.slug or "").strip().lower()
    if post.slug and Post.objects.filter(slug=post.slug).exclude(pk=post.pk).exists():
        raise Missing("ชื่อในลิงก์นี้มีข่าวอื่นใช้แล้ว")
    with transaction.atomic():
        post.save()
        post.tags.set(parse_tags(tags_text))
        changed = sorted(field for field in FIELDS if not creating and before[field] != getattr(
            post, field + ("_id" if field in LINKS else "")))
        versions.keep(post, by=by, note="สร้างร่าง" if creating else "แก้ไข")
        record(by, "post.create" if creating else "post.edit", post, title=post.title, changes=changed)
        if post.status in PUBLIC_STATES:
            mark_changed()
    return post


def add_image(post: Post, data: bytes, alt_text: str, *, by, as_cover: bool = False) -> PostImage:
    alt_text = " ".join((alt_text or "").split())
    if not alt_text:
        raise Missing("โปรดเขียนคำบรรยายภาพ (สำหรับผู้ใช้โปรแกรมอ่านหน้าจอ)")
    if post.images.count() >= MAX_IMAGES:
        raise Missing(f"ข่าวหนึ่งมีภาพได้ไม่เกิน {MAX_IMAGES} ภาพ")
    try:
        cleaned = images.prepare(data)
    except images.ImageError as exc:
        raise Missing(str(exc)) from None
    with transaction.atomic():
        order = post.images.count()
        image = PostImage.objects.create(post=post, image=cleaned, alt_text=alt_text[:300], order=order)
        if as_cover or post.cover_id is None:
            post.cover = image
            post.save(update_fields=["cover", "updated_at"])
        versions.keep(post, by=by, note=f"เพิ่มภาพ: {alt_text[:100]}")
        record(by, "post.image", post, title=post.title, name=alt_text[:100])
        if post.status in PUBLIC_STATES:
            mark_changed()
    return image


def remove_image(post: Post, image: PostImage, *, by) -> None:
    if image.post_id != post.pk:
        raise NotPermitted("ภาพนี้ไม่ได้อยู่ในข่าวนี้")
    with transaction.atomic():
        if post.cover_id == image.pk:
            post.cover = post.images.exclude(pk=image.pk).first()
            post.save(update_fields=["cover", "updated_at"])
        alt = image.alt_text
        image.image.delete(save=False)
        image.delete()
        versions.keep(post, by=by, note=f"นำภาพออก: {alt[:100]}")
        record(by, "post.image_remove", post, title=post.title, name=alt[:100])
        if post.status in PUBLIC_STATES:
            mark_changed()


def set_cover(post: Post, image: PostImage, *, by) -> None:
    if image.post_id != post.pk:
        raise NotPermitted("ภาพนี้ไม่ได้อยู่ในข่าวนี้")
    with transaction.atomic():
        post.cover = image
        post.save(update_fields=["cover", "updated_at"])
        record(by, "post.edit", post, title=post.title, changes=["cover"])
        if post.status in PUBLIC_STATES:
            mark_changed()
