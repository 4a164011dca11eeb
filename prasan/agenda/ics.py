"""The minister's agenda as an iCalendar feed (as prasan/tracking/ics.py builds the personal one, with
icalendar): read by calendar apps without a login, so it holds only the items its owner may see at the moment it
is read, and a secret item as its time alone — no title, no place, no protocol."""

import datetime as dt

from django.utils import timezone

from prasan.thai.dates import time_range

from .choices import AgendaStatus
from .models import AgendaItem

# Calendar apps poll often: the last three months and the year ahead are what the team plans with.
LOOKBACK = dt.timedelta(days=90)
AHEAD = dt.timedelta(days=366)
UID_DOMAIN = "prasan"
SECRET_SUMMARY = "กำหนดการรัฐมนตรี (ชั้นความลับ — ดูในระบบประสาน)"
SHOWN_STATUSES = (AgendaStatus.INVITED, AgendaStatus.ACCEPTED, AgendaStatus.DELEGATED, AgendaStatus.PREPARED,
                  AgendaStatus.DONE)


def feed_items(user, *, now=None):
    now = now or timezone.now()
    return (AgendaItem.objects.visible_to(user).filter(status__in=SHOWN_STATUSES, ends_at__gte=now - LOOKBACK,
                                                       starts_at__lte=now + AHEAD)
            .select_related("matter", "invited_by_agency").order_by("starts_at", "id"))


def summary(item: AgendaItem) -> str:
    if item.is_secret:
        return SECRET_SUMMARY
    prefix = {AgendaStatus.INVITED: "(รอตอบรับ) ",
              AgendaStatus.DELEGATED: f"(มอบ {item.delegated_to}) "}.get(item.status, "")
    return f"{prefix}{item.title}"


def description(item: AgendaItem, url: str) -> str:
    if item.is_secret:
        return url
    lines = [f"{item.get_kind_display()} · {item.get_status_display()}", time_range(item.starts_at, item.ends_at)]
    for label, value in (("ผู้เชิญ", item.inviter), ("การแต่งกาย", item.dress), ("การเดินทาง", item.transport),
                         ("ผู้ติดตาม", item.entourage), ("กำหนดการ", item.programme)):
        if value.strip():
            lines.append(f"{label}: {value.strip()}")
    lines.append(url)
    return "\n".join(lines)


def to_ics(user, absolute_url) -> bytes:
    """The feed as iCalendar bytes; `absolute_url(path)` makes the items' links absolute."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Prasan//ประสาน กำหนดการรัฐมนตรี//TH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "กำหนดการรัฐมนตรี")
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    stamp = timezone.now()
    for item in feed_items(user):
        url = absolute_url(item.get_absolute_url())
        event = Event()
        event.add("uid", f"agenda-item-{item.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at if item.ends_at > item.starts_at else item.starts_at + dt.timedelta(minutes=30))
        event.add("summary", summary(item))
        if item.place and not item.is_secret:
            event.add("location", item.place)
        event.add("url", url)
        event.add("description", description(item, url))
        event.add("status", "TENTATIVE" if item.status == AgendaStatus.INVITED else "CONFIRMED")
        # A deputy goes in the minister's stead: the time stays free in his calendar.
        event.add("transp", "TRANSPARENT" if item.status == AgendaStatus.DELEGATED else "OPAQUE")
        event.add("last-modified", item.updated_at)
        calendar.add_component(event)
    return calendar.to_ical()
