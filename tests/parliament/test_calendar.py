"""A committee summons' meeting on the minister's and the attendees' calendar feeds, and on no one else's."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from prasan.accounts.models import CalendarFeed
from prasan.parliament.services import change_status

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + dt.timedelta(days=3)
AT = timezone.make_aware(dt.datetime.combine(DAY, dt.time(9, 30)))


def meetings(client, user) -> dict:
    response = client.get(reverse("calendar-feed", args=[CalendarFeed.issue(user).token]))
    assert response.status_code == 200
    return {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")
            if str(e["UID"]).startswith("parliament-meeting-")}


@pytest.fixture
def summons(make_item, users):
    return make_item(kind="committee_summons", number="", subject="งบประมาณอาหารกลางวัน",
                     committee="คณะกรรมาธิการการศึกษา", meeting_at=AT, room="ห้อง 601 อาคารรัฐสภา",
                     attendees=[{"user": users["grouphead"]}, {"name": "ผู้แทน สพฐ."}])


def test_the_meeting_is_on_the_ministers_and_the_attendees_feeds(client, users, summons):
    for name in ("minister", "grouphead"):
        event = meetings(client, users[name])[f"parliament-meeting-{summons.pk}@prasan"]
        assert event.decoded("DTSTART") == AT and event.decoded("DTEND") == AT + dt.timedelta(hours=2)
        assert str(event["SUMMARY"]) == "ประชุมคณะกรรมาธิการการศึกษา: งบประมาณอาหารกลางวัน"
        assert str(event["LOCATION"]) == "ห้อง 601 อาคารรัฐสภา"
        assert str(event["URL"]).endswith(summons.get_absolute_url())
    for name in ("head", "auditor", "outsider"):
        assert meetings(client, users[name]) == {}


def test_a_secret_summons_shows_the_number_alone_and_only_to_the_cleared(client, users, make_item):
    secret = make_item(kind="committee_summons", number="", subject="ชี้แจงเรื่องลับ", committee="คณะกรรมาธิการการทหาร",
                       meeting_at=AT, room="ห้องลับ", by=users["head"], matter_fields={"secrecy": 2},
                       attendees=[{"user": users["uncleared"]}])
    assert meetings(client, users["uncleared"]) == {}
    event = meetings(client, users["minister"])[f"parliament-meeting-{secret.pk}@prasan"]
    assert str(event["SUMMARY"]) == f"ประชุมคณะกรรมาธิการการทหาร: {secret.matter.number}"
    assert "LOCATION" not in event and "ลับ" not in str(event.get("DESCRIPTION", "")).replace(secret.matter.number, "")


def test_a_withdrawn_summons_leaves_the_calendar(client, users, summons):
    change_status(summons, by=users["coordinator"], to="withdrawn")
    assert meetings(client, users["minister"]) == {}
