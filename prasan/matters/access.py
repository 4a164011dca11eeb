"""Finding a matter for a user: one 404 for "does not exist" and "may not see"; secret reads audited."""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.audit.models import record

from .models import Matter

WORKING_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR})
EDIT_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
INTAKE_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.REGISTRAR})


def visible_matter(user, pk, *, for_update: bool = False) -> Matter:
    matter = get_object_or_404(Matter.objects.visible_to(user).select_related("office", "owner_unit"), pk=pk)
    if matter.is_secret:
        record(user, "matter.read", matter, number=matter.number, purpose="update" if for_update else "view")
    return matter


def editable_matter(user, pk) -> Matter:
    """A matter this user may change (plan, log, requests): visible, open, and in the user's scope."""
    from .workflow import in_scope

    matter = visible_matter(user, pk, for_update=True)
    if not matter.is_open or user.role not in EDIT_ROLES or not in_scope(user, matter):
        raise Http404
    return matter


def role_required(roles):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles:
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์ใช้หน้านี้")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required(WORKING_ROLES | {Role.AUDITOR, Role.ADMIN})
