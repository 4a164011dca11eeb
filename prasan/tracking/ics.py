"""A personal calendar (ICS) of deadlines, milestones, meetings, committee and cabinet meetings, under a secret URL.

The feed is read by calendar apps without a login, so it shows only what its owner may see
(`visible_to`) and, for secret matters, the number alone: no title, no summary.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from prasan.accounts.models import CalendarFeed
from prasan.audit.models import record
from prasan.coordination.models import Activity, Channel
from prasan.matters.access import safe_title, secret_safe
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter, Milestone

# Calendar apps poll often; older items only clutter the feed.
LOOKBACK = dt.timedelta(days=365)
UID_DOMAIN = "prasan"


def _label(matter: Matter) -> str:
    """The matter as the feed names it: number and title, or the number alone if it is secret."""
    return f"{matter.number} {safe_title(matter, '')}".strip()


def feed_items(user, *, today: dt.date | None = None) -> list[dict]:
    """The user's calendar items: one dict per all-day event (uid, day, summary, matter, note)."""
    today = today or timezone.localdate()
    since = today - LOOKBACK
    mine = Matter.objects.assigned_to(user).filter(state__in=OPEN_STATES)
    items = []
    for matter in mine.filter(internal_deadline__gte=since).select_related("office"):
        items.append({
            "uid": f"matter-{matter.pk}-internal-deadline@{UID_DOMAIN}", "day": matter.internal_deadline,
            "summary": f"กำหนดภายใน: {_label(matter)}", "matter": matter, "note": "",
        })
    milestones = Milestone.objects.filter(matter__in=mine, due__gte=since, done_at__isnull=True)
    for milestone in milestones.select_related("matter__office"):
        matter = milestone.matter
        what = secret_safe(matter, f"ขั้นงาน “{milestone.title}”", "ขั้นงาน")
        items.append({
            "uid": f"milestone-{milestone.pk}@{UID_DOMAIN}", "day": milestone.due,
            "summary": f"{what}: {_label(matter)}", "matter": matter, "note": "",
        })
    meetings = Activity.objects.filter(matter__in=mine, channel=Channel.MEETING, next_follow_up__gte=since)
    for activity in meetings.select_related("matter__office"):
        matter = activity.matter
        items.append({
            "uid": f"meeting-{activity.pk}@{UID_DOMAIN}", "day": activity.next_follow_up,
            "summary": f"ประชุม: {_label(matter)}", "matter": matter,
            "note": secret_safe(matter, activity.summary),
        })
    from prasan.parliament.calendar import meetings_for

    items += meetings_for(user, since)  # committee meetings: timed, with their room
    from prasan.cabinet.calendar import meetings_for as cabinet_meetings

    items += cabinet_meetings(user, since)  # cabinet meetings: timed, with their place
    items.sort(key=lambda item: (item["day"], item["uid"]))
    return items


def to_ics(user, absolute_url) -> bytes:
    """The feed as iCalendar bytes; `absolute_url(path)` makes the matter links absolute."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Prasan//ประสาน//TH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"ประสาน — {user.display_name}")
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    stamp = timezone.now()
    for item in feed_items(user):
        url = absolute_url(item.get("url") or item["matter"].get_absolute_url())
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamp)
        if item.get("start"):
            event.add("dtstart", item["start"])
            event.add("dtend", item["end"])
        else:
            event.add("dtstart", item["day"])
            event.add("dtend", item["day"] + dt.timedelta(days=1))
        if item.get("location"):
            event.add("location", item["location"])
        event.add("summary", item["summary"])
        event.add("url", url)
        event.add("description", "\n".join(filter(None, [item["note"], url])))
        event.add("transp", "OPAQUE" if item.get("start") else "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    """A calendar fetched by its secret link: never kept by a shared cache, never indexed."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def feed(request, token: str):
    """No login: the token is the credential. Unknown or revoked → the same 404."""
    user = CalendarFeed.resolve(token)
    if user is None:
        raise Http404
    return ics_response(to_ics(user, request.build_absolute_uri), "prasan.ics")


@dataclass(frozen=True)
class LinkPage:
    """What differs between the pages of the secret calendar links: the link's model (a SecretFeed), its audit
    events' prefix, the page's and the feed's URL names, the template, and what the page says once a link is
    issued or revoked."""

    model: type
    audit: str
    page: str
    feed: str
    template: str
    issued: str
    revoked: str


def link_page(request, link: LinkPage, **context):
    """The page of a person's secret calendar link: show it, issue a new one (the old stops working), revoke it."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            created = link.model.issue(request.user)
            record(request.user, f"{link.audit}.issue", created)
            messages.success(request, link.issued)
        elif action == "revoke":
            if link.model.revoke_all(request.user):
                record(request.user, f"{link.audit}.revoke", ("accounts.user", request.user.pk))
                messages.success(request, link.revoked)
        return redirect(link.page)
    current = link.model.active_for(request.user)
    url = request.build_absolute_uri(reverse(link.feed, args=[current.token])) if current else ""
    return render(request, link.template, {"feed": current, "url": url, **context})


PERSONAL = LinkPage(CalendarFeed, "calendar_feed", "calendar-page", "calendar-feed", "accounts/calendar.html",
                    issued="สร้างลิงก์ปฏิทินใหม่แล้ว ลิงก์เดิม (ถ้ามี) ใช้ไม่ได้อีกต่อไป",
                    revoked="ยกเลิกลิงก์ปฏิทินแล้ว ปฏิทินที่ใช้ลิงก์นี้จะไม่ได้รับข้อมูลอีก")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    return link_page(request, PERSONAL)
