"""An engagement moved to another day takes its facilitation matter's deadlines along where they were the
engagement's own; a deadline set by hand, a closed matter and the linked matters keep theirs."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.agenda.services import change_status, deadlines, update_item
from prasan.audit.models import AuditEvent
from prasan.matters.choices import OPEN_STATES

from .conftest import moment

pytestmark = pytest.mark.django_db


def moved(item, by, days: int):
    return update_item(item, by=by, fields={"starts_at": moment(days, 9), "ends_at": moment(days, 11)})


def day(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def test_the_matter_deadlines_follow_the_engagement(make_item, users):
    item = make_item(days=10)
    changes = moved(item, users["coordinator"], 20)
    item.matter.refresh_from_db()
    assert (item.matter.external_deadline, item.matter.internal_deadline) == deadlines(day(20))
    assert changes["matter_deadlines"]["external_deadline"] == {"from": day(10).isoformat(), "to": day(20).isoformat()}
    event = AuditEvent.objects.filter(action="agenda.edit", object_id=str(item.pk)).last()
    assert "matter_deadlines" in event.data["changes"]


def test_a_deadline_set_by_hand_stays(make_item, users):
    item = make_item(days=10)
    matter = item.matter
    matter.internal_deadline = day(3)  # the office wants it ready early
    matter.save(update_fields=["internal_deadline"])
    moved(item, users["coordinator"], 20)
    matter.refresh_from_db()
    assert matter.external_deadline == day(20) and matter.internal_deadline == day(3)

    matter.external_deadline = day(25)  # now the external one too
    matter.save(update_fields=["external_deadline"])
    assert "matter_deadlines" not in moved(item, users["coordinator"], 30)
    matter.refresh_from_db()
    assert (matter.external_deadline, matter.internal_deadline) == (day(25), day(3))


def test_an_earlier_day_keeps_the_internal_target_before_a_kept_external(make_item, users):
    item = make_item(days=10)
    matter = item.matter
    matter.external_deadline = day(12)  # set by hand
    matter.save(update_fields=["external_deadline"])
    moved(item, users["coordinator"], 20)
    matter.refresh_from_db()
    assert matter.external_deadline == day(12) and matter.internal_deadline == day(12)


def test_closed_and_linked_matters_keep_their_deadlines(make_item, make_matter, users):
    linked = make_matter(title="ข้อมูลประกอบการเยี่ยมชม", external_deadline=day(10))
    item = make_item(days=10, linked=[linked])
    moved(item, users["coordinator"], 20)
    linked.refresh_from_db()
    assert linked.external_deadline == day(10)

    declined = make_item(days=10, title="งานที่ปฏิเสธ")
    change_status(declined, "declined", by=users["coordinator"], note="ติดภารกิจ")
    declined.matter.refresh_from_db()
    assert declined.matter.state not in OPEN_STATES
    before = (declined.matter.external_deadline, declined.matter.internal_deadline)
    moved(declined, users["coordinator"], 20)
    declined.matter.refresh_from_db()
    assert (declined.matter.external_deadline, declined.matter.internal_deadline) == before


def test_the_edit_page_says_the_deadlines_moved(make_item, login, users):
    from .test_pages import form_data

    item = make_item(days=10)
    new = day(17)
    data = form_data(title=item.title, kind=item.kind, place=item.place, invited_by=item.invited_by,
                     day=f"{new.day}/{new.month}/{new.year + 543}", start="09.00", end="11.00")
    for name in ("first_status", "urgency", "secrecy"):
        data.pop(name)
    response = login(users["coordinator"]).post(reverse("agenda-edit", args=[item.pk]), data, follow=True)
    assert "กำหนดของเรื่องอำนวยความสะดวกเลื่อนตามวันของกำหนดการแล้ว" in response.content.decode()
    item.matter.refresh_from_db()
    assert item.matter.external_deadline == new
