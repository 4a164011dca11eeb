"""From an สลค. letter to a cabinet agenda item without typing: the confirm screen proposes the item in the meeting of
the day the letter names (found, or made), the registrar checks it, and one confirm registers the letter and creates
the matter (source: the cabinet) and the item; a refused item saves nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.cabinet.models import AgendaItem, Meeting
from prasan.correspondence.models import RegisterEntry
from prasan.matters.models import Matter

from .test_intake_pages import confirm_data
from .test_intake_parliament import read

pytestmark = pytest.mark.django_db
# The letters' meetings moved years ahead, as a letter arriving today would name a coming meeting.
AHEAD = {"๑๕ ธันวาคม ๒๕๖๙": "๑๕ ธันวาคม ๒๕๘๐", "๒๒ ธันวาคม ๒๕๖๙": "๒๒ ธันวาคม ๒๕๘๐",
         "๑๕ ธ.ค. ๒๕๖๙": "๑๕ ธ.ค. ๒๕๘๐"}
MEETING = dt.date(2037, 12, 15)


def agenda_data(intake, **extra) -> dict:
    """What the confirm screen posts for the proposed agenda item, as the parser filled it."""
    found = intake.fields["cabinet"]
    data = {"cab-create": "on", "cab-meeting_date": found["meeting_on"] or "", "cab-meeting_time": "",
            "cab-province": found["province"] or "", "cab-order": found["order"] or "",
            "cab-agenda_kind": found["agenda_kind"] or "proposal", "cab-briefing_points": ""}
    data.update(extra)
    return data


def test_an_agenda_letter_becomes_the_matter_and_the_item_in_a_new_meeting(login, users):
    client = login(users["registrar"])
    intake = read(client, "p16_soc_agenda_proposal", **AHEAD)
    url = reverse("intake-detail", args=[intake.pk])
    page = client.get(url).content.decode()
    assert "วาระการประชุมคณะรัฐมนตรีจากหนังสือนี้" in page and 'id="id_cab-create" checked' in page
    assert 'value="4.2"' in page and 'value="political_support" selected' in page

    response = client.post(url, {**confirm_data(intake, duty_type="political_support"),
                                 **agenda_data(intake, **{"cab-meeting_time": "09.30",
                                                          "cab-briefing_points": "อัตราครูที่ขาดแคลน"})})
    matter = Matter.objects.get()
    item = AgendaItem.objects.get()
    assert response.status_code == 302 and response["Location"] == matter.get_absolute_url()
    meeting = item.meeting
    assert timezone.localtime(meeting.meets_at) == timezone.make_aware(dt.datetime.combine(MEETING, dt.time(9, 30)))
    assert meeting.location == "government_house" and meeting.status == "scheduled"
    assert (item.matter, item.order, item.kind, item.source) == (matter, "4.2", "proposal", "slk_letter")
    assert item.letter_number == "นร 0504/5421" and item.letter_date == dt.date(2026, 12, 4)
    assert item.subject.startswith("ขออนุมัติโครงการพัฒนาครูผู้ช่วย") and item.briefing_points == "อัตราครูที่ขาดแคลน"
    assert matter.source == "cabinet" and matter.duty_type == "political_support"
    assert matter.external_deadline == MEETING and matter.internal_deadline < MEETING  # briefed before the meeting
    assert RegisterEntry.objects.get().matter == matter
    assert AuditEvent.objects.get(action="intake.confirm").data["cabinet_agenda"] == item.pk
    assert AuditEvent.objects.filter(action="cabinet_meeting.create", object_id=str(meeting.pk)).exists()
    assert AuditEvent.objects.filter(action="cabinet_agenda.create", object_id=str(item.pk)).exists()


def test_the_meeting_already_recorded_that_day_is_the_one_used(login, users, office):
    kept = Meeting.objects.create(office=office, number="45/2580", created_by=users["coordinator"],
                                  meets_at=timezone.make_aware(dt.datetime.combine(MEETING, dt.time(9, 0))))
    Meeting.objects.create(office=office, status="cancelled", created_by=users["coordinator"],
                           meets_at=timezone.make_aware(dt.datetime.combine(MEETING, dt.time(8, 0))))
    client = login(users["registrar"])
    intake = read(client, "p16_soc_agenda_proposal", **AHEAD)
    client.post(reverse("intake-detail", args=[intake.pk]),
                {**confirm_data(intake, duty_type="political_support"), **agenda_data(intake)})
    assert AgendaItem.objects.get().meeting == kept and Meeting.objects.count() == 2


def test_an_opinion_for_an_off_site_meeting_makes_that_meeting_in_its_province(login, users):
    client = login(users["registrar"])
    intake = read(client, "p17_soc_opinion_offsite", **AHEAD)
    client.post(reverse("intake-detail", args=[intake.pk]), {
        **confirm_data(intake, duty_type="political_support", reply_by=intake.fields["reply_by"]),
        **agenda_data(intake)})
    item = AgendaItem.objects.select_related("meeting").get()
    assert item.meeting.location == "offsite" and item.meeting.province == "สงขลา"
    assert item.meeting.day == dt.date(2037, 12, 22) and item.kind == "for_information"
    # the letter's own reply date wins over the meeting's day for the matter's deadline
    assert item.matter.external_deadline == dt.date(2037, 12, 15)


def test_a_refused_item_saves_nothing_and_says_why_next_to_the_field(login, users):
    client = login(users["registrar"])
    intake = read(client, "p17_soc_opinion_offsite", **AHEAD)
    response = client.post(reverse("intake-detail", args=[intake.pk]), {
        **confirm_data(intake, duty_type="political_support"), **agenda_data(intake, **{"cab-province": "สงขลาา"})})
    assert response.status_code == 422
    page = response.content.decode()
    assert "ไม่รู้จักจังหวัด “สงขลาา”" in page and 'value="สงขลาา"' in page
    assert not (Matter.objects.exists() or RegisterEntry.objects.exists() or Meeting.objects.exists()
                or AgendaItem.objects.exists())
    intake.refresh_from_db()
    assert intake.status == "ready"


def test_the_item_needs_its_day_a_matter_and_is_not_also_a_parliament_item(login, users):
    client = login(users["registrar"])
    intake = read(client, "p16_soc_agenda_proposal", **AHEAD)
    url = reverse("intake-detail", args=[intake.pk])
    response = client.post(url, {**confirm_data(intake), **agenda_data(intake, **{"cab-meeting_date": ""})})
    assert "กรุณากรอกวันประชุมคณะรัฐมนตรี" in response.content.decode()
    response = client.post(url, {**confirm_data(intake, destination="register_only"), **agenda_data(intake)})
    assert response.status_code == 422 and "วาระการประชุมคณะรัฐมนตรีต้องผูกกับเรื่อง" in response.content.decode()
    response = client.post(url, {**confirm_data(intake), **agenda_data(intake), "parl-create": "on",
                                 "parl-kind": "motion"})
    assert response.status_code == 422 and "บันทึกได้อย่างใดอย่างหนึ่ง" in response.content.decode()
    assert not (RegisterEntry.objects.exists() or AgendaItem.objects.exists() or Meeting.objects.exists())


def test_a_meeting_notice_and_an_ordinary_letter_propose_nothing_ticked(login, users):
    client = login(users["registrar"])
    notice = read(client, "p13_soc_cabinet_agenda")
    page = client.get(reverse("intake-detail", args=[notice.pk])).content.decode()
    assert "หนังสือนี้แจ้งการประชุมคณะรัฐมนตรี" in page and 'id="id_cab-create" checked' not in page
    client.post(reverse("intake-detail", args=[notice.pk]), confirm_data(notice, duty_type="political_support"))
    assert Matter.objects.get().source == "incoming_letter" and not AgendaItem.objects.exists()


def test_a_role_outside_the_desk_may_not_confirm_and_anonymous_goes_to_login(login, users, client):
    registrar = login(users["registrar"])
    intake = read(registrar, "p16_soc_agenda_proposal", **AHEAD)
    url = reverse("intake-detail", args=[intake.pk])
    data = {**confirm_data(intake), **agenda_data(intake)}
    client.logout()
    assert client.post(url, data).status_code == 302
    for name in ("auditor", "minister"):
        assert login(users[name]).post(url, data).status_code in (403, 404), name
    assert not (AgendaItem.objects.exists() or Meeting.objects.exists())
