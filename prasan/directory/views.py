"""The directory pages: agencies and their liaison officers."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from prasan.matters.access import staff_required

from .models import Agency


@staff_required
def agency_list(request):
    q = (request.GET.get("q") or "").strip()[:100]
    qs = Agency.objects.select_related("parent").order_by("name")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(abbreviation__icontains=q))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "directory/agency_list.html", {"page": page, "q": q, "querystring": f"q={q}" if q else ""})


@staff_required
def agency_detail(request, pk):
    agency = get_object_or_404(Agency.objects.select_related("parent"), pk=pk)
    return render(request, "directory/agency_detail.html", {
        "agency": agency, "contacts": agency.contacts.all(), "children": agency.children.order_by("name"),
    })
