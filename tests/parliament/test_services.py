import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from prasan.audit.models import AuditEvent
from prasan.matters.models import Matter
from prasan.parliament.models import DeadlineRule, Item, StatusChange
from prasan.parliament.services import change_status, create_item, update_item
from prasan.parliament.statuses import StatusRefused
from prasan.tracking.calendar import add_working_days

pytestmark = pytest.mark.django_db


def test_it_creates_the_item_with_a_parliament_matter(make_item, users, unit, session):
    item = make_item()
    matter = item.matter
    assert matter.duty_type == "parliament" and matter.source == "parliament"
    assert matter.title == "กระทู้ถามเป็นหนังสือที่ 157 ร. เรื่อง การบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน"
    assert matter.owner_unit == unit and list(matter.assignees.all()) == [users["coordinator"]]
    assert item.session == session and item.status == "received"
    assert list(StatusChange.objects.filter(item=item).values_list("to_status", flat=True)) == ["received"]
    assert AuditEvent.objects.filter(action="parliament_item.create", object_id=str(item.pk)).exists()


def test_the_office_rule_sets_the_due_date_in_working_days(make_item):
    today = dt.date.today()
    item = make_item(received_on=today)
    assert item.due_on == add_working_days(today, 15)
    assert "15 วันทำการนับจากวันรับเรื่อง" in item.due_basis
    assert item.matter.external_deadline == item.due_on
    assert item.matter.internal_deadline == add_working_days(item.due_on, -1)


def test_the_letters_own_date_wins_over_the_rule(make_item):
    today = dt.date.today()
    item = make_item(letter_deadline=today + dt.timedelta(days=4))
    assert item.due_on == today + dt.timedelta(days=4) and item.due_basis == "ตามกำหนดในหนังสือ"


def test_a_rule_before_the_sitting_counts_back_from_it(make_item):
    sitting = dt.date.today() + dt.timedelta(days=9)
    item = make_item(kind="general_question", sitting_on=sitting)
    assert item.due_on == add_working_days(sitting, -2)


def test_the_rule_is_data_the_office_edits(make_item):
    DeadlineRule.objects.filter(kind="motion").update(working_days=5)
    today = dt.date.today()
    assert make_item(kind="motion", number="").due_on == add_working_days(today, 5)


def test_bad_input_is_refused_by_field_in_thai_and_nothing_is_saved(make_item, session):
    today = dt.date.today()
    with pytest.raises(ValidationError) as caught:
        make_item(received_on=today, letter_deadline=today - dt.timedelta(days=1),
                  sitting_on=session.ends_on + dt.timedelta(days=1))
    errors = caught.value.message_dict
    assert "ต้องไม่อยู่ก่อนวันรับเรื่อง" in errors["letter_deadline"][0]
    assert "อยู่นอก" in errors["sitting_on"][0]
    with pytest.raises(ValidationError) as caught:
        make_item(kind="interpellation")
    assert "ไม่รู้จักประเภท" in caught.value.message_dict["kind"][0]
    with pytest.raises(ValidationError) as caught:
        make_item(colour="แดง")
    assert caught.value.message_dict["colour"] == ["ไม่รู้จักช่องนี้"]
    assert not Item.objects.exists() and not Matter.objects.exists()


def test_extract_names_and_iso_strings_are_understood(office, users, session):
    today = dt.date.today()
    item = create_item(office=office, by=users["registrar"], kind="committee_summons", fields={
        "subject": "การจัดสรรงบประมาณอาหารกลางวัน", "house": "house", "committee": "คณะกรรมาธิการการศึกษา",
        "meeting_at": f"{today + dt.timedelta(days=3)}T09:30:00+07:00", "place": "ห้อง 601 อาคารรัฐสภา",
        "names_by": (today + dt.timedelta(days=1)).isoformat(), "asker": ""})
    assert item.room == "ห้อง 601 อาคารรัฐสภา" and item.sitting_on == today + dt.timedelta(days=3)
    assert item.names_by == today + dt.timedelta(days=1)
    assert list(item.matter.assignees.all()) == []  # a registrar records; it is not theirs to work


