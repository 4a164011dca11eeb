"""สัปดาห์นี้ในรัฐสภา: the coming sittings and every item due at them, with its readiness."""

from django.shortcuts import render
from django.utils import timezone

from prasan.directory.models import Office
from prasan.matters.paging import BoundedPaginator

from . import readiness, week
from .access import staff_required
from .queries import list_queryset, visible_items

PAGE_SIZE = 50


@staff_required
def this_week(request):
    today = timezone.localdate()
    win = week.window(today)
    qs = week.items_due(visible_items(request.user, Office.current()), win)
    page = BoundedPaginator(list_queryset(qs), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    return render(request, "parliament/week.html", {
        "window": win, "today": today, "page": page, "querystring": "",
        "days": week.by_day(rows, win, readiness.readiness(rows)),
    })
