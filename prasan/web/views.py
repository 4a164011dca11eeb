"""Pages that belong to no single app: home, my work, health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prasan.matters.models import Matter
from prasan.matters.queries import list_queryset


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
    today = timezone.localdate()
    mine = list_queryset(Matter.objects.visible_to(request.user).open().filter(assignees=request.user))
    mine = sorted(mine[:200], key=lambda m: (m.due_date is None, m.due_date or today, -m.pk))
    unit = []
    if request.user.unit_id:
        unit = list_queryset(
            Matter.objects.visible_to(request.user).open().filter(owner_unit_id=request.user.unit_id)
            .exclude(assignees=request.user)
            .order_by("internal_deadline", "-id")
        )[:20]
    return render(request, "web/my_work.html", {"mine": mine, "unit_matters": unit, "today": today})
