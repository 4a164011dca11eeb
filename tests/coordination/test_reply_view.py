"""The public reply page: a liaison officer answers through the link in the email, without an account."""

import datetime as dt
import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile

from prasan.coordination import links
from prasan.coordination.models import Activity, AgencyRequest
from prasan.matters.models import MatterFile

from .conftest import PDF_BYTES, PNG_BYTES

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^/\s]+(/reply/\S+/)")


@pytest.fixture
def sent(login, users, matter, agencies, smtp_server):
    """Two requests really emailed; returns {agency abbreviation: (request, path of its link)}."""
    login(users["coordinator"]).post(f"/matters/{matter.pk}/requests/new/", {
        "agencies": [a.pk for a in agencies], "deliverable": "ตารางจำนวนครูผู้ช่วยรายจังหวัด",
        "deadline_days": 5, "channel": "email",
    })
    found = {}
    for req in AgencyRequest.objects.filter(matter=matter).select_related("agency", "contact"):
        [message] = smtp_server.to(req.contact.email)
        found[req.agency.abbreviation] = (req, LINK.search(smtp_server.body(message)).group(1))
    return found


def answer(client, path, **fields):
    data = {"name": "สมชาย ใจดี", "answer": "ส่งตารางตามแนบ รวม ๗๗ จังหวัด", **fields}
    return client.post(path, data)


