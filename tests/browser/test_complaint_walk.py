"""Issue 16's walk, in Chromium: a parent files through the public form on a phone and gets a number and a code;
the registrar sees it; a coordinator (without เห็นข้อมูลผู้ร้อง) forwards it to the school's agency with the
identity hidden — the agency's reply page names no one —; the agency answers; a holder of the permission answers
the parent by e-mail and concludes it; the parent's status page shows the result. The coordinator never sees the
parent's name or contact anywhere: pages, search, CSV, XLSX, e-mail and the API are each asserted."""

import datetime as dt
import io
import time

import pytest
from django.test import Client

from prasan.accounts.models import ApiToken
from prasan.complaints.models import Complaint, Policy
from prasan.coordination import links
from tests.complaints.conftest import grant_complainant_permission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "นางสาวสมหญิง ทองดี"
PHONE = "081-234-5678"
EMAIL = "somying@example.com"
HIDDEN = ("สมหญิง", "ทองดี", "081-234-5678", "0812345678", "somying")


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def hidden_in(text: str, where: str) -> None:
    found = [part for part in HIDDEN if part in text]
    assert not found, f"{where} แสดงข้อมูลผู้ร้อง {found}:\n{text[:3000]}"


def hides_the_parent(ui):
    hidden_in(ui.text, ui.path)
    return ui


