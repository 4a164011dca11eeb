"""The item page's delegation chain and attendees: add, correct and take out, in place (htmx) or as a plain
form post when scripts are off.

With htmx the section itself comes back, also when a field is refused (htmx swaps only a 2xx answer), so the
error stands beside its field; without htmx a success goes back to the item page and a refusal renders it
with the error (422).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import people
from .access import changeable_item, staff_required
from .forms import AttendeeForm, DelegationForm
from .models import Attendee, Delegation

SECTIONS = {"delegations": "parliament/_delegations.html", "attendees": "parliament/_attendees.html"}


def people_context(item, can_change: bool, **overrides) -> dict:
    """What the two sections show: the links each with its correction form (for those who may change)."""
    delegations = list(item.delegations.all())
    context = {
        "item": item, "can_change": can_change, "delegations": delegations,
        "chain": [(d, DelegationForm(instance=d, prefix=f"d{d.pk}") if can_change else None) for d in delegations],
        "attendees": list(item.attendees.select_related("user", "agency")),
        "delegation_form": DelegationForm(), "attendee_form": AttendeeForm(),
    }
    context.update(overrides)
    return context


def _answer(request, item, section: str, *, notice: str = "", refused: bool = False, **overrides):
    if request.headers.get("HX-Request"):
        context = people_context(item, True, notice=notice, **overrides)
        return render(request, SECTIONS[section], context)
    if not refused:
        messages.success(request, notice)
        return redirect(item)
    # The item page is built there (and it shows these sections): imported here, where it is needed.
    from .views_items import detail_context

    return render(request, "parliament/detail.html", detail_context(request, item, **overrides), status=422)


@staff_required
@require_POST
def add_delegation(request, pk):
    item = changeable_item(request.user, pk)
    form = DelegationForm(request.POST, instance=Delegation(item=item))
    if not form.is_valid():
        return _answer(request, item, "delegations", refused=True, delegation_form=form)
    delegation = people.add_delegation(item, by=request.user, delegation=form.save(commit=False))
    return _answer(request, item, "delegations", notice=f"บันทึกการมอบหมายให้ {delegation.delegated_to} แล้ว")


@staff_required
@require_POST
def edit_delegation(request, pk, row):
    item = changeable_item(request.user, pk)
    delegation = get_object_or_404(Delegation, item=item, pk=row)
    before = people.snapshot(delegation)
    form = DelegationForm(request.POST, instance=delegation, prefix=f"d{delegation.pk}")
    if not form.is_valid():
        fresh = people_context(item, True)["chain"]
        chain = [(d, form if d.pk == delegation.pk else f) for d, f in fresh]
        return _answer(request, item, "delegations", refused=True, chain=chain)
    changes = people.change_delegation(item, by=request.user, delegation=form.save(commit=False), before=before)
    return _answer(request, item, "delegations",
                   notice=f"แก้ไขการมอบหมายให้ {delegation.delegated_to} แล้ว" if changes else "ไม่มีการเปลี่ยนแปลง")


@staff_required
@require_POST
def remove_delegation(request, pk, row):
    item = changeable_item(request.user, pk)
    said = people.remove_delegation(item, by=request.user,
                                    delegation=get_object_or_404(Delegation, item=item, pk=row))
    return _answer(request, item, "delegations", notice=f"นำการ{said} ออกแล้ว")


@staff_required
@require_POST
def add_attendee(request, pk):
    item = changeable_item(request.user, pk)
    form = AttendeeForm(request.POST, instance=Attendee(item=item))
    if not form.is_valid():
        return _answer(request, item, "attendees", refused=True, attendee_form=form)
    attendee = people.add_attendee(item, by=request.user, attendee=form.save(commit=False))
    return _answer(request, item, "attendees", notice=f"เพิ่ม {attendee.name} ในรายชื่อผู้เข้าร่วมแล้ว")


@staff_required
@require_POST
def remove_attendee(request, pk, row):
    item = changeable_item(request.user, pk)
    name = people.remove_attendee(item, by=request.user, attendee=get_object_or_404(Attendee, item=item, pk=row))
    return _answer(request, item, "attendees", notice=f"นำ {name} ออกจากรายชื่อผู้เข้าร่วมแล้ว")
