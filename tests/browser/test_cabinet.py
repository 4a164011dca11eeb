"""A cabinet meeting from the coordinator's form to a resolution's follow-up matter, in Chromium, desktop and phone."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.cabinet.models import AgendaItem, Meeting
from prasan.matters.models import Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def test_a_meeting_its_agenda_item_resolution_and_followup(open_browser, office, users):
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.click_link("ครม.").click_link("+ บันทึกการประชุม")
    # Held yesterday off-site: the resolution can then be recorded for it.
    desk.fill("id_meets_at_0", be(TODAY - dt.timedelta(days=1))).fill("id_meets_at_1", "09.00")
    desk.fill("id_number", "15/2569").choose("ครม. นอกสถานที่", name="location")
    desk.fill("id_venue", "ศาลากลางจังหวัดขอนแก่น")
    desk.press("บันทึก")
    # Off-site without a province: said beside the field, nothing typed lost.
    assert any("ต้องระบุจังหวัด" in e for e in desk.errors()), desk.errors()
    assert desk.value("id_venue") == "ศาลากลางจังหวัดขอนแก่น"
    desk.screenshot("cabinet-meeting-form-error-desktop")
    desk.fill("id_province", "ขอนแก่น").press("บันทึก")
    desk.shows("บันทึกประชุม ครม. ครั้งที่ 15/2569", "ครม. นอกสถานที่ จังหวัดขอนแก่น (ศาลากลางจังหวัดขอนแก่น)")
    meeting_path = desk.path

    desk.click_link("+ เพิ่มวาระ")
    desk.fill("id_order", "4.1").fill("id_subject", "ขอความเห็นชอบโครงการโรงเรียนคุณภาพประจำตำบล")
    desk.choose("หนังสือสำนักเลขาธิการคณะรัฐมนตรี (สลค.)", name="source")
    desk.fill("id_briefing_points", "ความพร้อมของโรงเรียนเป้าหมาย ๘๙ แห่ง")
    desk.press("บันทึก")
    assert any("ต้องระบุที่หนังสือ" in e for e in desk.errors()), desk.errors()
    assert desk.value("id_briefing_points") == "ความพร้อมของโรงเรียนเป้าหมาย ๘๙ แห่ง"
    desk.fill("id_letter_number", "นร 0505/ว 180").press("บันทึก")
    item = AgendaItem.objects.get()
    desk.shows(f"บันทึกวาระแล้ว เลขเรื่อง {item.matter.number}", "ประเด็นที่รัฐมนตรีต้องชี้แจง",
               "ความพร้อมของโรงเรียนเป้าหมาย ๘๙ แห่ง")
    assert item.matter.duty_type == "political_support"

    form = desk.open_action("บันทึกมติ")
    desk.fill("id_resolution", "เห็นชอบตามที่กระทรวงศึกษาธิการเสนอ และให้รายงานผลภายใน ๖ เดือน")
    desk.fill("id_resolved_on", be(TODAY - dt.timedelta(days=1)))
    desk.press("บันทึกมติ", within=form)
    desk.shows("บันทึกมติคณะรัฐมนตรีแล้ว", "เห็นชอบตามที่กระทรวงศึกษาธิการเสนอ")
    desk.fill("id_due", be(TODAY + dt.timedelta(days=60)))
    desk.screenshot("cabinet-agenda-desktop")
    item_path = desk.path
    desk.press("สร้างเรื่องติดตามมติ")
    followup = Matter.objects.get(duty_type="policy_followup")
    assert desk.path == followup.get_absolute_url()
    desk.shows(f"สร้างเรื่องติดตามมติแล้ว เลขเรื่อง {followup.number}")
    assert followup.parent == item.matter and followup.external_deadline == TODAY + dt.timedelta(days=60)

    desk.visit(item_path)
    desk.shows(f"เรื่อง {followup.number}")
    assert "สร้างเรื่องติดตามมติ" not in desk.buttons()
    desk.visit(meeting_path)
    desk.screenshot("cabinet-meeting-desktop")
    desk.click_link("ประชุมคณะรัฐมนตรี")
    desk.screenshot("cabinet-list-desktop")
    assert Meeting.objects.count() == 1

    phone = open_browser("phone")
    phone.login("coordinator")
    for path, name in (("/cabinet/", "list"), (meeting_path, "meeting"), (item_path, "agenda"),
                       ("/cabinet/new/", "form"), (f"/cabinet/{item.meeting_id}/agenda/new/", "agenda-form")):
        phone.visit(path)
        phone.assert_styled()
        phone.assert_fits_phone()
        phone.screenshot(f"cabinet-{name}-phone")