def test_an_existing_matter_takes_the_item_once(make_item, make_matter):
    matter = make_matter(duty_type="parliament", source="incoming_letter")
    item = make_item(matter=matter)
    assert item.matter == matter and Matter.objects.count() == 1
    with pytest.raises(ValidationError):
        make_item(matter=matter, number="158 ร.")


def test_a_number_used_in_the_same_session_and_house_is_found_however_written(make_item):
    first = make_item(number="157 ร.")
    second = make_item(number="๑๕๗ ร")
    other_house = make_item(number="157 ร.", house="senate")
    assert list(second.duplicates()) == [first]
    assert set(other_house.duplicates()) == set()


def test_the_status_follows_its_path_and_each_move_is_kept(make_item, users):
    item = make_item()
    for to in ("assigned", "information_requested", "answer_drafted", "approved", "answered"):
        change_status(item, by=users["coordinator"], to=to)
    assert item.status == "answered" and item.answered_on == dt.date.today()
    assert StatusChange.objects.filter(item=item).count() == 6
    assert AuditEvent.objects.filter(action="parliament_item.status", object_id=str(item.pk)).count() == 5
    with pytest.raises(StatusRefused):
        change_status(item, by=users["coordinator"], to="assigned")


def test_a_move_off_the_path_is_refused_in_thai(make_item, users):
    item = make_item()
    with pytest.raises(StatusRefused, match="เปลี่ยนจาก “รับเรื่อง” เป็น “รัฐมนตรีเห็นชอบแล้ว” ไม่ได้"):
        change_status(item, by=users["coordinator"], to="approved")


def test_a_postponement_counts_moves_the_date_and_the_deadlines(make_item, users, session):
    sitting = dt.date.today() + dt.timedelta(days=2)
    item = make_item(kind="general_question", sitting_on=sitting)
    with pytest.raises(StatusRefused, match="ต้องระบุวัน"):
        change_status(item, by=users["coordinator"], to="postponed")
    later = dt.date.today() + dt.timedelta(days=9)
    change_status(item, by=users["coordinator"], to="postponed", new_date=later, note="รัฐมนตรีติดภารกิจ")
    item.refresh_from_db()
    assert item.postponements == 1 and item.sitting_on == later and item.due_on == add_working_days(later, -2)
    assert item.matter.external_deadline == item.due_on
    assert item.matter.transitions.filter(event="deadline_changed").exists()


def test_an_edit_is_audited_field_by_field(make_item, users):
    item = make_item()
    changes = update_item(item, by=users["coordinator"], fields={"asker_province": "มหาสารคาม"})
    assert changes == {"asker_province": {"from": "ขอนแก่น", "to": "มหาสารคาม"}}
    assert AuditEvent.objects.filter(action="parliament_item.edit", object_id=str(item.pk)).exists()


def test_the_audit_log_keeps_a_secret_items_edit_from_the_admin(login, make_item, users):
    from django.urls import reverse

    item = make_item(matter_fields={"secrecy": 2}, by=users["grouphead"])
    update_item(item, by=users["grouphead"], fields={"subject": "แผนลับเรื่องครู"})
    event = AuditEvent.objects.get(action="parliament_item.edit", object_id=str(item.pk))
    page = login(users["admin"]).get(reverse("admin:audit_auditevent_change", args=[event.pk])).content.decode()
    assert "ซ่อนรายละเอียด" in page and "แผนลับเรื่องครู" not in page


def test_the_demo_office_keeps_a_session_with_items_of_every_kind():
    import io

    from django.core.management import call_command

    from prasan.parliament.choices import ItemKind, Status

    call_command("demo", matters=12, stdout=io.StringIO())
    kinds = set(Item.objects.values_list("kind", flat=True))
    assert kinds == set(ItemKind.values)
    statuses = set(Item.objects.values_list("status", flat=True))
    assert {Status.ANSWERED, Status.POSTPONED, Status.LAPSED, Status.RECEIVED} <= statuses
    summons = Item.objects.get(kind="committee_summons")
    assert summons.attendees.filter(user__username="minister").exists()
