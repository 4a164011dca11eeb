"""Pages that belong to no single app: home, my work, health check, and the signed-in floor page."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html

from prasan.complaints import clock as complaint_clock
from prasan.documents.chain import VERDICTS
from prasan.matters.models import Matter
from prasan.matters.queries import list_queryset
from prasan.openwork.models import OpenWork
from prasan.tracking.inbox import count_for, inbox_for

MY_WORK_LIMIT = 25  # the soonest deadlines; the page links to the whole list
UNIT_LIMIT = 10
BY_DEADLINE = (F("internal_deadline").asc(nulls_last=True), "-id")


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
def signed_in(request):
    """The least a signed-in page can be: the layout, the menu and one line. People use it to see whether
    they are still signed in and as whom; the bench and the load test use it as the floor every page's cost
    is told as a multiple of (what the middleware, the session and the layout cost on this machine)."""
    return render(request, "web/signed_in.html")


@login_required
def my_work(request):
    """What I must do next, soonest deadline first (read from my open work, so history costs nothing); then the
    rest of my unit's open matters."""
    today = timezone.localdate()
    user = request.user
    mine, mine_count = first_of_my_work(user, MY_WORK_LIMIT)
    unit = []
    if user.unit_id:
        assigned = Exists(Matter.assignees.through.objects.filter(matter_id=OuterRef("pk"), user_id=user.pk))
        unit = first_uncounted_by_deadline(
            Matter.objects.visible_to(user).open().filter(owner_unit_id=user.unit_id).exclude(assigned), UNIT_LIMIT)
    complaint_clock.mark_matters([*mine, *unit])
    return render(request, "web/my_work.html", {
        "mine": mine, "mine_count": mine_count, "unit_matters": unit, "today": today, "limit": MY_WORK_LIMIT,
        "inbox": inbox_for(user), "verdicts": VERDICTS,
    })


@login_required
def inbox_badge(request):
    """htmx: the header's count of what awaits me, loaded after the page so no page pays for it."""
    count = count_for(request.user)
    if not count:
        return HttpResponse("")
    return HttpResponse(format_html(' <span class="badge late" aria-label="รอดำเนินการ {} รายการ">{}</span>',
                                    count, count))


def first_of_my_work(user, limit: int) -> tuple[list, int]:
    """The first `limit` of `user`'s open work in its order (openwork.models.ORDER: soonest deadline first, none
    last), as list rows, and how many there are. One pass over the person's open-work rows chooses the ids and
    counts them all, from the index alone; only then are the few whole rows read."""
    work = OpenWork.objects.of(user).by_deadline().annotate(total=Window(Count("pk")))
    chosen = list(work.values_list("matter_id", "total")[:limit])
    ids = [pk for pk, _ in chosen]
    place = {pk: i for i, pk in enumerate(ids)}
    rows = sorted(list_queryset(Matter.objects.filter(pk__in=ids).order_by()), key=lambda m: place[m.pk]) if ids else []
    return rows, (chosen[0][1] if chosen else 0)


def first_uncounted_by_deadline(matters: QuerySet, limit: int) -> list:
    """The first `limit` of `matters` as list rows, as first_by_deadline, without counting them all."""
    return _rows(list(matters.order_by(*BY_DEADLINE).values_list("pk", flat=True)[:limit]))


def _rows(ids: list[int]) -> list:
    return list(list_queryset(Matter.objects.filter(pk__in=ids)).order_by(*BY_DEADLINE)) if ids else []


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
