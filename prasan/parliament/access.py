"""Who may see and change parliament items: exactly who may see and change their matters (matters.access)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.matters.access import INTAKE_ROLES, may_edit, staff_required, visible_matter
from prasan.matters.choices import Secrecy

from .models import Item

# Who records a new item (as who records a new matter).
CREATE_ROLES = INTAKE_ROLES
# Who reads the session report (as the office's performance reports).
REPORT_ROLES = frozenset({Role.HEAD, Role.GROUP_HEAD, Role.EXECUTIVE, Role.AUDITOR})

__all__ = ["CREATE_ROLES", "REPORT_ROLES", "changeable_item", "may_change", "may_create", "staff_required", "visible_item"]


def visible_item(user, pk, *, for_update: bool = False) -> Item:
    """The item if `user` may see its matter (a secret one's read is audited by visible_matter); else 404."""
    item = get_object_or_404(Item.objects.select_related("session", "office"), pk=pk)
    item.matter = visible_matter(user, item.matter_id, for_update=for_update)
    return item


def changeable_item(user, pk) -> Item:
    """The item, its matter row locked, for a change by `user`; a 404 for one who may not change it (as for
    one who may not see it: nothing tells them it exists)."""
    item = visible_item(user, pk, for_update=True)
    if not may_change(user, item):
        raise Http404
    return item


def may_change(user, item: Item) -> bool:
    """Edit the item or move its status: who may change its matter (open, role, unit or assignment)."""
    return may_edit(user, item.matter)


def may_create(user, secrecy: int = Secrecy.NORMAL) -> bool:
    return user.is_authenticated and user.role in CREATE_ROLES and secrecy <= user.clearance
