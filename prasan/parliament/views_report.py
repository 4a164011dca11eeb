"""The session report page and its CSV, XLSX and PDF exports."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prasan.directory.models import Office
from prasan.matters.access import role_required
from prasan.tracking.report_exports import cell_text

from . import report, report_exports
from .access import REPORT_ROLES
from .models import Session

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _session(request) -> Session | None:
    wanted = request.GET.get("session", "")
    if wanted.isdigit() and len(wanted) < 10:
        found = Session.objects.filter(pk=int(wanted)).first()
        if found is None:
            raise Http404
        return found
    return Session.on(timezone.localdate()) or Session.objects.order_by("-starts_on").first()


@role_required(REPORT_ROLES)
def report_page(request):
    session = _session(request)
    context = {"sessions": Session.objects.order_by("-starts_on")[:40], "session": session}
    if session is not None:
        built = report.build(request.user, session, office=Office.current())
        context.update({
            "report": built, "title": report_exports.title(built), "subtitle": report_exports.subtitle(built),
            "tables": [_shown(t) for t in report_exports.tables(built)], "note": report_exports.NOTE,
            "on_time": cell_text(built.total.on_time_rate, "rate"),
            "average": cell_text(built.total.average_days, "days"),
        })
    return render(request, "parliament/report.html", context)


def _shown(table) -> dict:
    def cells(row):
        return [(c.label, cell_text(v, c.kind), c.kind != "text") for v, c in zip(row, table.columns, strict=True)]

    return {"title": table.title, "columns": table.columns, "rows": [cells(r) for r in table.rows],
            "total": cells(table.total) if table.total else None}


@role_required(REPORT_ROLES)
def report_export(request, fmt):
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404
    session = _session(request)
    if session is None:
        raise Http404
    office = Office.current()
    built = report.build(request.user, session, office=office)
    if fmt == "csv":
        response = HttpResponse(report_exports.to_csv(built), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(report_exports.to_xlsx(built), content_type=XLSX)
    else:
        response = HttpResponse(report_exports.to_pdf(built, office, thai_digits=request.GET.get("digits") == "thai"),
                                content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="parliament-session-{session.pk}.{fmt}"'
    return response
