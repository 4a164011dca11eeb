"""Who may see and change cabinet meetings and agenda items: an item is exactly as visible and changeable as its
matter (matters.access); meetings are recorded by who records matters."""

from django.shortcuts import get_object_or_404

from prasan.matters.access import (
    EDIT_ROLES,
    INTAKE_ROLES,
    in_scope,
    may_edit,
    may_see,
    staff_required,
    visible_matter,
)

from .models import AgendaItem, Meeting

# Who records a meeting and puts items on its agenda (as who records a new matter).
CREATE_ROLES = INTAKE_ROLES

__all__ = ["CREATE_ROLES", "may_add_items", "may_change", "may_change_meeting", "may_record_resolution",
           "staff_required", "visible_item", "visible_meeting"]


def visible_meeting(pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("office"), pk=pk)


def may_change_meeting(user) -> bool:
    return user.is_authenticated and user.role in CREATE_ROLES


def may_add_items(user) -> bool:
    return may_change_meeting(user)


def visible_item(user, pk, *, for_update: bool = False) -> AgendaItem:
    """The item if `user` may see its matter (a secret one's read is audited by visible_matter); else 404."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__office", "followup__office"), pk=pk)
    item.matter = visible_matter(user, item.matter_id, for_update=for_update)
    return item


def may_change(user, item: AgendaItem) -> bool:
    """Edit the item: who may change its matter (open, role, unit or assignment)."""
    return may_edit(user, item.matter)


def may_record_resolution(user, item: AgendaItem) -> bool:
    """Record the resolution and start its follow-up: who works the matter, even once it is closed (the
    resolution often comes after the briefing's matter is done)."""
    return user.role in EDIT_ROLES and may_see(user, item.matter) and in_scope(user, item.matter)
