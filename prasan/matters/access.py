"""Finding a matter for a user: one 404 for "does not exist" and "may not see"; secret reads audited."""

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.audit.models import record

from .choices import Secrecy
from .models import Matter

WORKING_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR})
EDIT_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
INTAKE_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.REGISTRAR})
# In need to know of every matter: their clearance alone decides which secret ones they see.
NEED_TO_KNOW_ALL = frozenset({Role.HEAD, Role.EXECUTIVE})

# What a secret matter is called wherever its title may not go: mail, LINE, calendars, notifications.
SECRET_TITLE = "เรื่องชั้นความลับ (โปรดเปิดลิงก์เพื่อดูรายละเอียด)"


def reach(user) -> int:
    """The highest secrecy among matters the user's clearance opens: a (non-superuser) administrator's opens none."""
    if user.role == Role.ADMIN and not user.is_superuser:
        return Secrecy.NORMAL
    return user.clearance


def may_see(user, matter) -> bool:
    """The rule for one matter, as the office states it: a normal matter to every active user; a secret one to
    those cleared for its level (reach) who also need to know it (need_to_know)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if matter.secrecy == Secrecy.NORMAL:
        return True
    return matter.secrecy <= reach(user) and need_to_know(user, matter)


def need_to_know(user, matter) -> bool:
    """The head of office and executives know every matter; a group head the owner unit's; anyone else those
    they are assigned or shared."""
    if user.role in NEED_TO_KNOW_ALL:
        return True
    if user.role == Role.GROUP_HEAD and user.unit_id is not None and user.unit_id == matter.owner_unit_id:
        return True
    return is_assigned(user, matter) or matter.shares.filter(user_id=user.pk).exists()


def is_assigned(user, matter) -> bool:
    cached = getattr(matter, "_prefetched_objects_cache", {}).get("assignees")
    if cached is not None:
        return any(assignee.pk == user.pk for assignee in cached)
    return matter.assignees.filter(pk=user.pk).exists()


def visible_rows(rows, user, path: str = ""):
    """Rows of a model hanging on a matter through `path` whose matter `user` may see (or that hang on none)."""
    if not path:
        return rows.visible_to(user)
    from django.db.models import Q

    visible = Matter.objects.visible_to(user).values("pk")
    return rows.filter(Q(**{f"{path}__in": visible}) | Q(**{f"{path}__isnull": True}))


def safe_title(matter) -> str:
    """The title where anyone outside the matter's need to know may read it (a message, a feed, the admin)."""
    return SECRET_TITLE if matter.secrecy > Secrecy.NORMAL else matter.title


def title_for_agency(matter, *, shown: bool) -> str:
    """The matter as an agency's reply page names it: the number, and the title if the matter is normal or the
    sender chose to show it (the page is open to whoever holds the link)."""
    if matter.secrecy > Secrecy.NORMAL and not shown:
        return matter.number
    return f"{matter.number} {matter.title}"


class NotCleared(ValidationError):
    """A person without the matter's clearance was to be given it; the message says who, in Thai."""


def uncleared(secrecy: int, users) -> list:
    """Of `users`, those whose clearance does not reach `secrecy`."""
    return [user for user in users if user.clearance < secrecy]


def require_cleared(secrecy: int, users, *, act: str = "มอบหมายเรื่องนี้ให้") -> None:
    """Refuse (NotCleared) to give a matter of `secrecy` to anyone not cleared for it: being assigned or shared a
    matter is the need to know, so it must never reach past the clearance."""
    refused = uncleared(secrecy, users)
    if refused:
        names = ", ".join(user.display_name for user in refused)
        raise NotCleared(f"{names} มีชั้นความลับไม่ถึง “{Secrecy(secrecy).label}” จึง{act}ไม่ได้")


def visible_matter(user, pk, *, for_update: bool = False) -> Matter:
    matter = get_object_or_404(Matter.objects.visible_to(user).select_related("office", "owner_unit"), pk=pk)
    if matter.is_secret:
        record(user, "matter.read", matter, number=matter.number, purpose="update" if for_update else "view")
    return matter


def may_edit(user, matter: Matter) -> bool:
    """Whether `user` may change `matter` (plan, log, requests, what hangs on it): the matter page's edit buttons."""
    from .workflow import in_scope

    return matter.is_open and user.role in EDIT_ROLES and in_scope(user, matter)


def editable_matter(user, pk) -> Matter:
    """A matter this user may change (plan, log, requests): visible, open, and in the user's scope."""
    matter = visible_matter(user, pk, for_update=True)
    if not may_edit(user, matter):
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


def _guard_assignees(sender, instance, action, reverse, pk_set, **kwargs):
    """The last line behind the forms and the API: no path (admin, shell, a new page) assigns past clearance."""
    if action != "pre_add" or not pk_set:
        return
    from prasan.accounts.models import User

    if reverse:  # user.assigned_matters.add(matter, …)
        top = max(Matter.objects.filter(pk__in=pk_set).values_list("secrecy", flat=True), default=Secrecy.NORMAL)
        require_cleared(top, [instance])
    elif instance.secrecy > Secrecy.NORMAL:
        require_cleared(instance.secrecy, User.objects.filter(pk__in=pk_set))


def _guard_share(sender, instance, **kwargs):
    require_cleared(Matter.objects.values_list("secrecy", flat=True).get(pk=instance.matter_id), [instance.user],
                    act="ให้สิทธิ์เข้าถึงเรื่องนี้")


def connect() -> None:
    from django.db.models.signals import m2m_changed, pre_save

    from .models import MatterShare

    m2m_changed.connect(_guard_assignees, sender=Matter.assignees.through, dispatch_uid="matters-cleared-assignees")
    pre_save.connect(_guard_share, sender=MatterShare, dispatch_uid="matters-cleared-share")
