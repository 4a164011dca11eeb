"""The parliament pages: the list, recording and editing an item, its page and status moves, as each caller."""

import datetime as dt

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.matters.models import Matter
from prasan.parliament.models import Item, StatusChange

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def written(**extra):
    data = {"kind": "written_question", "subject": "การบรรจุครูผู้ช่วย", "house": "house", "number": "157 ร.",
            "received_on": be(TODAY), "asker_name": "นายสมศักดิ์ ตัวอย่าง", "asker_province": "ขอนแก่น",
            "minister_asked": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "answer_in": "royal_gazette",
            "urgency": "normal", "secrecy": "0"}
    data.update(extra)
    return data


# ---- the list --------------------------------------------------------------------------------------------

def test_the_list_shows_items_paged_with_few_queries(login, users, make_item, django_assert_max_num_queries):
    for n in range(30):
        make_item(number=f"{n} ร.", subject=f"กระทู้ลำดับ {n:02d}")
    client = login(users["coordinator"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("parliament-list")).content.decode()
    assert "พบ 30 รายการ" in page and page.count("กระทู้ลำดับ") == 25 and "หน้า 1 จาก 2" in page


def test_the_list_filters_by_kind_and_status(login, users, make_item):
    make_item(subject="กระทู้หนังสือ")
    make_item(kind="committee_summons", number="", subject="ชี้แจงกรรมาธิการ", committee="กมธ. การศึกษา",
              meeting_at=dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(9, 30)).astimezone())
    page = login(users["head"]).get(reverse("parliament-list"), {"kind": "committee_summons"}).content.decode()
    assert "ชี้แจงกรรมาธิการ" in page and "กระทู้หนังสือ" not in page
    page = login(users["head"]).get(reverse("parliament-list"), {"status": "answered"}).content.decode()
    assert "ไม่มีรายการ" in page


def test_a_secret_item_is_not_listed_for_those_without_clearance(login, users, make_item):
    make_item(subject="กระทู้ลับ", matter_fields={"secrecy": 2}, by=users["grouphead"])
    assert "กระทู้ลับ" not in login(users["uncleared"]).get(reverse("parliament-list")).content.decode()
    assert "กระทู้ลับ" not in login(users["coordinator"]).get(reverse("parliament-list")).content.decode()
    head = login(users["head"]).get(reverse("parliament-list")).content.decode()
    assert "ลับมาก" in head and "กระทู้ลับ" not in head  # a secret one is listed by its matter number only


def test_the_pages_ask_for_a_login(client, make_item):
    item = make_item()
    for url in (reverse("parliament-list"), reverse("parliament-week"), reverse("parliament-new"),
                reverse("parliament-item", args=[item.pk]), reverse("parliament-report")):
        assert client.get(url).status_code == 302


# ---- recording -----------------------------------------------------------------------------------------

def test_a_coordinator_records_a_written_question(login, users, session):
    response = login(users["coordinator"]).post(reverse("parliament-new"), written())
    item = Item.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.matter.duty_type == "parliament" and item.session == session and item.answer_in == "royal_gazette"


def test_bad_dates_are_said_beside_their_fields_and_nothing_is_lost(login, users, session):
    response = login(users["coordinator"]).post(reverse("parliament-new"), written(
        letter_deadline=be(TODAY - dt.timedelta(days=3)), sitting_on=be(session.ends_on + dt.timedelta(days=5)),
        gazette_published_on="31 ก.พ. 2569"))
    page = response.content.decode()
    assert response.status_code == 200 and not Item.objects.exists()
    assert "ต้องไม่อยู่ก่อนวันรับเรื่อง" in page and "อยู่นอกสมัยประชุม" in page
    assert "นายสมศักดิ์ ตัวอย่าง" in page and "การบรรจุครูผู้ช่วย" in page  # what was typed stays


def test_an_unknown_kind_is_refused_in_thai(login, users):
    response = login(users["coordinator"]).post(reverse("parliament-new"), written(kind="interpellation"))
    assert response.status_code == 422 and "ไม่รู้จักประเภท" in response.content.decode()
    assert not Matter.objects.exists()


def test_a_number_already_used_warns_with_a_link_until_confirmed(login, users, make_item):
    first = make_item(number="157 ร.")
    client = login(users["coordinator"])
    page = client.post(reverse("parliament-new"), written(number="๑๕๗ ร.")).content.decode()
    assert "เลขนี้มีอยู่แล้ว" in page and first.get_absolute_url() in page and Item.objects.count() == 1
    assert client.post(reverse("parliament-new"), written(number="๑๕๗ ร.", duplicate_ok="on")).status_code == 302
    assert Item.objects.count() == 2


def test_roles_that_do_not_record_are_refused(login, users):
    for name in ("auditor", "minister", "admin"):
        assert login(users[name]).post(reverse("parliament-new"), written()).status_code == 403
    assert not Item.objects.exists()


