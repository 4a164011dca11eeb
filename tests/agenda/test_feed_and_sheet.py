import subprocess

import pytest
from django.urls import reverse
from icalendar import Calendar

from prasan.agenda.models import AgendaFeed
from prasan.agenda.services import change_status
from prasan.audit.models import AuditEvent

from .test_pages import day_iso

pytestmark = pytest.mark.django_db


def events(response) -> dict:
    calendar = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_holds_what_its_owner_may_see_without_a_session(client, login, users, make_item):
    visit = make_item(title="เยี่ยมชมโรงเรียน", place="โรงเรียนบ้านหนองบัว", dress="ชุดสุภาพ")
    secret = make_item(title="พบเอกอัครราชทูต", place="สถานทูต", matter_fields={"secrecy": 2}, by=users["head"],
                       hour=14)
    declined = make_item(title="งานเลี้ยงรับรอง", hour=18)
    change_status(declined, "declined", by=users["coordinator"])
    login(users["minister"]).post(reverse("agenda-calendar"), {"action": "create"})
    token = AgendaFeed.active_for(users["minister"]).token
    client.logout()
    response = client.get(reverse("agenda-feed", args=[token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    found = events(response)
    assert set(found) == {f"agenda-item-{visit.pk}@prasan", f"agenda-item-{secret.pk}@prasan"}
    shown = found[f"agenda-item-{visit.pk}@prasan"]
    assert str(shown["summary"]) == "(รอตอบรับ) เยี่ยมชมโรงเรียน" and str(shown["location"]) == "โรงเรียนบ้านหนองบัว"
    assert shown.decoded("dtstart") == visit.starts_at and "ชุดสุภาพ" in str(shown["description"])
    hidden = found[f"agenda-item-{secret.pk}@prasan"]
    assert "พบเอกอัครราชทูต" not in response.content.decode() and "location" not in hidden
    assert "สถานทูต" not in response.content.decode()


def test_a_coordinators_feed_leaves_out_what_they_may_not_see(client, users, make_item):
    make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"])
    feed = AgendaFeed.issue(users["coordinator"])
    assert events(client.get(reverse("agenda-feed", args=[feed.token]))) == {}


def test_a_revoked_or_unknown_link_or_an_owner_off_the_agenda_is_404(client, login, users):
    feed = AgendaFeed.issue(users["coordinator"])
    url = reverse("agenda-feed", args=[feed.token])
    assert client.get(url).status_code == 200
    login(users["coordinator"]).post(reverse("agenda-calendar"), {"action": "revoke"})
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(reverse("agenda-feed", args=["nope"])).status_code == 404
    registrar = AgendaFeed.issue(users["registrar"])
    assert client.get(reverse("agenda-feed", args=[registrar.token])).status_code == 404
    assert AuditEvent.objects.filter(action="agenda_feed.revoke").exists()


def test_the_calendar_page_is_for_the_team(login, users):
    assert login(users["registrar"]).get(reverse("agenda-calendar")).status_code == 403
    page = login(users["minister"]).get(reverse("agenda-calendar"))
    assert page.status_code == 200 and "สร้างลิงก์ปฏิทิน" in page.content.decode()


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_day_sheet_prints_the_days_engagements_in_thai(login, users, make_item, tmp_path, office):
    office.minister_name = "นายธีรภัทร วิชาการ"
    office.ministry = "กระทรวงศึกษาธิการ"
    office.save()
    make_item(title="ตรวจราชการโรงเรียนบ้านหนองบัว", dress="ชุดปฏิบัติราชการสีกากี", transport="รถยนต์ส่วนกลาง",
              programme="๐๙.๐๐ น. เดินทางถึง\n๐๙.๓๐ น. รับฟังบรรยายสรุป")
    other_day = make_item(days=5, title="ไม่ใช่วันนี้")
    response = login(users["minister"]).get(reverse("agenda-day-sheet", args=[day_iso()]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split())
    for expected in ("กำหนดการประจำวัน", "นายธีรภัทร วิชาการ", "ตรวจราชการโรงเรียนบ้านหนองบัว",
                     "ชุดปฏิบัติราชการสีกากี", "รถยนต์ส่วนกลาง", "รับฟังบรรยายสรุป", "เวลา ๐๙.๐๐ – ๑๑.๐๐ น."):
        assert expected in text, expected
    assert other_day.title not in text


def test_the_day_sheet_of_a_secret_item_is_marked_and_audited(login, users, make_item, tmp_path):
    make_item(title="พบเอกอัครราชทูต", matter_fields={"secrecy": 2}, by=users["head"])
    response = login(users["minister"]).get(reverse("agenda-day-sheet", args=[day_iso()]))
    text = pdf_text(response.content, tmp_path)
    assert "ลับมาก" in text and "พบเอกอัครราชทูต" in text
    assert AuditEvent.objects.filter(action="agenda.export").exists()
    coordinator = pdf_text(login(users["coordinator"]).get(reverse("agenda-day-sheet", args=[day_iso()])).content,
                           tmp_path)
    assert "พบเอกอัครราชทูต" not in coordinator and "ไม่มีกำหนดการในวันนี้" in coordinator


@pytest.mark.parametrize("who,status", [("registrar", 403), ("auditor", 403)])
def test_the_day_sheet_is_for_the_team(login, users, who, status):
    assert login(users[who]).get(reverse("agenda-day-sheet", args=[day_iso()])).status_code == status
