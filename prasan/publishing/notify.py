"""Who is told of a post's step, as every turn is told (in Prasan, by e-mail and LINE, once): the reviewers when it
waits for them, the writer when it is sent back, approved, published or withdrawn. A post is no matter: the
people are chosen here, and a post holds nothing secret."""

from django.urls import reverse

from prasan.tracking.notices import Event, announce

from . import access

KIND_REVIEW, KIND_RETURNED, KIND_DECIDED = "review", "returned", "decided"


def after(post, event: str, *, by, note: str = "") -> int:
    url = reverse("post-detail", args=[post.pk])
    title = post.title[:120]
    if event == "submit":
        return _tell([u for u in access.reviewers() if u.pk != getattr(by, "pk", None)], post, event, KIND_REVIEW,
                     f"ข่าวรอท่านตรวจ: {title}", url)
    writer = post.created_by if post.created_by_id != getattr(by, "pk", None) else None
    texts = {
        "send_back": (KIND_RETURNED, f"ข่าวถูกส่งกลับแก้ไข: {title} — {note}"),
        "approve": (KIND_DECIDED, f"ข่าวได้รับอนุมัติแล้ว: {title}"),
        "schedule": (KIND_DECIDED, f"ข่าวตั้งเวลาเผยแพร่แล้ว: {title}"),
        "publish": (KIND_DECIDED, f"ข่าวเผยแพร่แล้ว: {title}"),
        "unpublish": (KIND_DECIDED, f"ข่าวถูกถอนการเผยแพร่: {title} — {note}"),
    }
    if event not in texts or writer is None:
        return 0
    kind, text = texts[event]
    return _tell([writer], post, event, kind, text, url)


def _tell(people, post, event: str, kind: str, text: str, url: str) -> int:
    # One happening per step: the version the step just kept names it (a post goes round review more than once).
    version = post.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return announce(Event(f"post:{post.pk}:{version}:{event}", kind, None, text[:500], url=url), people)
