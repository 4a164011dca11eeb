"""The matter list with filters and pagination."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from prasan.accounts.models import User
from prasan.directory.models import Unit

from ..access import staff_required
from ..choices import DutyType, Secrecy, State, Urgency
from ..models import Matter
from ..queries import MatterFilter, list_queryset

PAGE_SIZES = (25, 50, 100)


@staff_required
def matter_list(request):
    filters = MatterFilter.from_params(request.GET)
    qs = filters.apply(Matter.objects.visible_to(request.user)).order_by("-created_at", "-id")
    size = int(request.GET.get("size", 25)) if request.GET.get("size", "").isdigit() else 25
    size = size if size in PAGE_SIZES else 25
    page = Paginator(list_queryset(qs), size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "matters/list.html", {
        "page": page,
        "filters": filters,
        "querystring": params.urlencode(),
        "states": State.choices,
        "duty_types": DutyType.choices,
        "urgencies": Urgency.choices,
        "secrecies": [("normal", "ปกติ"), ("confidential", "ลับ"), ("secret", "ลับมาก"), ("top_secret", "ลับที่สุด")],
        "units": Unit.objects.order_by("name"),
        "people": User.objects.filter(is_active=True, role__in=["coordinator", "group_head"]).order_by("first_name"),
        "today": timezone.localdate(),
        "page_sizes": PAGE_SIZES,
        "size": size,
        "secrecy_labels": dict(Secrecy.choices),
    })
