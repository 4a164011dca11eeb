"""Who may write posts and who reviews them: the one statement every page and service of publishing asks.

Writing is office work (coordinators, group heads, the head of office). Reviewing, approving, scheduling,
publishing and unpublishing belong to the public-relations group head: a per-person permission
("ตรวจและอนุมัติข่าวประชาสัมพันธ์", given on the admin's user page and audited), never implied by a role or by
being a superuser, because what the office says in public is one person's responsibility.
"""

from prasan.accounts import personal_permission
from prasan.accounts.models import Role

PERMISSION = "publishing.review_post"
WRITERS = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_review(user) -> bool:
    if not _active(user):
        return False
    cached = getattr(user, "_reviews_posts", None)
    if cached is None:
        app_label, codename = PERMISSION.split(".")
        cached = user.user_permissions.filter(codename=codename, content_type__app_label=app_label).exists()
        user._reviews_posts = cached
    return cached


def may_write(user) -> bool:
    return _active(user) and (user.role in WRITERS or may_review(user))


def may_edit(user, post) -> bool:
    """Drafts and posts in review by their writers; anything not withdrawn by the reviewer."""
    if may_review(user):
        return post.status != "unpublished"
    return may_write(user) and post.editable


def reviewers():
    """The active holders of the review permission (they are told when a post waits for them)."""
    from django.contrib.auth import get_user_model

    app_label, codename = PERMISSION.split(".")
    return (get_user_model().objects.filter(is_active=True, user_permissions__codename=codename,
                                            user_permissions__content_type__app_label=app_label)
            .distinct().order_by("pk"))


def grant(user, *, by, granted: bool) -> bool:
    """Give or take away the review permission (the admin's user page); audited. True if anything changed."""
    return personal_permission.grant(user, PERMISSION, by=by, granted=granted, cache="_reviews_posts",
                                     actions=("post.grant_review", "post.revoke_review"))
