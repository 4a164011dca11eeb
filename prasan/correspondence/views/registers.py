"""Register pages: the list of registers, a register's entries, new entry, reserve, fill, cancel, export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.directory.models import Office
from prasan.matters.access import staff_required
from prasan.matters.models import Matter
from prasan.matters.paging import BoundedPaginator
from prasan.thai.dates import be_year

from .. import exports, numbering
from ..access import may_write, readable_register, registers_for
from ..duplicates import DuplicateLetter
from ..files import store_entry_file
from ..forms import CancelForm, EntryFilter, EntryForm, FillForm
from ..models import Register, RegisterEntry


def _entries(user, register):
    return RegisterEntry.objects.visible_to(user).filter(register=register).select_related("matter", "unit")


@staff_required
def register_index(request):
    year = be_year(timezone.localdate())
    counts = dict(
        RegisterEntry.objects.visible_to(request.user).filter(year=year)
        .values("register").order_by().annotate(n=Count("id")).values_list("register", "n")
    )
    rows = [(code, label, counts.get(code, 0)) for code, label in registers_for(request.user)]
    return render(request, "correspondence/index.html", {"rows": rows, "year": year})


@staff_required
def entry_list(request, register):
    register = readable_register(request.user, register)
    filters = EntryFilter(request.GET or None)
    qs = filters.apply(_entries(request.user, register)).order_by("-year", "-number")
    page = BoundedPaginator(qs, 50, page_only=filters.scans_text).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    # An entry may be readable where its matter is not (a secret matter needs to know): no dead link then.
    linked = {e.matter_id for e in page.object_list if e.matter_id}
    openable = set(Matter.objects.visible_to(request.user).filter(pk__in=linked).values_list("pk", flat=True)) \
        if linked else set()
    return render(request, "correspondence/list.html", {
        "register": register, "label": Register(register).label, "page": page, "filters": filters,
        "openable": openable,
        "querystring": params.urlencode(), "can_write": may_write(request.user, register),
        "columns": exports.columns(register),
    })


@staff_required
def entry_new(request, register):
    register = readable_register(request.user, register)
    if not may_write(request.user, register):
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์ลงทะเบียนในทะเบียนนี้")
    form = EntryForm(request.POST or None, request.FILES or None, register=register, user=request.user)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items()
                if k not in ("matter_number", "files", "reserve", "duplicate_ok")}
        try:
            entry = numbering.register_entry(Office.current(), register, by=request.user,
                                             reserved=form.cleaned_data["reserve"], matter=form.matter,
                                             duplicate_ok=form.cleaned_data["duplicate_ok"], **data)
        except DuplicateLetter as exc:
            # What was typed stays; the warning links to the entry and asks for a deliberate confirmation.
            return render(request, "correspondence/entry_form.html", {
                "register": register, "label": Register(register).label, "form": form,
                "duplicate": exc.existing, "duplicate_message": str(exc)}, status=409)
        for upload in form.cleaned_data["files"]:
            store_entry_file(entry, upload)
        verb = "จองเลข" if entry.status == RegisterEntry.Status.RESERVED else "ลงทะเบียน"
        messages.success(request, f"{verb}แล้ว เลขทะเบียน {entry.number}/{entry.year}"
                         + (f" ที่ {entry.doc_number}" if entry.doc_number else ""))
        return redirect("register-entry", register=register, pk=entry.pk)
    return render(request, "correspondence/entry_form.html", {
        "register": register, "label": Register(register).label, "form": form, "duplicate": duplicate})


@staff_required
def entry_detail(request, register, pk):
    register = readable_register(request.user, register)
    entry = get_object_or_404(_entries(request.user, register), pk=pk)
    if entry.secrecy:
        from prasan.audit.models import record

        record(request.user, "register.read", entry, number=entry.number, year=entry.year)
    can_write = may_write(request.user, register)
    fill_form = None
    if can_write and entry.status == RegisterEntry.Status.RESERVED:
        fill_form = FillForm(request.POST or None, request.FILES or None, register=register, user=request.user,
                             instance=entry)
        if request.method == "POST" and fill_form.is_valid():
            data = {k: v for k, v in fill_form.cleaned_data.items() if k not in ("matter_number", "files")}
            numbering.fill_reserved(entry, by=request.user, matter=fill_form.matter, **data)
            for upload in fill_form.cleaned_data["files"]:
                store_entry_file(entry, upload)
            messages.success(request, "บันทึกรายละเอียดของเลขที่จองไว้แล้ว")
            return redirect("register-entry", register=register, pk=entry.pk)
    return render(request, "correspondence/entry_detail.html", {
        "register": register, "label": Register(register).label, "entry": entry, "can_write": can_write,
        "fill_form": fill_form, "cancel_form": CancelForm(),
        "facts": list(zip(exports.columns(register), exports.row(entry), strict=True)),
    })


@require_POST
@staff_required
def entry_cancel(request, register, pk):
    register = readable_register(request.user, register)
    entry = get_object_or_404(_entries(request.user, register), pk=pk)
    if not may_write(request.user, register):
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์ยกเลิกรายการในทะเบียนนี้")
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            numbering.cancel(entry, by=request.user, reason=form.cleaned_data["reason"])
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"ยกเลิกเลขทะเบียน {entry.number}/{entry.year} แล้ว (เลขนี้จะไม่ถูกใช้ซ้ำ)")
    else:
        messages.error(request, "กรุณาระบุเหตุที่ยกเลิก")
    return redirect("register-entry", register=register, pk=entry.pk)


@staff_required
def entry_export(request, register, fmt):
    register = readable_register(request.user, register)
    filters = EntryFilter(request.GET or None)
    entries = list(filters.apply(_entries(request.user, register)).order_by("year", "number")[:20000])
    label = Register(register).label
    year = be_year(timezone.localdate())
    name = f"register-{register}-{year}"
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(register, entries), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(register, label, entries),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(exports.to_pdf(register, label, Office.current(), entries),
                                content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
