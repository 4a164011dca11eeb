"""The complainants' data pages: the reason asked before unmasked data shows, the envelope of a letter to the
complainant, the data subject's export and correction, a new status code, the privacy notice, the record of
processing and the breach register."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.directory.models import Office
from prasan.matters.paging import BoundedPaginator

from . import exports, privacy, services
from .access import (
    PRIVACY_ROLES,
    SESSION_REASON,
    may_see_complainant,
    role_required,
    staff_required,
    unmask_reason,
    unmasked_for,
    visible_complaint,
)
from .forms import BreachForm, CorrectionForm, ReasonForm, SubjectSearchForm
from .models import Breach, Complaint, Policy
from .policy import privacy_notice


def _holder(request):
    if not may_see_complainant(request.user):
        raise PermissionDenied("ท่านไม่มีสิทธิ์ “เห็นข้อมูลผู้ร้อง”")


@staff_required
def unmask(request, pk):
    """Ask why, once a session, before a holder of the permission sees a complainant's data."""
    complaint = visible_complaint(request.user, pk)
    _holder(request)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_REASON] = form.cleaned_data["reason"].strip()
        return redirect(f"{complaint.get_absolute_url()}?show=1")
    return render(request, "complaints/unmask.html", {"complaint": complaint, "form": form},
                  status=422 if form.errors else 200)


@staff_required
def envelope(request, pk):
    """The name and address for the envelope of a letter to the complainant (the letter itself names no one)."""
    complaint = visible_complaint(request.user, pk)
    _holder(request)
    if not unmask_reason(request):
        return redirect("complaint-unmask", pk)
    unmasked_for(request, complaint, purpose="envelope")
    return render(request, "complaints/envelope.html", {"complaint": complaint})


@require_POST
@staff_required
def new_code(request, pk):
    complaint = visible_complaint(request.user, pk, for_update=True)
    from .access import may_change

    if not may_change(request.user, complaint):
        raise PermissionDenied("ท่านแก้ไขเรื่องนี้ไม่ได้")
    code = services.new_code(complaint, by=request.user)
    messages.success(request, f"ออกรหัสติดตามสถานะใหม่แล้ว: {code} (รหัสเดิมใช้ไม่ได้แล้ว แจ้งผู้ร้อง "
                              "ระบบจะไม่แสดงรหัสนี้อีก)")
    return redirect(complaint)


@staff_required
def correct(request, pk):
    complaint = visible_complaint(request.user, pk, for_update=True)
    _holder(request)
    if not unmask_reason(request):
        return redirect("complaint-unmask", pk)
    initial = {"name": complaint.complainant_name, "phone": complaint.complainant_phone,
               "email": complaint.complainant_email, "address": complaint.complainant_address,
               "line_id": complaint.complainant_line_id}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        try:
            changed = privacy.correct(complaint, by=request.user, changes=data, reason=reason)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                name = name.replace("complainant_", "")
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, f"แก้ไขข้อมูลผู้ร้องแล้ว {len(changed)} ช่อง" if changed else "ไม่มีการเปลี่ยนแปลง")
            return redirect(f"{complaint.get_absolute_url()}?show=1")
    else:
        unmasked_for(request, complaint, purpose="correct")
    return render(request, "complaints/correct.html", {"complaint": complaint, "form": form},
                  status=422 if form.errors else 200)


