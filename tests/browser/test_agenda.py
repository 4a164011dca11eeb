"""The minister's agenda in Chromium: the coordinator enters a visit that clashes with an accepted meeting (warned
as the times are typed and after saving, not refused), accepts it, opens the day sheet's PDF, and finds the visit
in the ICS feed fetched with its URL; the pages looked at on a 390-px phone."""

import base64
import datetime as dt
import subprocess
import urllib.request

import pytest
from django.utils import timezone
from icalendar import Calendar
from selenium.webdriver.support.ui import WebDriverWait

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import create_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = timezone.localdate() + dt.timedelta(days=3)


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def at(hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(DAY, dt.time(hour, minute)))


def fetch_in_browser(ui, path: str) -> bytes:
    """What the signed-in browser gets at `path` (its own session), as bytes."""
    encoded = ui.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
        "  let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
        "  done(btoa(s)); });", path)
    return base64.b64decode(encoded)


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "day.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_coordinator_enters_and_accepts_a_visit_sees_the_clash_prints_the_day_and_subscribes(
        open_browser, office, users, tmp_path):
    create_item(office=office, by=users["coordinator"], status="accepted", fields={
        "kind": "meeting", "title": "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "starts_at": at(9),
        "ends_at": at(11), "place": "ห้องประชุมเสมา ๑"})

    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.click_link("กำหนดการรัฐมนตรี")
    assert desk.title == "กำหนดการรัฐมนตรี"
    desk.click_link("+ เพิ่มกำหนดการ")
    desk.pick("id_kind", "เยี่ยมชม/ลงพื้นที่")
    desk.fill("id_title", "เยี่ยมชมโรงเรียนวัดราชบพิธ โครงการห้องเรียนดิจิทัล")
    desk.fill("id_day", be(DAY)).fill("id_start", "10.30").fill("id_end", "12.00")
    # The clash is told beside the times as they are typed (htmx), before anything is saved.
    WebDriverWait(desk.driver, 15).until(lambda d: "ซ้อนกับ" in desk.field("clash").text)
    assert "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ" in desk.field("clash").text
    desk.fill("id_place", "โรงเรียนวัดราชบพิธ เขตพระนคร")
    desk.fill("id_invited_by", "ผู้อำนวยการโรงเรียนวัดราชบพิธ")
    desk.fill("id_programme", "10.30 น. ถึงโรงเรียน\n10.45 น. รับฟังบรรยายสรุป\n11.15 น. เยี่ยมชมห้องเรียน")
    desk.fill("id_dress", "ชุดสุภาพ").fill("id_transport", "รถยนต์ประจำตำแหน่ง")
    desk.screenshot("agenda-form-clash-desktop")
    desk.press("บันทึก")
    visit = AgendaItem.objects.get(kind="visit")
    # Saved, and warned: a clash is not a refusal.
    desk.shows(f"บันทึกกำหนดการแล้ว พร้อมเรื่องอำนวยความสะดวก {visit.matter.number}",
               "ช่วงเวลานี้ซ้อนกับ “ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ”")
    assert desk.field("agenda-status").text == "ได้รับเชิญ (รอตอบ)"
    desk.press("ตอบรับ")
    desk.shows("เปลี่ยนสถานะเป็น “ตอบรับ” แล้ว")
    assert desk.field("agenda-status").text == "ตอบรับ"
    desk.press("เตรียมการพร้อม")
    assert desk.field("agenda-status").text == "เตรียมการพร้อม"
    desk.screenshot("agenda-item-desktop")
    visit.refresh_from_db()
    assert visit.status == "prepared" and visit.matter.state == "coordinating"
    assert list(visit.transitions.values_list("to_status", flat=True)) == ["invited", "accepted", "prepared"]

    # The day sheet, as the signed-in browser opens it.
    sheet = desk.link("กำหนดการประจำวัน (PDF)").get_attribute("href")
    content = fetch_in_browser(desk, sheet)
    assert content.startswith(b"%PDF")
    printed = pdf_text(content, tmp_path)
    # Lines wrap between Thai words, where no space is: compared without the layout's spaces and line ends.
    text = "".join(printed.split())
    for expected in ("กำหนดการประจำวัน", "เยี่ยมชมโรงเรียนวัดราชบพิธ โครงการห้องเรียนดิจิทัล",
                     "ประชุมผู้บริหารระดับสูงกระทรวงศึกษาธิการ", "เวลา ๑๐.๓๐ – ๑๒.๐๐ น.", "รับฟังบรรยายสรุป",
                     "รถยนต์ประจำตำแหน่ง"):
        assert "".join(expected.split()) in text, printed

    desk.click_link("กำหนดการรัฐมนตรี").click_link("ลิงก์ปฏิทิน (ICS)")
    desk.press("สร้างลิงก์ปฏิทิน")
    url = desk.value("feed-url")
    desk.screenshot("agenda-calendar-desktop")
    # The calendar app subscribes without a session.
    with urllib.request.urlopen(url, timeout=20) as answer:
        assert answer.headers["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(answer.read())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    event = events[f"agenda-item-{visit.pk}@prasan"]
    assert str(event["summary"]) == "เยี่ยมชมโรงเรียนวัดราชบพิธ โครงการห้องเรียนดิจิทัล"
    assert str(event["location"]) == "โรงเรียนวัดราชบพิธ เขตพระนคร"
    assert event.decoded("dtstart") == at(10, 30) and event.decoded("dtend") == at(12)

    phone = open_browser("phone")
    phone.login("coordinator")
    week = f"/agenda/?week={DAY.isoformat()}"
    for path, name in ((week, "week"), (f"/agenda/day/{DAY.isoformat()}/", "day"),
                       (visit.get_absolute_url(), "item"), ("/agenda/new/", "form")):
        phone.visit(path)
        phone.assert_styled()
        phone.assert_fits_phone()
        phone.screenshot(f"agenda-{name}-phone")
    phone.visit(week)
    phone.shows("เยี่ยมชมโรงเรียนวัดราชบพิธ โครงการห้องเรียนดิจิทัล", "10:30–12:00 น.")
