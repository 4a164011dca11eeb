"""Who sees the minister's agenda and who changes it.

The agenda is shown to the minister and his political team (the executive role: the minister, deputies and their
authorised staff), the head of office, and the office staff who arrange the engagements (group heads and
coordinators: the seed's facilitation duty — protocol, dress, appointment times — is every สร. officer's). Not to
the registrar, the auditor or an administrator: where the minister will be is not theirs to know. Within it, an
item is exactly as visible and changeable as its facilitation matter (prasan.matters.access): an item whose matter
one may not see is the same 404 as one that does not exist, and a secret one's read is audited there.
"""

from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.matters.access import EDIT_ROLES, may_edit, role_required, visible_matter

from .models import AgendaItem

VIEW_ROLES = frozenset({Role.EXECUTIVE, Role.HEAD, Role.GROUP_HEAD, Role.COORDINATOR})
# Who enters an engagement and works it (its matter is theirs to change): the office's working staff.
CREATE_ROLES = EDIT_ROLES

agenda_required = role_required(VIEW_ROLES)
create_required = role_required(CREATE_ROLES)

__all__ = ["CREATE_ROLES", "VIEW_ROLES", "agenda_required", "create_required", "may_change", "may_create",
           "may_view", "visible_item"]


def may_view(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in VIEW_ROLES)


def may_create(user) -> bool:
    return may_view(user) and user.role in CREATE_ROLES


def visible_item(user, pk, *, for_update: bool = False) -> AgendaItem:
    """The item if `user` sees the agenda and may see its matter; else 404 (the same as one that does not exist)."""
    from django.http import Http404

    if not may_view(user):
        raise Http404
    item = get_object_or_404(AgendaItem.objects.select_related("office", "invited_by_agency", "created_by"), pk=pk)
    item.matter = visible_matter(user, item.matter_id, for_update=for_update)
    return item


def may_change(user, item: AgendaItem) -> bool:
    """Edit the item or move its status: who may change its matter (open, role, unit or assignment)."""
    return may_view(user) and may_edit(user, item.matter)
