"""Cabinet meetings on the minister's feed and on the feeds of those preparing an item; never a secret title."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from prasan.accounts.models import CalendarFeed
from prasan.cabinet.services import update_meeting

from .conftest import moment

pytestmark = pytest.mark.django_db


def meetings(client, user) -> dict:
    response = client.get(reverse("calendar-feed", args=[CalendarFeed.issue(user).token]))
    assert response.status_code == 200
    return {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")
            if str(e["UID"]).startswith("cabinet-meeting-")}


def test_the_meeting_is_on_the_ministers_and_the_item_assignees_feeds(client, users, make_meeting, make_agenda):
    meeting = make_meeting(days=4, location="offsite", province="ขอนแก่น")
    make_agenda(meeting=meeting, subject="แผนลับ", by=users["grouphead"], matter_fields={"secrecy": 2,
                                                                                         "assignees": [users["grouphead"]]})
    uid = f"cabinet-meeting-{meeting.pk}@prasan"
    for name in ("minister", "grouphead"):
        event = meetings(client, users[name])[uid]
        assert event.decoded("DTSTART") == moment(4) and event.decoded("DTEND") == moment(4) + dt.timedelta(hours=3)
        assert str(event["SUMMARY"]) == "ประชุมคณะรัฐมนตรี ครั้งที่ 12/2569"
        assert str(event["LOCATION"]) == "ครม. นอกสถานที่ จังหวัดขอนแก่น"
        assert "แผนลับ" not in event.to_ical().decode()
    for name in ("coordinator", "auditor", "outsider", "uncleared"):
        assert meetings(client, users[name]) == {}


def test_a_cancelled_meeting_leaves_the_calendar(client, users, make_meeting):
    meeting = make_meeting()
    update_meeting(meeting, by=users["head"], fields={"status": "cancelled"})
    assert meetings(client, users["minister"]) == {}
