"""Committee meetings on people's calendar feeds (prasan.tracking.ics): the minister's and every attendee's.

A summons is addressed to the minister, so each executive's feed shows the office's committee meetings;
people of the office listed as attendees see the meetings they attend. Only what the feed's owner may
see is shown, and a secret one by its matter's number alone, with no room or issues.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from prasan.accounts.models import Role

from .choices import Status
from .models import Attendee, Item

# A committee sits a morning or an afternoon: shown as two hours unless said otherwise.
MEETING_LENGTH = dt.timedelta(hours=2)
UID_DOMAIN = "prasan"


def meetings_for(user, since: dt.date) -> list[dict]:
    attending = Exists(Attendee.objects.filter(item_id=OuterRef("pk"), user_id=user.pk))
    mine = Q(attending) if user.role != Role.EXECUTIVE else Q(attending) | Q(kind="committee_summons")
    items = (Item.objects.visible_to(user).filter(mine, meeting_at__isnull=False, sitting_on__gte=since)
             .exclude(status__in=(Status.WITHDRAWN, Status.LAPSED)).select_related("matter__office"))
    result = []
    for item in items:
        matter = item.matter
        secret = matter.is_secret
        what = item.committee or item.get_kind_display()
        result.append({
            "uid": f"parliament-meeting-{item.pk}@{UID_DOMAIN}", "day": item.sitting_on,
            "start": item.meeting_at, "end": item.meeting_at + MEETING_LENGTH,
            "summary": f"ประชุม{what}: {matter.number}" if secret else f"ประชุม{what}: {item.subject}",
            "location": "" if secret else item.room,
            "matter": matter, "url": item.get_absolute_url(),
            "note": "" if secret else item.text,
        })
    return result
