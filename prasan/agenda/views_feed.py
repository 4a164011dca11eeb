"""The agenda's calendar subscription: a person's secret link (issued, replaced, revoked on its page) and the
feed it answers, without a session."""

from django.http import Http404
from django.views.decorators.http import require_http_methods

from prasan.tracking.ics import LinkPage, ics_response, link_page

from .access import agenda_required, may_view
from .ics import to_ics
from .models import AgendaFeed


def feed(request, token: str):
    """No login: the token is the credential. Unknown, revoked, or its owner no longer on the agenda → one 404."""
    user = AgendaFeed.resolve(token)
    if user is None or not may_view(user):
        raise Http404
    return ics_response(to_ics(user, request.build_absolute_uri), "agenda.ics")


AGENDA = LinkPage(AgendaFeed, "agenda_feed", "agenda-calendar", "agenda-feed", "agenda/calendar.html",
                  issued="สร้างลิงก์ปฏิทินกำหนดการรัฐมนตรีแล้ว ลิงก์เดิม (ถ้ามี) ใช้ไม่ได้อีกต่อไป",
                  revoked="ยกเลิกลิงก์แล้ว ปฏิทินที่ใช้ลิงก์นี้จะไม่ได้รับกำหนดการอีก")


@agenda_required
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    return link_page(request, AGENDA, here="calendar")
