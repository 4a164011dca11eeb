"""Every workflow event, as allowed and as refused (wrong state, wrong role, failed guard)."""

import pytest

from prasan.audit.models import AuditEvent
from prasan.coordination.models import AgencyRequest
from prasan.matters import workflow
from prasan.matters.choices import State
from prasan.matters.models import Decision, MatterFile, Plan, Transition
from prasan.matters.workflow import FACILITATION, SUBSTANTIVE, GuardFailed, NotPermitted, WrongState

pytestmark = pytest.mark.django_db

# Who fires each event in the happy path, and the events that lead to the state it starts from.
PATH = {
    "accept": ("coordinator", []),
    "start": ("coordinator", ["accept"]),
    "draft": ("coordinator", ["accept", "start"]),
    "submit": ("coordinator", ["accept", "start", "draft"]),
    "return": ("grouphead", ["accept", "start", "draft", "submit"]),
    "approve": ("head", ["accept", "start", "draft", "submit"]),
    "record_decision": ("minister", ["accept", "start", "draft", "submit", "approve"]),
    "close": ("coordinator", ["accept", "start", "draft", "submit", "approve", "record_decision"]),
    "await_agencies": ("coordinator", ["accept", "start"]),
    "resume": ("coordinator", ["accept", "start", "await_agencies"]),
    "transfer": ("grouphead", ["accept"]),
    "cancel": ("head", []),
    "reopen": ("grouphead", ["accept", "start", "draft", "submit", "approve", "record_decision", "close"]),
}
# A role that may not fire each event (for the refusal by role).
WRONG_ROLE = {
    "accept": "auditor", "start": "registrar", "draft": "minister", "submit": "auditor", "return": "coordinator",
    "approve": "grouphead", "record_decision": "coordinator", "close": "minister", "await_agencies": "auditor",
    "resume": "registrar", "transfer": "coordinator", "cancel": "coordinator", "reopen": "coordinator",
}
MESSAGE = "ข้อความประกอบ"


def prepare(matter, users, agencies, events):
    """Satisfy every guard on the way, then fire `events` as the roles of the happy path."""
    Plan.objects.create(matter=matter, targets="สพฐ.", methods=["phone"])
    MatterFile.objects.create(matter=matter, kind="draft", name="ร่าง.docx", sha256="0" * 64, size=1,
                              content_type="application/pdf", file="x")
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูล", deadline="2030-01-01")
    for event in events:
        role = PATH[event][0]
        # The request stays open: closing says to keep it (test_closing.py covers the choice itself).
        matter.fire(event, by=users[role], message=MESSAGE, verdict="approved", open_requests="keep")
    return matter


@pytest.mark.parametrize("event", list(PATH))
def test_each_substantive_event_is_allowed_for_the_right_role(event, make_matter, users, agencies):
    role, before = PATH[event]
    matter = prepare(make_matter(), users, agencies, before)
    state_before = matter.state
    transition = matter.fire(event, by=users[role], message=MESSAGE, verdict="approved", open_requests="keep")
    rule = workflow.find_rule(matter, event)
    matter.refresh_from_db()
    assert matter.state == rule.target
    assert transition.from_state == state_before and transition.to_state == rule.target
    assert transition.message == MESSAGE
    assert AuditEvent.objects.filter(action=f"matter.{event}", object_id=str(matter.pk)).exists()


@pytest.mark.parametrize("event", list(PATH))
def test_each_substantive_event_is_refused_for_a_wrong_role(event, make_matter, users, agencies):
    _, before = PATH[event]
    matter = prepare(make_matter(), users, agencies, before)
    state = matter.state
    with pytest.raises(NotPermitted) as refused:
        matter.fire(event, by=users[WRONG_ROLE[event]], message=MESSAGE)
    assert "ทำได้เฉพาะ" in str(refused.value)
    matter.refresh_from_db()
    assert matter.state == state


@pytest.mark.parametrize("event", list(PATH))
def test_each_substantive_event_is_refused_in_a_wrong_state(event, make_matter, users, agencies):
    role, _ = PATH[event]
    # A closed matter takes no event but "reopen"; a received one cannot be reopened.
    events = [] if event == "reopen" else PATH["reopen"][1]
    matter = prepare(make_matter(), users, agencies, events)
    with pytest.raises(WrongState) as refused:
        matter.fire(event, by=users[role], message=MESSAGE)
    assert "ไม่ได้ขณะเรื่องอยู่ในสถานะ" in str(refused.value)


def test_start_needs_a_plan(make_matter, users):
    matter = make_matter()
    matter.fire("accept", by=users["coordinator"])
    with pytest.raises(GuardFailed, match="แผนการประสาน"):
        matter.fire("start", by=users["coordinator"])
    Plan.objects.create(matter=matter, targets="สพฐ.")
    matter.fire("start", by=users["coordinator"])
    assert matter.state == State.COORDINATING


