"""A parent on a phone files a complaint through the public form (no account), with a photo, gets a number and a
private code, and opens the status page with them; a wrong code gets the same answer as a wrong number."""

import time

import pytest
from PIL import Image

from prasan.complaints.models import Complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(folder):
    path = folder / "school-receipt.png"
    Image.new("RGB", (60, 40), "white").save(path, "PNG")
    return path


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_parent_files_on_a_phone_and_follows_it_by_number_and_code(open_browser, office, tmp_path, size):
    parent = open_browser(size)
    parent.visit("/public/complaint/")
    parent.assert_styled()
    assert parent.title == "ร้องเรียน ร้องทุกข์ หรือขอความช่วยเหลือ"
    parent.shows("ประกาศความเป็นส่วนตัว", "มาตรา ๒๔ (๔)")
    if size == "phone":
        parent.assert_fits_phone()
    parent.screenshot(f"public-complaint-form-{size}")
    parent.press("ส่งเรื่อง")  # nothing typed: told what is missing, in Thai, beside the fields
    assert "กรุณาอ่านประกาศความเป็นส่วนตัวแล้วเลือกช่องนี้" in " ".join(parent.errors())
    parent.fill("id_subject", "โรงเรียนบังคับซื้อชุดพละราคาแพง")
    parent.fill("id_details", "โรงเรียนให้ซื้อชุดพละจากร้านที่กำหนด ชุดละ 1,850 บาท แพงกว่าท้องตลาดเกือบเท่าตัว")
    parent.fill("id_about", "โรงเรียนบ้านหนองบัว")
    parent.pick("id_province", "ขอนแก่น")
    parent.fill("id_name", "นางสาวสมหญิง ทองดี").fill("id_phone", "081-234-5678")
    parent.attach("id_files", _photo(tmp_path))
    parent.choose("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวข้างต้นแล้ว")
    time.sleep(3)  # a person takes longer than the 3 seconds below which the form takes the sender for a program
    parent.press("ส่งเรื่อง")
    parent.wait_for_title("สำนักงานได้รับเรื่องของท่านแล้ว")
    number = parent.field("receipt-number").text
    code = parent.field("receipt-code").text
    complaint = Complaint.objects.get()
    assert complaint.number == number and complaint.channel == "web_form"
    assert complaint.matter.files.filter(name="school-receipt.png").exists()
    if size == "phone":
        parent.assert_fits_phone()
    parent.screenshot(f"public-complaint-received-{size}")

    parent.click_link("ไปหน้าตรวจสถานะเรื่อง")
    assert parent.value("id_number") == number
    parent.fill("id_code", "00000-00000").press("ตรวจสถานะ")
    parent.shows("ไม่พบเรื่องตามเลขที่เรื่องและรหัสที่ระบุ")
    parent.fill("id_number", number).fill("id_code", code).press("ตรวจสถานะ")
    parent.shows(f"เรื่องเลขที่ {number}", "รับเรื่องแล้ว", "แจ้งรับเรื่อง", "โรงเรียนบังคับซื้อชุดพละราคาแพง")
    assert "สมหญิง" not in parent.text and "081-234-5678" not in parent.text
    if size == "phone":
        parent.assert_fits_phone()
    parent.screenshot(f"public-complaint-status-{size}")
