"""In Chromium: the registrar drafts the year's destruction list, the head approves it with the committee's
names, the registrar carries it out; the letter's file is gone, the register line and the list remain."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from prasan.correspondence.models import EntryFile, RegisterEntry
from prasan.records.models import RecordsList

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_letter_is_destroyed_only_through_an_approved_list(open_browser, office, users):
    old = RegisterEntry.objects.create(office=office, register="incoming", year=2550, number=7,
                                       doc_number="ศธ 04009/1234", letter_date=dt.date(2007, 5, 1),
                                       subject="ขอความอนุเคราะห์ข้อมูลสถิติ (หนังสือเก่า)")
    stored = EntryFile(entry=old, name="letter.pdf", sha256="0" * 64, size=8, content_type="application/pdf")
    stored.file.save("letter.bin", ContentFile(b"%PDF-1.4"), save=False)
    stored.save()

    desk = open_browser("desktop")
    desk.login("registrar")
    desk.click_link("เก็บรักษา/ทำลาย")
    desk.press("จัดทำบัญชีจากหนังสือที่ครบกำหนด")
    desk.shows("รอคณะกรรมการพิจารณา", "ศธ 04009/1234", "ทะเบียนหนังสือรับ", "เก็บไม่น้อยกว่า 10 ปี")
    assert "ทำลายหนังสือตามบัญชี" not in desk.buttons(), "nothing is destroyed before approval"
    desk.screenshot("records-1-draft")
    desk.logout()

    desk.login("head")
    desk.click_link("เก็บรักษา/ทำลาย")
    desk.click_link(str(RecordsList.objects.get()))
    desk.fill("committee", "นายสมชาย ใจดี ประธานกรรมการ\nนางสาวมาลัย ศรีสวัสดิ์ กรรมการ")
    desk.press("อนุมัติบัญชี")
    desk.shows("อนุมัติบัญชีแล้ว", "นายสมชาย ใจดี ประธานกรรมการ")
    desk.logout()

    phone = open_browser("phone")
    phone.login("registrar")
    phone.click_link("เก็บรักษา/ทำลาย")
    phone.click_link(str(RecordsList.objects.get()))
    phone.press("ทำลายหนังสือตามบัญชี")
    phone.shows("ดำเนินการตามบัญชีแล้ว", "ดำเนินการแล้ว", "ศธ 04009/1234")
    phone.assert_fits_phone()
    phone.screenshot("records-2-done-phone")
    assert not EntryFile.objects.exists()
    assert RegisterEntry.objects.filter(pk=old.pk).exists()


def test_a_secret_letter_is_destroyed_by_the_committee_the_head_named_and_certified(open_browser, office, users,
                                                                                     unit):
    from prasan.records.models import SecretDestruction
    from tests.conftest import make_user

    users["registrar"].clearance = 3
    users["registrar"].save()
    secret = RegisterEntry.objects.create(office=office, register="secret", year=2560, number=3, secrecy=3,
                                          doc_number="ศธ 0201/ลับ 3", letter_date=dt.date(2017, 6, 1),
                                          subject="รายงานผลการสอบสวนข้อเท็จจริงกรณีร้องเรียน")
    make_user("member1", "group_head", unit, clearance=3, position="หัวหน้ากลุ่มงานวิเคราะห์")
    make_user("member2", "coordinator", unit, clearance=3, position="นักวิเคราะห์นโยบายและแผนชำนาญการ")

    desk = open_browser("desktop")
    desk.login("registrar")
    desk.click_link("เก็บรักษา/ทำลาย")
    desk.click_link("การทำลายหนังสือลับ")
    desk.shows("หนังสือลับที่ขอทำลายได้", secret.subject)
    desk.driver.find_element("id", f"entry-{secret.pk}").click()
    desk.fill("reason", "เรื่องยุติแล้ว หมดความจำเป็นต้องเก็บรักษา")
    desk.press("เสนอขออนุมัติทำลาย")
    desk.shows("รอหัวหน้าสำนักงานอนุมัติ", "ลับที่สุด", secret.subject)
    desk.assert_styled()
    desk.screenshot("secret-destruction-1-proposed")
    desk.logout()

    desk.login("head")
    desk.click_link("แจ้งเตือน 1")
    desk.click_link(f"รอท่านอนุมัติให้ทำลายหนังสือลับ: {SecretDestruction.objects.get()}")
    desk.choose("member1 หัวหน้ากลุ่มงานวิเคราะห์", "member").choose("member2 นักวิเคราะห์นโยบายและแผนชำนาญการ", "member")
    desk.choose("เผา", "method")
    desk.press("อนุมัติให้ทำลาย")
    desk.shows("อนุมัติให้ทำลายและแต่งตั้งคณะกรรมการแล้ว", "อนุมัติแล้ว รอคณะกรรมการทำลาย")
    desk.logout()

    phone = open_browser("phone")
    phone.login("member1")  # told in the header's notices, which lead to the list
    phone.click_link("แจ้งเตือน 1")
    phone.click_link(f"ท่านได้รับแต่งตั้งเป็นกรรมการทำลายหนังสือลับ: {SecretDestruction.objects.get()}")
    phone.press("คณะกรรมการทำลายหนังสือตามบัญชีแล้ว")
    phone.shows("กรุณากรอกวันที่")  # nothing is recorded without the day
    today = dt.date.today()
    phone.fill("id_destroyed_on", f"{today.day}/{today.month}/{today.year + 543}")
    phone.press("คณะกรรมการทำลายหนังสือตามบัญชีแล้ว")
    phone.shows("บันทึกการทำลายแล้ว", "ทำลายแล้ว", "พิมพ์ใบรับรองการทำลาย (PDF)")
    phone.assert_fits_phone()
    phone.screenshot("secret-destruction-2-done-phone")
    assert SecretDestruction.objects.get().status == "done"

    phone.logout().login("coordinator")
    phone.visit("/records/secret/")
    assert secret.subject not in phone.text
