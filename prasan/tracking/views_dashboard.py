"""The dashboards: the office's, a unit's, and what awaits the minister; /tracking/ picks one by role."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from prasan.accounts.models import Role
from prasan.directory.models import Unit
from prasan.documents.chain import VERDICTS
from prasan.matters.access import role_required

from . import awaiting as waiting
from . import dashboards as d
from .calendar import for_request
from .charts import Series, bar_chart, line_chart
from .inbox import inbox_for

OFFICE_ROLES = frozenset({Role.HEAD, Role.AUDITOR, Role.EXECUTIVE})
UNIT_ROLES = OFFICE_ROLES | {Role.GROUP_HEAD}
DECISION_ROLES = frozenset({Role.EXECUTIVE, Role.HEAD, Role.AUDITOR})
EVERYONE = frozenset(Role.values)


@role_required(EVERYONE)
def dashboard(request):
    """The head of office and the auditor see the office, a group head the unit, an executive the
    decisions awaiting the minister; the others work from their own list."""
    user = request.user
    if user.role in (Role.HEAD, Role.AUDITOR):
        return office_dashboard(request)
    if user.role == Role.GROUP_HEAD and user.unit_id:
        return unit_dashboard(request, user.unit_id)
    if user.role == Role.EXECUTIVE:
        return decisions_dashboard(request)
    return redirect("my-work")


@role_required(OFFICE_ROLES)
def office_dashboard(request):
    scope = d.Scope.for_user(request.user, calendar=for_request(request))
    context = _overview(scope)
    by_unit = d.open_by_unit(scope)
    context.update({
        "heading": "ภาพรวมสำนักงาน",
        "unit_chart": bar_chart("เรื่องที่ยังไม่ปิด จำแนกตามกลุ่มงาน", by_unit, slug="unit"),
        "unit_links": [(f.label, f.key) for f in by_unit if f.key.isdigit()],
        **_late(scope),
    })
    return render(request, "tracking/dashboard_office.html", context)


@role_required(UNIT_ROLES)
def unit_dashboard(request, unit_id):
    unit = get_object_or_404(Unit, pk=unit_id)
    if request.user.role == Role.GROUP_HEAD and request.user.unit_id != unit.pk:
        raise PermissionDenied("หัวหน้ากลุ่มงานดูภาพรวมได้เฉพาะกลุ่มงานของตน")
    scope = d.Scope.for_user(request.user, unit_id=unit.pk, calendar=for_request(request))
    context = _overview(scope)
    context.update({
        "heading": f"ภาพรวม{unit.name}",
        "unit": unit,
        "people": d.by_person(scope, unit.pk),
        **_late(scope),
    })
    return render(request, "tracking/dashboard_unit.html", context)


@role_required(DECISION_ROLES)
def decisions_dashboard(request):
    scope = d.Scope.for_user(request.user, calendar=for_request(request))
    awaiting = waiting.awaiting_decision(scope)
    return render(request, "tracking/dashboard_decisions.html", {
        "awaiting": awaiting,
        "urgency_chart": bar_chart("เรื่องที่รอรัฐมนตรีพิจารณา จำแนกตามชั้นความเร็ว", awaiting.by_urgency,
                                   slug="awaiting-urgency"),
        "limit": waiting.AWAITING_LIMIT,
        "today": scope.today,
        # The minister decides from here: what awaits him, the PDF a tap away, the buttons beside it.
        "inbox": inbox_for(request.user) if request.user.role == Role.EXECUTIVE else None,
        "verdicts": VERDICTS,
    })


def _overview(scope: d.Scope) -> dict:
    """What the office and unit dashboards share: deadlines, breakdowns, ageing and the weekly flow."""
    deadlines = d.deadlines(scope)
    weeks = d.weekly_flow(scope)
    flow = line_chart(
        f"รับเรื่องและปิดเรื่องรายสัปดาห์ ({d.WEEKS} สัปดาห์ล่าสุด)",
        [week.label for week in weeks],
        [Series("รับเรื่อง", "intake", [w.intake for w in weeks]), Series("ปิดเรื่อง", "closed", [w.closed for w in weeks])],
        slug="flow",
    )
    return {
        "deadlines": deadlines,
        "tiles": [deadlines.open, deadlines.overdue, deadlines.due_soon, deadlines.awaiting_minister],
        "state_chart": bar_chart("เรื่องที่ยังไม่ปิด จำแนกตามสถานะ", deadlines.by_state, slug="state"),
        "duty_chart": bar_chart("จำแนกตามประเภทภารกิจ", d.open_by_duty_type(scope), slug="duty"),
        "urgency_chart": bar_chart("จำแนกตามชั้นความเร็ว", d.open_by_urgency(scope), slug="urgency"),
        "age_chart": bar_chart("อายุเรื่องที่ยังไม่ปิด (นับวันทำการตั้งแต่รับเรื่อง)",
                               d.ageing(scope, deadlines.open.value), slug="age"),
        "flow_chart": flow,
        "weeks": weeks,
        "today": scope.today,
        "due_soon_days": d.DUE_SOON_DAYS,
        "complaint_clock": complaint_clock(scope.matters, scope.today),
    }


def complaint_clock(matters, today):
    from prasan.complaints.dashboard import clock_figures

    return clock_figures(matters, today)


def _late(scope: d.Scope) -> dict:
    rows, counted_at = d.late_agencies_kept(scope)
    return {"late_agencies": rows, "late_counted_at": counted_at, "late_window_days": d.LATE_WINDOW_DAYS}
