"""Who may do what with complaints: seeing one is seeing its matter (matters.access, the one need-to-know rule);
changing one is changing its matter; the complainant's identity is the permission's (masking.may_see_complainant).
"""

from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.matters.access import (
    INTAKE_ROLES,
    may_edit,
    role_required,
    staff_required,
    visible_matter,
)

from .masking import may_see_complainant
from .models import Complaint

# Who records a complaint (as who records a matter).
CREATE_ROLES = INTAKE_ROLES
# Who reads the complaint reports (no personal data in them).
REPORT_ROLES = frozenset({Role.HEAD, Role.GROUP_HEAD, Role.EXECUTIVE, Role.AUDITOR})
# Who keeps the record of processing and the breach register (the data protection side of the office).
PRIVACY_ROLES = frozenset({Role.HEAD, Role.ADMIN, Role.AUDITOR})
SESSION_REASON = "complaints_unmask_reason"

__all__ = ["CREATE_ROLES", "PRIVACY_ROLES", "REPORT_ROLES", "may_change", "may_see_complainant", "role_required",
           "staff_required", "unmask_reason", "unmasked_for", "visible_complaint"]


def visible_complaint(user, pk, *, for_update: bool = False) -> Complaint:
    """The complaint if `user` may see its matter (a secret one's read audited by visible_matter); else 404."""
    complaint = get_object_or_404(Complaint.objects.select_related("category", "office"), pk=pk)
    complaint.matter = visible_matter(user, complaint.matter_id, for_update=for_update)
    return complaint


def may_change(user, complaint) -> bool:
    return may_edit(user, complaint.matter)


def unmask_reason(request) -> str:
    """The reason this session gave for seeing complainants' data, or "" (then it is asked before anything shows)."""
    return request.session.get(SESSION_REASON, "") if may_see_complainant(request.user) else ""


def unmasked_for(request, complaint, *, purpose: str = "view") -> bool:
    """Whether this request shows `complaint`'s complainant unmasked: the user holds the permission, asked to see
    it, and gave a reason this session. Each unmasked view is audited (who, when, which complaint, why)."""
    reason = unmask_reason(request)
    if not reason:
        return False
    record(request.user, "complaint.unmask", complaint, number=complaint.number, purpose=purpose, reason=reason)
    return True