@staff_required
def subject_request(request):
    """A data subject's request: find what is held about them; export it (CSV/XLSX) for their copy."""
    _holder(request)
    if not unmask_reason(request):
        return render(request, "complaints/unmask.html", {"complaint": None, "form": ReasonForm(),
                                                          "next": reverse("complaint-subject")})
    form = SubjectSearchForm(request.GET or None)
    found = []
    if form.is_bound and form.is_valid():
        found = privacy.complaints_of(Office.current(), **form.cleaned_data)
        fmt = request.GET.get("export")
        if fmt in ("csv", "xlsx"):
            rows = privacy.subject_rows(found, by=request.user)
            title = "ข้อมูลส่วนบุคคลที่สำนักงานเก็บเกี่ยวกับเจ้าของข้อมูล"
            body = (exports.to_csv(title, privacy.SUBJECT_HEADER, rows) if fmt == "csv"
                    else exports.to_xlsx(title, privacy.SUBJECT_HEADER, rows, sheet_name="ข้อมูลของท่าน"))
            response = HttpResponse(body, content_type="text/csv; charset=utf-8" if fmt == "csv" else
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response["Content-Disposition"] = f'attachment; filename="subject-export.{fmt}"'
            return response
        found = list(found[:100])
    return render(request, "complaints/subject.html", {"form": form, "found": found})


@require_POST
@staff_required
def unmask_reason_post(request):
    """The reason asked before the data-subject page (no one complaint)."""
    _holder(request)
    form = ReasonForm(request.POST)
    if form.is_valid():
        request.session[SESSION_REASON] = form.cleaned_data["reason"].strip()
    return redirect("complaint-subject")


@staff_required
def notice(request):
    """The privacy notice, printable for walk-in complainants."""
    office = Office.current()
    return render(request, "complaints/notice.html", {"office": office, "notice": privacy_notice(office),
                                                      "policy": Policy.of(office)})


@role_required(PRIVACY_ROLES)
def ropa_export(request, fmt):
    office = Office.current()
    rows = privacy.ropa_rows(office)
    title = f"บันทึกรายการกิจกรรมการประมวลผลข้อมูลส่วนบุคคล (มาตรา ๓๙) {office.name}"
    if fmt == "xlsx":
        response = HttpResponse(exports.to_xlsx(title, privacy.ROPA_HEADER, rows, sheet_name="บันทึกกิจกรรม"),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(exports.to_csv(title, privacy.ROPA_HEADER, rows), content_type="text/csv; charset=utf-8")
        fmt = "csv"
    response["Content-Disposition"] = f'attachment; filename="record-of-processing.{fmt}"'
    return response


@role_required(PRIVACY_ROLES)
def breaches(request):
    office = Office.current()
    form = BreachForm(request.POST or None, initial={"discovered_at": timezone.now()}, user=request.user)
    may_record = request.user.role != "auditor"
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied("ผู้ตรวจสอบดูทะเบียนได้อย่างเดียว")
        if form.is_valid():
            data = dict(form.cleaned_data)
            complaints = data.pop("complaint_numbers")
            try:
                privacy.record_breach(office, by=request.user, complaints=complaints, **data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, "บันทึกเหตุละเมิดแล้ว ต้องแจ้ง สคส. ภายใน ๗๒ ชั่วโมงนับแต่ทราบเหตุ "
                                          "เว้นแต่ไม่มีความเสี่ยงต่อสิทธิเสรีภาพของบุคคล")
                return redirect("complaint-breaches")
    # Each breach lists the complaints it touched that this person may see (matters.access, the one rule).
    touched = Prefetch("complaints", queryset=Complaint.objects.visible_to(request.user).select_related("matter__office"))
    page = BoundedPaginator(Breach.objects.filter(office=office).prefetch_related(touched), 25).get_page(
        request.GET.get("page"))
    return render(request, "complaints/breaches.html", {"page": page, "form": form, "may_record": may_record,
                                                        "now": timezone.now()},
                  status=422 if form.errors else 200)


@require_POST
@role_required(PRIVACY_ROLES - {"auditor"})
def breach_reported(request, pk):
    breach = get_object_or_404(Breach, pk=pk, office=Office.current())
    privacy.mark_reported(breach, by=request.user, subjects_too=request.POST.get("subjects") == "1")
    messages.success(request, "บันทึกการแจ้ง สคส. แล้ว")
    return redirect("complaint-breaches")
