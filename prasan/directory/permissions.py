"""Who may change the directory: registrars and admins import files; the head of office also edits by hand."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from prasan.accounts.models import Role

IMPORT_ROLES = frozenset({Role.ADMIN, Role.REGISTRAR})
EDIT_ROLES = frozenset({Role.ADMIN, Role.REGISTRAR, Role.HEAD})


def can_import(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in IMPORT_ROLES)


def can_edit(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in EDIT_ROLES)


def nav(user) -> dict:
    """Flags for the directory's own menu."""
    return {"can_edit_directory": can_edit(user), "can_import_directory": can_import(user)}


def allowed_if(check):
    """Anonymous callers go to the login page; signed-in users who fail `check` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์แก้ไขทำเนียบหน่วยงาน")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
