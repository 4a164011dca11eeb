"""Who may see and who may change a matter: the one statement of need to know, which every page, the API, the
search, the dashboards, the exports, the notifications, the admin and the agencies' reply pages call.

The rule. A normal matter is seen by every active user. A secret one (ลับ, ลับมาก, ลับที่สุด) is seen by whom
its level is within `reach` (the clearance; a non-superuser administrator reaches none) *and* who needs to know it
(`need_to_know`): the head of office and executives know every matter, a group head the owner unit's, anyone else
those they are assigned or shared. Anyone else gets the same 404 as for a matter that does not exist.

It is written once and rendered four ways, each tested against the others (tests/matters/test_need_to_know.py):
per matter (`may_see`), as a queryset filter (`visible`, behind Matter.objects.visible_to, and `assigned`, whose
`cleared_rows` also narrows a person's open-work rows), as the dashboards' "count everything, take away the
hidden" (`visible_in`, `hidden_from`), and over the search index,
whose rows carry the secrecy and whose need to know is stored per secret matter (`grant_rows`, `grant_keys`,
`index_rule`). The queryset forms keep to the covering indexes: no test of need per row where none can exclude.
"""

from functools import wraps

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import GreaterThan
from django.http import Http404
from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.audit.models import record

from .choices import (
    CLEARANCE_CHOICES,
    SECRECY_BY_CODE,
    SECRECY_BY_MARK,
    SECRECY_CODES,
    SECRECY_MARKS,
    Secrecy,
    secrecy_of_mark,
)
from .models import Matter, MatterShare

__all__ = [
    "CLEARANCE_CHOICES", "EDIT_ROLES", "INTAKE_ROLES", "NEED_TO_KNOW_ALL", "SECRECY_BY_CODE", "SECRECY_BY_MARK",
    "SECRECY_CODES", "SECRECY_MARKS", "SECRET_TITLE", "WORKING_ROLES", "NotCleared", "Secrecy", "assigned",
    "cleared_rows", "editable_matter", "grant_keys", "grant_rows", "hidden_from", "in_scope", "index_rule", "may_edit", "may_see",
    "need_to_know", "reach", "require_cleared", "role_required", "safe_title", "secrecy_of_mark", "secret_safe",
    "sees_everything",
    "staff_required", "title_for_agency", "uncleared", "unknown_in_reach", "visible", "visible_in", "visible_level",
    "visible_matter", "visible_rows",
]

WORKING_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR})
EDIT_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD})
INTAKE_ROLES = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.REGISTRAR})
# In need to know of every matter: their clearance alone decides which secret ones they see.
NEED_TO_KNOW_ALL = frozenset({Role.HEAD, Role.EXECUTIVE})
TOP = max(Secrecy.values)


# -- the rule, for one matter ---------------------------------------------------------------------


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def reach(user) -> int:
    """The highest secrecy among matters the user's clearance opens: a (non-superuser) administrator's opens none."""
    if user.role == Role.ADMIN and not user.is_superuser:
        return Secrecy.NORMAL
    return user.clearance


def may_see(user, matter) -> bool:
    if not _active(user):
        return False
    if matter.secrecy == Secrecy.NORMAL:
        return True
    return matter.secrecy <= reach(user) and need_to_know(user, matter)


def need_to_know(user, matter) -> bool:
    if user.role in NEED_TO_KNOW_ALL:
        return True
    if _heads_unit(user, matter.owner_unit_id):
        return True
    return is_assigned(user, matter) or matter.shares.filter(user_id=user.pk).exists()


def _heads_unit(user, unit_id) -> bool:
    return user.role == Role.GROUP_HEAD and user.unit_id is not None and user.unit_id == unit_id


def is_assigned(user, matter) -> bool:
    cached = getattr(matter, "_prefetched_objects_cache", {}).get("assignees")
    if cached is not None:
        return any(assignee.pk == user.pk for assignee in cached)
    return matter.assignees.filter(pk=user.pk).exists()


def in_scope(user, matter) -> bool:
    """Whose work a matter is: the head's and executives' (all), its assignees', its owner unit's members'."""
    if user.role in NEED_TO_KNOW_ALL:
        return True
    if is_assigned(user, matter):
        return True
    return user.unit_id is not None and user.unit_id == matter.owner_unit_id


def may_edit(user, matter) -> bool:
    """May change the matter (plan, log, requests, documents, particulars): sees it, it is open, the role edits,
    and it is in the user's scope. The one test behind every edit button and every write."""
    return matter.is_open and user.role in EDIT_ROLES and may_see(user, matter) and in_scope(user, matter)


# -- the rule, as queryset filters ------------------------------------------------------------------


def sees_everything(user) -> bool:
    """Cleared for every level and in need to know of all: no condition at all, so a count or a page is read from
    whichever index serves it."""
    return _active(user) and user.role in NEED_TO_KNOW_ALL and reach(user) >= TOP


