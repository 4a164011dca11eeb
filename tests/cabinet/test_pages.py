"""The cabinet pages: the meeting list, a meeting with its agenda, recording meetings and items, the resolution
and its follow-up — as the right role, a wrong role, a user without clearance and an anonymous caller."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.cabinet.models import AgendaItem, Meeting
from prasan.cabinet.services import record_resolution
from prasan.matters.models import Matter

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def meeting_data(**extra):
    day = TODAY + dt.timedelta(days=5)
    data = {"meets_at_0": be(day), "meets_at_1": "09.00", "number": "15/2569", "location": "government_house",
            "province": "", "venue": "ตึกสันติไมตรี", "note": ""}
    data.update(extra)
    return data


def item_data(**extra):
    data = {"order": "4.1", "subject": "ขออนุมัติงบกลางซ่อมแซมอาคารเรียน", "kind": "proposal", "source": "entered",
            "letter_number": "", "letter_date": "", "summary": "", "briefing_points": "จำนวนโรงเรียนที่ได้รับผลกระทบ",
            "matter_number": "", "urgency": "normal", "secrecy": "0"}
    data.update(extra)
    return data


# ---- the list --------------------------------------------------------------------------------------------

def test_the_list_puts_upcoming_meetings_first_paged_with_few_queries(login, users, make_meeting, make_agenda,
                                                                      django_assert_max_num_queries):
    for n in range(12):
        make_meeting(days=-30 - n, number=f"อดีต{n:02d}")
    for n in range(12):
        make_meeting(days=1 + n, number=f"ถัดไป{n:02d}")
    make_agenda(meeting=Meeting.objects.get(number="ถัดไป00"))
    client = login(users["coordinator"])
    with django_assert_max_num_queries(10):
        page = client.get(reverse("cabinet-list")).content.decode()
    assert "พบ 24 การประชุม" in page and "หน้า 1 จาก 2" in page
    order = [page.index(f"ถัดไป{n:02d}") for n in range(12)] + [page.index(f"อดีต{n:02d}") for n in range(8)]
    assert order == sorted(order) and "อดีต10" not in page  # soonest first, then the latest past ones
    assert "1 เรื่อง" in page
    second = client.get(reverse("cabinet-list"), {"page": 2}).content.decode()
    assert "อดีต11" in second and "ถัดไป00" not in second


def test_the_pages_ask_for_a_login(client, make_agenda):
    item = make_agenda()
    for url in (reverse("cabinet-list"), reverse("cabinet-new"), reverse("cabinet-meeting", args=[item.meeting_id]),
                reverse("cabinet-agenda", args=[item.pk]), reverse("cabinet-agenda-new", args=[item.meeting_id])):
        assert client.get(url).status_code == 302
    assert client.post(reverse("cabinet-followup", args=[item.pk])).status_code == 302
    assert not Matter.objects.filter(duty_type="policy_followup").exists()


# ---- meetings --------------------------------------------------------------------------------------------

def test_a_coordinator_records_an_offsite_meeting(login, users):
    response = login(users["coordinator"]).post(reverse("cabinet-new"), meeting_data(
        location="offsite", province="ขอนแก่น", venue="ศาลากลางจังหวัดขอนแก่น"))
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.status == "scheduled" and timezone.localtime(meeting.meets_at).hour == 9
    page = login(users["minister"]).get(meeting.get_absolute_url()).content.decode()
    assert "ครม. นอกสถานที่ จังหวัดขอนแก่น" in page


def test_bad_meeting_input_is_said_beside_its_fields_and_nothing_is_lost(login, users):
    response = login(users["coordinator"]).post(reverse("cabinet-new"), meeting_data(
        meets_at_0="31/2/2569", location="offsite", province="", venue="ศาลากลางจังหวัดมหาสารคาม"))
    page = response.content.decode()
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert "ศาลากลางจังหวัดมหาสารคาม" in page and "31/2/2569" in page and "errorlist" in page
    response = login(users["coordinator"]).post(reverse("cabinet-new"), meeting_data(location="offsite"))
    assert "ต้องระบุจังหวัด" in response.content.decode() and not Meeting.objects.exists()


def test_roles_that_do_not_record_are_refused(login, users, make_meeting):
    meeting = make_meeting()
    for name in ("auditor", "minister", "admin"):
        client = login(users[name])
        assert client.post(reverse("cabinet-new"), meeting_data()).status_code == 403
        assert client.post(reverse("cabinet-agenda-new", args=[meeting.pk]), item_data()).status_code == 403
        assert client.post(reverse("cabinet-edit", args=[meeting.pk]),
                           meeting_data(status="cancelled")).status_code == 403
    assert Meeting.objects.count() == 1 and not AgendaItem.objects.exists()


def test_a_meeting_is_cancelled_by_an_edit_and_takes_no_more_items(login, users, make_meeting):
    meeting = make_meeting()
    client = login(users["head"])
    assert client.post(reverse("cabinet-edit", args=[meeting.pk]), meeting_data(status="cancelled")).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert AuditEvent.objects.filter(action="cabinet_meeting.edit", object_id=str(meeting.pk)).exists()
    client.post(reverse("cabinet-agenda-new", args=[meeting.pk]), item_data())
    assert not AgendaItem.objects.exists()


# ---- agenda items ----------------------------------------------------------------------------------------

def test_a_coordinator_puts_a_new_item_on_the_agenda(login, users, make_meeting):
    meeting = make_meeting()
    response = login(users["coordinator"]).post(reverse("cabinet-agenda-new", args=[meeting.pk]), item_data())
    item = AgendaItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.matter.duty_type == "political_support"
    page = login(users["coordinator"]).get(meeting.get_absolute_url()).content.decode()
    assert "ขออนุมัติงบกลางซ่อมแซมอาคารเรียน" in page and item.matter.number in page


def test_an_item_joins_an_existing_matter_only_one_may_change(login, users, make_meeting, make_matter):
    meeting = make_meeting()
    mine = make_matter(duty_type="political_support")
    theirs = make_matter(owner_unit=users["outsider"].unit, assignees=[users["outsider"]])
    client = login(users["coordinator"])
    number = f"สร {theirs.seq}/{theirs.year}"
    page = client.post(reverse("cabinet-agenda-new", args=[meeting.pk]), item_data(matter_number=number)).content.decode()
    assert "ไม่อยู่ในความรับผิดชอบของท่าน" in page and not AgendaItem.objects.exists()
    page = client.post(reverse("cabinet-agenda-new", args=[meeting.pk]),
                       item_data(matter_number="สร 9999/2500")).content.decode()
    assert "ไม่พบเรื่องเลขนี้" in page
    response = client.post(reverse("cabinet-agenda-new", args=[meeting.pk]),
                           item_data(matter_number=f"สร {mine.seq}/{mine.year}"))
    assert response.status_code == 302 and AgendaItem.objects.get().matter == mine


def test_a_slk_item_without_its_letter_number_keeps_what_was_typed(login, users, make_meeting):
    meeting = make_meeting()
    page = login(users["coordinator"]).post(reverse("cabinet-agenda-new", args=[meeting.pk]), item_data(
        source="slk_letter", letter_date="ไม่ใช่วันที่")).content.decode()
    assert "ขออนุมัติงบกลางซ่อมแซมอาคารเรียน" in page and "จำนวนโรงเรียนที่ได้รับผลกระทบ" in page
    assert "errorlist" in page and not AgendaItem.objects.exists() and not Matter.objects.exists()


def test_a_secret_item_is_hidden_from_the_meeting_and_a_404_past_clearance(login, users, make_agenda):
    item = make_agenda(subject="แผนปรับโครงสร้างลับ", by=users["grouphead"], matter_fields={"secrecy": 2})
    for name in ("uncleared", "coordinator", "admin", "outsider"):
        client = login(users[name])
        assert client.get(item.get_absolute_url()).status_code == 404
        assert client.post(reverse("cabinet-resolution", args=[item.pk]),
                           {"resolution": "อนุมัติ", "resolved_on": be(item.meeting.day)}).status_code == 404
        page = client.get(item.meeting.get_absolute_url()).content.decode()
        assert "แผนปรับโครงสร้างลับ" not in page and item.matter.number not in page
    head = login(users["head"])
    assert head.get(item.get_absolute_url()).status_code == 200
    assert item.matter.number in head.get(item.meeting.get_absolute_url()).content.decode()
    assert AuditEvent.objects.filter(action="matter.read", object_id=str(item.matter_id)).exists()


def test_a_wrong_role_reads_but_neither_edits_nor_resolves(login, users, make_agenda):
    item = make_agenda()
    for name in ("auditor", "registrar", "outsider", "minister"):
        client = login(users[name])
        page = client.get(item.get_absolute_url())
        assert page.status_code == 200 and "บันทึกมติ" not in page.content.decode()
        assert client.get(reverse("cabinet-agenda-edit", args=[item.pk])).status_code == 404
        assert client.post(reverse("cabinet-resolution", args=[item.pk]),
                           {"resolution": "อนุมัติ", "resolved_on": be(item.meeting.day)}).status_code == 404
    item.refresh_from_db()
    assert item.resolution == ""


def test_the_resolution_and_its_followup_from_the_item_page(login, users, make_agenda, make_meeting):
    item = make_agenda(meeting=make_meeting(days=-2))
    client = login(users["coordinator"])
    url = reverse("cabinet-resolution", args=[item.pk])
    response = client.post(url, {"resolution": "อนุมัติในหลักการ", "resolved_on": be(item.meeting.day - dt.timedelta(days=3))})
    assert response.status_code == 422 and "ต้องไม่อยู่ก่อนวันประชุม" in response.content.decode()
    assert "อนุมัติในหลักการ" in response.content.decode()
    assert client.post(url, {"resolution": "อนุมัติในหลักการ", "resolved_on": be(item.meeting.day)}).status_code == 302
    assert "สร้างเรื่องติดตามมติ" in client.get(item.get_absolute_url()).content.decode()
    response = client.post(reverse("cabinet-followup", args=[item.pk]))
    followup = Matter.objects.get(duty_type="policy_followup")
    assert response.status_code == 302 and response["Location"] == followup.get_absolute_url()
    assert client.post(reverse("cabinet-followup", args=[item.pk])).status_code == 302  # a second press: no second
    assert Matter.objects.filter(duty_type="policy_followup").count() == 1
    page = client.get(item.get_absolute_url()).content.decode()
    assert followup.number in page and reverse("cabinet-followup", args=[item.pk]) not in page


def test_the_followup_needs_a_resolution_first(login, users, make_agenda):
    item = make_agenda()
    login(users["coordinator"]).post(reverse("cabinet-followup", args=[item.pk]))
    assert not Matter.objects.filter(duty_type="policy_followup").exists()
    record_resolution(item, by=users["coordinator"], resolution="รับทราบ", resolved_on=item.meeting.day)
    assert login(users["auditor"]).post(reverse("cabinet-followup", args=[item.pk])).status_code == 404
    assert not Matter.objects.filter(duty_type="policy_followup").exists()


def test_an_edit_keeps_what_was_typed_on_error_and_saves_when_right(login, users, make_agenda):
    item = make_agenda()
    client = login(users["coordinator"])
    url = reverse("cabinet-agenda-edit", args=[item.pk])
    data = item_data(source="slk_letter", briefing_points="ประเด็นใหม่ที่ต้องชี้แจง")
    page = client.post(url, data).content.decode()
    assert "ต้องระบุที่หนังสือ" in page and "ประเด็นใหม่ที่ต้องชี้แจง" in page
    assert client.post(url, data | {"letter_number": "นร 0505/ว 77"}).status_code == 302
    item.refresh_from_db()
    assert item.letter_number == "นร 0505/ว 77"
    event = AuditEvent.objects.get(action="cabinet_agenda.edit", object_id=str(item.pk))
    assert event.data["changes"]["source"] == {"from": "entered", "to": "slk_letter"}
