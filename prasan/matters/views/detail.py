"""The matter page (one timeline) and the actions taken on it: events, plan, milestones, files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.accounts.models import User
from prasan.audit.models import record
from prasan.records.views import matter_keeping
from prasan.web.navigation import safe_next

from .. import workflow
from ..access import editable_matter, may_edit, staff_required, visible_matter
from ..choices import State
from ..forms import EventForm, FileForm, MilestoneForm, PlanForm
from ..models import Milestone, Plan
from ..timeline import timeline
from ..uploads import store
from ..work_records import records_of
from .sharing import may_share


def withholds_files(user, matter) -> bool:
    # The complaints app states who may see a complainant (its one rule); asked here lazily, as it sits above.
    from prasan.complaints.masking import withholds_files as rule

    return rule(user, matter)


COMPLAINANT_FILE_KIND = "source"


@staff_required
def matter_detail(request, pk):
    matter = visible_matter(request.user, pk)
    return render(request, "matters/detail.html", _context(request, matter))


def _context(request, matter, **overrides):
    # Read once for the parts of the page that each ask: the assignees (may the user edit, which events are theirs,
    # the facts), the documents (do events move to a document's page, the documents card) and the requests to
    # agencies (the timeline's answers, the requests card).
    prefetch_related_objects([matter], "assignees", "documents")
    requests = list(matter.agency_requests.select_related("agency", "contact"))
    plan = Plan.objects.filter(matter=matter).first()
    can_edit = may_edit(request.user, matter)
    rules = workflow.available(matter, request.user)
    closing = any(rule.target == State.CLOSED for rule in rules)
    context = {
        "matter": matter,
        "plan": plan,
        "milestones": matter.milestones.all(),
        "timeline": timeline(matter, requests),
        # A complaint's own files may show the complainant: only for holders of เห็นข้อมูลผู้ร้อง.
        "complainant_files_hidden": withholds_files(request.user, matter),
        "rules": rules,
        # Closing asks, in the same step, what becomes of requests agencies have not answered.
        "pending_requests": workflow.pending_requests(matter) if closing else [],
        "can_edit": can_edit,
        "event_form": EventForm(),
        "milestone_form": MilestoneForm(),
        "file_form": FileForm(),
        "requests": requests,
        "children": matter.children.visible_to(request.user).select_related("office"),
        "today": timezone.localdate(),
        "assignees": matter.assignees.all(),
        "documents": matter.documents.all(),
        # The complaint, policy, question, engagement… this matter is, each a link to its own page.
        "work_records": records_of(matter),
        **matter_keeping(request.user, matter),
    }
    if may_share(request.user, matter):
        context["shares"] = matter.shares.select_related("user")
        context["share_candidates"] = User.objects.filter(is_active=True, clearance__gte=matter.secrecy).exclude(
            pk__in=matter.shares.values("user_id")).order_by("first_name")
    context.update(overrides)
    return context


@require_POST
@staff_required
def fire_event(request, pk):
    matter = visible_matter(request.user, pk, for_update=True)
    form = EventForm(request.POST)
    if not form.is_valid():
        messages.error(request, "คำขอไม่ถูกต้อง")
        return redirect(matter)
    data = form.cleaned_data
    try:
        matter.fire(data["event"], by=request.user, message=data["message"], verdict=data["verdict"],
                    decided_by=data["decided_by"], open_requests=data["open_requests"])
    except workflow.WorkflowError as exc:
        # Shown once, next to the action, with what was typed kept (not also as a flash message).
        context = _context(request, matter, event_error=str(exc), event_form=form, failed_event=data["event"])
        return render(request, "matters/detail.html", context, status=exc.status if exc.status != 403 else 403)
    messages.success(request, f"{workflow.EVENT_LABELS.get(data['event'], data['event'])}แล้ว")
    return redirect(matter)


@staff_required
def edit_plan(request, pk):
    matter = editable_matter(request.user, pk)
    plan = Plan.objects.filter(matter=matter).first()
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.matter = matter
        plan.updated_by = request.user
        plan.save()
        record(request.user, "matter.plan", matter, targets=plan.targets, methods=plan.methods)
        messages.success(request, "บันทึกแผนการประสานแล้ว")
        return redirect(matter)
    return render(request, "matters/plan.html", {"matter": matter, "form": form,
                                                 "milestones": matter.milestones.all(),
                                                 "milestone_form": MilestoneForm()})


@require_POST
@staff_required
def add_milestone(request, pk):
    matter = editable_matter(request.user, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        milestone = form.save(commit=False)
        milestone.matter = matter
        milestone.save()
        record(request.user, "matter.milestone", matter, title=milestone.title, due=milestone.due)
        messages.success(request, "เพิ่มขั้นงานแล้ว")
        return redirect("matter-plan", pk=matter.pk)
    return render(request, "matters/plan.html", {
        "matter": matter, "form": PlanForm(instance=Plan.objects.filter(matter=matter).first()),
        "milestones": matter.milestones.all(), "milestone_form": form,
    }, status=400)


@require_POST
@staff_required
def toggle_milestone(request, pk, milestone_id):
    matter = editable_matter(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_id, matter=matter)
    milestone.done_at = None if milestone.done_at else timezone.now()
    milestone.save(update_fields=["done_at"])
    record(request.user, "matter.milestone_done", matter, title=milestone.title, done=bool(milestone.done_at))
    return redirect(safe_next(request) or matter.get_absolute_url())


@require_POST
@staff_required
def upload_file(request, pk):
    matter = editable_matter(request.user, pk)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        saved = store(matter, form.cleaned_data["file"], kind=form.cleaned_data["kind"], by=request.user)
        record(request.user, "matter.file", matter, name=saved.name, sha256=saved.sha256)
        messages.success(request, f"แนบไฟล์ {saved.name} แล้ว")
        return redirect(matter)
    return render(request, "matters/detail.html", _context(request, matter, file_form=form), status=400)


@staff_required
def download_file(request, pk, file_id):
    matter = visible_matter(request.user, pk)
    item = get_object_or_404(matter.files, pk=file_id)
    if item.kind == COMPLAINANT_FILE_KIND and withholds_files(request.user, matter):
        raise PermissionDenied("ไฟล์ที่มากับเรื่องร้องเรียนเปิดได้เฉพาะผู้มีสิทธิ์ “เห็นข้อมูลผู้ร้อง”")
    if item.kind == COMPLAINANT_FILE_KIND and matter.duty_type == "complaint":
        record(request.user, "complaint.unmask", ("matters.matterfile", item.pk), matter=matter.pk, purpose="file")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type)