def visible(matters, user, path: str = ""):
    """`matters` narrowed to those `user` may see (Matter.objects.visible_to); with `path` ("matter__"), rows
    hanging on a matter narrowed by the same rule on their joined matter (see visibility)."""
    rule = visibility(user, path)
    if rule is False:
        return matters.none()
    return matters.all() if rule is None else matters.filter(rule)


def visibility(user, path: str = ""):
    """The rule of `visible` as a condition on rows reached through `path`: None for every row, False for none,
    else a Q. A few rows hanging on matters (parliament items) are filtered by it on their joined matter, which
    tests those rows alone; `matter IN (visible matters)` reads every visible matter to answer for a few."""
    if not _active(user):
        return False
    if sees_everything(user):
        return None
    secrecy = f"{path}secrecy"
    # "Not secret" is written as `NOT secrecy > NORMAL`, the same as `secrecy = NORMAL` (the table's check keeps
    # secrecy within its levels) but no use to an index: on an OR whose branches all name secrecy, SQLite (without
    # histograms) reads the whole table through an index led by secrecy, as if it narrowed.
    not_secret = ~Q(**{f"{secrecy}__gt": Secrecy.NORMAL})
    level = reach(user)
    if level == Secrecy.NORMAL:
        return not_secret
    cleared = Q(**{f"{secrecy}__lte": level})
    if user.role in NEED_TO_KNOW_ALL:
        return not_secret | cleared
    # Need to know is asked only of secret rows; saying so inside the subqueries keeps PostgreSQL from answering
    # them with a hash of every matter the user was ever given (hundreds of thousands in years).
    secret_row = GreaterThan(OuterRef(secrecy), Secrecy.NORMAL)
    matter = OuterRef(f"{path}pk")
    known = Exists(Matter.assignees.through.objects.filter(secret_row, matter_id=matter, user_id=user.pk))
    known |= Exists(MatterShare.objects.filter(secret_row, matter_id=matter, user_id=user.pk))
    if user.role == Role.GROUP_HEAD and user.unit_id:
        known |= Q(**{f"{path}owner_unit_id": user.unit_id})
    return not_secret | cleared & known


