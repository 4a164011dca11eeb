"""The item pages: the list, recording and editing an item, and the item page with its status moves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.directory.models import Office
from prasan.matters.access import role_required
from prasan.matters.paging import BoundedPaginator

from . import readiness, services, statuses
from .access import CREATE_ROLES, changeable_item, may_change, staff_required, visible_item
from .choices import House, ItemKind, Status
from .forms import ItemForm, StatusForm
from .models import Item, Session
from .queries import ItemFilter, list_queryset, visible_items
from .views_people import people_context

PAGE_SIZE = 25


@staff_required
def item_list(request):
    filters = ItemFilter.from_params(request.GET)
    qs = filters.apply(visible_items(request.user, Office.current())).order_by("-received_on", "-id")
    page = BoundedPaginator(list_queryset(qs), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "parliament/list.html", {
        "page": page, "filters": filters, "querystring": params.urlencode(), "kinds": ItemKind.choices,
        "houses": House.choices, "statuses": Status.choices, "sessions": Session.objects.order_by("-starts_on")[:20],
        "may_create": request.user.role in CREATE_ROLES, "today": timezone.localdate(),
    })


@role_required(CREATE_ROLES)
def item_new(request):
    kind = request.POST.get("kind") or request.GET.get("kind") or ""
    if kind not in ItemKind.values:
        error = f"ไม่รู้จักประเภท “{kind}” กรุณาเลือกจากรายการ" if kind else ""
        return render(request, "parliament/choose_kind.html", {"kinds": ItemKind.choices, "error": error},
                      status=422 if kind else 200)
    form = ItemForm(request.POST or None, kind=kind, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.create_item(office=Office.current(), by=request.user, kind=kind,
                                        fields=form.item_fields(),
                                        matter_fields={"urgency": data["urgency"], "secrecy": data["secrecy"]})
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, f"บันทึก{item.label}แล้ว เลขเรื่อง {item.matter.number}")
            return redirect(item)
    return render(request, "parliament/form.html", {"form": form, "kind": kind,
                                                    "kind_label": ItemKind(kind).label, "item": None})


def _to_form(form, exc: ValidationError) -> None:
    """The service's refusals beside the form's fields (or above the form if the field is not shown)."""
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@staff_required
def item_detail(request, pk):
    item = visible_item(request.user, pk)
    return render(request, "parliament/detail.html", detail_context(request, item))


def detail_context(request, item, **overrides) -> dict:
    can_change = may_change(request.user, item)
    context = people_context(item, can_change)
    context.update({
        "matter": item.matter,
        "moves": [(s, statuses.ACTIONS[s]) for s in statuses.allowed(item.status)] if can_change else [],
        "history": item.status_changes.select_related("by").order_by("at", "id"),
        "status_form": StatusForm(), "readiness": readiness.readiness([item])[item.pk],
    })
    context.update(overrides)
    return context


@staff_required
def item_edit(request, pk):
    item = changeable_item(request.user, pk)
    # The form writes what was typed into its instance while validating: give it its own copy of the row, so
    # the service compares what is stored with what was typed.
    form = ItemForm(request.POST or None, instance=Item.objects.get(pk=item.pk), kind=item.kind, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.update_item(item, by=request.user, fields=form.item_fields())
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว" if changes else "ไม่มีการเปลี่ยนแปลง")
            return redirect(item)
    return render(request, "parliament/form.html", {"form": form, "kind": item.kind,
                                                    "kind_label": item.get_kind_display(), "item": item})


@staff_required
@require_POST
def item_status(request, pk):
    item = changeable_item(request.user, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(item, by=request.user, to=data["to"], note=data["note"],
                                   new_date=data["new_date"])
        except (statuses.StatusRefused, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"เปลี่ยนสถานะเป็น “{item.get_status_display()}” แล้ว")
            return redirect(item)
    item = visible_item(request.user, pk)
    return render(request, "parliament/detail.html", detail_context(request, item, status_form=form), status=422)