def pdf(name="x.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_opening_the_link_shows_the_request_and_acknowledges_it(client, matter, sent):
    req, path = sent["สพฐ."]

    response = client.get(path)

    assert response.status_code == 200
    page = response.content.decode()
    assert matter.title in page
    assert "ตารางจำนวนครูผู้ช่วยรายจังหวัด" in page
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.ACKNOWLEDGED
    assert req.acknowledged_at is not None
    other, _ = sent["สอศ."]
    other.refresh_from_db()
    assert other.status == AgencyRequest.Status.SENT


def test_answering_with_a_file_lands_in_the_matter(client, login, users, matter, sent):
    req, path = sent["สพฐ."]
    client.get(path)

    response = answer(client, path, files=pdf())

    assert response.status_code == 200
    assert "ได้รับคำตอบแล้ว" in response.content.decode()
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.ANSWERED
    assert req.answered_by_name == "สมชาย ใจดี"
    [stored] = MatterFile.objects.filter(agency_request=req)
    assert stored.name == "x.pdf"
    assert stored.content_type == "application/pdf"
    assert stored.kind == "answer"
    with stored.file.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    incoming = Activity.objects.get(agency_request=req, direction=Activity.Direction.INCOMING)
    assert "ส่งตารางตามแนบ" in incoming.summary
    assert incoming.channel == "email"  # back on the channel that carried the link
    assert incoming.outcome == "ตอบทางลิงก์ตอบกลับ แนบไฟล์ 1 ไฟล์"
    page = login(users["coordinator"]).get(matter.get_absolute_url()).content.decode()
    assert "คำตอบจาก " + req.agency.name in page
    assert "ส่งตารางตามแนบ รวม ๗๗ จังหวัด" in page
    assert "x.pdf" in page


def test_the_same_link_is_gone_after_answering(client, sent):
    _, path = sent["สพฐ."]
    answer(client, path)

    again = client.get(path)
    resend = answer(client, path, answer="ตอบซ้ำ")

    assert again.status_code == 410
    assert "ได้รับคำตอบแล้ว" in again.content.decode()
    assert resend.status_code == 410
    assert not Activity.objects.filter(summary__contains="ตอบซ้ำ").exists()


def test_answering_one_agency_leaves_the_other_open(client, sent):
    _, first = sent["สพฐ."]
    other, second = sent["สอศ."]
    answer(client, first)

    assert client.get(second).status_code == 200
    other.refresh_from_db()
    assert other.status == AgencyRequest.Status.ACKNOWLEDGED


def test_a_tampered_link_reveals_nothing(client, matter, sent):
    _, path = sent["สพฐ."]
    token = path.split("/")[2]
    tampered = f"/reply/{token[:-3]}{'AAA' if not token.endswith('AAA') else 'BBB'}/"

    response = client.get(tampered)

    assert response.status_code == 410
    page = response.content.decode()
    assert "ลิงก์ไม่ถูกต้อง" in page
    assert matter.title not in page
    assert matter.number not in page


def test_a_link_signed_with_another_key_is_refused(client, matter, sent, settings):
    req, _ = sent["สพฐ."]
    forged = signing.dumps({"r": req.pk, "v": req.link_version}, key="not-the-key", salt=links.SALT)

    response = client.get(f"/reply/{forged}/")

    assert response.status_code == 410
    assert "ลิงก์ไม่ถูกต้อง" in response.content.decode()


def test_an_expired_link_says_so(client, matter, sent, settings):
    req, path = sent["สพฐ."]
    settings.REPLY_LINK_MAX_AGE_DAYS = -1

    response = client.get(path)

    assert response.status_code == 410
    page = response.content.decode()
    assert "หมดอายุ" in page
    assert matter.title not in page
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.SENT


def test_a_link_issued_longer_ago_than_allowed_has_expired(client, matter, sent, settings):
    req, _ = sent["สพฐ."]
    settings.REPLY_LINK_MAX_AGE_DAYS = 30
    AgencyRequest.objects.filter(pk=req.pk).update(link_issued_at=req.link_issued_at - dt.timedelta(days=31))
    req.refresh_from_db()

    response = client.get(f"/reply/{links.make_token(req)}/")

    assert response.status_code == 410
    assert "หมดอายุ" in response.content.decode()
    assert matter.title not in response.content.decode()


def test_a_link_within_its_age_still_works(client, sent, settings):
    req, _ = sent["สพฐ."]
    settings.REPLY_LINK_MAX_AGE_DAYS = 30
    AgencyRequest.objects.filter(pk=req.pk).update(link_issued_at=req.link_issued_at - dt.timedelta(days=29))
    req.refresh_from_db()

    assert client.get(f"/reply/{links.make_token(req)}/").status_code == 200


def test_the_emailed_link_is_the_one_staff_see(sent):
    req, path = sent["สพฐ."]

    assert links.reply_url(req).endswith(path)


def test_an_expired_link_cannot_answer(client, sent, settings):
    req, path = sent["สพฐ."]
    client.get(path)
    settings.REPLY_LINK_MAX_AGE_DAYS = -1

    assert answer(client, path).status_code == 410
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.ACKNOWLEDGED


def test_an_upload_lying_about_its_type_is_refused(client, sent):
    req, path = sent["สพฐ."]
    liar = SimpleUploadedFile("scan.pdf", PNG_BYTES, content_type="application/pdf")

    response = answer(client, path, files=liar)

    assert response.status_code == 400
    page = response.content.decode()
    assert "ชนิดไฟล์ไม่ตรงกับนามสกุล" in page
    assert "ส่งตารางตามแนบ รวม ๗๗ จังหวัด" in page  # what was typed stays
    req.refresh_from_db()
    assert req.status != AgencyRequest.Status.ANSWERED
    assert not MatterFile.objects.exists()


def test_an_answer_needs_a_name_and_text(client, sent):
    req, path = sent["สพฐ."]

    response = client.post(path, {"name": "", "answer": ""})

    assert response.status_code == 400
    assert "กรุณากรอกช่องนี้" in response.content.decode()
    req.refresh_from_db()
    assert req.status != AgencyRequest.Status.ANSWERED


def test_a_reissued_link_stops_the_page_already_open(client, sent):
    req, path = sent["สพฐ."]
    client.get(path)
    AgencyRequest.objects.filter(pk=req.pk).update(link_version=req.link_version + 1)

    response = answer(client, path)

    assert response.status_code == 410
    assert "ออกลิงก์ใหม่" in response.content.decode()


def test_the_answer_checks_the_version_under_lock(sent):
    """The page was opened with the old link, then a new one was issued before the answer was sent."""
    from prasan.coordination import services

    req, _ = sent["สพฐ."]
    opened = links.resolve(links.make_token(req))
    AgencyRequest.objects.filter(pk=req.pk).update(link_version=req.link_version + 1)

    with pytest.raises(links.LinkError, match="ออกลิงก์ใหม่"):
        services.answer_request(opened, answer="ตอบ", name="ผู้ตอบ")
    req.refresh_from_db()
    assert req.status == AgencyRequest.Status.SENT


def test_the_reply_page_needs_no_login_but_a_csrf_token(sent):
    from django.test import Client

    _, path = sent["สพฐ."]
    strict = Client(enforce_csrf_checks=True)

    assert strict.post(path, {"name": "ก", "answer": "ข"}).status_code == 403
    page = strict.get(path)
    token = page.cookies["csrftoken"].value
    assert strict.post(path, {"name": "ก", "answer": "ข", "csrfmiddlewaretoken": token}).status_code == 200


def test_opening_a_secret_matters_link_is_audited(client, users, secret_matter, agencies):
    from prasan.audit.models import AuditEvent

    req = AgencyRequest.objects.create(matter=secret_matter, agency=agencies[0], deliverable="รายชื่อ",
                                       deadline=secret_matter.external_deadline)

    assert client.get(f"/reply/{links.make_token(req)}/").status_code == 200
    event = AuditEvent.objects.get(action="matter.read", object_id=str(secret_matter.pk))
    assert event.actor_label == "liaison"
    assert event.data["purpose"] == "reply-link"
