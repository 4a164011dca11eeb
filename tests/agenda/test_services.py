import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prasan.agenda.models import AgendaItem, AgendaTransition
from prasan.agenda.services import (
    GuardFailed,
    WrongStatus,
    change_status,
    create_item,
    overlaps,
    update_item,
)
from prasan.audit.models import AuditEvent
from prasan.matters.choices import Kind, State
from prasan.matters.workflow import NotPermitted

from .conftest import moment

pytestmark = pytest.mark.django_db


def test_an_item_comes_with_its_facilitation_matter(make_item, users, unit):
    item = make_item()
    matter = item.matter
    assert matter.kind == Kind.FACILITATION and matter.duty_type == "other" and matter.source == "incoming_letter"
    assert matter.state == State.RECEIVED and matter.owner_unit == unit
    assert list(matter.assignees.all()) == [users["coordinator"]]
    assert matter.external_deadline == item.day and matter.internal_deadline < item.day
    assert "เยี่ยมชมโรงเรียนบ้านหนองบัว" in matter.title
    assert AgendaTransition.objects.get(item=item).to_status == "invited"
    assert AuditEvent.objects.filter(action="agenda.create", object_id=str(item.pk)).exists()


def test_the_ministers_own_appointment_starts_accepted(make_item):
    item = make_item(invited_by="", status="accepted")
    assert item.status == "accepted"
    item.matter.refresh_from_db()
    assert item.matter.state == State.COORDINATING and item.matter.source == "verbal_command"


def test_bad_input_is_refused_by_field_and_nothing_is_saved(office, users):
    with pytest.raises(ValidationError) as caught:
        create_item(office=office, by=users["coordinator"], fields={
            "title": "ประชุม", "starts_at": moment(1, 10), "ends_at": moment(1, 9), "colour": "red"})
    assert set(caught.value.message_dict) == {"colour"}
    with pytest.raises(ValidationError) as caught:
        create_item(office=office, by=users["coordinator"], fields={
            "title": "ประชุม", "starts_at": moment(1, 10), "ends_at": moment(1, 9)})
    assert "ends_at" in caught.value.message_dict
    with pytest.raises(ValidationError):
        create_item(office=office, by=users["coordinator"], status="done", fields={
            "title": "ประชุม", "starts_at": moment(1, 9), "ends_at": moment(1, 10)})
    assert not AgendaItem.objects.exists()


def test_the_path_to_done_moves_the_matter_and_is_recorded(make_item, users):
    item = make_item(days=0, hour=0)
    by = users["coordinator"]
    change_status(item, "accepted", by=by)
    assert item.matter.state == State.COORDINATING
    with pytest.raises(GuardFailed, match="กำหนดการ"):
        change_status(item, "prepared", by=by)
    update_item(item, by=by, fields={"programme": "09.00 น. เดินทางถึง\n09.30 น. พิธีเปิด", "dress": "ชุดสุภาพ"})
    change_status(item, "prepared", by=by)
    change_status(item, "done", by=by, note="เรียบร้อย")
    item.refresh_from_db()
    item.matter.refresh_from_db()
    assert item.status == "done" and item.matter.state == State.CLOSED
    assert list(item.transitions.values_list("from_status", "to_status")) == [
        ("", "invited"), ("invited", "accepted"), ("accepted", "prepared"), ("prepared", "done")]
    assert item.transitions.last().by == by
    assert AuditEvent.objects.filter(action="agenda.status", object_id=str(item.pk)).count() == 3
    with pytest.raises(WrongStatus):
        change_status(item, "cancelled", by=by, note="x")


def test_done_before_it_starts_is_refused(make_item, users):
    item = make_item(days=3, status="accepted")
    with pytest.raises(GuardFailed, match="ยังไม่ถึงเวลา"):
        change_status(item, "done", by=users["coordinator"])


def test_delegation_names_the_delegate_and_cancel_needs_a_reason(make_item, users):
    item = make_item()
    with pytest.raises(GuardFailed):
        change_status(item, "delegated", by=users["coordinator"])
    change_status(item, "delegated", by=users["coordinator"], delegated_to="รมช.ศธ.")
    assert item.delegated_to == "รมช.ศธ." and item.matter.state == State.COORDINATING
    with pytest.raises(GuardFailed):
        change_status(item, "cancelled", by=users["coordinator"])
    change_status(item, "cancelled", by=users["coordinator"], note="ผู้เชิญเลื่อนงาน")
    item.matter.refresh_from_db()
    assert item.matter.state == State.CLOSED


def test_declining_closes_the_matter_with_the_result(make_item, users):
    item = make_item()
    change_status(item, "declined", by=users["coordinator"], note="ติดประชุม ครม.")
    item.matter.refresh_from_db()
    assert item.matter.state == State.CLOSED
    assert item.matter.transitions.last().message == "ตอบปฏิเสธคำเชิญ: ติดประชุม ครม."


def test_who_may_move_it_is_the_matters_rule(make_item, users):
    item = make_item()
    with pytest.raises(NotPermitted):
        change_status(item, "accepted", by=users["outsider"])
    item.refresh_from_db()
    assert item.status == "invited"


def test_an_overlap_is_a_warning_naming_what_one_may_see(make_item, users):
    first = make_item(hour=9, hours=2)
    secret = make_item(hour=10, hours=1, title="พบเอกอัครราชทูต", matter_fields={"secrecy": 3},
                       by=users["head"])
    make_item(hour=13, hours=1, title="ไม่ชน")
    delegated = make_item(hour=9, hours=1, title="มอบผู้แทน")
    change_status(delegated, "delegated", by=users["coordinator"], delegated_to="รมช.")
    start = first.starts_at + dt.timedelta(minutes=30)
    found = overlaps(office=first.office, starts_at=start, ends_at=start + dt.timedelta(hours=1),
                     user=users["coordinator"])
    # The secret one is not mentioned to whom may not see it, not even counted.
    assert [i.pk for i in found.shown] == [first.pk]
    assert "พบเอกอัครราชทูต" not in found.message and "เยี่ยมชมโรงเรียนบ้านหนองบัว" in found.message
    seen_by_head = overlaps(office=first.office, starts_at=start, ends_at=start + dt.timedelta(hours=1),
                            user=users["head"], exclude=first.pk)
    assert [i.pk for i in seen_by_head.shown] == [secret.pk]
    assert not overlaps(office=first.office, starts_at=start, ends_at=start + dt.timedelta(hours=1),
                        user=users["head"], status="delegated")


def test_visible_to_follows_the_matters_rule(make_item, users):
    normal = make_item()
    secret = make_item(matter_fields={"secrecy": 2}, by=users["head"])
    assert set(AgendaItem.objects.visible_to(users["coordinator"])) == {normal}
    assert set(AgendaItem.objects.visible_to(users["minister"])) == {normal, secret}
    assert timezone.is_aware(secret.starts_at)
