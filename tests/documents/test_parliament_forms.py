"""The answer to a parliamentary question and the speaking brief: filled from the item and the agencies'
answers when started on its matter, every question answered under its number, PDF text exact, DOCX alike."""

import io

import pytest
from docx import Document as Docx

from prasan.coordination.models import AgencyRequest
from prasan.documents import drafting
from prasan.documents.forms import FormError, get_form
from prasan.documents.render.docx import render_docx
from prasan.documents.render.html import render_pdf
from tests.documents.conftest import pdf_text, squeeze
from tests.parliament.conftest import make_item, session  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

QUESTION = "1. กระทรวงมีแผนบรรจุครูผู้ช่วยในพื้นที่ขาดแคลนอย่างไร\n2. จะบรรจุได้ครบภายในปีการศึกษาใด"
ANSWER = "บรรจุแล้ว 2,814 อัตรา ที่เหลือจะบรรจุในรอบถัดไป"


@pytest.fixture
def question(make_item, agencies, users):  # noqa: F811
    item = make_item(text=QUESTION, answer_in="royal_gazette")
    AgencyRequest.objects.create(matter=item.matter, agency=agencies[0], deliverable="ข้อมูลการบรรจุครู",
                                 deadline=item.received_on, answer=ANSWER, created_by=users["coordinator"])
    return item


def test_the_answer_starts_filled_from_the_item_and_the_agencies_answers(question, users):
    document = drafting.start(question.matter, "question_answer", by=users["coordinator"])
    fields = document.fields
    assert fields["number"] == "157 ร." and fields["subject"] == question.subject
    assert fields["asker"] == "นายสมศักดิ์ ตัวอย่าง สมาชิกสภาผู้แทนราษฎร จังหวัดขอนแก่น พรรคตัวอย่าง"
    assert fields["asked"] == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"
    assert fields["questions"] == ["กระทรวงมีแผนบรรจุครูผู้ช่วยในพื้นที่ขาดแคลนอย่างไร",
                                   "จะบรรจุได้ครบภายในปีการศึกษาใด"]
    assert ANSWER in fields["answers"][0] and len(fields["answers"]) == 2


def test_every_question_is_answered_under_its_number():
    spec = get_form("question_answer")
    data = {"number": "157 ร.", "subject": "ครูผู้ช่วย", "asker": "นายสมศักดิ์ ตัวอย่าง", "asked": "รัฐมนตรี",
            "questions": ["ข้อหนึ่ง", "ข้อสอง"], "answers": ["ตอบข้อหนึ่ง"],
            "signer": {"name": "สมศักดิ์ ประสานกิจ", "position": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}}
    with pytest.raises(FormError) as refused:
        spec.clean(data)
    assert refused.value.errors == {"answers": "คำถามมี 2 ข้อ แต่คำตอบมี 1 ข้อ กรุณาตอบให้ครบทุกข้อตามลำดับคำถาม"}
    assert spec.clean(data | {"answers": ["ตอบข้อหนึ่ง", "ตอบข้อสอง"]})["answers"] == ["ตอบข้อหนึ่ง", "ตอบข้อสอง"]


def test_the_answer_prints_in_pdf_and_docx(question, users):
    document = drafting.start(question.matter, "question_answer", by=users["coordinator"])
    data = document.fields | {"answers": ["ได้บรรจุแล้ว ๒,๘๑๔ อัตรา", "ภายในปีการศึกษา ๒๕๗๐"],
                              "signer": {"name": "สมศักดิ์ ประสานกิจ",
                                         "position": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}}
    text = squeeze(pdf_text(render_pdf("question_answer", data, with_emblem=False)))
    for part in ("คำตอบกระทู้ถามที่๑๕๗ร.", "เรื่องการบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน", "ของนายสมศักดิ์ตัวอย่าง",
                 "ถามรัฐมนตรีว่าการกระทรวงศึกษาธิการ", "คำถาม", "๑.กระทรวงมีแผนบรรจุครูผู้ช่วย",
                 "คำตอบ", "๑.ได้บรรจุแล้ว๒,๘๑๔อัตรา", "๒.ภายในปีการศึกษา๒๕๗๐", "(สมศักดิ์ประสานกิจ)"):
        assert part in text, part
    assert text.index("คำถาม๑.") < text.index("คำตอบ๑.")
    words = squeeze("\n".join(p.text for p in Docx(io.BytesIO(render_docx("question_answer", data))).paragraphs))
    words = words.replace("\u200b", "")  # where a line may break (prasan.thai.linebreak)
    assert "คำตอบกระทู้ถามที่๑๕๗ร." in words and "๒.ภายในปีการศึกษา๒๕๗๐" in words


def test_the_speaking_brief_for_a_committee_session(make_item, users, agencies):  # noqa: F811
    import datetime as dt

    from django.utils import timezone

    meeting = timezone.make_aware(dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(9, 30)))
    item = make_item(kind="committee_summons", number="", committee="คณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร",
                     meeting_at=meeting, room="ห้องประชุม กมธ. ๓๐๙", text="การจัดสรรอัตราครู")
    AgencyRequest.objects.create(matter=item.matter, agency=agencies[0], deliverable="ตัวเลข",
                                 deadline=item.received_on, answer=ANSWER, created_by=users["coordinator"])
    document = drafting.start(item.matter, "speaking_brief", by=users["coordinator"])
    fields = document.fields
    assert fields["occasion"] == "การประชุมคณะกรรมาธิการการศึกษา สภาผู้แทนราษฎร"
    assert fields["date"] == meeting.date().isoformat() and fields["time_place"] == "เวลา 09.30 น. ห้องประชุม กมธ. ๓๐๙"
    assert fields["facts"] == [f"{agencies[0].name} แจ้งว่า {ANSWER}"]
    data = fields | {"follow_ups": ["ถ้าถามเรื่องงบประมาณ: ตอบว่าได้รับจัดสรรแล้ว"]}
    text = squeeze(pdf_text(render_pdf("speaking_brief", data, with_emblem=False)))
    for part in ("ประเด็นชี้แจง", "โอกาสการประชุมคณะกรรมาธิการการศึกษา", "ข้อเท็จจริงและตัวเลข",
                 "คำถามที่อาจถามต่อและแนวคำตอบ", "ที่มาของข้อมูล", squeeze(agencies[0].name)):
        assert part in text, part


def test_both_forms_are_offered_when_drafting():
    assert {"question_answer", "speaking_brief"} <= set(drafting.FORM_ORDER)