def test_submit_needs_a_draft(make_matter, users):
    matter = make_matter()
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    with pytest.raises(GuardFailed, match="ร่างเอกสาร"):
        matter.fire("submit", by=users["coordinator"])


def test_await_agencies_needs_an_open_request(make_matter, users):
    matter = make_matter()
    Plan.objects.create(matter=matter, targets="สพฐ.")
    matter.fire("accept", by=users["coordinator"])
    matter.fire("start", by=users["coordinator"])
    with pytest.raises(GuardFailed, match="คำขอ"):
        matter.fire("await_agencies", by=users["coordinator"])


def test_close_needs_a_decision(make_matter, users, agencies):
    matter = prepare(make_matter(), users, agencies, ["accept", "start", "draft", "submit", "approve", "record_decision"])
    Decision.objects.filter(matter=matter).delete()
    with pytest.raises(GuardFailed, match="คำสั่งการ"):
        matter.fire("close", by=users["coordinator"])


@pytest.mark.parametrize("event", ["return", "record_decision", "transfer", "cancel", "reopen"])
def test_events_that_need_a_message_refuse_an_empty_one(event, make_matter, users, agencies):
    role, before = PATH[event]
    matter = prepare(make_matter(), users, agencies, before)
    with pytest.raises(GuardFailed, match="กรุณากรอก"):
        matter.fire(event, by=users[role], message="   ")


def test_record_decision_stores_the_decision(make_matter, users, agencies):
    matter = prepare(make_matter(), users, agencies, PATH["record_decision"][1])
    matter.fire("record_decision", by=users["minister"], message="อนุมัติตามเสนอ", verdict="approved",
                decided_by="รมว.ศธ.")
    decision = matter.decisions.get()
    assert (decision.verdict, decision.text, decision.decided_by) == ("approved", "อนุมัติตามเสนอ", "รมว.ศธ.")


def test_a_coordinator_of_another_unit_is_out_of_scope(make_matter, users):
    matter = make_matter()
    with pytest.raises(NotPermitted, match="ความรับผิดชอบ"):
        matter.fire("accept", by=users["outsider"])


def test_closing_sets_and_reopening_clears_closed_at(make_matter, users, agencies):
    matter = prepare(make_matter(), users, agencies, PATH["reopen"][1])
    assert matter.closed_at is not None
    matter.fire("reopen", by=users["grouphead"], message="มีข้อมูลใหม่")
    matter.refresh_from_db()
    assert matter.closed_at is None and matter.state == State.COORDINATING


# Facilitation: received → coordinating → closed.
def test_facilitation_takes_the_short_path(make_matter, users):
    matter = make_matter(kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    matter.fire("close", by=users["coordinator"], message="ส่งข้อมูลให้รัฐมนตรีแล้ว")
    assert matter.state == State.CLOSED
    events = list(Transition.objects.filter(matter=matter).values_list("event", flat=True))
    assert events == ["create", "start", "close"]


def test_facilitation_has_no_review_events(make_matter, users):
    matter = make_matter(kind="facilitation")
    with pytest.raises(WrongState, match="ไม่มีขั้นตอน"):
        matter.fire("accept", by=users["coordinator"])


def test_facilitation_close_needs_the_outcome(make_matter, users):
    matter = make_matter(kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    with pytest.raises(GuardFailed, match="ผลการดำเนินการ"):
        matter.fire("close", by=users["coordinator"])


def test_facilitation_close_is_refused_to_the_auditor(make_matter, users):
    matter = make_matter(kind="facilitation")
    matter.fire("start", by=users["coordinator"])
    with pytest.raises(NotPermitted):
        matter.fire("close", by=users["auditor"], message="x")


def test_every_rule_has_a_thai_label_and_a_known_target():
    for rule in SUBSTANTIVE + FACILITATION:
        assert rule.label and any("\u0e00" <= ch <= "\u0e7f" for ch in rule.label)
        assert rule.target in State.values


def test_transitions_are_append_only(make_matter):
    transition = make_matter().transitions.get()
    transition.message = "แก้ไขประวัติ"
    with pytest.raises(ValueError):
        transition.save()


def test_available_lists_only_what_the_user_may_fire(make_matter, users):
    matter = make_matter()
    assert [r.event for r in workflow.available(matter, users["coordinator"])] == ["accept"]
    assert {r.event for r in workflow.available(matter, users["grouphead"])} == {"accept", "transfer", "cancel"}
    assert workflow.available(matter, users["auditor"]) == []
    assert workflow.available(matter, users["outsider"]) == []
