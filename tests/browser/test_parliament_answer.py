"""Issue #15's walk: a written question's matter (as intake leaves it) → information requested from two agencies,
who answer by their links → the answer (คำตอบกระทู้ถาม) drafted from their replies → reviewed by the group head and
the head from their lists → signed and approved by the minister → sent; the item shows answered without anyone
setting it, and the session report counts it."""
# ruff: noqa: F811  (the parliament fixtures, imported, are named as parameters)

import datetime as dt

import pytest

from prasan.documents import drafting
from prasan.documents.models import Document
from prasan.parliament.models import Item
from tests.conftest import PASSWORD
from tests.parliament.conftest import make_item, session  # noqa: F401  (fixtures)

from .test_new_users_day import _reply_links, _wait_for_mail
from .test_whose_turn import my_work, open_from_inbox

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "1. กระทรวงได้จัดสรรอัตราครูผู้ช่วยให้จังหวัดขอนแก่นแล้วกี่อัตรา\n2. จะบรรจุได้ครบเมื่อใด"


def test_a_written_question_is_answered_from_the_agencies_replies_and_counted(
        open_browser, office, unit, users, agencies, smtp_server, session, make_item):
    obec, vec = agencies
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    minister = users["minister"]
    minister.first_name, minister.last_name, minister.position = "สมศักดิ์", "ประสานกิจ", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
    minister.save()
    item = make_item(text=QUESTION, answer_in="royal_gazette", subject="การบรรจุครูผู้ช่วยในจังหวัดขอนแก่น",
                     letter_deadline=dt.date.today() + dt.timedelta(days=14),
                     matter_fields={"assignees": [users["coordinator"]]})
    matter = item.matter

    # The coordinator finds the question under รัฐสภา and asks both agencies in writing.
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.click_link("รัฐสภา").click_link("รายการกระทู้ ญัตติ ร่าง พ.ร.บ.").click_link(item.subject)
    desk.click_link(f"เรื่อง {matter.number}")
    desk.click_link("ขอข้อมูลจากหน่วยงาน")
    desk.choose(str(obec), name="agencies").choose(str(vec), name="agencies")
    desk.fill("id_deliverable", "จำนวนอัตราครูผู้ช่วยที่จัดสรรให้จังหวัดขอนแก่น และกำหนดการบรรจุ")
    desk.fill("id_deadline_days", "3")
    desk.pick("id_channel", "อีเมล")
    desk.press("ส่งคำขอ")
    desk.shows("คำขอถึง 2 หน่วยงานแล้ว")

    # Each agency answers from its own link, without an account.
    _wait_for_mail(smtp_server, 2)
    replies = {"liaison@obec.example": "จัดสรรให้จังหวัดขอนแก่นแล้ว 126 อัตรา",
               "liaison@vec.example": "สถานศึกษาอาชีวศึกษาในจังหวัดไม่ขาดแคลนครูผู้ช่วย"}
    for address, answer in replies.items():
        [link] = _reply_links(smtp_server.to(address))
        liaison = open_browser("phone")
        liaison.visit(link)
        liaison.fill("id_name", "เจ้าหน้าที่ประสานงาน").fill("id_answer", answer)
        liaison.press("ส่งคำตอบ")
        assert liaison.title == "ได้รับคำตอบแล้ว"

    # The answer starts from the question and the agencies' replies.
    desk.visit(matter.get_absolute_url())
    desk.click_link("ร่างเอกสาร")
    desk.choose("คำตอบกระทู้ถาม", name="form")
    desk.press("เริ่มร่าง")
    answer = Document.objects.get(matter=matter, form="question_answer")
    fields = answer.fields
    assert fields["number"] == "157 ร." and len(fields["questions"]) == 2
    assert all(reply in fields["answers"][0] for reply in replies.values())
    # The coordinator's editing (the editor's own test types field by field): the service the form calls.
    drafting.save_version(answer, fields | {"answers": [
        "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานได้จัดสรรอัตราครูผู้ช่วยให้จังหวัดขอนแก่นแล้ว 126 อัตรา",
        "คาดว่าจะบรรจุได้ครบภายในปีการศึกษา 2570"]}, by=users["coordinator"], note="เรียบเรียงคำตอบ")
    desk.visit(desk.path)
    desk.press("เสนอตรวจ")
    desk.shows("เสนอตรวจแล้ว")
    assert Item.objects.get(pk=item.pk).status == "answer_drafted"
    desk.logout()

    for reviewer in ("grouphead", "head"):
        desk.login(reviewer)
        open_from_inbox(desk, "รอท่านตรวจ", answer.title[:30])
        desk.press("ผ่าน เสนอต่อ")
        desk.shows("บันทึกผลการตรวจแล้ว")
        desk.logout()

    # The minister signs the answer with his password and approves it, from his list.
    desk.login("minister")
    my_work(desk)
    open_from_inbox(desk, "", answer.title[:30])
    desk.fill("sign-password", PASSWORD)
    desk.press("ลงนามและออกเลข")
    desk.shows("ลงนามและออกเลขแล้ว")
    desk.pick("verdict", "เห็นชอบ")
    desk.press("บันทึกคำสั่งการ")
    assert Item.objects.get(pk=item.pk).status == "approved"
    desk.logout()

    # The coordinator sends it to the Cabinet Secretariat from his list; the item is answered by itself.
    desk.login("coordinator")
    open_from_inbox(desk, "ลงนามแล้ว รอส่ง", answer.title[:30])
    desk.fill("to", "saraban@soc.go.th")
    desk.press("ส่งทางอีเมลพร้อม PDF")
    assert desk.errors() == []
    item.refresh_from_db()
    assert item.status == "answered" and item.answer_sent_on == dt.date.today()
    desk.click_link("รัฐสภา").click_link("รายการกระทู้ ญัตติ ร่าง พ.ร.บ.").click_link(item.subject)
    assert desk.field("item-status").text == "ตอบ/ชี้แจงแล้ว"
    desk.screenshot("parliament-answered-desktop")
    desk.logout()

    desk.login("head")
    desk.click_link("รัฐสภา").click_link("รายงานสมัยประชุม")
    assert "ตอบแล้ว\n1 รายการ" in desk.field("report-summary").text
