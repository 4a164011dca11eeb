"""Who is told of a post's step, in Prasan's notifications: the reviewers when it waits for them, the writer
when it is sent back, approved, published or withdrawn."""

from django.urls import reverse

from prasan.tracking.notices import tell_in_app

from . import access

KIND_REVIEW, KIND_RETURNED, KIND_DECIDED = "review", "returned", "decided"


def after(post, event: str, *, by, note: str = "") -> int:
    url = reverse("post-detail", args=[post.pk])
    title = post.title[:120]
    if event == "submit":
        return tell_in_app([u for u in access.reviewers() if u.pk != getattr(by, "pk", None)], kind=KIND_REVIEW,
                           text=f"ข่าวรอท่านตรวจ: {title}", url=url)
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
    return tell_in_app([writer], kind=kind, text=text, url=url)