def test_a_committee_summons_takes_its_meeting_time(login, users, session):
    day = TODAY + dt.timedelta(days=3)
    response = login(users["coordinator"]).post(reverse("parliament-new"), {
        "kind": "committee_summons", "subject": "งบประมาณอาหารกลางวัน", "house": "house",
        "committee": "คณะกรรมาธิการการศึกษา", "meeting_at_0": be(day), "meeting_at_1": "09.30", "room": "ห้อง 601",
        "received_on": be(TODAY), "urgency": "urgent", "secrecy": "0"})
    assert response.status_code == 302
    item = Item.objects.get()
    assert item.sitting_on == day and item.meeting_at.hour in (9, 2)  # stored in UTC or local
    assert item.matter.urgency == "urgent"


# ---- the item page and its status -------------------------------------------------------------------------

def test_the_item_page_shows_and_moves_the_status(login, users, make_item):
    item = make_item()
    client = login(users["coordinator"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "157 ร." in page and "เปลี่ยนสถานะ" in page
    assert client.post(reverse("parliament-status", args=[item.pk]), {"to": "assigned"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "assigned"
    assert AuditEvent.objects.filter(action="parliament_item.status", object_id=str(item.pk)).exists()


def test_a_refused_move_is_said_and_nothing_changes(login, users, make_item):
    item = make_item()
    response = login(users["coordinator"]).post(reverse("parliament-status", args=[item.pk]), {"to": "answered"})
    assert response.status_code == 422 and "ไม่ได้" in response.content.decode()
    response = login(users["coordinator"]).post(reverse("parliament-status", args=[item.pk]), {"to": "postponed"})
    assert "ต้องระบุวันประชุม/วันตอบใหม่" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "received" and StatusChange.objects.filter(item=item).count() == 1


def test_a_wrong_role_or_another_units_coordinator_may_read_but_not_move(login, users, make_item):
    item = make_item()
    for name in ("auditor", "outsider", "registrar"):
        client = login(users[name])
        page = client.get(item.get_absolute_url())
        assert page.status_code == 200 and "เปลี่ยนสถานะ" not in page.content.decode()
        assert client.post(reverse("parliament-status", args=[item.pk]), {"to": "assigned"}).status_code == 404
        assert client.get(reverse("parliament-edit", args=[item.pk])).status_code == 404
    item.refresh_from_db()
    assert item.status == "received"


def test_a_secret_item_is_a_404_without_clearance_and_its_read_is_audited(login, users, make_item):
    item = make_item(matter_fields={"secrecy": 2}, by=users["grouphead"])
    for name in ("uncleared", "coordinator", "admin"):
        assert login(users[name]).get(item.get_absolute_url()).status_code == 404
        assert login(users[name]).post(reverse("parliament-status", args=[item.pk]),
                                       {"to": "assigned"}).status_code == 404
    assert login(users["head"]).get(item.get_absolute_url()).status_code == 200
    assert AuditEvent.objects.filter(action="matter.read", object_id=str(item.matter_id)).exists()


def test_an_edit_keeps_what_was_typed_on_error_and_saves_when_right(login, users, make_item):
    item = make_item()
    client = login(users["coordinator"])
    url = reverse("parliament-edit", args=[item.pk])
    data = written(letter_deadline=be(TODAY - dt.timedelta(days=1)), asker_province="มหาสารคาม")
    data.pop("kind")
    page = client.post(url, data).content.decode()
    assert "ต้องไม่อยู่ก่อนวันรับเรื่อง" in page and "มหาสารคาม" in page
    data["letter_deadline"] = be(TODAY + dt.timedelta(days=5))
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.asker_province == "มหาสารคาม" and item.due_on == TODAY + dt.timedelta(days=5)
    assert item.matter.external_deadline == item.due_on
    event = AuditEvent.objects.get(action="parliament_item.edit", object_id=str(item.pk))
    assert event.data["changes"]["asker_province"] == {"from": "ขอนแก่น", "to": "มหาสารคาม"}


def test_delegations_and_attendees_are_added_and_audited(login, users, make_item, agencies):
    item = make_item()
    client = login(users["coordinator"])
    assert client.post(reverse("parliament-delegation", args=[item.pk]), {
        "delegated_to": "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ", "delegated_on": be(TODAY)}).status_code == 302
    assert client.post(reverse("parliament-attendee", args=[item.pk]), {"user": users["minister"].pk}).status_code == 302
    assert client.post(reverse("parliament-attendee", args=[item.pk]), {"name": "", "agency": agencies[0].pk}
                       ).status_code == 422
    assert item.delegations.get().delegated_to == "รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ"
    assert item.attendees.get().name == users["minister"].display_name
    assert AuditEvent.objects.filter(action__in=["parliament_item.delegate", "parliament_item.attendee"]).count() == 2
