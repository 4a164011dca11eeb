"""The performance report page and its XLSX, CSV and PDF exports."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prasan.directory.models import Office
from prasan.matters.access import role_required

from . import report_exports, reports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request) -> reports.Period:
    return reports.Period.parse(request.GET.get("p", "")) or reports.Period.month_of(timezone.localdate())


@role_required(reports.REPORT_ROLES)
def report_page(request):
    period = _period(request)
    report = reports.build(request.user, period)
    return render(request, "tracking/reports.html", {
        "report": report, "title": report_exports.title(report), "subtitle": report_exports.subtitle(report),
        "tables": [_shown(t) for t in report_exports.tables(report)], "note": report_exports.ON_TIME_NOTE,
        "choices": reports.period_choices(timezone.localdate(), period), "period": period, "summary": _summary(report.total),
    })


def _summary(total: reports.Performance) -> dict:
    text = report_exports.cell_text
    return {
        "external": f"{text(total.external_rate, 'rate')} ({total.external_on_time} จาก {total.external_due} เรื่องที่มีกำหนด)",
        "internal": f"{text(total.internal_rate, 'rate')} ({total.internal_on_time} จาก {total.internal_due} เรื่องที่มีกำหนด)",
        "median": text(total.median_days, "days"),
    }


def _shown(table: report_exports.Table) -> dict:
    def cells(row):
        return [(c.label, report_exports.cell_text(v, c.kind), c.kind != "text")
                for v, c in zip(row, table.columns, strict=True)]

    return {
        "title": table.title, "columns": table.columns, "rows": [cells(r) for r in table.rows],
        "total": cells(table.total) if table.total else None,
    }


@role_required(reports.REPORT_ROLES)
def report_export(request, fmt):
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404
    period = _period(request)
    report = reports.build(request.user, period)
    if fmt == "csv":
        response = HttpResponse(report_exports.to_csv(report), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(report_exports.to_xlsx(report), content_type=XLSX)
    else:
        thai_digits = request.GET.get("digits") == "thai"
        response = HttpResponse(report_exports.to_pdf(report, Office.current(), thai_digits=thai_digits),
                                content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{period.code}.{fmt}"'
    return response
