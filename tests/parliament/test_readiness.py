"""Readiness on this week in parliament and the item page reads the answer documents' own state."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.documents import chain, drafting, signing
from prasan.parliament.models import Item
from prasan.parliament.readiness import readiness
from tests.conftest import PASSWORD
from tests.servers import smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db

SITTING = dt.date.today() + dt.timedelta(days=2)
ANSWERED = {"questions": ["จะบรรจุครูผู้ช่วยได้ครบเมื่อใด"], "answers": ["ภายในปีการศึกษา 2570"],
            "signer": {"name": "สมศักดิ์ ประสานกิจ", "position": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}}


def _answer(item, users, form="question_answer"):
    document = drafting.start(item.matter, form, by=users["coordinator"])
    if form == "question_answer":
        document = drafting.save_version(document, document.fields | ANSWERED, by=users["coordinator"])
    return document


def _ready(item):
    return readiness([Item.objects.get(pk=item.pk)])[item.pk]


def _week(login, users) -> str:
    return login(users["coordinator"]).get(reverse("parliament-week")).content.decode()


def test_each_step_of_the_answer_shows_on_this_week_without_moving_the_item(make_item, users, login,
                                                                             smtp_server):  # noqa: F811
    item = make_item(kind="general_question", number="21", subject="ถามเรื่องครูขาดแคลน", sitting_on=SITTING)
    assert _ready(item).label == "ยังไม่ได้ขอข้อมูล"
    answer = _answer(item, users)
    ready = _ready(item)
    assert (ready.label, ready.percent, ready.ready) == ("คำตอบกระทู้ถาม: กำลังร่าง", 50, False)
    assert "คำตอบกระทู้ถาม: กำลังร่าง" in _week(login, users)
    chain.submit(answer, by=users["coordinator"])
    assert _ready(item).label == "คำตอบกระทู้ถาม: อยู่ระหว่างตรวจเสนอ"
    chain.decide(answer, by=users["grouphead"], approve=True)
    chain.decide(answer, by=users["head"], approve=True)
    answer = signing.sign(answer, by=users["minister"], password=PASSWORD)
    assert _ready(item).label == "คำตอบกระทู้ถาม: อยู่ระหว่างตรวจเสนอ"  # signed, the minister's step still open
    chain.decide(answer, by=users["minister"], approve=True, verdict="approved")
    Item.objects.filter(pk=item.pk).update(status="answer_drafted")  # the item's own status left behind
    ready = _ready(item)
    assert (ready.label, ready.percent, ready.ready) == ("คำตอบกระทู้ถาม: ลงนามแล้ว", 100, True)
    signing.dispatch(answer, by=users["coordinator"], to=["saraban@soc.go.th"])
    ready = _ready(item)
    assert (ready.label, ready.percent, ready.ready) == ("คำตอบกระทู้ถาม: ส่งแล้ว", 100, True)
    assert "<strong>คำตอบกระทู้ถาม: ส่งแล้ว</strong>" in _week(login, users)


def test_the_item_status_moved_by_hand_is_not_undone_by_an_earlier_document(make_item, users):
    from prasan.parliament.services import change_status

    item = make_item(kind="general_question", number="22", sitting_on=SITTING)
    for to in ("assigned", "information_requested", "answer_drafted", "approved"):
        change_status(item, by=users["coordinator"], to=to)
    _answer(item, users)
    ready = _ready(item)
    assert ready.percent == 100 and ready.ready and ready.label == "คำตอบกระทู้ถาม: กำลังร่าง"


def test_a_refused_answer_is_not_ready_and_the_new_draft_is_shown(make_item, users):
    item = make_item(kind="general_question", number="23", sitting_on=SITTING)
    answer = _answer(item, users)
    chain.submit(answer, by=users["coordinator"])
    chain.decide(answer, by=users["grouphead"], approve=True)
    chain.decide(answer, by=users["head"], approve=True)
    chain.decide(answer, by=users["minister"], approve=True, verdict="not_approved", comment="ตอบใหม่")
    ready = _ready(item)
    assert (ready.label, ready.ready) == ("คำตอบกระทู้ถาม: รัฐมนตรีไม่เห็นชอบ", False)
    _answer(item, users)
    assert _ready(item).label == "คำตอบกระทู้ถาม: กำลังร่าง"


def test_a_brief_passed_review_makes_a_summons_ready_and_agencies_still_show(make_item, users, agencies, login):
    item = make_item(kind="committee_summons", number="", committee="คณะกรรมาธิการการศึกษา",
                     subject="ชี้แจงงบประมาณครู", meeting_at=timezone.make_aware(dt.datetime.combine(SITTING, dt.time(9, 30))))
    AgencyRequest.objects.create(matter=item.matter, agency=agencies[0], deliverable="ข้อมูล", deadline=SITTING,
                                 status="answered")
    brief = _answer(item, users, form="speaking_brief")
    brief.fields = brief.fields | {"points": ["งบประมาณ"], "facts": ["ข้อเท็จจริง"]}
    brief.save()
    chain.submit(brief, by=users["coordinator"])
    for reviewer in ("grouphead", "head"):
        chain.decide(brief, by=users[reviewer], approve=True)
    assert not _ready(item).ready  # the minister's step is still open
    chain.decide(brief, by=users["minister"], approve=True, verdict="acknowledged")
    Item.objects.filter(pk=item.pk).update(status="information_requested")  # the item's own status left behind
    ready = _ready(item)
    assert (ready.label, ready.ready, ready.agencies) == ("ประเด็นชี้แจง: ผ่านการตรวจแล้ว", True, "หน่วยงานตอบแล้ว 1/1")
    page = login(users["coordinator"]).get(item.get_absolute_url()).content.decode()
    assert "ประเด็นชี้แจง:" in page and "หน่วยงานตอบแล้ว 1/1" in page
    assert "หน่วยงานตอบแล้ว 1/1" in _week(login, users)


def test_the_week_counts_its_queries_with_documents_on_every_item(make_item, users, login,
                                                                 django_assert_max_num_queries):
    for n in range(6):
        item = make_item(kind="general_question", number=f"3{n}", subject=f"ถามเรื่องที่ {n}", sitting_on=SITTING)
        _answer(item, users)
        _answer(item, users, form="speaking_brief")
    client = login(users["coordinator"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("parliament-week")).content.decode()
    assert page.count("คำตอบกระทู้ถาม: กำลังร่าง · ประเด็นชี้แจง: กำลังร่าง") == 6
