"""Who may change a matter through the API: matters.access.may_edit, with the API's statuses — 404 if the caller
may not see it, 403 if not theirs to change, 409 if closed."""

from ninja.errors import HttpError

from prasan.accounts.models import Role
from prasan.matters.access import EDIT_ROLES, in_scope, may_edit, visible_matter
from prasan.matters.models import Matter

__all__ = ["changeable_matter", "may_edit"]


def changeable_matter(user, pk: int) -> Matter:
    """A matter `user` may change (may_edit), else the reason as an HTTP error."""
    matter = visible_matter(user, pk, for_update=True)
    if not may_edit(user, matter):
        if user.role not in EDIT_ROLES:
            raise HttpError(403, f"บทบาท “{Role(user.role).label}” แก้ไขเรื่องไม่ได้")
        if not in_scope(user, matter):
            raise HttpError(403, "เรื่องนี้ไม่อยู่ในความรับผิดชอบของกลุ่มงานหรือของท่าน")
        raise HttpError(409, f"เรื่องนี้อยู่ในสถานะ “{matter.get_state_display()}” แก้ไขไม่ได้")
    return matter
