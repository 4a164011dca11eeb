"""The personal ICS feed: what it holds, what it hides, and its secret, revocable URL."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from prasan.accounts.models import CalendarFeed
from prasan.audit.models import AuditEvent
from prasan.coordination.models import Activity
from prasan.matters.models import Matter, Milestone

SOON = timezone.localdate() + dt.timedelta(days=10)


def fetch(client, feed: CalendarFeed):
    return client.get(reverse("calendar-feed", args=[feed.token]))


def events(response) -> dict[str, object]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def feed(users):
    return CalendarFeed.issue(users["coordinator"])


def test_it_lists_internal_deadlines_milestones_and_meetings(make_matter, users, feed, client):
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย", internal_deadline=SOON)
    Milestone.objects.create(matter=matter, title="ได้รับข้อมูลจาก สพฐ.", due=SOON + dt.timedelta(days=2))
    meeting = Activity.objects.create(matter=matter, channel="meeting", summary="ประชุมร่วมกับ สพฐ.",
                                      next_follow_up=SOON + dt.timedelta(days=3), by=users["coordinator"])
    found = events(fetch(client, feed))
    deadline = found[f"matter-{matter.pk}-internal-deadline@prasan"]
    assert str(deadline["SUMMARY"]) == f"กำหนดภายใน: {matter.number} ขอข้อมูลครูผู้ช่วย"
    assert deadline.decoded("DTSTART") == SOON and not isinstance(deadline.decoded("DTSTART"), dt.datetime)
    assert deadline.decoded("DTEND") == SOON + dt.timedelta(days=1)
    assert str(deadline["URL"]) == f"http://testserver/matters/{matter.pk}/"
    milestone = next(e for uid, e in found.items() if uid.startswith("milestone-"))
    assert "ได้รับข้อมูลจาก สพฐ." in str(milestone["SUMMARY"]) and matter.number in str(milestone["SUMMARY"])
    assert found[f"meeting-{meeting.pk}@prasan"].decoded("DTSTART") == SOON + dt.timedelta(days=3)
    assert "ประชุมร่วมกับ สพฐ." in str(found[f"meeting-{meeting.pk}@prasan"]["DESCRIPTION"])


def test_uids_are_stable_between_fetches(make_matter, feed, client):
    make_matter(internal_deadline=SOON)
    assert set(events(fetch(client, feed))) == set(events(fetch(client, feed)))


def test_it_leaves_out_closed_unassigned_done_and_other_channels(make_matter, users, feed, client):
    closed = make_matter(title="ปิดแล้ว", internal_deadline=SOON)
    Matter.objects.filter(pk=closed.pk).update(state="closed")
    make_matter(title="ของคนอื่น", internal_deadline=SOON, assignees=[users["outsider"]])
    mine = make_matter(title="ของฉัน")
    Milestone.objects.create(matter=mine, title="เสร็จแล้ว", due=SOON, done_at=timezone.now())
    Activity.objects.create(matter=mine, channel="phone", summary="โทรตาม", next_follow_up=SOON)
    assert events(fetch(client, feed)) == {}


def test_a_secret_matter_shows_its_number_only(make_matter, feed, client):
    matter = make_matter(title="ลับ: การสอบสวนผู้บริหาร", internal_deadline=SOON, secrecy=1)
    Milestone.objects.create(matter=matter, title="สอบปากคำพยาน", due=SOON)
    Activity.objects.create(matter=matter, channel="meeting", summary="ประชุมคณะกรรมการสอบสวน", next_follow_up=SOON)
    response = fetch(client, feed)
    text = response.content.decode()
    assert "การสอบสวน" not in text and "สอบปากคำ" not in text and "คณะกรรมการสอบสวน" not in text
    assert str(events(response)[f"matter-{matter.pk}-internal-deadline@prasan"]["SUMMARY"]) == (
        f"กำหนดภายใน: {matter.number}"
    )


def test_a_matter_above_the_owners_clearance_is_not_in_the_feed(make_matter, users, client):
    make_matter(title="ลับมาก", internal_deadline=SOON, secrecy=2)  # coordinator holds ลับ only
    make_matter(title="ลับ", internal_deadline=SOON, secrecy=1, assignees=[users["uncleared"]])
    assert events(fetch(client, CalendarFeed.issue(users["coordinator"]))) == {}
    assert events(fetch(client, CalendarFeed.issue(users["uncleared"]))) == {}


def test_a_revoked_or_unknown_token_is_404(feed, client, users):
    assert fetch(client, feed).status_code == 200
    CalendarFeed.revoke_all(users["coordinator"])
    assert fetch(client, feed).status_code == 404
    assert client.get(reverse("calendar-feed", args=["no-such-token"])).status_code == 404


def test_an_inactive_owner_makes_the_feed_404(feed, client, users):
    users["coordinator"].is_active = False
    users["coordinator"].save()
    assert fetch(client, feed).status_code == 404


def test_tokens_are_long_and_random(users):
    first, second = CalendarFeed.issue(users["head"]), CalendarFeed.issue(users["head"])
    assert len(first.token) >= 43 and first.token != second.token


def test_the_page_creates_shows_and_revokes_the_url(login, users, client):
    page = login(users["coordinator"])
    assert "ยังไม่มีลิงก์ปฏิทิน" in page.get(reverse("calendar-page")).content.decode()
    page.post(reverse("calendar-page"), {"action": "create"})
    first = CalendarFeed.active_for(users["coordinator"])
    url = f"http://testserver/tracking/calendar/{first.token}.ics"
    assert url in page.get(reverse("calendar-page")).content.decode()
    page.post(reverse("calendar-page"), {"action": "create"})
    second = CalendarFeed.active_for(users["coordinator"])
    assert second.token != first.token
    assert fetch(client, first).status_code == 404  # a new link retires the old one
    page.post(reverse("calendar-page"), {"action": "revoke"})
    assert fetch(client, second).status_code == 404
    assert CalendarFeed.active_for(users["coordinator"]) is None
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"calendar_feed.issue", "calendar_feed.revoke"} <= actions


def test_the_page_acts_only_on_the_callers_own_feed(login, users, client):
    others = CalendarFeed.issue(users["outsider"])
    page = login(users["coordinator"])
    page.post(reverse("calendar-page"), {"action": "revoke"})
    assert others.token not in page.get(reverse("calendar-page")).content.decode()
    client.logout()
    assert fetch(client, others).status_code == 200


@pytest.mark.parametrize("role", ["coordinator", "head", "auditor", "uncleared"])
def test_every_signed_in_role_has_the_page(login, users, role):
    assert login(users[role]).get(reverse("calendar-page")).status_code == 200


def test_anonymous_goes_to_login_for_the_page(client, db):
    response = client.get(reverse("calendar-page"))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.post(reverse("calendar-page"), {"action": "create"}).status_code == 302
    assert not CalendarFeed.objects.exists()