def assigned(matters, user):
    """visible(matters, user) among the matters the user is assigned to: being assigned is the need to know, so
    only the clearance can hide one. One condition on a column the open matters' indexes hold, instead of a test
    of need per row."""
    mine = Exists(Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"), user_id=user.pk))
    return cleared_rows(matters, user).filter(mine)


def cleared_rows(rows, user):
    """`rows` that carry a matter's `secrecy`, all of matters `user` is assigned (their open work, openwork), as
    `assigned` narrows them: only the clearance can hide one."""
    if not _active(user):
        return rows.none()
    # Written as "not above" rather than "up to": for a range SQLite would start from the index that begins with
    # secrecy (most of the table), where the few open matters are the place to start.
    return rows.exclude(secrecy__gt=reach(user))


def visible_rows(rows, user, path: str = ""):
    """Rows of a model hanging on a matter through `path` whose matter `user` may see (or that hang on none)."""
    if not path:
        return visible(rows, user)
    return rows.filter(Q(**{f"{path}__in": visible(Matter.objects.all(), user).values("pk")})
                       | Q(**{f"{path}__isnull": True}))


def visible_in(user, unit_id: int | None = None):
    """visible(all matters, user), narrowed to one unit if asked, without the need-to-know subqueries where they
    cannot exclude anything: a group head knows every matter of the unit, so the clearance alone decides."""
    if unit_id and _active(user) and _heads_unit(user, unit_id):
        matters = Matter.objects.filter(secrecy__lte=reach(user))
    else:
        matters = visible(Matter.objects.all(), user)
    return matters.filter(owner_unit_id=unit_id) if unit_id else matters


def hidden_from(user, counted, unit_id: int | None = None):
    """The matters of `counted` (all, or one unit's) that visible_in(user, unit_id) leaves out — all secret — or
    None when there can be none. The dashboards count everything and take these away: mostly the clearance alone
    decides, a range of the index that begins with secrecy, so nothing is tested row by row."""
    if not _active(user):
        return counted
    if sees_everything(user):
        return None
    level = reach(user)
    if level == Secrecy.NORMAL:
        return counted.filter(secrecy__gt=Secrecy.NORMAL)
    if user.role in NEED_TO_KNOW_ALL or (unit_id and _heads_unit(user, unit_id)):
        return counted.filter(secrecy__gt=level)
    # Otherwise the secret matters within reach are seen only with need to know: few are.
    seen = visible_in(user, unit_id).filter(secrecy__gt=Secrecy.NORMAL).values("pk")
    return counted.filter(secrecy__gt=Secrecy.NORMAL).exclude(pk__in=seen)


def visible_level(user) -> int:
    """The highest secrecy of the matters `user` may see at all (-1: none): counts kept by secrecy are read up to it."""
    return reach(user) if _active(user) else -1


def unknown_in_reach(user, counted, unit_id: int | None = None):
    """The matters of `counted` within visible_level(user) that visible_in(user, unit_id) still leaves out, for want of
    need to know — or None where the clearance alone decides. Counts kept by secrecy, read up to the level, less
    these, are the counts of visible_in (hidden_from, taken apart at the clearance)."""
    if not _active(user) or sees_everything(user):
        return None
    level = reach(user)
    if level == Secrecy.NORMAL or user.role in NEED_TO_KNOW_ALL or (unit_id and _heads_unit(user, unit_id)):
        return None
    seen = visible_in(user, unit_id).filter(secrecy__gt=Secrecy.NORMAL).values("pk")
    return counted.filter(secrecy__gt=Secrecy.NORMAL, secrecy__lte=level).exclude(pk__in=seen)


# -- the rule, over a search index ------------------------------------------------------------------


def grant_rows(secret: dict[int, int | None]):
    """Need to know of these secret matters ({pk: owner unit}) as rows to store: (matter, user, None) for each
    assignee and share, (matter, None, unit) for the owner unit, whose group head knows it. The roles that know
    everything need no rows."""
    rows = [(pk, None, unit) for pk, unit in secret.items() if unit]
    pks = list(secret)
    for model in (Matter.assignees.through, MatterShare):
        rows += [(matter, user, None)
                 for matter, user in model.objects.filter(matter_id__in=pks).values_list("matter_id", "user_id")]
    return rows


def grant_keys(user) -> Q:
    """Which stored rows (grant_rows) are this user's: their own, and their unit's if they head it."""
    mine = Q(user_id=user.pk)
    if user.role == Role.GROUP_HEAD and user.unit_id:
        mine |= Q(unit_id=user.unit_id)
    return mine


def index_rule(user, f, granted) -> Q:
    """The rule over index rows that carry `secrecy` and `need_to_know` (whether the secrecy is a matter's, which
    needs it, or a register's, which asks only the clearance) and `matter_id`: `f(**lookups)` builds a condition on
    the index, `granted` is the subquery of the matters whose grant rows grant_keys(user) selects."""
    rule = f(secrecy=Secrecy.NORMAL)
    if user.clearance == Secrecy.NORMAL:
        return rule
    cleared = f(secrecy__lte=user.clearance)
    if user.role in NEED_TO_KNOW_ALL:
        return rule | cleared
    if reach(user) == Secrecy.NORMAL:  # an administrator: a secret register's letters, never a secret matter
        return rule | cleared & f(need_to_know=False)
    return rule | cleared & (f(need_to_know=False) | f(matter_id__in=granted))


# -- what may be said of a secret matter where its readers are not the only readers ------------------------

# What a secret matter is called wherever its title may not go: mail, LINE, calendars, notifications.
SECRET_TITLE = "เรื่องชั้นความลับ (โปรดเปิดลิงก์เพื่อดูรายละเอียด)"


def secret_safe(matter, text: str, withheld: str = "") -> str:
    """`text` of a normal matter; `withheld` instead for a secret one."""
    return withheld if matter.secrecy > Secrecy.NORMAL else text


def safe_title(matter, withheld: str = SECRET_TITLE) -> str:
    """The title where anyone outside the matter's need to know may read it (a message, a feed, the admin)."""
    return secret_safe(matter, matter.title, withheld)


def title_for_agency(matter, *, shown: bool) -> str:
    """The matter as an agency's reply page names it: the number, and the title if the matter is normal or the
    sender chose to show it (the page is open to whoever holds the link)."""
    return f"{matter.number} {matter.title}" if shown else f"{matter.number} {safe_title(matter, '')}".strip()


# -- giving a matter to someone -------------------------------------------------------------------------


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

    m2m_changed.connect(_guard_assignees, sender=Matter.assignees.through, dispatch_uid="matters-cleared-assignees")
    pre_save.connect(_guard_share, sender=MatterShare, dispatch_uid="matters-cleared-share")


# -- pages: one 404 for "does not exist" and "may not see"; secret reads audited ---------------------------


def visible_matter(user, pk, *, for_update: bool = False) -> Matter:
    matter = get_object_or_404(visible(Matter.objects.select_related("office", "owner_unit"), user), pk=pk)
    if matter.secrecy > Secrecy.NORMAL:
        record(user, "matter.read", matter, number=matter.number, purpose="update" if for_update else "view")
    return matter


def editable_matter(user, pk) -> Matter:
    """A matter this user may change (may_edit), else 404."""
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
