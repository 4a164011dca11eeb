"""The matter follows its documents (matters/document_path.py), step by step, with one decision recorded."""

import pytest

from prasan.coordination.models import AgencyRequest
from prasan.documents import chain, drafting, signing
from prasan.matters import document_path, workflow
from prasan.matters.choices import State
from prasan.matters.models import Decision
from tests.conftest import PASSWORD
from tests.servers import smtp_server  # noqa: F401

from .conftest import sample

pytestmark = pytest.mark.django_db


def _draft(matter, form, user):
    document = drafting.start(matter, form, by=user)
    return drafting.save_version(document, document.fields | sample(form), by=user)


def _state(matter):
    matter.refresh_from_db()
    return matter.state


def test_the_table_names_a_target_for_every_step_and_one_label_per_event():
    assert [step.name for step in document_path.PATH] == [
        "started", "submitted", "returned", "office_approved", "to_minister", "decided", "signed", "dispatched"]
    for step in document_path.PATH:
        assert step.target in State.values
        assert step.event in workflow.EVENT_LABELS


def test_a_summary_note_moves_a_just_received_matter_to_the_ministers_decision_once(make_matter, users):
    matter = make_matter(title="สพฐ. รายงานผลการสอบครูผู้ช่วย")
    assert matter.state == State.RECEIVED
    note = _draft(matter, "summary_note", users["coordinator"])
    assert _state(matter) == State.DRAFTING  # started
    chain.submit(note, by=users["coordinator"])
    assert _state(matter) == State.IN_REVIEW  # submitted
    chain.decide(note, by=users["grouphead"], approve=True)
    assert _state(matter) == State.IN_REVIEW  # the head still to review
    chain.decide(note, by=users["head"], approve=True)
    assert _state(matter) == State.WITH_MINISTER  # to_minister

    # The minister's step is on the document: the matter page offers no second way to record it.
    assert "record_decision" not in {rule.event for rule in workflow.available(matter, users["minister"])}
    with pytest.raises(workflow.WrongState, match="หน้าเอกสาร"):
        matter.fire("record_decision", by=users["minister"], message="ทราบ", verdict="acknowledged")

    step = chain.decide(note, by=users["minister"], approve=True, verdict="acknowledged")
    assert _state(matter) == State.FOLLOWING_UP  # decided
    decision = Decision.objects.get(matter=matter)
    assert (decision.verdict, decision.text) == ("acknowledged", "ทราบ")
    assert step.decision == decision
    assert list(matter.transitions.values_list("event", flat=True)) == [
        "create", "draft", "submit", "approve", "record_decision"]


def test_a_return_sends_the_matter_back_and_a_resubmission_forward(make_matter, users):
    matter = make_matter()
    note = _draft(matter, "summary_note", users["coordinator"])
    chain.submit(note, by=users["coordinator"])
    chain.decide(note, by=users["grouphead"], approve=False, comment="เพิ่มข้อกฎหมาย")
    assert _state(matter) == State.DRAFTING  # returned
    chain.submit(note, by=users["coordinator"])
    assert _state(matter) == State.IN_REVIEW
    chain.decide(note, by=users["grouphead"], approve=True)
    chain.decide(note, by=users["head"], approve=True)
    chain.decide(note, by=users["minister"], approve=False, comment="ขอข้อมูลเพิ่ม")
    assert _state(matter) == State.DRAFTING  # the minister returned it: no decision recorded
    assert not Decision.objects.exists()


def test_a_letter_signed_in_the_office_waits_to_be_signed_and_sent_then_closes_the_matter(
        make_matter, users, smtp_server):  # noqa: F811
    matter = make_matter()
    letter = _draft(matter, "external_letter", users["coordinator"])
    chain.submit(letter, by=users["coordinator"])
    chain.decide(letter, by=users["grouphead"], approve=True)
    chain.decide(letter, by=users["head"], approve=True)
    assert _state(matter) == State.IN_REVIEW  # office_approved: to sign
    letter = signing.sign(letter, by=users["head"], typed_name="หัวหน้า", password=PASSWORD)
    assert _state(matter) == State.IN_REVIEW  # signed, not yet sent
    signing.dispatch(letter, by=users["coordinator"], to=["saraban@obec.example"])
    assert _state(matter) == State.CLOSED  # dispatched, nothing left open
    assert matter.closed_at is not None


def test_a_sent_letter_leaves_the_matter_followed_up_while_an_agency_still_owes_an_answer(
        make_matter, users, agencies, smtp_server):  # noqa: F811
    matter = make_matter()
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลครู",
                                 deadline=matter.external_deadline)
    letter = _draft(matter, "external_letter", users["coordinator"])
    chain.submit(letter, by=users["coordinator"])
    chain.decide(letter, by=users["grouphead"], approve=True)
    chain.decide(letter, by=users["head"], approve=True)
    letter = signing.sign(letter, by=users["head"], typed_name="หัวหน้า", password=PASSWORD)
    signing.dispatch(letter, by=users["coordinator"], to=["saraban@obec.example"])
    assert _state(matter) == State.FOLLOWING_UP
    # Every document is through, so closing by hand needs no separate decision; the agency's request still
    # open, closing says what becomes of it (here: kept open, the agency may still answer).
    matter.fire("close", by=users["coordinator"], open_requests="keep")
    assert _state(matter) == State.CLOSED


def test_two_documents_hold_the_matter_where_the_one_furthest_from_done_stands(
        make_matter, users, smtp_server):  # noqa: F811
    matter = make_matter()
    note = _draft(matter, "summary_note", users["coordinator"])
    chain.submit(note, by=users["coordinator"])
    chain.decide(note, by=users["grouphead"], approve=True)
    chain.decide(note, by=users["head"], approve=True)
    assert _state(matter) == State.WITH_MINISTER
    letter = _draft(matter, "external_letter", users["coordinator"])
    assert _state(matter) == State.WITH_MINISTER  # the note is still with the minister
    chain.decide(note, by=users["minister"], approve=True, verdict="approved", comment="อนุมัติตามเสนอ")
    assert _state(matter) == State.DRAFTING  # decided; the letter is still a draft
    assert Decision.objects.filter(matter=matter).count() == 1
    chain.submit(letter, by=users["coordinator"])
    chain.decide(letter, by=users["grouphead"], approve=True)
    chain.decide(letter, by=users["head"], approve=True)
    letter = signing.sign(letter, by=users["head"], typed_name="หัวหน้า", password=PASSWORD)
    signing.dispatch(letter, by=users["coordinator"], to=["saraban@obec.example"])
    assert _state(matter) == State.CLOSED
    assert Decision.objects.filter(matter=matter).count() == 1


def test_a_facilitation_matter_is_not_moved_by_its_documents(make_matter, users):
    matter = make_matter(kind="facilitation")
    note = _draft(matter, "summary_note", users["coordinator"])
    chain.submit(note, by=users["coordinator"])
    assert _state(matter) == State.RECEIVED


def test_the_matter_page_offers_no_document_step_once_a_document_exists(make_matter, users):
    matter = make_matter()
    for event in ("accept",):
        matter.fire(event, by=users["coordinator"])
    _draft(matter, "summary_note", users["coordinator"])
    offered = {rule.event for rule in workflow.available(matter, users["head"])}
    assert not offered & document_path.DOCUMENT_EVENTS
