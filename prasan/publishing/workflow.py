"""A post's path, as a table: draft → review → approved → scheduled or published; unpublished with a reason.

Each event names its states, who may fire it and what it needs; `fire()` checks, changes, keeps a version,
audits and tells the people concerned — all in one transaction. Refusals are typed errors carrying a Thai
sentence and an HTTP status, like the matters' workflow.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record

from . import access, notify, versions
from .models import Post, Status
from .public import mark_changed


class PublishingError(Exception):
    """Base of refusals; `str(e)` is a Thai sentence saying why."""

    status = 409


class WrongState(PublishingError):
    status = 409


class NotPermitted(PublishingError):
    status = 403


class Missing(PublishingError):
    status = 422


@dataclass(frozen=True)
class Rule:
    label: str
    sources: tuple[str, ...]
    target: str
    reviewer_only: bool
    needs: str = ""  # "note" (a comment), "reason", "publish_at"


RULES = {
    "submit": Rule("เสนอตรวจ", (Status.DRAFT,), Status.REVIEW, False),
    "send_back": Rule("ส่งกลับแก้ไข", (Status.REVIEW, Status.APPROVED), Status.DRAFT, True, "note"),
    "approve": Rule("อนุมัติ", (Status.REVIEW,), Status.APPROVED, True),
    "schedule": Rule("ตั้งเวลาเผยแพร่", (Status.APPROVED, Status.SCHEDULED), Status.SCHEDULED, True, "publish_at"),
    "publish": Rule("เผยแพร่ทันที", (Status.APPROVED, Status.SCHEDULED), Status.PUBLISHED, True),
    "unpublish": Rule("ถอนการเผยแพร่", (Status.PUBLISHED, Status.SCHEDULED), Status.UNPUBLISHED, True, "reason"),
    "redraft": Rule("นำกลับมาแก้ไขใหม่", (Status.UNPUBLISHED,), Status.DRAFT, False),
}
PUBLIC_STATES = (Status.PUBLISHED, Status.SCHEDULED)


def allowed_events(post: Post, user) -> list[tuple[str, Rule]]:
    """The events `user` may fire on `post` now (the buttons the page shows)."""
    return [(event, rule) for event, rule in RULES.items() if _refusal(post, event, rule, user) is None]


def _refusal(post: Post, event: str, rule: Rule, user) -> PublishingError | None:
    if post.status not in rule.sources:
        return WrongState(f"ข่าวนี้อยู่ในสถานะ “{post.get_status_display()}” จึง{rule.label}ไม่ได้")
    if rule.reviewer_only and not access.may_review(user):
        return NotPermitted(f"{rule.label}ได้เฉพาะผู้มีสิทธิ์ตรวจและอนุมัติข่าวประชาสัมพันธ์")
    if not rule.reviewer_only and not access.may_write(user):
        return NotPermitted("ท่านไม่มีสิทธิ์เขียนข่าวประชาสัมพันธ์")
    return None


def _check_content(post: Post) -> None:
    if not post.title.strip():
        raise Missing("ยังไม่มีหัวข้อข่าว")
    if not (post.summary.strip() or post.body_html.strip()):
        raise Missing("ยังไม่มีเนื้อหาข่าว")
    if post.kind == "announcement" and post.announcement_document_id and not post.announcement_document.signed_at:
        raise Missing("ประกาศที่แนบยังไม่ได้ลงนาม จึงเผยแพร่ไม่ได้")


def fire(post: Post, event: str, *, by, note: str = "", reason: str = "", publish_at: dt.datetime | None = None,
         now: dt.datetime | None = None) -> Post:
    """Fire one event on `post`: all or nothing. Returns the post as it now stands."""
    rule = RULES.get(event)
    if rule is None:
        raise WrongState("ไม่รู้จักขั้นตอนนี้")
    now = now or timezone.now()
    note, reason = (note or "").strip(), (reason or "").strip()
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        refusal = _refusal(post, event, rule, by)
        if refusal is not None:
            raise refusal
        if rule.needs == "note" and not note:
            raise Missing("โปรดเขียนความเห็นว่าต้องแก้ไขอะไร")
        if rule.needs == "reason" and not reason:
            raise Missing("โปรดระบุเหตุผลที่ถอนการเผยแพร่ (เก็บไว้เป็นหลักฐาน)")
        if rule.needs == "publish_at" and (publish_at is None or publish_at <= now):
            raise Missing("โปรดระบุเวลาเผยแพร่ที่ยังไม่ถึง (ถ้าจะเผยแพร่เดี๋ยวนี้ ให้กด “เผยแพร่ทันที”)")
        if event in ("submit", "approve", "publish", "schedule"):
            _check_content(post)
        was_public = post.status in PUBLIC_STATES
        before = post.status
        post.status = rule.target
        if event == "submit":
            post.reviewer = None
        elif event in ("approve", "send_back"):
            post.reviewer = by
        if event == "schedule":
            post.publish_at = publish_at
        elif event == "publish":
            post.publish_at = post.published_at = now
        elif event == "unpublish":
            post.unpublished_at, post.unpublish_reason = now, reason
        elif event == "redraft":
            post.publish_at = post.published_at = None
        post.save()
        versions.keep(post, by=by, note=f"{rule.label}{': ' + (note or reason) if note or reason else ''}")
        record(by, f"post.{event}", post, title=post.title, status_from=before, status_to=post.status,
               **({"note": note} if note else {}), **({"reason": reason} if reason else {}),
               **({"publish_at": publish_at} if event == "schedule" else {}))
        if was_public or post.status in PUBLIC_STATES:
            mark_changed()
        notify.after(post, event, by=by, note=note or reason)
    return post


def publish_due(now: dt.datetime | None = None) -> Counter:
    """Scheduled posts whose time has come become published (they were already public; this records it and
    lets their LINE broadcast go). Called by `prasan tick`; safe to run any number of times."""
    from .broadcast import send_if_wanted

    now = now or timezone.now()
    counts = Counter()
    for pk in Post.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            post = Post.objects.select_for_update().filter(pk=pk, status=Status.SCHEDULED).first()
            if post is None:
                continue
            post.status, post.published_at = Status.PUBLISHED, post.publish_at
            post.save(update_fields=["status", "published_at", "updated_at"])
            versions.keep(post, by=None, note="ถึงเวลาเผยแพร่ตามที่ตั้งไว้")
            record(None, "post.publish", post, title=post.title, status_from=Status.SCHEDULED,
                   status_to=Status.PUBLISHED)
            mark_changed()
        counts["posts_published"] += 1
        if send_if_wanted(post)[0]:
            counts["posts_broadcast"] += 1
    return counts