def test_a_parent_files_on_a_phone_and_reads_the_result_on_the_status_page(open_browser, office, users, agencies,
                                                                          smtp_server):
    grant_complainant_permission(users["grouphead"])
    policy = Policy.of(office)  # the office's setting: complaints from the public form are this unit's work
    policy.unit = users["coordinator"].unit
    policy.save()

    # The parent, on a phone, no account.
    parent = open_browser("phone")
    parent.visit("/public/complaint/")
    parent.fill("id_subject", "โรงเรียนเรียกเก็บเงินค่าอาหารกลางวัน")
    parent.fill("id_details", "ครูประจำชั้น ป.4 เก็บเงินค่าอาหารกลางวันคนละ 500 บาททุกเดือน ทั้งที่รัฐจ่ายให้แล้ว")
    parent.fill("id_about", "โรงเรียนบ้านหนองบัววิทยา").pick("id_province", "ขอนแก่น")
    parent.fill("id_name", NAME).fill("id_phone", PHONE).fill("id_email", EMAIL)
    parent.choose("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวข้างต้นแล้ว")
    time.sleep(3)  # a person is slower than the form's 3 seconds
    parent.press("ส่งเรื่อง")
    parent.wait_for_title("สำนักงานได้รับเรื่องของท่านแล้ว")
    number, code = parent.field("receipt-number").text, parent.field("receipt-code").text
    parent.assert_fits_phone()
    parent.screenshot("walk-1-parent-receipt-phone")
    complaint = Complaint.objects.get()
    assert complaint.number == number and complaint.channel == "web_form"

    # The registrar sees it arrive in the complaints list.
    registrar = open_browser("desktop").login("registrar")
    registrar.visit("/complaints/").shows("โรงเรียนเรียกเก็บเงินค่าอาหารกลางวัน", number)
    hides_the_parent(registrar)

    # The coordinator forwards it to the school's agency, the parent's identity hidden.
    coordinator = open_browser("desktop").login("coordinator")
    coordinator.visit(complaint.get_absolute_url())
    hides_the_parent(coordinator)
    form = coordinator.open_action("ส่งเรื่องให้หน่วยงานตรวจสอบ")
    coordinator.pick("id_agencies", str(agencies[0]))
    coordinator.fill("id_deadline", be(dt.date.today() + dt.timedelta(days=14)))
    coordinator.press("ส่งเรื่อง", within=form)
    coordinator.shows("ส่งเรื่องให้หน่วยงานแล้ว 1 หน่วยงาน")
    hides_the_parent(coordinator)
    coordinator.screenshot("walk-2-coordinator-forwarded")

    # The agency's reply page names no one; it answers.
    agency = open_browser("phone")
    agency.visit(links.reply_url(complaint.forwardings.get().request)).shows("โรงเรียนบ้านหนองบัววิทยา")
    hides_the_parent(agency)
    agency.screenshot("walk-3-agency-reply-phone")
    agency.fill("id_name", "นายผู้ตรวจ สพป.ขอนแก่น").fill("id_answer", "ตรวจสอบแล้ว โรงเรียนคืนเงินผู้ปกครองครบทุกคน")
    agency.press("ส่งคำตอบ")
    coordinator.visit(complaint.get_absolute_url()).shows("ตรวจสอบแล้ว โรงเรียนคืนเงินผู้ปกครองครบทุกคน")
    hides_the_parent(coordinator)

    # A holder of เห็นข้อมูลผู้ร้อง answers the parent by e-mail and concludes it.
    holder = open_browser("desktop").login("grouphead")
    holder.visit(complaint.get_absolute_url()).click_link("แสดงข้อมูลผู้ร้อง")
    holder.fill("id_reason", "แจ้งผลการพิจารณาแก่ผู้ร้อง").press("ยืนยันและแสดงข้อมูล")
    holder.shows(NAME)
    form = holder.open_action("แจ้งผู้ร้อง")
    holder.pick("id_kind", "แจ้งผลการพิจารณา").pick("id_via", "อีเมล")
    holder.fill("id_text", "โรงเรียนคืนเงินค่าอาหารกลางวันแก่ผู้ปกครองทุกคนแล้ว และกำชับครูมิให้เรียกเก็บอีก")
    holder.press("บันทึกและส่ง", within=form)
    holder.shows("แจ้งผลการพิจารณาแก่ผู้ร้องแล้ว")
    form = holder.open_action("ยุติเรื่อง")
    holder.pick("id_result", "ดำเนินการแก้ไขแล้ว")
    holder.press("ยุติเรื่อง", within=form)
    holder.shows("ยุติเรื่องแล้ว: ดำเนินการแก้ไขแล้ว")
    to_parent = [m for m in smtp_server.messages if m["To"] == EMAIL]
    assert len(to_parent) == 1 and "คืนเงินค่าอาหารกลางวัน" in to_parent[0].get_body().get_content()

    # The parent's status page shows the result, by number and code.
    parent.visit("/public/complaint/status/")
    parent.fill("id_number", number).fill("id_code", code).press("ตรวจสถานะ")
    parent.shows(f"เรื่องเลขที่ {number}", "ยุติเรื่อง: ดำเนินการแก้ไขแล้ว", "ส่งหน่วยงานที่เกี่ยวข้องตรวจสอบข้อเท็จจริงแล้ว",
                 "โรงเรียนคืนเงินค่าอาหารกลางวันแก่ผู้ปกครองทุกคนแล้ว")
    parent.assert_fits_phone()
    parent.screenshot("walk-4-parent-status-phone")

    # Everywhere the coordinator looks, the parent stays unnamed.
    for path in ("/complaints/", "/complaints/?q=โรงเรียน", complaint.get_absolute_url(),
                 "/search/?q=โรงเรียนเรียกเก็บเงินค่าอาหารกลางวัน", complaint.matter.get_absolute_url(), "/my-work/"):
        hides_the_parent(coordinator.visit(path))
    for term in ("ทองดี", "0812345678", "somying"):  # the search index holds no contact: the name finds nothing
        assert number not in coordinator.visit(f"/search/?q={term}").text
    staff = Client()
    staff.force_login(users["coordinator"])
    csv = staff.get("/complaints/export.csv")
    assert csv.status_code == 200 and number in csv.content.decode("utf-8-sig")
    hidden_in(csv.content.decode("utf-8-sig"), "CSV")
    xlsx = staff.get("/complaints/export.xlsx")
    from openpyxl import load_workbook

    cells = " ".join(str(c) for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True)
                     for c in row if c is not None)
    assert number in cells
    hidden_in(cells, "XLSX")
    _, token = ApiToken.issue(users["coordinator"], "walk")
    api = Client(headers={"Authorization": f"Bearer {token}"})
    for path in ("/api/v1/complaints", f"/api/v1/complaints/{complaint.pk}"):
        answer = api.get(path)
        assert answer.status_code == 200, answer.content
        hidden_in(answer.content.decode(), path)
    for message in smtp_server.messages:
        if message["To"] != EMAIL:
            hidden_in(message.get_body().get_content(), f"อีเมลถึง {message['To']}")
