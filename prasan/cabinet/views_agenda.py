"""The agenda item pages: putting an item on a meeting, its page, editing it, its resolution and follow-up."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import services
from .access import (
    may_add_items,
    may_change,
    may_record_resolution,
    staff_required,
    visible_item,
    visible_meeting,
)
from .choices import MeetingStatus
from .forms import AgendaItemForm, FollowupForm, ResolutionForm
from .models import AgendaItem
from .views_meetings import to_form


@staff_required
def item_new(request, meeting_pk):
    meeting = visible_meeting(meeting_pk)
    if not may_add_items(request.user):
        raise PermissionDenied("บทบาทของท่านไม่มีสิทธิ์บันทึกวาระการประชุม")
    if meeting.status == MeetingStatus.CANCELLED:
        messages.error(request, "การประชุมนี้งดแล้ว เพิ่มวาระไม่ได้")
        return redirect(meeting)
    form = AgendaItemForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.add_item(meeting, by=request.user, fields=form.item_fields(), matter=form.matter,
                                     matter_fields=None if form.matter else form.matter_fields())
        except ValidationError as exc:
            to_form(form, exc)
        else:
            messages.success(request, f"บันทึกวาระแล้ว เลขเรื่อง {item.matter.number}")
            return redirect(item)
    return render(request, "cabinet/agenda_form.html", {"form": form, "meeting": meeting, "item": None})


def _context(request, item, **overrides) -> dict:
    context = {"item": item, "meeting": item.meeting, "matter": item.matter,
               "can_change": may_change(request.user, item),
               "can_resolve": may_record_resolution(request.user, item),
               "resolution_form": ResolutionForm(item=item), "followup_form": FollowupForm()}
    context.update(overrides)
    return context


@staff_required
def item_detail(request, pk):
    item = visible_item(request.user, pk)
    return render(request, "cabinet/agenda.html", _context(request, item))


@staff_required
def item_edit(request, pk):
    item = visible_item(request.user, pk, for_update=True)
    if not may_change(request.user, item):
        raise Http404
    form = AgendaItemForm(request.POST or None, instance=AgendaItem.objects.get(pk=item.pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.update_item(item, by=request.user, fields=form.item_fields())
        except ValidationError as exc:
            to_form(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว" if changes else "ไม่มีการเปลี่ยนแปลง")
            return redirect(item)
    return render(request, "cabinet/agenda_form.html", {"form": form, "meeting": item.meeting, "item": item})


def _resolvable(request, pk):
    item = visible_item(request.user, pk, for_update=True)
    if not may_record_resolution(request.user, item):
        raise Http404
    return item


@staff_required
@require_POST
def item_resolution(request, pk):
    item = _resolvable(request, pk)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        try:
            services.record_resolution(item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            to_form(form, exc)
        else:
            messages.success(request, "บันทึกมติคณะรัฐมนตรีแล้ว")
            return redirect(item)
    item = visible_item(request.user, pk)
    return render(request, "cabinet/agenda.html", _context(request, item, resolution_form=form), status=422)


@staff_required
@require_POST
def item_followup(request, pk):
    item = _resolvable(request, pk)
    form = FollowupForm(request.POST)
    if not form.is_valid():
        return render(request, "cabinet/agenda.html", _context(request, item, followup_form=form), status=422)
    try:
        matter = services.create_followup(item, by=request.user, due=form.cleaned_data["due"])
    except services.FollowupExists as exc:
        messages.info(request, str(exc))
        return redirect(item)
    except services.NoResolution as exc:
        messages.error(request, str(exc))
        return redirect(item)
    messages.success(request, f"สร้างเรื่องติดตามมติแล้ว เลขเรื่อง {matter.number}")
    return redirect(matter)
