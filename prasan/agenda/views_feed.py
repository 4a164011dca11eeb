"""The agenda's calendar subscription: a person's secret link (issued, replaced, revoked on its page) and the
feed it answers, without a session."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from prasan.audit.models import record
from prasan.tracking.ics import ics_response

from .access import agenda_required, may_view
from .ics import to_ics
from .models import AgendaFeed


def feed(request, token: str):
    """No login: the token is the credential. Unknown, revoked, or its owner no longer on the agenda → one 404."""
    user = AgendaFeed.resolve(token)
    if user is None or not may_view(user):
        raise Http404
    return ics_response(to_ics(user, request.build_absolute_uri), "agenda.ics")


@agenda_required
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            created = AgendaFeed.issue(request.user)
            record(request.user, "agenda_feed.issue", created)
            messages.success(request, "สร้างลิงก์ปฏิทินกำหนดการรัฐมนตรีแล้ว ลิงก์เดิม (ถ้ามี) ใช้ไม่ได้อีกต่อไป")
        elif action == "revoke":
            if AgendaFeed.revoke_all(request.user):
                record(request.user, "agenda_feed.revoke", ("accounts.user", request.user.pk))
                messages.success(request, "ยกเลิกลิงก์แล้ว ปฏิทินที่ใช้ลิงก์นี้จะไม่ได้รับกำหนดการอีก")
        return redirect("agenda-calendar")
    current = AgendaFeed.active_for(request.user)
    url = request.build_absolute_uri(reverse("agenda-feed", args=[current.token])) if current else ""
    return render(request, "agenda/calendar.html", {"feed": current, "url": url, "here": "calendar"})
