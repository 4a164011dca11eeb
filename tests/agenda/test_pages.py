import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import change_status
from prasan.audit.models import AuditEvent

from .conftest import moment

pytestmark = pytest.mark.django_db


def day_iso(days=2) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def form_data(**extra):
    data = {"kind": "inspection", "title": "ตรวจราชการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1",
            "day": "9/12/2569", "start": "09.00", "end": "12.00", "end_day": "", "place": "สพป.ขอนแก่น เขต 1",
            "invited_by": "", "invited_by_agency": "", "programme": "09.00 น. รับฟังบรรยายสรุป",
            "dress": "ชุดปฏิบัติราชการสีกากี", "entourage": "", "transport": "เครื่องบิน", "note": "", "linked": "",
            "first_status": "invited", "urgency": "normal", "secrecy": "0"}
    data.update(extra)
    return data


# ---- who sees the agenda ------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["minister", "head", "grouphead", "coordinator", "uncleared"])
def test_the_week_is_shown_to_the_ministers_team(login, users, make_item, who):
    make_item(title="เปิดงานมหกรรมวิชาการ")
    response = login(users[who]).get(reverse("agenda-week"), {"week": day_iso()})
    assert response.status_code == 200
    assert "เปิดงานมหกรรมวิชาการ" in response.content.decode()


@pytest.mark.parametrize("who", ["registrar", "auditor", "admin"])
def test_the_week_is_not_for_other_roles(login, users, who):
    assert login(users[who]).get(reverse("agenda-week")).status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    for url in (reverse("agenda-week"), reverse("agenda-day", args=[day_iso()]), reverse("agenda-new"),
                reverse("agenda-calendar"), reverse("agenda-day-sheet", args=[day_iso()])):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_a_secret_item_is_not_in_the_week_of_whom_may_not_see_it(login, users, make_item):
    make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"])
    assert "พบเอกอัครราชทูต" not in login(users["coordinator"]).get(
        reverse("agenda-week"), {"week": day_iso()}).content.decode()
    assert "พบเอกอัครราชทูต" in login(users["minister"]).get(
        reverse("agenda-week"), {"week": day_iso()}).content.decode()


def test_an_item_whose_matter_one_may_not_see_is_404_and_a_secret_read_is_audited(login, users, make_item):
    item = make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"])
    url = reverse("agenda-item", args=[item.pk])
    assert login(users["coordinator"]).get(url).status_code == 404  # cleared ลับ only
    assert login(users["uncleared"]).get(url).status_code == 404
    assert login(users["registrar"]).get(url).status_code == 403
    assert login(users["minister"]).get(url).status_code == 200
    assert AuditEvent.objects.filter(action="matter.read", object_id=str(item.matter.pk)).exists()
    assert login(users["minister"]).get(reverse("agenda-item", args=[999999])).status_code == 404


