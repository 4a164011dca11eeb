"""Pages for the yearly lists: see them, draft this year's, approve (head of office), carry out."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role
from prasan.matters.access import role_required, visible_matter
from prasan.thai.dates import be_year

from . import lists
from .models import MatterRetention, RecordsList, Retention

READERS = frozenset({Role.REGISTRAR, Role.HEAD, Role.AUDITOR})
KEEPERS = frozenset({Role.REGISTRAR, Role.HEAD})  # draft and carry out; only the head approves


@role_required(READERS)
def index(request):
    return render(request, "records/index.html", {
        "lists": RecordsList.objects.all()[:50], "year": be_year(timezone.localdate()),
        "kinds": RecordsList.Kind.choices, "may_draft": request.user.role in KEEPERS,
    })


@require_POST
@role_required(KEEPERS)
def draft(request):
    kind = request.POST.get("kind", "")
    if kind not in RecordsList.Kind.values:
        messages.error(request, "กรุณาเลือกชนิดของบัญชี")
        return redirect("records")
    try:
        made = lists.draft(kind, be_year(timezone.localdate()), by=request.user)
    except lists.ListError as exc:
        messages.error(request, str(exc))
        return redirect("records")
    messages.success(request, f"จัดทำ{made} แล้ว {made.lines.count()} รายการ เสนอคณะกรรมการพิจารณา")
    return redirect("records-list", pk=made.pk)


@role_required(READERS)
def detail(request, pk):
    records_list = get_object_or_404(RecordsList, pk=pk)
    page = Paginator(records_list.lines.all(), 100).get_page(request.GET.get("page"))
    return render(request, "records/detail.html", {
        "list": records_list, "page": page,
        "may_approve": request.user.role == Role.HEAD and records_list.status == RecordsList.Status.DRAFT,
        "may_carry_out": request.user.role in KEEPERS and records_list.status == RecordsList.Status.APPROVED,
    })


@require_POST
@role_required(KEEPERS)
def approve(request, pk):
    if request.user.role != Role.HEAD:
        raise PermissionDenied("ผู้อนุมัติบัญชีคือหัวหน้าสำนักงาน")
    records_list = get_object_or_404(RecordsList, pk=pk)
    try:
        lists.approve(records_list, by=request.user, committee=request.POST.get("committee", ""))
    except lists.ListError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "อนุมัติบัญชีแล้ว")
    return redirect("records-list", pk=pk)


@require_POST
@role_required(KEEPERS)
def carry_out(request, pk):
    records_list = get_object_or_404(RecordsList, pk=pk)
    try:
        lists.carry_out(records_list, by=request.user)
    except lists.ListError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "ดำเนินการตามบัญชีแล้ว บัญชีและรายการในทะเบียนยังเก็บไว้")
    return redirect("records-list", pk=pk)


def matter_keeping(user, matter) -> dict:
    """The matter page's line: its keeping class, and the choices when this user may set it."""
    row = MatterRetention.objects.filter(matter=matter).first()
    return {"keeping": row, "keeping_choices": Retention.choices if user.role in KEEPERS else None}


@require_POST
@role_required(KEEPERS)
def matter_retention(request, pk):
    matter = visible_matter(request.user, pk)  # 404 for a matter one may not see, as everywhere
    try:
        row = lists.set_for_matter(matter, request.POST.get("retention", ""), by=request.user)
    except lists.ListError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"กำหนดอายุการเก็บหนังสือของเรื่องแล้ว: {row.get_retention_display()}")
    return redirect(matter.get_absolute_url())
