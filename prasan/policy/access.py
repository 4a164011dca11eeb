"""Who may see and change a policy: exactly who may see and change its matter (matters.access, the one rule)."""

from django.shortcuts import get_object_or_404

from prasan.matters.access import EDIT_ROLES, may_edit, staff_required, visible_matter

from .models import Policy

CREATE_ROLES = EDIT_ROLES

__all__ = ["CREATE_ROLES", "may_change", "staff_required", "visible_policy"]


def visible_policy(user, pk, *, for_update: bool = False) -> Policy:
    """The policy if `user` may see its matter (a secret one's read audited by visible_matter); else 404."""
    policy = get_object_or_404(Policy.objects.only("pk", "matter_id"), pk=pk)
    matter = visible_matter(user, policy.matter_id, for_update=for_update)
    policy = Policy.objects.select_related("cabinet_item", "created_by").get(pk=pk)
    policy.matter = matter
    return policy


def may_change(user, policy: Policy) -> bool:
    """Add agencies, close a commitment, draft the progress memo: who may change the matter."""
    return may_edit(user, policy.matter)
