"""The meeting pages: the list (upcoming first), recording and editing a meeting, and a meeting with its agenda."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from prasan.directory.models import Office
from prasan.matters.access import role_required
from prasan.matters.paging import BoundedPaginator

from . import services
from .access import CREATE_ROLES, may_add_items, staff_required, visible_meeting
from .choices import MeetingStatus
from .forms import MeetingForm
from .models import Meeting
from .queries import agenda_of, meeting_list

PAGE_SIZE = 20


@staff_required
def meeting_list_page(request):
    status = request.GET.get("status", "")
    qs = meeting_list(request.user, Office.current(), status=status)
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cabinet/list.html", {
        "page": page, "status": status if status in MeetingStatus.values else "", "statuses": MeetingStatus.choices,
        "querystring": f"status={status}" if status in MeetingStatus.values else "",
        "may_create": request.user.role in CREATE_ROLES,
    })


def to_form(form, exc: ValidationError) -> None:
    """The service's refusals beside the form's fields (or above the form if the field is not shown)."""
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@role_required(CREATE_ROLES)
def meeting_new(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(office=Office.current(), by=request.user, fields=form.meeting_fields())
        except ValidationError as exc:
            to_form(form, exc)
        else:
            messages.success(request, f"บันทึก{meeting.label}แล้ว")
            return redirect(meeting)
    return render(request, "cabinet/meeting_form.html", {"form": form, "meeting": None})


@staff_required
def meeting_detail(request, pk):
    meeting = visible_meeting(pk)
    return render(request, "cabinet/meeting.html", {
        "meeting": meeting, "items": agenda_of(meeting, request.user),
        "may_edit": may_add_items(request.user), "may_add": may_add_items(request.user)
        and meeting.status != MeetingStatus.CANCELLED,
    })


@staff_required
def meeting_edit(request, pk):
    meeting = visible_meeting(pk)
    if not may_add_items(request.user):
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์แก้ไขการประชุม")
    # The form writes what was typed into its instance while validating: the service compares with a fresh copy.
    form = MeetingForm(request.POST or None, instance=Meeting.objects.get(pk=meeting.pk))
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.update_meeting(meeting, by=request.user, fields=form.meeting_fields())
        except ValidationError as exc:
            to_form(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว" if changes else "ไม่มีการเปลี่ยนแปลง")
            return redirect(meeting)
    return render(request, "cabinet/meeting_form.html", {"form": form, "meeting": meeting})
