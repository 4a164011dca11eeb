"""The complaint reports page and its CSV/XLSX: no personal data in either."""

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prasan.directory.models import Office

from . import exports, reports
from .access import REPORT_ROLES, role_required
from .forms import PeriodForm
from .queries import list_queryset, visible_complaints


def _period(request) -> tuple[PeriodForm, dt.date, dt.date]:
    form = PeriodForm(request.GET or None)
    today = timezone.localdate()
    start, end = today.replace(month=1, day=1), today
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    if end < start:
        start, end = end, start
    return form, start, end


@role_required(REPORT_ROLES)
def report_page(request):
    form, start, end = _period(request)
    complaints = visible_complaints(request.user, Office.current())
    report = reports.build(complaints, start, end)
    late = list(list_queryset(reports.past_due(complaints))[:50])
    tables = [(title, [first, *reports.HEADER],
               [list(zip([first, *reports.HEADER], line.cells(), strict=True)) for line in lines])
              for title, first, lines in report.tables]
    return render(request, "complaints/report.html", {"form": form, "report": report, "late": late, "tables": tables,
                                                      "header": reports.HEADER, "note": reports.NOTE,
                                                      "query": request.GET.urlencode()})


@role_required(REPORT_ROLES)
def report_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _, start, end = _period(request)
    report = reports.build(visible_complaints(request.user, Office.current()), start, end)
    title = f"รายงานเรื่องร้องเรียน รับเรื่อง {start:%Y-%m-%d} ถึง {end:%Y-%m-%d}"
    header = ["", *reports.HEADER]
    rows = reports.export_rows(report)
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(title, header, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.to_xlsx(title, header, rows, sheet_name="รายงาน"),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="complaints-report.{fmt}"'
    return response
