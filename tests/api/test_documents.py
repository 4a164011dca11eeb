"""/api/v1/…/documents: the document pages' path through the API, each step as the right person, a wrong one, a
user without clearance and anonymous; refusals change nothing and say why in Thai."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prasan.audit.models import AuditEvent
from prasan.documents import chain, drafting
from prasan.documents.models import Document, DocumentVersion, ReviewStep
from prasan.matters.models import Decision, Matter, Plan

from .conftest import THAI, assert_thai_error

pytestmark = pytest.mark.django_db

MEMO = {
    "matter": "สพฐ. ขอความเห็นชอบการจัดสรรอัตราครูผู้ช่วย ๕๐๐ อัตรา",
    "facts": ["สพฐ. เสนอตามหนังสือที่อ้างถึง", "อยู่ในอำนาจอนุมัติของรัฐมนตรี"],
    "consideration": ["สร. พิจารณาแล้วเห็นว่าเป็นไปตามหลักเกณฑ์"],
    "recommendation": ["เห็นชอบตามที่ สพฐ. เสนอ"],
    "closing": "จึงเรียนมาเพื่อโปรดพิจารณา",
}


def drafting_state(matter, users):
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


@pytest.fixture
def matter(make_matter, users):
    return drafting_state(make_matter(title="การจัดสรรอัตราครูผู้ช่วย"), users)


@pytest.fixture
def secret(make_matter, users):
    """ลับ, assigned to the coordinator: `uncleared` lacks clearance, `outsider` the need to know."""
    return drafting_state(make_matter(title="การสอบสวนวินัยผู้บริหาร", secrecy=1), users)


def memo_of(matter, users, fields=MEMO) -> Document:
    memo = drafting.start(matter, "office_memo", by=users["coordinator"])
    return drafting.save_version(memo, memo.fields | fields, by=users["coordinator"])


@pytest.fixture
def memo(matter, users):
    return memo_of(matter, users)


@pytest.fixture
def submitted(memo, users):
    chain.submit(memo, by=users["coordinator"])
    return memo


@pytest.fixture
def with_minister(submitted, users):
    chain.decide(submitted, by=users["grouphead"], approve=True)
    chain.decide(submitted, by=users["head"], approve=True)
    return submitted


def unchanged(document):
    """The document's status, version and steps as stored, and the notices sent: a refusal must leave them
    alone and tell no one."""
    from prasan.tracking.models import Notice, Notification

    fresh = Document.objects.get(pk=document.pk)
    return (fresh.status, fresh.version, list(fresh.steps.values_list("status", flat=True)),
            Notification.objects.count(), Notice.objects.count())


# ---- POST /matters/{id}/documents -------------------------------------------------------------------------

def test_a_coordinator_starts_a_memo_with_fields_over_the_prefill(api, matter, users):
    response = api("coordinator").post(f"/matters/{matter.pk}/documents", {"form": "office_memo", "fields": MEMO})
    assert response.status_code == 201, response.content.decode()
    body = response.json()
    assert body["status"] == "draft" and body["status_label"] == "ร่าง"
    document = Document.objects.get(pk=body["id"])
    assert document.fields["subject"] == matter.title  # from the matter
    assert document.fields["facts"] == MEMO["facts"]    # from the caller
    assert document.version == 2 and DocumentVersion.objects.filter(document=document).count() == 2
    assert body["actions"]["edit"] and body["actions"]["submit"] and not body["actions"]["review"]
    assert AuditEvent.objects.filter(action="document.create", object_id=str(document.pk)).exists()


def test_a_draft_without_fields_is_only_prefilled(api, matter):
    body = api("coordinator").post(f"/matters/{matter.pk}/documents", {"form": "summary_note"}).json()
    assert Document.objects.get(pk=body["id"]).version == 1 and body["form_title"] == "บันทึกสรุปเรื่อง"


@pytest.mark.parametrize("body,field", [
    ({"form": "love_letter"}, "form"),
    ({"form": "office_memo", "fields": {"colour": "แดง"}}, "fields.colour"),
    ({"form": "office_memo", "fields": {"facts": 12}}, "fields.facts"),
    ({"form": "office_memo", "fields": {"date": "25/11/2569"}}, "fields.date"),
    ({"form": "office_memo", "fields": {"urgency": "ด่วนพิเศษ"}}, "fields.urgency"),
    ({"form": "office_memo", "fields": {"matter": "ก\x00ข"}}, "fields"),
    ({"form": "office_memo", "fields": ["ก"]}, "fields"),
])
def test_bad_input_is_refused_in_thai_and_creates_nothing(api, matter, body, field):
    response = api("coordinator").post(f"/matters/{matter.pk}/documents", body)
    assert_thai_error(response, 422)
    assert any(error["field"] == field for error in response.json()["errors"]), response.json()
    assert not Document.objects.exists()


@pytest.mark.parametrize("who,status", [("auditor", 403), ("minister", 403), ("registrar", 403),
                                        ("outsider", 403), (None, 401)])
def test_starting_is_refused_to_a_wrong_role_out_of_scope_and_anonymous(api, matter, who, status):
    assert_thai_error(api(who).post(f"/matters/{matter.pk}/documents", {"form": "office_memo"}), status)
    assert not Document.objects.exists()


@pytest.mark.parametrize("who", ["uncleared", "outsider"])
def test_a_secret_matter_is_not_found_without_clearance_or_need_to_know(api, secret, who):
    response = api(who).post(f"/matters/{secret.pk}/documents", {"form": "office_memo"})
    assert assert_thai_error(response, 404)
    assert not Document.objects.exists()
    assert api("coordinator").post(f"/matters/{secret.pk}/documents", {"form": "office_memo"}).status_code == 201


def test_a_closed_matter_takes_no_new_document(api, matter):
    Matter.objects.filter(pk=matter.pk).update(state="closed")
    assert "ปิด" in assert_thai_error(api("coordinator").post(f"/matters/{matter.pk}/documents",
                                                              {"form": "office_memo"}), 409)


# ---- GET /documents/{id} --------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["coordinator", "grouphead", "head", "minister", "auditor", "outsider"])
def test_staff_read_a_document_of_a_matter_they_see(api, memo, who):
    response = api(who).get(f"/documents/{memo.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["form"] == "office_memo" and body["version"] == 2 and body["fields"]["closing"] == MEMO["closing"]
    assert body["pdf"].endswith(f"/documents/{memo.pk}/pdf")


def test_a_secret_matters_document_is_404_exactly_like_a_missing_one(api, secret, users):
    document = memo_of(secret, users)
    hidden = api("uncleared").get(f"/documents/{document.pk}")
    missing = api("uncleared").get(f"/documents/{document.pk + 1000}")
    assert_thai_error(hidden, 404)
    assert hidden.json() == missing.json()
    assert_thai_error(api("outsider").get(f"/documents/{document.pk}"), 404)
    assert_thai_error(api(None).get(f"/documents/{document.pk}"), 401)
    assert api("coordinator").get(f"/documents/{document.pk}").status_code == 200


def test_reading_takes_the_same_queries_for_three_steps_as_for_nine(api, users, matter):
    client = api("grouphead")

    def queries_for(document):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/documents/{document.pk}").status_code == 200
        return len(captured)

    short = memo_of(matter, users)
    chain.submit(short, by=users["coordinator"])
    long = memo_of(matter, users)
    for _ in range(3):  # three rounds of three steps: submitted, returned, resubmitted …
        chain.submit(long, by=users["coordinator"])
        chain.decide(long, by=users["grouphead"], approve=False, comment="แก้ไข")
    chain.submit(long, by=users["coordinator"])
    assert ReviewStep.objects.filter(document=long).count() == 12
    assert queries_for(long) == queries_for(short)
    assert queries_for(long) <= 12


# ---- PUT /documents/{id} --------------------------------------------------------------------------------

def test_a_coordinator_saves_the_fields_as_a_new_version(api, memo):
    fields = memo.fields | {"closing": "จึงเรียนมาเพื่อโปรดทราบ"}
    response = api("coordinator").put(f"/documents/{memo.pk}", {"fields": fields, "note": "แก้คำลงท้าย"})
    assert response.status_code == 200, response.content.decode()
    assert response.json()["version"] == 3
    assert DocumentVersion.objects.get(document=memo, number=3).note == "แก้คำลงท้าย"


@pytest.mark.parametrize("who,status", [("auditor", 403), ("minister", 403), ("outsider", 403), (None, 401)])
def test_editing_is_refused_to_a_wrong_role_out_of_scope_and_anonymous(api, memo, who, status):
    before = unchanged(memo)
    assert_thai_error(api(who).put(f"/documents/{memo.pk}", {"fields": MEMO}), status)
    assert unchanged(memo) == before


def test_editing_a_secret_document_without_clearance_is_404(api, secret, users):
    document = memo_of(secret, users)
    assert_thai_error(api("uncleared").put(f"/documents/{document.pk}", {"fields": MEMO}), 404)
    assert Document.objects.get(pk=document.pk).version == 2


def test_a_document_in_review_cannot_be_edited(api, submitted):
    before = unchanged(submitted)
    assert "แก้ไขไม่ได้" in assert_thai_error(api("coordinator").put(f"/documents/{submitted.pk}",
                                                                       {"fields": MEMO}), 409)
    assert unchanged(submitted) == before


def test_editing_refuses_unknown_fields(api, memo):
    response = api("coordinator").put(f"/documents/{memo.pk}", {"fields": {"colour": "แดง"}})
    assert_thai_error(response, 422)
    assert Document.objects.get(pk=memo.pk).version == 2


# ---- POST /documents/{id}/submit ----------------------------------------------------------------------------

def test_a_coordinator_submits_and_the_review_steps_open(api, memo):
    response = api("coordinator").post(f"/documents/{memo.pk}/submit")
    assert response.status_code == 200, response.content.decode()
    body = response.json()
    assert body["status"] == "in_review"
    assert [s["role"] for s in body["steps"]] == ["group_head", "head", "executive"]
    assert body["current_step"]["role"] == "group_head" and not body["actions"]["submit"]


def test_submitting_twice_is_409_and_changes_nothing(api, submitted):
    before = unchanged(submitted)
    assert "เสนอไปแล้ว" in assert_thai_error(api("coordinator").post(f"/documents/{submitted.pk}/submit"), 409)
    assert unchanged(submitted) == before


def test_an_incomplete_draft_is_refused_naming_what_is_missing(api, matter, users):
    document = drafting.start(matter, "office_memo", by=users["coordinator"])
    detail = assert_thai_error(api("coordinator").post(f"/documents/{document.pk}/submit"), 422)
    assert "ยังเสนอไม่ได้" in detail
    assert Document.objects.get(pk=document.pk).status == "draft"


@pytest.mark.parametrize("who,status", [("auditor", 403), ("minister", 403), ("outsider", 403), (None, 401)])
def test_submitting_is_refused_to_a_wrong_role_out_of_scope_and_anonymous(api, memo, who, status):
    assert_thai_error(api(who).post(f"/documents/{memo.pk}/submit"), status)
    assert unchanged(memo)[0] == "draft"


def test_submitting_a_secret_document_without_clearance_is_404(api, secret, users):
    document = memo_of(secret, users)
    assert_thai_error(api("uncleared").post(f"/documents/{document.pk}/submit"), 404)
    assert Document.objects.get(pk=document.pk).status == "draft"


# ---- POST /documents/{id}/review --------------------------------------------------------------------------

def test_the_group_head_then_the_head_approve_and_the_matter_goes_to_the_minister(api, submitted, matter):
    response = api("grouphead").post(f"/documents/{submitted.pk}/review", {"decision": "approve", "comment": "ถูกต้อง"})
    assert response.status_code == 200, response.content.decode()
    assert response.json()["current_step"]["role"] == "head"
    response = api("head").post(f"/documents/{submitted.pk}/review", {"decision": "approve"})
    body = response.json()
    assert body["current_step"]["role"] == "executive"
    assert [s["status"] for s in body["steps"]] == ["approved", "approved", "pending"]
    matter.refresh_from_db()
    assert matter.state == "with_minister"


def test_a_return_needs_what_to_fix_and_sends_the_draft_back(api, submitted, matter):
    assert_thai_error(api("grouphead").post(f"/documents/{submitted.pk}/review", {"decision": "return"}), 422)
    assert unchanged(submitted)[0] == "in_review"
    body = api("grouphead").post(f"/documents/{submitted.pk}/review",
                                 {"decision": "return", "comment": "แก้ข้อ ๒"}).json()
    assert body["status"] == "returned" and body["actions"]["edit"]  # the unit's group head edits it too
    matter.refresh_from_db()
    assert matter.state == "drafting"


def test_out_of_turn_twice_and_by_the_wrong_person_are_refused_change_nothing_and_tell_no_one(api, submitted):
    url = f"/documents/{submitted.pk}/review"
    before = unchanged(submitted)
    assert "รอหัวหน้ากลุ่มงาน" in assert_thai_error(api("head").post(url, {"decision": "approve"}), 403)  # out of turn
    assert_thai_error(api("coordinator").post(url, {"decision": "approve"}), 403)   # wrong person
    assert_thai_error(api("outsider").post(url, {"decision": "approve"}), 403)      # another unit's
    assert unchanged(submitted) == before
    api("grouphead").post(url, {"decision": "approve"})
    after_one = unchanged(submitted)
    assert after_one[3] > before[3]  # the step taken told the head; the refused ones told no one
    assert_thai_error(api("grouphead").post(url, {"decision": "approve"}), 403)     # twice
    assert unchanged(submitted) == after_one
    assert AuditEvent.objects.filter(action="document.review").count() == 1


def test_reviewing_a_draft_is_409(api, memo):
    assert "ไม่ได้อยู่ระหว่างตรวจเสนอ" in assert_thai_error(
        api("grouphead").post(f"/documents/{memo.pk}/review", {"decision": "approve"}), 409)


def test_reviewing_is_404_without_clearance_and_401_anonymous(api, secret, users):
    document = memo_of(secret, users)
    chain.submit(document, by=users["coordinator"])
    assert_thai_error(api("uncleared").post(f"/documents/{document.pk}/review", {"decision": "approve"}), 404)
    assert_thai_error(api(None).post(f"/documents/{document.pk}/review", {"decision": "approve"}), 401)
    assert unchanged(document)[2] == ["pending", "pending", "pending"]


def test_the_minister_is_pointed_to_decide_and_may_return(api, with_minister):
    url = f"/documents/{with_minister.pk}/review"
    assert "decide" in assert_thai_error(api("minister").post(url, {"decision": "approve"}), 409)
    body = api("minister").post(url, {"decision": "return", "comment": "ขอข้อมูลเพิ่ม"}).json()
    assert body["status"] == "returned"


def test_a_bad_decision_word_is_422(api, submitted):
    assert_thai_error(api("grouphead").post(f"/documents/{submitted.pk}/review", {"decision": "maybe"}), 422)


# ---- POST /documents/{id}/decide ----------------------------------------------------------------------------

@pytest.mark.parametrize("decision,verdict,text", [
    ("อนุมัติ", "approved", "อนุมัติ"), ("ทราบ", "acknowledged", "ทราบ"), ("เห็นชอบ", "endorsed", "เห็นชอบ"),
    ("ไม่อนุมัติ", "not_approved", "ไม่อนุมัติ"), ("approved", "approved", "อนุมัติ"),
    ("ให้ สพฐ. เสนอรายละเอียดเพิ่มเติม", "other", "ให้ สพฐ. เสนอรายละเอียดเพิ่มเติม"),
])
def test_the_ministers_decision_is_recorded_once_as_the_matters(api, with_minister, matter, decision, verdict, text):
    response = api("minister").post(f"/documents/{with_minister.pk}/decide", {"decision": decision})
    assert response.status_code == 200, response.content.decode()
    step = response.json()["steps"][-1]
    assert step["status"] == "approved" and step["verdict"] == verdict
    recorded = Decision.objects.get(matter=matter)
    assert recorded.verdict == verdict and text in recorded.text
    matter.refresh_from_db()
    assert matter.state == "following_up"


def test_a_decision_with_an_annotation_keeps_both(api, with_minister, matter):
    api("minister").post(f"/documents/{with_minister.pk}/decide",
                         {"decision": "อนุมัติ", "comment": "ให้แจ้ง สพฐ. ภายในสัปดาห์นี้"})
    recorded = Decision.objects.get(matter=matter)
    assert recorded.verdict == "approved" and "สัปดาห์นี้" in recorded.text


def test_deciding_twice_is_409_and_records_nothing_more(api, with_minister, matter):
    url = f"/documents/{with_minister.pk}/decide"
    api("minister").post(url, {"decision": "ทราบ"})
    before = unchanged(with_minister)
    assert_thai_error(api("minister").post(url, {"decision": "อนุมัติ"}), 409)
    assert unchanged(with_minister) == before
    assert Decision.objects.filter(matter=matter).count() == 1


def test_deciding_before_the_office_has_reviewed_is_refused(api, submitted):
    before = unchanged(submitted)
    assert_thai_error(api("minister").post(f"/documents/{submitted.pk}/decide", {"decision": "อนุมัติ"}), 403)
    assert "review" in assert_thai_error(
        api("grouphead").post(f"/documents/{submitted.pk}/decide", {"decision": "อนุมัติ"}), 409)
    assert unchanged(submitted) == before and not Decision.objects.exists()


@pytest.mark.parametrize("who,status", [("head", 403), ("coordinator", 403), ("auditor", 403), (None, 401)])
def test_deciding_is_refused_to_everyone_but_the_executive(api, with_minister, who, status):
    before = unchanged(with_minister)
    assert_thai_error(api(who).post(f"/documents/{with_minister.pk}/decide", {"decision": "อนุมัติ"}), status)
    assert unchanged(with_minister) == before and not Decision.objects.exists()


def test_deciding_a_secret_document_without_clearance_is_404(api, secret, users):
    from tests.conftest import make_user

    document = memo_of(secret, users)
    chain.submit(document, by=users["coordinator"])
    chain.decide(document, by=users["grouphead"], approve=True)
    chain.decide(document, by=users["head"], approve=True)
    deputy = make_user("deputy", "executive", clearance=0)
    assert_thai_error(api(deputy).post(f"/documents/{document.pk}/decide", {"decision": "อนุมัติ"}), 404)
    assert not Decision.objects.exists()


def test_an_empty_decision_is_422(api, with_minister):
    assert_thai_error(api("minister").post(f"/documents/{with_minister.pk}/decide", {"decision": "  "}), 422)


# ---- GET /documents/{id}/pdf and /docx --------------------------------------------------------------------

def test_the_pdf_and_docx_of_a_complete_draft(api, memo):
    pdf = api("auditor").get(f"/documents/{memo.pk}/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    docx = api("coordinator").get(f"/documents/{memo.pk}/docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK" and "wordprocessingml" in docx["Content-Type"]


def test_an_incomplete_draft_cannot_be_printed_yet(api, matter, users):
    document = drafting.start(matter, "office_memo", by=users["coordinator"])
    assert "ยังพิมพ์ไม่ได้" in assert_thai_error(api("coordinator").get(f"/documents/{document.pk}/pdf"), 409)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_files_are_404_without_clearance_and_401_anonymous(api, secret, users, fmt):
    document = memo_of(secret, users)
    assert_thai_error(api("uncleared").get(f"/documents/{document.pk}/{fmt}"), 404)
    assert_thai_error(api("outsider").get(f"/documents/{document.pk}/{fmt}"), 404)
    assert_thai_error(api(None).get(f"/documents/{document.pk}/{fmt}"), 401)


# ---- OpenAPI ------------------------------------------------------------------------------------------

def test_openapi_describes_every_document_endpoint_and_its_refusals(api):
    paths = api("coordinator").get("/openapi.json").json()["paths"]
    expected = {
        ("/api/v1/matters/{matter_id}/documents", "post"): {"401", "403", "404", "409", "422"},
        ("/api/v1/documents/{document_id}", "get"): {"401", "404"},
        ("/api/v1/documents/{document_id}", "put"): {"401", "403", "404", "409", "422"},
        ("/api/v1/documents/{document_id}/submit", "post"): {"401", "403", "404", "409", "422"},
        ("/api/v1/documents/{document_id}/review", "post"): {"401", "403", "404", "409", "422"},
        ("/api/v1/documents/{document_id}/decide", "post"): {"401", "403", "404", "409", "422"},
        ("/api/v1/documents/{document_id}/pdf", "get"): {"200", "401", "404", "409"},
        ("/api/v1/documents/{document_id}/docx", "get"): {"200", "401", "404", "409"},
    }
    for (path, method), codes in expected.items():
        operation = paths[path][method]
        assert codes <= set(operation["responses"]), (path, method)
        assert THAI.search(operation["summary"])
