"""Pages that belong to no single app: home, my work, health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prasan.matters.choices import Secrecy
from prasan.matters.models import Matter
from prasan.matters.queries import list_queryset

MY_WORK_LIMIT = 25  # the soonest deadlines; the page links to the whole list
UNIT_LIMIT = 10


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
    user = request.user
    assigned = Exists(Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"), user_id=user.pk))
    mine, mine_count = first_by_deadline(own_visible(user).open().filter(assigned), MY_WORK_LIMIT)
    unit = []
    if user.unit_id:
        unit, _ = first_by_deadline(
            Matter.objects.visible_to(user).open().filter(owner_unit_id=user.unit_id).exclude(assigned), UNIT_LIMIT)
    return render(request, "web/my_work.html", {
        "mine": mine, "mine_count": mine_count, "unit_matters": unit, "today": today, "limit": MY_WORK_LIMIT,
    })


def own_visible(user) -> QuerySet:
    """Matter.objects.visible_to(user) for the matters the user is assigned to: being assigned is the
    need to know, so only the clearance can hide one (an administrator sees none that is secret).
    One condition on a column the open matters' index holds, instead of a test of need per row."""
    from prasan.accounts.models import Role

    if not (user.is_authenticated and user.is_active):
        return Matter.objects.none()
    level = Secrecy.NORMAL if user.role == Role.ADMIN and not user.is_superuser else user.clearance
    # Written as "not above" rather than "up to": for a range SQLite would start from the index that
    # begins with secrecy (most of the table), where the few open matters are the place to start.
    return Matter.objects.exclude(secrecy__gt=level)


def first_by_deadline(matters: QuerySet, limit: int) -> tuple[list, int]:
    """The first `limit` of `matters`, soonest deadline first (none last), as list rows, and how many
    there are. One pass chooses the ids and counts them all, from the index alone; only then are the
    few whole rows read, not the thousands sorted to choose them."""
    order = (F("internal_deadline").asc(nulls_last=True), "-id")
    chosen = list(matters.order_by(*order).annotate(total=Window(Count("pk"))).values_list("pk", "total")[:limit])
    rows = list_queryset(Matter.objects.filter(pk__in=[pk for pk, _ in chosen])).order_by(*order)
    return (list(rows) if chosen else []), (chosen[0][1] if chosen else 0)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
