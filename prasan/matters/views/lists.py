"""The matter list with filters and pagination, and its current filter exported as CSV or XLSX."""

import tempfile
from dataclasses import replace

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from prasan.accounts.models import User
from prasan.audit.models import record
from prasan.directory.models import Agency, Unit
from prasan.thai.date_input import DateInputError, parse_date
from prasan.thai.dates import shown_date, shown_datetime

from .. import exports
from ..access import staff_required
from ..choices import SECRECY_CODES, DutyType, Secrecy, State, Urgency
from ..models import Matter
from ..paging import BoundedPaginator
from ..queries import MatterFilter, list_queryset

PAGE_SIZES = (25, 50, 100)


@staff_required
def matter_list(request):
    filters = MatterFilter.from_params(request.GET)
    qs = _filtered(request.user, filters)
    size = int(request.GET.get("size", 25)) if request.GET.get("size", "").isdigit() else 25
    size = size if size in PAGE_SIZES else 25
    page = BoundedPaginator(list_queryset(qs), size, page_only=filters.scans_text).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "matters/list.html", {
        "page": page,
        "filters": filters,
        "querystring": params.urlencode(),
        "export_query": filters.query_string(),
        "extra_filters": _extra_filters(filters),
        "extra_params": [(k, v) for k, v in filters.params().items() if k in EXTRA],
        "without_extra": _without_extra(filters),
        "export_cap": exports.MAX_ROWS,
        "states": State.choices,
        "duty_types": DutyType.choices,
        "urgencies": Urgency.choices,
        "secrecies": [(SECRECY_CODES[level], label) for level, label in Secrecy.choices],
        "units": Unit.objects.order_by("name"),
        "people": User.objects.filter(is_active=True, role__in=["coordinator", "group_head"]).order_by("first_name"),
        "today": timezone.localdate(),
        "page_sizes": PAGE_SIZES,
        "size": size,
        "secrecy_labels": dict(Secrecy.choices),
        "date_errors": _date_errors(request.GET),
    })


def _date_errors(params) -> dict[str, str]:
    """A typed filter date that cannot be read: said beside its box (the list is shown unfiltered by it)."""
    errors = {}
    for name in ("created_from", "created_to"):
        text = (params.get(name) or "").strip()
        if text:
            try:
                parse_date(text)
            except DateInputError as exc:
                errors[name] = str(exc)
    return errors


EXTRA = ("no_unit", "unassigned", "closed_from", "closed_to", "late_agency", "late_since")


def _extra_filters(filters: MatterFilter) -> list[str]:
    """Filters the dashboards link with that the form has no field for, said in Thai."""
    said = []
    if filters.no_unit:
        said.append("ไม่ระบุกลุ่มงาน")
    if filters.unassigned:
        said.append("ยังไม่มอบหมายผู้รับผิดชอบ")
    if filters.closed_from or filters.closed_to:
        said.append("ปิดเรื่อง" + (f"ตั้งแต่ {shown_date(filters.closed_from)} " if filters.closed_from else "")
                    + (f"ถึง {shown_date(filters.closed_to)}" if filters.closed_to else ""))
    if filters.late_agency:
        name = Agency.objects.filter(pk=filters.late_agency).values_list("name", flat=True).first() or "—"
        since = f" (คำขอที่ครบกำหนดตั้งแต่ {shown_date(filters.late_since)})" if filters.late_since else ""
        said.append(f"มีคำขอที่{name}ตอบช้าหรือยังไม่ตอบเมื่อเลยกำหนด{since}")
    return said


def _without_extra(filters: MatterFilter) -> str:
    cleared = replace(filters, no_unit=False, unassigned=False, closed_from=None, closed_to=None,
                      late_agency=None, late_since=None)
    return cleared.query_string()


def _filtered(user, filters: MatterFilter):
    return filters.apply(Matter.objects.visible_to(user)).order_by("-created_at", "-id")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_required
def matter_export(request, fmt):
    """Every row of the current filter the user may see (up to exports.MAX_ROWS); the export is audited."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filters = MatterFilter.from_params(request.GET)
    qs = _filtered(request.user, filters)
    total = qs.count()
    count = min(total, exports.MAX_ROWS)
    record(request.user, "matter.export", ("matters", "list"), filter=filters.params(), rows=count, format=fmt)
    name = f"matters-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(exports.csv_chunks(qs), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    title = f"ทะเบียนเรื่อง {count:,} เรื่อง ณ {shown_datetime(timezone.now())}"
    if total > count:
        title += f" (เฉพาะ {count:,} เรื่องแรก จากทั้งหมด {total:,} เรื่อง)"
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    exports.to_xlsx(title, exports.rows(qs), out)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=name, content_type=XLSX)
