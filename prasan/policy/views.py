"""The policy pages: the list, a new policy (entered, from a matter or from a cabinet resolution), the roll-up (the
minister's one screen per policy), editing it, adding an agency, one report, the XLSX, the progress memo, closing a
commitment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from prasan.audit.models import record
from prasan.cabinet.access import may_record_resolution, visible_item
from prasan.directory.models import Office
from prasan.matters.access import editable_matter, role_required
from prasan.matters.paging import BoundedPaginator

from . import exports, memo, rollup, services
from .access import CREATE_ROLES, may_change, staff_required, visible_policy
from .choices import Origin
from .forms import CloseForm, CommitmentForm, PolicyEditForm, PolicyForm
from .models import Commitment, ReportDue
from .queries import policy_list

PAGE_SIZE = 20


@staff_required
def policy_list_page(request):
    q = (request.GET.get("q") or "").strip()[:100]
    page = BoundedPaginator(policy_list(request.user, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "policy/list.html", {"page": page, "q": q, "querystring": f"q={q}" if q else "",
                                                "may_create": request.user.role in CREATE_ROLES})


def _source(request):
    """What the new policy comes from: ?matter=<pk> (a matter the user may change) or ?cabinet_item=<pk> (a
    resolution the user may follow up); neither: entered."""
    value = request.GET.get("matter") or request.POST.get("source_matter")
    if value:
        return Origin.MATTER, editable_matter(request.user, _pk(value)), None
    value = request.GET.get("cabinet_item") or request.POST.get("source_item")
    if value:
        item = visible_item(request.user, _pk(value), for_update=True)
        if not may_record_resolution(request.user, item):
            raise Http404
        return Origin.CABINET, None, item
    return Origin.ENTERED, None, None


def _pk(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@role_required(CREATE_ROLES)
def policy_new(request):
    origin, matter, item = _source(request)
    source_title = matter.title if matter else (item.followup_title() if item else "")
    form = PolicyForm(request.POST or None, from_source=origin != Origin.ENTERED,
                      initial={"description": matter.description if matter else (item.resolution if item else "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        specs = [services.CommitmentSpec(agency=a["agency"], role=a["role"], task=a["task"],
                                         schedule=data["schedule"], report_dates=data["dates"],
                                         milestones=a["milestones"]) for a in data["agencies"]]
        try:
            policy = services.create_policy(
                by=request.user, office=Office.current(), origin=origin, kind=data["kind"], title=data["title"],
                description=data["description"], goals=data["goals"], starts_on=data["starts_on"],
                ends_on=data["ends_on"], matter=matter, cabinet_item=item, indicators=data["indicators"],
                commitments=specs,
                matter_fields={"urgency": data.get("urgency") or "normal", "secrecy": data.get("secrecy") or 0,
                               "owner_unit": request.user.unit})
        except services.PolicyExists as exc:
            messages.info(request, str(exc))
            return redirect(exc.policy)
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, f"บันทึกนโยบายแล้ว เลขเรื่อง {policy.matter.number} — ส่งลิงก์รายงานถึงหน่วยงานที่ถึงรอบแล้ว")
            return redirect(policy)
    return render(request, "policy/form.html", {"form": form, "origin": origin, "source_matter": matter,
                                                "source_item": item, "source_title": source_title})


@staff_required
def policy_detail(request, pk):
    policy = visible_policy(request.user, pk)
    data = rollup.build(policy)
    return render(request, "policy/detail.html", {
        "policy": policy, "rollup": data, "may_change": may_change(request.user, policy),
        "memos": policy.matter.documents.filter(form="office_memo").order_by("-created_at")[:5],
    })


@staff_required
def due_detail(request, pk, due_id):
    policy = visible_policy(request.user, pk)
    due = get_object_or_404(ReportDue.objects.select_related("commitment__agency", "request"), pk=due_id,
                            commitment__policy=policy)
    report = getattr(due, "report", None) if hasattr(due, "report") else None
    values = report.values.select_related("indicator") if report else []
    files = due.request.files.all() if due.request_id else []
    return render(request, "policy/due.html", {"policy": policy, "due": due, "report": report, "values": values,
                                               "files": files, "today": rollup.timezone.localdate(),
                                               "milestones": report.milestones_done.all() if report else []})


@staff_required
def policy_xlsx(request, pk):
    policy = visible_policy(request.user, pk)
    data = rollup.build(policy)
    record(request.user, "policy.export", policy, format="xlsx")
    response = HttpResponse(exports.xlsx(data), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="policy-{policy.pk}.xlsx"'
    return response


@require_POST
@staff_required
def policy_memo(request, pk):
    policy = visible_policy(request.user, pk, for_update=True)
    if not may_change(request.user, policy):
        raise PermissionDenied("ท่านไม่ได้รับผิดชอบเรื่องนี้ จึงร่างบันทึกเสนอไม่ได้")
    document = memo.draft(policy, by=request.user)
    messages.success(request, "ร่างบันทึกข้อความรายงานความก้าวหน้าเสนอรัฐมนตรีจากตารางติดตามแล้ว ตรวจแก้แล้วส่งตรวจเสนอได้")
    return redirect("document-detail", document.pk)


@require_POST
@staff_required
def commitment_close(request, pk, commitment_id):
    policy = visible_policy(request.user, pk, for_update=True)
    if not may_change(request.user, policy):
        raise PermissionDenied("ท่านไม่ได้รับผิดชอบเรื่องนี้ จึงปิดภารกิจไม่ได้")
    commitment = get_object_or_404(Commitment.objects.select_related("agency"), pk=commitment_id, policy=policy)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "กรุณาระบุเหตุที่ปิดภารกิจ")
        return redirect(policy)
    services.close_commitment(commitment, by=request.user, note=form.cleaned_data["note"])
    messages.success(request, f"ปิดภารกิจของ {commitment.agency.name} แล้ว ลิงก์รายงานที่ค้างอยู่ใช้ไม่ได้อีก")
    return redirect(policy)


def _changeable(request, pk):
    policy = visible_policy(request.user, pk, for_update=request.method == "POST")
    if not may_change(request.user, policy):
        raise PermissionDenied("ท่านไม่ได้รับผิดชอบเรื่องนี้ จึงแก้ไขนโยบายไม่ได้")
    return policy


def _refused(form, exc: ValidationError) -> None:
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@staff_required
def policy_edit(request, pk):
    policy = _changeable(request, pk)
    form = PolicyEditForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_policy(policy, by=request.user, kind=data["kind"], goals=data["goals"],
                                 changed=data["changed"], added=data["added"], starts_on=data["starts_on"],
                                 ends_on=data["ends_on"])
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขนโยบายและตัวชี้วัดแล้ว")
            return redirect(policy)
    return render(request, "policy/edit.html", {"policy": policy, "form": form})


@staff_required
def commitment_new(request, pk):
    policy = _changeable(request, pk)
    form = CommitmentForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        spec = services.CommitmentSpec(agency=data["agency"], role=data["role"], task=data["task"].strip(),
                                       schedule=data["schedule"], report_dates=data["dates"],
                                       starts_on=data["starts_on"], milestones=data["milestone_list"])
        try:
            services.add_commitment(policy, spec, by=request.user)
        except ValidationError as exc:
            _refused(form, exc)
        else:
            messages.success(request, f"เพิ่ม {spec.agency.name} แล้ว — ส่งลิงก์รายงานเมื่อถึงรอบ")
            return redirect(policy)
    return render(request, "policy/commitment_form.html", {"policy": policy, "form": form})
