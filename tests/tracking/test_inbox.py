"""Whose turn is it now: each person's "รอดำเนินการ" list follows the documents, answers and matters."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.coordination import services
from prasan.coordination.models import AgencyRequest
from prasan.documents import chain, drafting
from prasan.matters.models import Decision
from prasan.tracking.inbox import inbox_for
from tests.documents.conftest import sample

pytestmark = pytest.mark.django_db


def kinds(user):
    """What waits for `user`, each kind's count checked against its items."""
    inbox = inbox_for(user, first=100)
    assert all(section.count == len(section.items) for section in inbox.sections)
    return [(item.type, item.id) for item in inbox.items]


@pytest.fixture
def note(make_matter, users):
    matter = make_matter(title="สพฐ. รายงานผลการสอบครูผู้ช่วย", state="coordinating")
    document = drafting.start(matter, "summary_note", by=users["coordinator"])
    return drafting.save_version(document, document.fields | sample("summary_note"), by=users["coordinator"])


def test_a_document_passes_from_one_persons_list_to_the_next(note, users):
    assert kinds(users["grouphead"]) == []
    chain.submit(note, by=users["coordinator"])
    assert kinds(users["grouphead"]) == [("review", note.pk)]
    assert kinds(users["head"]) == [] and kinds(users["outsider"]) == []
    chain.decide(note, by=users["grouphead"], approve=True)
    assert kinds(users["grouphead"]) == []
    assert kinds(users["head"]) == [("review", note.pk)]
    chain.decide(note, by=users["head"], approve=True)
    assert kinds(users["head"]) == [("sign", note.pk)]  # memos are signed before the minister decides
    assert kinds(users["minister"]) == [("decision", note.pk)]
    chain.decide(note, by=users["minister"], approve=True, verdict="acknowledged")
    assert kinds(users["minister"]) == []


def test_a_returned_draft_waits_for_its_drafters(note, users):
    chain.submit(note, by=users["coordinator"])
    chain.decide(note, by=users["grouphead"], approve=False, comment="เพิ่มข้อกฎหมาย")
    assert kinds(users["coordinator"]) == [("returned", note.pk)]
    assert kinds(users["grouphead"]) == []


def test_a_group_head_of_another_unit_is_not_asked(note, users, other_unit):
    from tests.conftest import make_user

    elsewhere = make_user("grouphead2", "group_head", other_unit, clearance=3)
    chain.submit(note, by=users["coordinator"])
    assert kinds(elsewhere) == []


def test_answers_and_overdue_requests_wait_for_the_assignees(make_matter, users, agencies):
    matter = make_matter(state="awaiting_agencies")
    late = AgencyRequest.objects.create(matter=matter, agency=agencies[1], deliverable="สถิติ",
                                        deadline=timezone.localdate() - dt.timedelta(days=2))
    answered = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลครู",
                                            deadline=timezone.localdate() + dt.timedelta(days=5))
    services.answer_request(answered, answer="จำนวนครูผู้ช่วย ๑,๒๐๐ คน", name="สมชาย ใจดี")
    assert kinds(users["coordinator"]) == [("answered", answered.pk), ("overdue_request", late.pk)]
    assert kinds(users["uncleared"]) == []  # not assigned
    services.take_in_answer(answered, by=users["coordinator"])
    assert kinds(users["coordinator"]) == [("overdue_request", late.pk)]


def test_a_new_matter_waits_to_be_accepted_and_a_matter_without_a_document_for_the_minister(
        make_matter, users):
    new = make_matter(title="คำสั่งการใหม่")
    assert kinds(users["coordinator"]) == [("accept", new.pk)]
    waiting = make_matter(title="เรื่องที่ร่างนอกระบบ", state="with_minister")
    assert kinds(users["minister"]) == [("matter_decision", waiting.pk)]


def test_a_secret_matter_is_listed_only_for_those_who_may_see_it(make_matter, users):
    secret = make_matter(secrecy=3, title="เรื่องลับที่สุด", assignees=[users["uncleared"]])
    assert kinds(users["uncleared"]) == []
    assert secret.pk


def test_the_minister_decides_from_his_list_with_the_pdf_a_tap_away(note, users, login):
    chain.submit(note, by=users["coordinator"])
    chain.decide(note, by=users["grouphead"], approve=True)
    chain.decide(note, by=users["head"], approve=True)
    client = login(users["minister"])
    page = client.get(reverse("dashboard-decisions")).content.decode()
    assert reverse("document-file", args=[note.pk, "pdf"]) in page
    assert 'value="acknowledged"' in page and "ทราบ" in page
    response = client.post(reverse("document-decide", args=[note.pk]), {
        "decision": "approve", "verdict": "acknowledged", "next": reverse("dashboard-decisions")})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard-decisions")
    assert Decision.objects.get().verdict == "acknowledged"
    note.matter.refresh_from_db()
    assert note.matter.state == "following_up"


def test_a_next_that_leaves_the_site_is_ignored(note, users, login):
    chain.submit(note, by=users["coordinator"])
    client = login(users["grouphead"])
    response = client.post(reverse("document-decide", args=[note.pk]), {
        "decision": "approve", "next": "https://evil.example/"})
    assert response["Location"] == reverse("document-detail", args=[note.pk])


def test_my_work_lists_what_awaits_me_and_the_header_counts_it(note, users, login, client):
    chain.submit(note, by=users["coordinator"])
    page = login(users["grouphead"]).get(reverse("my-work")).content.decode()
    assert "รอดำเนินการ" in page and "รอท่านตรวจ" in page and note.title in page
    badge = login(users["grouphead"]).get(reverse("inbox-badge")).content.decode()
    assert ">1<" in badge
    assert login(users["coordinator"]).get(reverse("inbox-badge")).content == b""
    client.logout()
    assert client.get(reverse("inbox-badge")).status_code == 302


@pytest.mark.parametrize("role", ["coordinator", "uncleared", "outsider"])
def test_taking_in_an_answer_needs_the_matter_in_ones_scope(make_matter, users, agencies, login, role):
    matter = make_matter(secrecy=1)
    req = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูล",
                                       deadline=timezone.localdate())
    services.answer_request(req, answer="ตอบแล้ว", name="สมชาย")
    url = reverse("request-answer-seen", args=[matter.pk, req.pk])
    response = login(users[role]).post(url)
    req.refresh_from_db()
    if role == "coordinator":
        assert response.status_code == 302 and req.answer_seen_at is not None
    else:
        assert response.status_code == 404 and req.answer_seen_at is None
