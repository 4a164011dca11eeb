"""A demo briefing pack, not yet built: the head of office's pack for next week's cabinet meeting (its agenda items'
matters as parts), ready for "สร้างแฟ้ม PDF" (building it is left to the worker, as in the office)."""

from django.db import transaction

from prasan.briefing import occasions, services
from prasan.briefing.models import Pack
from prasan.cabinet.models import Meeting


def build(users) -> None:
    """Once: nothing is added when the office already keeps a pack."""
    if Pack.objects.exists():
        return
    head = next(u for u in users if u.username == "head")
    meeting = Meeting.objects.filter(number="18/2569").first()
    if meeting is None:
        return
    start = occasions.start_from(head, {"meeting": meeting.pk})
    if not start.owners:
        return
    with transaction.atomic():
        services.create(by=head, owner=start.owners[0], links=start.links, matters=start.matters,
                        fields={"title": start.title, "occasion": start.occasion, "occasion_text": start.occasion_text,
                                "occasion_on": start.occasion_on})
