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
