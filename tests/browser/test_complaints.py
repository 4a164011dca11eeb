"""A parent's complaint worked by the office in Chromium, at desktop and phone size: recorded by the registrar,
forwarded by a coordinator who never sees the parent's name, answered by the school's agency on its reply page
(which names no one), told to the parent by e-mail by a holder of เห็นข้อมูลผู้ร้อง, concluded."""

import datetime as dt

import pytest

from prasan.complaints.models import Complaint
from prasan.coordination import links
from tests.complaints.conftest import grant_complainant_permission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "นางสาวสมหญิง ทองดี"
HIDDEN = ("สมหญิง", "ทองดี", "0812345678", "somying")


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def hides_the_parent(ui):
    page = ui.text
    assert not [part for part in HIDDEN if part in page], f"{ui.path} แสดงข้อมูลผู้ร้อง:\n{page}"
    return ui


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_parents_complaint_from_record_to_answer(open_browser, users, agencies, smtp_server, size):
    grant_complainant_permission(users["grouphead"])
    registrar = open_browser(size).login("registrar")
    registrar.visit("/complaints/new/")
    registrar.pick("id_channel", "มาร้องด้วยตนเอง")
    registrar.fill("id_subject", "โรงเรียนเรียกเก็บเงินค่าอาหารกลางวันจากผู้ปกครอง")
    registrar.fill("id_details", "ครูประจำชั้น ป.4 เก็บเงินค่าอาหารกลางวันคนละ 500 บาท ผู้ร้องบัตรประชาชน 1101700230708")
    registrar.fill("id_about", "โรงเรียนบ้านหนองบัววิทยา").fill("id_province", "ขอนแก่น")
    registrar.fill("id_name", NAME).fill("id_phone", "0812345678").fill("id_email", "somying@example.com")
    registrar.press("บันทึก")
    registrar.shows("บันทึกเรื่องร้องเรียนแล้ว", "รหัสติดตามสถานะของผู้ร้อง", "รอแจ้งรับเรื่อง")
    hides_the_parent(registrar)  # the registrar does not hold the permission either
    registrar.screenshot(f"complaint-recorded-{size}")
    complaint = Complaint.objects.get()

    coordinator = open_browser(size).login("coordinator")
    coordinator.visit("/complaints/").shows("โรงเรียนเรียกเก็บเงินค่าอาหารกลางวัน", "ส*** ท***")
    hides_the_parent(coordinator)
    coordinator.screenshot(f"complaint-list-{size}")
    if size == "phone":
        coordinator.assert_fits_phone()
    coordinator.visit(complaint.get_absolute_url()).shows("x-xxxx-xxxxx-xx-x", "ข้อมูลผู้ร้องแสดงแบบปกปิด")
    hides_the_parent(coordinator)
    form = coordinator.open_action("ส่งเรื่องให้หน่วยงานตรวจสอบ")
    coordinator.pick("id_agencies", str(agencies[0]))
    coordinator.fill("id_deadline", be(dt.date.today() + dt.timedelta(days=14)))
    coordinator.press("ส่งเรื่อง", within=form)
    coordinator.shows("ส่งเรื่องให้หน่วยงานแล้ว 1 หน่วยงาน", "ปกปิดตัวผู้ร้อง")
    hides_the_parent(coordinator)
    coordinator.screenshot(f"complaint-forwarded-{size}")
    if size == "phone":
        coordinator.assert_fits_phone()

    agency = open_browser(size)
    request = complaint.forwardings.get().request
    agency.visit(links.reply_url(request)).shows("โรงเรียนบ้านหนองบัววิทยา")
    hides_the_parent(agency)
    agency.fill("id_name", "นายผู้ตรวจ สพป.ขอนแก่น").fill("id_answer", "ตรวจสอบแล้ว โรงเรียนคืนเงินผู้ปกครองครบทุกคน")
    agency.press("ส่งคำตอบ")

    coordinator.visit(complaint.get_absolute_url()).shows("ตรวจสอบแล้ว โรงเรียนคืนเงินผู้ปกครองครบทุกคน")
    hides_the_parent(coordinator)

    holder = open_browser(size).login("grouphead")
    holder.visit(complaint.get_absolute_url()).click_link("แสดงข้อมูลผู้ร้อง")
    holder.fill("id_reason", "แจ้งผลการพิจารณาแก่ผู้ร้อง").press("ยืนยันและแสดงข้อมูล")
    holder.shows(NAME, "0812345678")
    form = holder.open_action("แจ้งผู้ร้อง")
    holder.pick("id_kind", "แจ้งผลการพิจารณา").pick("id_via", "อีเมล")
    holder.fill("id_text", "ผลปรากฏว่าโรงเรียนคืนเงินค่าอาหารกลางวันแก่ผู้ปกครองทุกคนแล้ว")
    holder.press("บันทึกและส่ง", within=form)
    holder.shows("แจ้งผลการพิจารณาแก่ผู้ร้องแล้ว")
    form = holder.open_action("ยุติเรื่อง")
    holder.pick("id_result", "ดำเนินการแก้ไขแล้ว")
    holder.press("ยุติเรื่อง", within=form)
    holder.shows("ยุติเรื่องแล้ว: ดำเนินการแก้ไขแล้ว")
    holder.screenshot(f"complaint-concluded-{size}")
    if size == "phone":
        holder.assert_fits_phone()
    sent = [m for m in smtp_server.messages if m["To"] == "somying@example.com"]
    assert len(sent) == 1 and "คืนเงินค่าอาหารกลางวัน" in sent[0].get_body().get_content()
    others = [m for m in smtp_server.messages if m["To"] != "somying@example.com"]
    assert others and all(not [p for p in HIDDEN if p in m.get_body().get_content()] for m in others)
