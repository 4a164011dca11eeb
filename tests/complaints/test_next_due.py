"""Which of a complaint's two clocks is due next — the acknowledgement's or the answer's — and by when, on "งานของฉัน"
and the complaint list, at a cost that does not grow with the rows."""

import pytest
from django.urls import reverse

from prasan.complaints import clock, replies
from prasan.thai.templatetags.thai import thai_date_short


@pytest.fixture
def told(make_complaint, users):
    """One complaint acknowledged, one not, both the coordinator's."""
    waiting = make_complaint(subject="ยังไม่ได้แจ้งรับเรื่อง")
    acknowledged = make_complaint(subject="แจ้งรับเรื่องแล้ว")
    replies.reply(acknowledged, by=users["coordinator"], kind="acknowledgement", via="email", text="ได้รับเรื่องแล้ว")
    for complaint in (waiting, acknowledged):
        complaint.matter.assignees.add(users["coordinator"])
    return waiting, acknowledged


def test_the_acknowledgement_is_due_first_then_the_answer(told, users):
    waiting, acknowledged = told
    waiting.refresh_from_db()
    acknowledged.refresh_from_db()
    assert clock.next_due(waiting, waiting.matter.external_deadline) == (clock.ACKNOWLEDGE, waiting.ack_due)
    assert clock.next_due(acknowledged, None) == (clock.ANSWER, acknowledged.answer_due)
    replies.reply(acknowledged, by=users["coordinator"], kind="progress", via="email", text="อยู่ระหว่างตรวจสอบ")
    acknowledged.refresh_from_db()
    acknowledged.matter.refresh_from_db()
    external = acknowledged.matter.external_deadline
    assert clock.next_due(acknowledged, external) == (clock.NEXT_NOTICE, external)
    replies.conclude(acknowledged, by=users["coordinator"], result="substantiated")
    assert clock.next_due(acknowledged, external) is None


def test_my_work_says_which_clock_is_due_and_when(told, login, users):
    waiting, acknowledged = told
    page = " ".join(login(users["coordinator"]).get(reverse("my-work")).content.decode().split())
    assert f"แจ้งรับเรื่องภายใน</span> {thai_date_short(waiting.ack_due)}" in page
    assert f"ตอบ/แจ้งความคืบหน้าภายใน</span> {thai_date_short(acknowledged.answer_due)}" in page


def test_the_complaint_list_says_it_too(told, login, users):
    waiting, acknowledged = told
    page = " ".join(login(users["coordinator"]).get(reverse("complaint-list")).content.decode().split())
    assert "ครบกำหนดถัดไป" in page
    assert f"แจ้งรับเรื่องภายใน</span> {thai_date_short(waiting.ack_due)}" in page
    assert f"ตอบ/แจ้งความคืบหน้าภายใน</span> {thai_date_short(acknowledged.answer_due)}" in page


def test_the_cost_does_not_grow_with_the_complaints(told, login, users, make_complaint,
                                                    django_assert_max_num_queries):
    client = login(users["coordinator"])
    pages = (reverse("my-work"), reverse("complaint-list"))
    for url in pages:
        client.get(url)
    counted = {}
    for url in pages:
        with django_assert_max_num_queries(40) as few:
            client.get(url)
        counted[url] = len(few.captured_queries)
    for i in range(6):
        make_complaint(subject=f"เรื่องที่ {i}").matter.assignees.add(users["coordinator"])
    for url in pages:
        with django_assert_max_num_queries(counted[url]):
            assert client.get(url).status_code == 200
