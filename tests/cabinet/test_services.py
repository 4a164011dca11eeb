"""Recording meetings and agenda items: each item's matter, the resolution, and its one follow-up matter."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.cabinet import services
from prasan.matters.models import Matter

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_an_offsite_meeting_needs_a_known_province(make_meeting):
    with pytest.raises(ValidationError) as refused:
        make_meeting(location="offsite")
    assert "ต้องระบุจังหวัด" in refused.value.message_dict["province"][0]
    with pytest.raises(ValidationError) as refused:
        make_meeting(location="offsite", province="ขอนแกน")
    assert "ไม่รู้จักจังหวัด" in refused.value.message_dict["province"][0]
    meeting = make_meeting(location="offsite", province="จังหวัดขอนแก่น", venue="ศาลากลางจังหวัด")
    assert meeting.province == "ขอนแก่น" and meeting.place == "ครม. นอกสถานที่ จังหวัดขอนแก่น (ศาลากลางจังหวัด)"
    assert AuditEvent.objects.filter(action="cabinet_meeting.create", object_id=str(meeting.pk)).exists()


def test_a_new_item_makes_a_political_support_matter_due_before_the_meeting(make_agenda, users):
    item = make_agenda()
    matter = item.matter
    assert matter.duty_type == "political_support" and matter.source == "cabinet"
    assert matter.get_source_display() == "คณะรัฐมนตรี (มติ ครม./หนังสือ สลค.)"
    assert matter.external_deadline == item.meeting.day and matter.internal_deadline < item.meeting.day
    assert list(matter.assignees.all()) == [users["coordinator"]]
    assert AuditEvent.objects.filter(action="matter.create", object_id=str(matter.pk)).exists()
    assert AuditEvent.objects.filter(action="cabinet_agenda.create", object_id=str(item.pk)).exists()


def test_an_item_from_a_slk_letter_needs_its_number_and_may_join_an_existing_matter(make_agenda, make_matter):
    with pytest.raises(ValidationError) as refused:
        make_agenda(source="slk_letter")
    assert "letter_number" in refused.value.message_dict and not Matter.objects.exists()
    existing = make_matter(duty_type="political_support")
    item = make_agenda(source="slk_letter", letter_number="นร 0505/ว 123", letter_date=TODAY, matter=existing)
    assert item.matter == existing and Matter.objects.count() == 1
    with pytest.raises(ValidationError):
        make_agenda(meeting=item.meeting, matter=existing)  # the same matter twice on one agenda


def test_the_resolution_is_dated_not_before_the_meeting_and_audited(make_agenda, users):
    item = make_agenda()
    with pytest.raises(ValidationError) as refused:
        services.record_resolution(item, by=users["coordinator"], resolution="อนุมัติ", resolved_on=TODAY)
    assert "ต้องไม่อยู่ก่อนวันประชุม" in refused.value.message_dict["resolved_on"][0]
    services.record_resolution(item, by=users["coordinator"], resolution="อนุมัติตามที่กระทรวงเสนอ",
                               resolved_on=item.meeting.day)
    item.refresh_from_db()
    assert item.resolution == "อนุมัติตามที่กระทรวงเสนอ"
    assert AuditEvent.objects.filter(action="cabinet_agenda.resolution", object_id=str(item.pk)).exists()
    # A resolution means the meeting was held: marked so with it, not by a second edit.
    assert item.meeting.status == "held"
    assert AuditEvent.objects.filter(action="cabinet_meeting.edit", object_id=str(item.meeting_id)).exists()


def test_the_followup_is_made_once_as_a_child_policy_followup_matter(make_agenda, make_meeting, users):
    item = make_agenda(meeting=make_meeting(days=-7), matter_fields={"secrecy": 1})
    with pytest.raises(services.NoResolution):
        services.create_followup(item, by=users["coordinator"])
    services.record_resolution(item, by=users["coordinator"], resolution="อนุมัติ ให้รายงานผลภายใน ๖ เดือน",
                               resolved_on=item.meeting.day)
    followup = services.create_followup(item, by=users["coordinator"])
    assert followup.duty_type == "policy_followup" and followup.parent == item.matter
    assert followup.source == "cabinet"  # it came from the cabinet's resolution
    assert followup.secrecy == 1 and followup.owner_unit == item.matter.owner_unit
    assert "อนุมัติ ให้รายงานผลภายใน ๖ เดือน" in followup.description and "ติดตามมติคณะรัฐมนตรี" in followup.title
    with pytest.raises(services.FollowupExists) as again:
        services.create_followup(item, by=users["coordinator"])
    assert again.value.matter == followup
    assert Matter.objects.filter(duty_type="policy_followup").count() == 1
    assert AuditEvent.objects.filter(action="cabinet_agenda.followup").count() == 1


def test_managed_fields_cannot_be_set_from_outside(make_meeting, users):
    meeting = make_meeting()
    with pytest.raises(ValidationError) as refused:
        services.add_item(meeting, by=users["coordinator"], fields={"subject": "x", "resolution": "อนุมัติ",
                                                                      "colour": "red"})
    assert set(refused.value.message_dict) == {"resolution", "colour"}


def test_a_moved_meeting_is_audited_with_its_changes(make_meeting, users):
    meeting = make_meeting()
    new_time = meeting.meets_at + dt.timedelta(days=1)
    changes = services.update_meeting(meeting, by=users["head"], fields={"meets_at": new_time, "status": "scheduled"})
    assert set(changes) == {"meets_at"}
    assert AuditEvent.objects.filter(action="cabinet_meeting.edit", object_id=str(meeting.pk)).exists()


def test_followups_made_before_the_cabinet_source_are_marked_as_from_the_cabinet(make_agenda, make_matter, users):
    import importlib

    from django.apps import apps

    item = make_agenda()
    services.record_resolution(item, by=users["coordinator"], resolution="อนุมัติ", resolved_on=item.meeting.day)
    followup = services.create_followup(item, by=users["coordinator"])
    Matter.objects.filter(pk=followup.pk).update(source="policy")  # as such a matter was made before
    unrelated = make_matter(duty_type="policy_followup", source="policy")
    importlib.import_module("prasan.cabinet.migrations.0002_followups_from_the_cabinet").forwards(apps, None)
    assert Matter.objects.get(pk=followup.pk).source == "cabinet"
    assert Matter.objects.get(pk=unrelated.pk).source == "policy"
