"""Pages that belong to no single app: home, my work, health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Exists, F, OuterRef
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prasan.matters.models import Matter
from prasan.matters.queries import list_queryset

MY_WORK_LIMIT = 50


def home(request):
    return redirect("my-work" if request.user.is_authenticated else "login")


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 — any failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return HttpResponse("ok", content_type="text/plain")


@login_required
def my_work(request):
    """What I must do next, soonest deadline first; then the rest of my unit's open matters."""
    today = timezone.localdate()
    visible = Matter.objects.visible_to(request.user).open()
    mine_filter = Exists(Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"), user_id=request.user.pk))
    by_deadline = (F("internal_deadline").asc(nulls_last=True), "-id")
    mine_qs = visible.filter(mine_filter).order_by(*by_deadline)
    mine = list(list_queryset(mine_qs)[:MY_WORK_LIMIT])
    mine_count = len(mine) if len(mine) < MY_WORK_LIMIT else mine_qs.count()
    unit = []
    if request.user.unit_id:
        unit = list(list_queryset(
            visible.filter(owner_unit_id=request.user.unit_id).exclude(mine_filter).order_by(*by_deadline)
        )[:20])
    return render(request, "web/my_work.html", {
        "mine": mine, "mine_count": mine_count, "unit_matters": unit, "today": today, "limit": MY_WORK_LIMIT,
    })


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