def test_the_week_view_reads_in_a_fixed_number_of_queries(login, users, make_item, django_assert_max_num_queries):
    for hour in range(8, 18):
        make_item(hour=hour, hours=1, title=f"นัดหมาย {hour}")
    make_item(title="ลับ", matter_fields={"secrecy": 1})
    client = login(users["coordinator"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agenda-week"), {"week": day_iso()})
    assert response.content.decode().count("agenda-item status-") == 11
    with django_assert_max_num_queries(12):
        assert client.get(reverse("agenda-day", args=[day_iso()])).status_code == 200


def test_a_bad_day_in_the_address_is_404(login, users):
    client = login(users["coordinator"])
    assert client.get(reverse("agenda-day", args=["2569-13-40"])).status_code == 404
    assert client.get(reverse("agenda-week"), {"week": "x"}).status_code == 404
    assert client.get(reverse("agenda-day", args=["today"])).status_code == 200


# ---- entering and changing ----------------------------------------------------------------------------------

def test_the_coordinator_enters_an_inspection_with_thai_dates(login, users):
    response = login(users["coordinator"]).post(reverse("agenda-new"), form_data())
    item = AgendaItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    local = timezone.localtime(item.starts_at)
    assert (local.year, local.month, local.day, local.hour) == (2026, 12, 9, 9)
    assert timezone.localtime(item.ends_at).hour == 12
    assert item.matter.kind == "facilitation" and item.matter.number in response.wsgi_request._messages._queued_messages[0].message


def test_bad_input_stays_on_the_form_in_thai(login, users):
    client = login(users["coordinator"])
    response = client.post(reverse("agenda-new"), form_data(day="31/2/2569", end="08.00", title=""))
    body = response.content.decode()
    assert response.status_code == 200 and not AgendaItem.objects.exists()
    assert "กรุณากรอกช่องนี้" in body and "สพป.ขอนแก่น เขต 1" in body
    response = client.post(reverse("agenda-new"), form_data(end="08.00"))
    assert "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม" in response.content.decode()
    response = client.post(reverse("agenda-new"), form_data(linked="สร 999/2569"))
    assert "ไม่พบเรื่องเลข สร 999/2569" in response.content.decode()


def test_a_secrecy_above_ones_clearance_is_not_offered(login, users):
    response = login(users["coordinator"]).post(reverse("agenda-new"), form_data(secrecy="3"))
    assert response.status_code == 200 and not AgendaItem.objects.exists()


@pytest.mark.parametrize("who", ["minister", "registrar", "auditor"])
def test_only_the_working_staff_enter_items(login, users, who):
    assert login(users[who]).post(reverse("agenda-new"), form_data()).status_code == 403
    assert not AgendaItem.objects.exists()


def test_an_overlap_warns_and_still_saves(login, users, make_item):
    make_item(title="ประชุมผู้บริหารกระทรวง", starts_at=moment(2, 10), ends_at=moment(2, 11))
    day = timezone.localdate() + dt.timedelta(days=2)
    client = login(users["coordinator"])
    response = client.post(reverse("agenda-new"), form_data(day=f"{day.day}/{day.month}/{day.year + 543}"),
                           follow=True)
    assert AgendaItem.objects.count() == 2
    assert "ช่วงเวลานี้ซ้อนกับ “ประชุมผู้บริหารกระทรวง”" in response.content.decode()
    partial = client.get(reverse("agenda-overlaps"), {"day": f"{day.day}/{day.month}/{day.year + 543}",
                                                      "start": "10.30", "end": "11.30"})
    assert "ประชุมผู้บริหารกระทรวง" in partial.content.decode()
    assert client.get(reverse("agenda-overlaps"), {"day": "x", "start": "", "end": ""}).content.strip() == b""


def test_editing_keeps_what_was_not_changed_and_audits(login, users, make_item):
    item = make_item()
    client = login(users["coordinator"])
    page = client.get(reverse("agenda-edit", args=[item.pk]))
    assert page.status_code == 200
    start = timezone.localtime(item.starts_at)
    data = form_data(title=item.title, kind=item.kind, place="หอประชุมใหญ่", invited_by=item.invited_by,
                     day=f"{start.day}/{start.month}/{start.year + 543}", start="09.00", end="11.00")
    for name in ("first_status", "urgency", "secrecy"):
        data.pop(name)
    assert client.post(reverse("agenda-edit", args=[item.pk]), data).status_code == 302
    item.refresh_from_db()
    assert item.place == "หอประชุมใหญ่"
    assert AuditEvent.objects.filter(action="agenda.edit", object_id=str(item.pk)).exists()


def test_editing_is_for_whom_may_change_the_matter(login, users, make_item):
    item = make_item()
    assert login(users["outsider"]).get(reverse("agenda-edit", args=[item.pk])).status_code == 403
    assert login(users["minister"]).get(reverse("agenda-edit", args=[item.pk])).status_code == 403
    secret = make_item(matter_fields={"secrecy": 2}, by=users["head"])
    assert login(users["coordinator"]).get(reverse("agenda-edit", args=[secret.pk])).status_code == 404


def test_status_buttons_move_the_item(login, users, make_item):
    item = make_item()
    client = login(users["coordinator"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert 'id="to-accepted"' in page
    client.post(reverse("agenda-status", args=[item.pk]), {"to": "accepted"})
    item.refresh_from_db()
    assert item.status == "accepted"
    response = client.post(reverse("agenda-status", args=[item.pk]), {"to": "done"}, follow=True)
    assert "ยังไม่ถึงเวลา" in response.content.decode()
    response = client.post(reverse("agenda-status", args=[item.pk]), {"to": "bogus"}, follow=True)
    assert "ไม่รู้จักสถานะนี้" in response.content.decode()
    assert login(users["outsider"]).post(reverse("agenda-status", args=[item.pk]), {"to": "prepared"}).status_code == 403
    assert login(users["minister"]).post(reverse("agenda-status", args=[item.pk]), {"to": "prepared"}).status_code == 403
    assert login(users["registrar"]).post(reverse("agenda-status", args=[item.pk]), {"to": "prepared"}).status_code == 403
    item.refresh_from_db()
    assert item.status == "accepted"


def test_a_done_item_is_no_longer_changed(login, users, make_item):
    item = make_item(days=-1, status="accepted")
    change_status(item, "done", by=users["coordinator"])
    client = login(users["coordinator"])
    assert 'id="to-' not in client.get(item.get_absolute_url()).content.decode()
    assert client.post(reverse("agenda-status", args=[item.pk]), {"to": "cancelled", "note": "x"}).status_code == 403


def test_the_facilitation_matter_links_its_engagement(login, users, make_item):
    item = make_item()
    page = login(users["head"]).get(item.matter.get_absolute_url()).content.decode()
    assert f'id="agenda-link" href="{item.get_absolute_url()}"' in page
