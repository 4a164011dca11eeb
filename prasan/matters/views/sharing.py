"""Need-to-know grants on a secret matter, given by the head of office or the owner unit's head."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role, User
from prasan.audit.models import record

from ..access import staff_required, uncleared, visible_matter
from ..models import MatterShare


def may_share(user, matter) -> bool:
    if not matter.is_secret:
        return False
    return user.role == Role.HEAD or (user.role == Role.GROUP_HEAD and user.unit_id == matter.owner_unit_id)


@require_POST
@staff_required
def share(request, pk):
    matter = visible_matter(request.user, pk, for_update=True)
    if not may_share(request.user, matter):
        raise PermissionDenied("เฉพาะหัวหน้าสำนักงานหรือหัวหน้ากลุ่มงานเจ้าของเรื่องให้สิทธิ์เรื่องลับได้")
    target = User.objects.filter(pk=request.POST.get("user") or 0, is_active=True).first()
    if target is None:
        messages.error(request, "กรุณาเลือกผู้ที่จะให้สิทธิ์")
    elif uncleared(matter.secrecy, [target]):
        messages.error(request, f"{target.display_name} มีชั้นความลับไม่ถึง “{matter.get_secrecy_display()}” จึงให้สิทธิ์ไม่ได้")
    else:
        MatterShare.objects.get_or_create(matter=matter, user=target, defaults={"granted_by": request.user})
        record(request.user, "matter.share", matter, user=target.username)
        messages.success(request, f"ให้สิทธิ์ {target.display_name} เข้าถึงเรื่องนี้แล้ว")
    return redirect(matter)


@require_POST
@staff_required
def unshare(request, pk, share_id):
    matter = visible_matter(request.user, pk, for_update=True)
    if not may_share(request.user, matter):
        raise PermissionDenied("เฉพาะหัวหน้าสำนักงานหรือหัวหน้ากลุ่มงานเจ้าของเรื่องถอนสิทธิ์เรื่องลับได้")
    grant = get_object_or_404(MatterShare, pk=share_id, matter=matter)
    record(request.user, "matter.unshare", matter, user=grant.user.username)
    grant.delete()
    messages.success(request, "ถอนสิทธิ์แล้ว")
    return redirect(matter)
