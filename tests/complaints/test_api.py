import pytest

from prasan.audit.models import AuditEvent
from prasan.complaints.models import Complaint
from tests.api.conftest import Api, assert_thai_error

from .conftest import PARENT, grant_complainant_permission

BODY = {"channel": "phone", "subject": "ครูตีนักเรียนในห้องเรียน", "details": "ผู้ปกครองแจ้งทางโทรศัพท์",
        "complainant": {"name": PARENT["name"], "phone": PARENT["phone"], "email": PARENT["email"],
                        "anonymous": False, "disclose_to_agency": False},
        "category": "ความประพฤติของครูและบุคลากร", "province": "ขอนแก่น"}


@pytest.fixture
def api(users):
    from prasan.accounts.models import ApiToken

    def make(who):
        if who is None:
            return Api(None)
        user = users[who] if isinstance(who, str) else who
        return Api(ApiToken.issue(user)[1])

    return make


def test_posting_a_complaint_gives_its_number_and_clock(api):
    response = api("registrar").post("/complaints", BODY)
    assert response.status_code == 201, response.content.decode()
    data = response.json()
    complaint = Complaint.objects.get(pk=data["id"])
    assert data["number"] == complaint.number and data["matter"] == complaint.matter_id
    assert data["ack_due"] == complaint.ack_due.isoformat() and data["answer_due"] == complaint.answer_due.isoformat()
    assert len(data["public_code"].replace("-", "")) == 10
    assert complaint.category.name == "ความประพฤติของครูและบุคลากร"


def test_bad_input_is_a_thai_422(api):
    assert_thai_error(api("registrar").post("/complaints", {**BODY, "channel": "fax"}), 422)
    bad = {**BODY, "complainant": {**BODY["complainant"], "email": "nope"}}
    assert_thai_error(api("registrar").post("/complaints", bad), 422)
    assert_thai_error(api("registrar").post("/complaints", {**BODY, "category": "ไม่มี"}), 422)
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("who,status", [("auditor", 403), ("minister", 403), (None, 401)])
def test_posting_needs_an_intake_role(api, who, status):
    assert_thai_error(api(who).post("/complaints", BODY), status)


def test_reading_is_masked_without_the_permission(api, users, django_assert_max_num_queries):
    for _ in range(5):
        api("registrar").post("/complaints", BODY)
    client = api("coordinator")
    with django_assert_max_num_queries(8):
        response = client.get("/complaints")
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 5 and items[0]["complainant"]["name"] == "นางสาว ส*** ท***"
    assert items[0]["complainant"]["phone"] == "08x-xxx-5678" and items[0]["complainant"]["masked"]
    assert "สมหญิง" not in response.content.decode()
    assert not AuditEvent.objects.filter(action="complaint.unmask").exists()


def test_holders_read_it_unmasked_and_each_read_is_audited(api, users):
    pk = api("registrar").post("/complaints", BODY).json()["id"]
    holder = grant_complainant_permission(users["coordinator"])
    data = api(holder).get(f"/complaints/{pk}").json()
    assert data["complainant"]["name"] == PARENT["name"] and not data["complainant"]["masked"]
    assert AuditEvent.objects.filter(action="complaint.unmask", object_id=str(pk)).count() == 1


def test_a_secret_complaint_is_a_404_without_clearance(api):
    pk = api("registrar").post("/complaints", BODY).json()["id"]
    Complaint.objects.get(pk=pk).matter.__class__.objects.filter(complaint__pk=pk).update(secrecy=2)
    assert_thai_error(api("uncleared").get(f"/complaints/{pk}"), 404)
    assert api("uncleared").get("/complaints").json()["count"] == 0
    assert api("head").get(f"/complaints/{pk}").status_code == 200


def test_anonymous_reads_are_refused(api):
    assert_thai_error(api(None).get("/complaints"), 401)
