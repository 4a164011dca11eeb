"""The agenda pages: the week and the day (phone first), an engagement with its status buttons, entering and
editing one (with the clash warning), and moving its status."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from prasan.directory.models import Office
from prasan.matters.workflow import OpenRequestsLeft, WorkflowError
from prasan.thai.dates import WEEKDAYS
from prasan.thai.fields import ThaiDateField, ThaiTimeField

from . import services
from .access import agenda_required, create_required, may_change, may_create, visible_item
from .choices import FINAL
from .forms import AgendaItemForm, StatusForm
from .models import AgendaItem
from .queries import MOST, by_day, items_between, parse_day, week_of


def _day_or_404(text, default=None) -> dt.date:
    day = parse_day(text, default)
    if day is None:
        raise Http404
    return day


@agenda_required
def week(request):
    today = timezone.localdate()
    first, last = week_of(_day_or_404(request.GET.get("week"), today))
    items = list(items_between(request.user, Office.current(), first, last)[:MOST])
    return render(request, "agenda/week.html", {
        "days": by_day(items, first, last), "first": first, "last": last, "today": today, "count": len(items),
        "truncated": len(items) >= MOST, "previous": first - dt.timedelta(days=7), "next": first + dt.timedelta(days=7),
        "may_create": may_create(request.user), "here": "week",
    })


@agenda_required
def day(request, day: str):
    shown = timezone.localdate() if day == "today" else _day_or_404(day)
    items = list(items_between(request.user, Office.current(), shown, shown)[:MOST])
    return render(request, "agenda/day.html", {
        "day": by_day(items, shown, shown)[0], "previous": shown - dt.timedelta(days=1),
        "next": shown + dt.timedelta(days=1), "may_create": may_create(request.user),
        "here": "day" if shown == timezone.localdate() else "",
        "week_start": week_of(shown)[0],
    })


@agenda_required
def item_detail(request, pk):
    item = visible_item(request.user, pk)
    changeable = may_change(request.user, item)
    clash = services.overlaps(office=item.office, starts_at=item.starts_at, ends_at=item.ends_at, user=request.user,
                              exclude=item.pk, status=item.status) if item.status not in FINAL else None
    return render(request, "agenda/item.html", {
        "item": item, "may_change": changeable, "clash": clash, "when": _when(item),
        "next": [(s, services.ACTION_LABELS[s]) for s in services.next_statuses(item)] if changeable else [],
        "transitions": item.transitions.select_related("by").order_by("at", "id"),
        "linked": item.linked_matters.visible_to(request.user).select_related("office").order_by("year", "seq"),
        "status_form": StatusForm(),
    })


def _when(item) -> str:
    from prasan.thai.dates import time_range
    from prasan.thai.digits import to_thai
    from prasan.thai.preferences import screen_thai_digits

    text = f"วัน{WEEKDAYS[item.day.weekday()]} {time_range(item.starts_at, item.ends_at)}"
    return to_thai(text) if screen_thai_digits() else text


def _warn_clash(request, item) -> None:
    clash = services.overlaps(office=item.office, starts_at=item.starts_at, ends_at=item.ends_at, user=request.user,
                              exclude=item.pk, status=item.status)
    if clash:
        messages.warning(request, f"โปรดตรวจสอบ: {clash.message} (บันทึกไว้แล้ว)")


def _to_form(form, exc: ValidationError) -> None:
    for name, errors in exc.message_dict.items():
        target = {"starts_at": "start", "ends_at": "end"}.get(name, name)
        form.add_error(target if target in form.fields else None, errors)


@create_required
def item_new(request):
    day = parse_day(request.GET.get("day"))
    form = AgendaItemForm(request.POST or None, user=request.user, initial={"day": day} if day else None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_item(office=Office.current(), by=request.user, fields=form.item_fields(),
                                        matter_fields=form.matter_fields(), linked=form.linked_matters,
                                        status=form.cleaned_data["first_status"])
        except ValidationError as exc:
            _to_form(form, exc)
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"บันทึกกำหนดการแล้ว พร้อมเรื่องอำนวยความสะดวก {item.matter.number}")
            _warn_clash(request, item)
            return redirect(item)
    return render(request, "agenda/form.html", {"form": form, "item": None})


@agenda_required
def item_edit(request, pk):
    item = visible_item(request.user, pk, for_update=True)
    if not may_change(request.user, item):
        raise PermissionDenied("กำหนดการนี้ไม่อยู่ในความรับผิดชอบของท่าน หรือเรื่องปิดแล้ว")
    # The form writes what was typed into its instance while validating: the service compares with a fresh copy.
    editing = AgendaItem.objects.get(pk=item.pk)
    form = AgendaItemForm(request.POST or None, instance=editing, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.update_item(item, by=request.user, fields=form.item_fields(),
                                           linked=form.linked_matters)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว" if changes else "ไม่มีการเปลี่ยนแปลง")
            if "matter_deadlines" in changes:
                messages.info(request, "กำหนดของเรื่องอำนวยความสะดวกเลื่อนตามวันของกำหนดการแล้ว")
            _warn_clash(request, item)
            return redirect(item)
    return render(request, "agenda/form.html", {"form": form, "item": item})


@agenda_required
@require_POST
def item_status(request, pk):
    item = visible_item(request.user, pk, for_update=True)
    if not may_change(request.user, item):
        raise PermissionDenied("กำหนดการนี้ไม่อยู่ในความรับผิดชอบของท่าน หรือเรื่องปิดแล้ว")
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "ไม่รู้จักสถานะนี้")
        return redirect(item)
    data = form.cleaned_data
    try:
        services.change_status(item, data["to"], by=request.user, note=data["note"],
                               delegated_to=data["delegated_to"], open_requests=data["open_requests"])
    except OpenRequestsLeft as exc:
        messages.error(request, f"{exc} (เลือกได้ที่หน้าเรื่อง {item.matter.number} หรือเลือกในช่องคำขอที่ค้างด้านล่าง)")
    except (services.AgendaError, WorkflowError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"เปลี่ยนสถานะเป็น “{item.get_status_display()}” แล้ว")
    return redirect(item)


@agenda_required
@require_GET
def overlap_check(request):
    """The clash warning beside the form's times, fetched as they are typed (htmx); empty until the day and both
    times read, and when there is none."""
    data, clash = request.GET, None
    try:
        day = ThaiDateField().clean(data.get("day", ""))
        start, end = ThaiTimeField().clean(data.get("start", "")), ThaiTimeField().clean(data.get("end", ""))
        end_day = ThaiDateField(required=False).clean(data.get("end_day", "")) or day
    except ValidationError:
        day = None
    if day is not None:
        starts = timezone.make_aware(dt.datetime.combine(day, start))
        ends = timezone.make_aware(dt.datetime.combine(end_day, end))
        item = data.get("item", "")
        if ends >= starts:
            clash = services.overlaps(office=Office.current(), starts_at=starts, ends_at=ends, user=request.user,
                                      exclude=int(item) if item.isdigit() and len(item) < 12 else None)
    return render(request, "agenda/_clash.html", {"clash": clash})


def week_url(day: dt.date) -> str:
    return f"{reverse('agenda-week')}?week={week_of(day)[0].isoformat()}"
