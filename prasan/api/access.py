"""Who may change a matter through the API: 404 if they may not see it, 403 if not theirs, 409 if closed."""

from ninja.errors import HttpError

from prasan.accounts.models import Role
from prasan.matters.access import EDIT_ROLES, may_edit, visible_matter
from prasan.matters.models import Matter
from prasan.matters.workflow import in_scope

__all__ = ["changeable_matter", "may_edit"]


def changeable_matter(user, pk: int) -> Matter:
    """editable_matter's rule, but a visible matter outside the caller's scope is a 403, not a 404."""
    matter = visible_matter(user, pk, for_update=True)
    if user.role not in EDIT_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” แก้ไขเรื่องไม่ได้")
    if not in_scope(user, matter):
        raise HttpError(403, "เรื่องนี้ไม่อยู่ในความรับผิดชอบของกลุ่มงานหรือของท่าน")
    if not matter.is_open:
        raise HttpError(409, f"เรื่องนี้อยู่ในสถานะ “{matter.get_state_display()}” แก้ไขไม่ได้")
    return matter
