"""From a Secretariat's or committee's letter to a parliament item without typing: the confirm screen proposes the
item with what the letter says, the registrar checks it, and one confirm registers the letter and creates the
matter and the item; a refused item saves nothing."""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.correspondence.models import LetterIntake, RegisterEntry
from prasan.matters.models import Matter
from prasan.parliament.models import Item

from .test_intake_pages import confirm_data, upload

pytestmark = pytest.mark.django_db
LETTERS = Path(__file__).resolve().parents[2] / "bench" / "letters"
TODAY = timezone.localdate()


def later(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


def item_data(intake, **extra) -> dict:
    """What the confirm screen posts for the proposed item, as the parser filled it."""
    found = intake.fields["parliament"]
    meeting = dt.datetime.fromisoformat(found["meeting_at"]) if found["meeting_at"] else None
    data = {"parl-create": "on", "parl-kind": found["kind"], "parl-number": found["number"] or "",
            "parl-house": found["house"] or "", "parl-asker": found["asker"] or "",
            "parl-asker_province": found["asker_province"] or "", "parl-answer_in": found["answer_in"] or "",
            "parl-answer_by": found["answer_by"] or "", "parl-names_by": found["names_by"] or "",
            "parl-meeting_date": meeting.date().isoformat() if meeting else "",
            "parl-meeting_time": meeting.strftime("%H.%M") if meeting else "", "parl-place": found["place"] or ""}
    data.update(extra)
    return data


def read(client, name: str, **replace) -> LetterIntake:
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    upload(client, text.encode())
    return LetterIntake.objects.get()


def test_a_written_question_becomes_the_matter_and_the_item_in_one_confirm(login, users):
    client = login(users["registrar"])
    # the letter's reply date moved into the future, as a letter arriving today would say
    intake = read(client, "p01_house_written_gazette", **{"๒๑ ธันวาคม ๒๕๖๙": "๒๑ ธันวาคม ๒๕๘๐"})
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert "งานรัฐสภาจากหนังสือนี้" in page and 'value="157 ร."' in page and 'value="นายประสิทธิ์ ดอยคำ"' in page
    assert 'value="written_question" selected' in page and 'value="parliament" selected' in page

    response = client.post(reverse("intake-detail", args=[intake.pk]),
                           {**confirm_data(intake), **item_data(intake)})
    matter = Matter.objects.get()
    item = Item.objects.get()
    assert response.status_code == 302 and response["Location"] == matter.get_absolute_url()
    assert item.matter == matter and item.kind == "written_question" and item.number == "157 ร."
    assert item.asker_name == "นายประสิทธิ์ ดอยคำ" and item.asker_province == "แม่ฮ่องสอน"
    assert item.answer_in == "royal_gazette" and item.house == "house"
    assert item.letter_deadline == dt.date(2037, 12, 21) and item.due_on == dt.date(2037, 12, 21)
    assert matter.duty_type == "parliament" and matter.source == "parliament"
    assert RegisterEntry.objects.get().matter == matter
    confirmed = AuditEvent.objects.get(action="intake.confirm")
    assert confirmed.data["parliament_item"] == item.pk
    assert AuditEvent.objects.filter(action="parliament_item.create", object_id=str(item.pk)).exists()


def test_a_committee_summons_keeps_its_meeting_room_and_names_date(login, users):
    client = login(users["registrar"])
    intake = read(client, "p09_house_committee_summons")
    meeting_day, names_day = TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=10)
    client.post(reverse("intake-detail", args=[intake.pk]), {
        **confirm_data(intake),
        **item_data(intake, **{"parl-meeting_date": meeting_day.isoformat(), "parl-names_by": names_day.isoformat(),
                               "parl-committee": "คณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร"})})
    item = Item.objects.get()
    assert timezone.localtime(item.meeting_at) == timezone.make_aware(dt.datetime.combine(meeting_day, dt.time(9, 30)))
    assert item.room == "ห้องประชุมกรรมาธิการ CA 312 ชั้น 3 อาคารรัฐสภา"
    assert item.names_by == names_day and item.sitting_on == meeting_day
    assert item.committee == "คณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร"


def test_the_committee_is_proposed_from_the_letterhead(login, users):
    client = login(users["registrar"])
    intake = read(client, "p09_house_committee_summons")
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert 'value="คณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร"' in page


def test_without_the_tick_no_item_is_made(login, users):
    client = login(users["registrar"])
    intake = read(client, "p05_senate_written")
    data = item_data(intake)
    del data["parl-create"]
    client.post(reverse("intake-detail", args=[intake.pk]), {**confirm_data(intake, duty_type="parliament"), **data})
    assert Matter.objects.get().source == "incoming_letter" and not Item.objects.exists()


def test_an_item_refused_saves_nothing_and_says_why_next_to_the_field(login, users):
    client = login(users["registrar"])
    intake = read(client, "p01_house_written_gazette")
    response = client.post(reverse("intake-detail", args=[intake.pk]), {
        **confirm_data(intake), **item_data(intake, **{"parl-answer_by": "2020-01-01"})})
    assert response.status_code == 422
    page = response.content.decode()
    assert "ต้องไม่อยู่ก่อนวันรับเรื่อง" in page and 'value="157 ร."' in page
    assert not Matter.objects.exists() and not RegisterEntry.objects.exists() and not Item.objects.exists()
    intake.refresh_from_db()
    assert intake.status == "ready"


def test_an_item_needs_a_kind_and_a_matter(login, users):
    client = login(users["registrar"])
    intake = read(client, "p01_house_written_gazette")
    url = reverse("intake-detail", args=[intake.pk])
    response = client.post(url, {**confirm_data(intake), **item_data(intake, **{"parl-kind": ""})})
    assert response.status_code == 200 and "กรุณาเลือกประเภทงานรัฐสภา" in response.content.decode()
    response = client.post(url, {**confirm_data(intake, destination="register_only"),
                                 **item_data(intake, **{"parl-answer_by": later(30)})})
    assert response.status_code == 422 and "งานรัฐสภาต้องผูกกับเรื่อง" in response.content.decode()
    assert not RegisterEntry.objects.exists() and not Item.objects.exists()


def test_an_ordinary_letter_proposes_no_item(login, users):
    client = login(users["registrar"])
    intake = read(client, "01_ext_obec_teachers")
    page = client.get(reverse("intake-detail", args=[intake.pk])).content.decode()
    assert 'name="parl-create"' in page and 'id="id_parl-create" checked' not in page
    client.post(reverse("intake-detail", args=[intake.pk]), confirm_data(intake))
    assert Matter.objects.get().duty_type == "analysis" and not Item.objects.exists()


def test_a_role_outside_the_desk_may_not_confirm_and_anonymous_goes_to_login(login, users, client):
    registrar = login(users["registrar"])
    intake = read(registrar, "p01_house_written_gazette")
    url = reverse("intake-detail", args=[intake.pk])
    client.logout()
    assert client.post(url, {**confirm_data(intake), **item_data(intake)}).status_code == 302
    auditor = login(users["auditor"])
    assert auditor.post(url, {**confirm_data(intake), **item_data(intake)}).status_code in (403, 404)
    assert not Item.objects.exists()
