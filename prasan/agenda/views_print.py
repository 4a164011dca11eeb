"""The day sheet's PDF, of the engagements the printing user may see."""

from django.http import Http404, HttpResponse

from prasan.audit.models import record
from prasan.directory.models import Office

from . import dayprint
from .access import agenda_required
from .queries import MOST, items_between, parse_day


@agenda_required
def day_sheet(request, day: str):
    shown = parse_day(day)
    if shown is None:
        raise Http404
    office = Office.current()
    items = list(items_between(request.user, office, shown, shown)[:MOST])
    pdf = dayprint.render(items, day=shown, office=office)
    secret = [item.pk for item in items if item.is_secret]
    if secret:  # a secret item's particulars leave the system on paper: who printed them, and when
        record(request.user, "agenda.export", ("agenda.day", shown.isoformat()), items=secret)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="agenda-{shown.isoformat()}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
