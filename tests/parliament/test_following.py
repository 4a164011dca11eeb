"""The item follows its answer document (parliament/following.py): one action, one record."""

import pytest

from prasan.coordination.models import AgencyRequest
from prasan.documents import chain, drafting, signing
from prasan.parliament.models import Item
from tests.conftest import PASSWORD
from tests.servers import smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db

ANSWERED = {"questions": ["จะบรรจุครูผู้ช่วยได้ครบเมื่อใด"], "answers": ["ภายในปีการศึกษา 2570"],
            "signer": {"name": "สมศักดิ์ ประสานกิจ", "position": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}}


def _status(item) -> str:
    return Item.objects.get(pk=item.pk).status


def _answer(item, users):
    document = drafting.start(item.matter, "question_answer", by=users["coordinator"])
    return drafting.save_version(document, document.fields | ANSWERED, by=users["coordinator"])


def test_a_written_question_is_answered_by_its_answer_going_out(make_item, users, agencies, smtp_server):  # noqa: F811
    item = make_item(answer_in="royal_gazette")
    AgencyRequest.objects.create(matter=item.matter, agency=agencies[0], deliverable="ข้อมูล",
                                 deadline=item.received_on, answer="บรรจุแล้ว 2,814 อัตรา")
    answer = _answer(item, users)
    assert _status(item) == "received"
    chain.submit(answer, by=users["coordinator"])
    assert _status(item) == "answer_drafted"
    chain.decide(answer, by=users["grouphead"], approve=True)
    chain.decide(answer, by=users["head"], approve=True)
    assert _status(item) == "answer_drafted"
    answer = signing.sign(answer, by=users["minister"], password=PASSWORD)
    chain.decide(answer, by=users["minister"], approve=True, verdict="approved")
    assert _status(item) == "approved"
    signing.dispatch(answer, by=users["coordinator"], to=["saraban@soc.go.th"])
    item.refresh_from_db()
    assert item.status == "answered" and item.answer_sent_on is not None and item.answered_on is not None
    moves = list(item.status_changes.values_list("to_status", flat=True))
    assert moves == ["received", "answer_drafted", "approved", "answered"]


def test_the_minister_refusing_the_answer_does_not_approve_it(make_item, users):
    item = make_item()
    answer = _answer(item, users)
    chain.submit(answer, by=users["coordinator"])
    chain.decide(answer, by=users["grouphead"], approve=True)
    chain.decide(answer, by=users["head"], approve=True)
    chain.decide(answer, by=users["minister"], approve=True, verdict="not_approved", comment="ตอบใหม่")
    assert _status(item) == "answer_drafted"


def test_a_withdrawn_item_is_left_as_it_is(make_item, users):
    from prasan.parliament import services

    item = make_item()
    services.change_status(item, by=users["coordinator"], to="withdrawn")
    answer = _answer(item, users)
    chain.submit(answer, by=users["coordinator"])
    assert _status(item) == "withdrawn"  # final: nothing moves it
