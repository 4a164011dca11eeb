import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.complaints import services
from prasan.complaints.models import Category, Complaint
from prasan.tracking.calendar import WorkingCalendar


def test_filing_makes_a_complaint_matter_with_its_clock(make_complaint, office):
    complaint = make_complaint()
    matter = complaint.matter
    assert matter.duty_type == "complaint" and matter.source == "complaint"
    assert complaint.number == matter.number
    received = timezone.localdate()
    calendar = WorkingCalendar()
    assert complaint.ack_due == calendar.add_working_days(received, 3)
    assert complaint.answer_due == calendar.add_working_days(received, 15)
    assert (matter.internal_deadline, matter.external_deadline) == (complaint.ack_due, complaint.answer_due)
    assert AuditEvent.objects.filter(action="complaint.create", object_id=str(complaint.pk)).exists()
    # The matter (its title, description: lists, search, mail) holds no name or contact of the complainant.
    for text in (matter.title, matter.description):
        assert "สมหญิง" not in text and "081" not in text


def test_the_status_code_is_shown_once_and_kept_hashed(make_complaint):
    complaint = make_complaint()
    code = complaint.public_code
    stored = Complaint.objects.get(pk=complaint.pk)
    assert code.replace("-", "") not in stored.public_code_hash
    assert services.find_by_public(complaint.number, code.lower()).pk == complaint.pk
    assert services.find_by_public(complaint.number, "00000-00000") is None
    assert services.find_by_public("สร 99999/2569", code) is None
    assert services.find_by_public("", "") is None


def test_an_anonymous_complaint_without_contact_is_accepted(make_complaint):
    complaint = make_complaint(complainant={"anonymous": True})
    assert complaint.anonymous and not complaint.has_contact


def test_bad_input_is_refused_in_thai_and_nothing_is_saved(make_complaint, office, users):
    with pytest.raises(ValidationError) as error:
        services.file_complaint(office, channel="fax", subject="", by=users["coordinator"])
    assert set(error.value.message_dict) == {"channel", "subject"}
    with pytest.raises(ValidationError) as error:
        make_complaint(complainant={"name": "ก", "email": "not-an-email"})
    assert "complainant_email" in error.value.message_dict
    with pytest.raises(ValidationError):
        make_complaint(complainant={"nickname": "x"})
    assert not Complaint.objects.exists()


def test_a_channel_reference_is_taken_once(make_complaint):
    make_complaint(channel="hotline_1111", channel_ref="1111-6900123")
    with pytest.raises(ValidationError) as error:
        make_complaint(channel="hotline_1111", channel_ref="1111-6900123")
    assert "channel_ref" in error.value.message_dict


def test_default_categories_are_seeded_and_found_by_name(make_complaint, office):
    complaint = make_complaint(category="อาคารสถานที่และความปลอดภัย")
    assert complaint.category.name == "อาคารสถานที่และความปลอดภัย"
    assert Category.objects.filter(office=office).count() >= 10
    with pytest.raises(ValidationError):
        make_complaint(category="ไม่มีประเภทนี้")


def test_pausing_needs_a_reason_and_resuming_moves_the_dates(make_complaint, users):
    complaint = make_complaint()
    with pytest.raises(ValidationError):
        services.pause(complaint, by=users["coordinator"], reason=" ")
    services.pause(complaint, by=users["coordinator"], reason="รอเอกสารเพิ่มเติมจากผู้ร้อง")
    complaint.refresh_from_db()
    assert complaint.is_paused and complaint.matter.external_deadline is None
    before = complaint.answer_due
    stop = complaint.pauses.get()
    stop.started_on -= dt.timedelta(days=7)  # it stood a week
    stop.save()
    services.resume(complaint, by=users["coordinator"])
    complaint.refresh_from_db()
    assert complaint.answer_due > before and complaint.matter.external_deadline == complaint.answer_due
    assert complaint.pauses.get().working_days >= 4
