"""Cabinet meetings on people's calendar feeds (prasan.tracking.ics): every executive's (the minister sits in
the cabinet) and those of the people assigned to a matter on the meeting's agenda, who prepare the briefing.

A meeting is not secret, so its time and place are shown; its agenda is not (the feed is read without a login):
the event names only the meeting and links to its page, where each item is shown to whom may see its matter.
"""

import datetime as dt

from django.db.models import Exists, OuterRef
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.openwork.models import OpenWork

from .choices import MeetingStatus
from .models import AgendaItem, Meeting

# A cabinet meeting takes the morning: shown as three hours.
MEETING_LENGTH = dt.timedelta(hours=3)
UID_DOMAIN = "prasan"


def meetings_for(user, since: dt.date) -> list[dict]:
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    meetings = Meeting.objects.filter(meets_at__gte=start).exclude(status=MeetingStatus.CANCELLED)
    if user.role != Role.EXECUTIVE:
        # The person's open work (visible by its clearance rule), not every matter they were ever given.
        mine = OpenWork.objects.of(user).values("matter_id")
        meetings = meetings.filter(Exists(AgendaItem.objects.filter(meeting_id=OuterRef("pk"), matter__in=mine)))
    result = []
    for meeting in meetings.order_by("meets_at"):
        result.append({
            "uid": f"cabinet-meeting-{meeting.pk}@{UID_DOMAIN}", "day": meeting.day,
            "start": meeting.meets_at, "end": meeting.meets_at + MEETING_LENGTH,
            "summary": f"ประชุมคณะรัฐมนตรี{f' ครั้งที่ {meeting.number}' if meeting.number else ''}",
            "location": meeting.place, "matter": None, "url": meeting.get_absolute_url(),
            "note": "ดูวาระที่เกี่ยวกับกระทรวงในระบบประสาน",
        })
    return result
