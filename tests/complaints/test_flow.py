"""A complaint from filing to answer: forwarded with the identity hidden, the agency's findings landing on it, the
complainant told by real e-mail (aiosmtpd), the result recorded."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prasan.complaints import forwarding, replies
from prasan.complaints.models import Complaint
from prasan.coordination import links
from prasan.coordination.services import answer_request
from prasan.search.index import rebuild
from prasan.search.models import SearchEntry
from prasan.search.query import SearchParams, search
from tests.servers import smtp_server  # noqa: F401  (fixture)

from .conftest import PARENT

NAME_PARTS = ("สมหญิง", "ทองดี", "081-234-5678", "0812345678", "somying", "บ้านใหม่ อำเภอเมือง")


def leaks(text: str) -> list[str]:
    return [part for part in NAME_PARTS if part in text]


@pytest.fixture
def parent_complaint(make_complaint):
    return make_complaint(channel="web_form", subject="โรงเรียนเรียกเก็บเงินค่าอาหารกลางวันจากผู้ปกครอง",
                          details="นางสาวสมหญิง ทองดี ผู้ปกครองของนักเรียนชั้น ป.4 โทร 081-234-5678 แจ้งว่า"
                                  "ครูประจำชั้นเรียกเก็บเงินค่าอาหารกลางวันคนละ 500 บาท",
                          about="โรงเรียนบ้านใหม่วิทยา", category="ค่าธรรมเนียม/เงินบำรุงการศึกษา")


def test_forwarding_hides_the_identity_and_the_findings_land(client, parent_complaint, users, agencies,
                                                             smtp_server):  # noqa: F811
    deadline = timezone.localdate() + dt.timedelta(days=10)
    made = forwarding.forward(parent_complaint, by=users["coordinator"], agencies=[agencies[0]], deadline=deadline)
    request = made[0].request
    assert not made[0].identity_disclosed
    assert leaks(request.deliverable) == [] and "ส***" in request.deliverable
    # The e-mail to the agency and the agency's reply page carry no name or contact.
    mail = "\n".join(str(m) for m in smtp_server.messages)
    assert smtp_server.messages and leaks(mail.encode().decode("unicode_escape", "ignore")) == []
    page = client.get(reverse("agency-reply", args=[links.make_token(request)]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "ค่าอาหารกลางวัน" in body and leaks(body) == []
    answer_request(request, answer="ตรวจสอบแล้ว โรงเรียนคืนเงินให้ผู้ปกครองทุกคนแล้ว", name="ผอ.สพป.ขอนแก่น เขต 1")
    complaint_page = client
    complaint_page.force_login(users["coordinator"])
    body = complaint_page.get(parent_complaint.get_absolute_url()).content.decode()
    assert "โรงเรียนคืนเงินให้ผู้ปกครองทุกคนแล้ว" in body


def test_consent_opens_the_name_but_never_the_contact(make_complaint, users, agencies, smtp_server):  # noqa: F811
    complaint = make_complaint(complainant={**PARENT, "disclose_to_agency": True})
    made = forwarding.forward(complaint, by=users["coordinator"], agencies=[agencies[1]],
                              deadline=timezone.localdate() + dt.timedelta(days=5))
    text = made[0].request.deliverable
    assert PARENT["name"] in text and PARENT["phone"] not in text and PARENT["email"] not in text


def test_answering_by_email_really_sends_and_moves_the_clock(parent_complaint, users, smtp_server):  # noqa: F811
    sent = replies.reply(parent_complaint, by=users["coordinator"], kind="acknowledgement", via="email",
                         text=replies.default_text(parent_complaint, "acknowledgement"))
    assert sent.outcome == "ส่งอีเมลแล้ว"
    assert [m["To"] for m in smtp_server.messages] == [PARENT["email"]]
    parent_complaint.refresh_from_db()
    assert parent_complaint.acknowledged_at and not parent_complaint.responded_at
    assert parent_complaint.matter.internal_deadline == parent_complaint.answer_due
    replies.reply(parent_complaint, by=users["coordinator"], kind="final", via="email", text="ผลปรากฏว่ามีมูล")
    replies.conclude(parent_complaint, by=users["coordinator"], result="substantiated", note="โรงเรียนคืนเงินแล้ว")
    parent_complaint.refresh_from_db()
    assert parent_complaint.answered_in_time and parent_complaint.get_result_display() == "มีมูล"
    assert parent_complaint.matter.external_deadline is None
    # The coordination log says the complainant was told, never to which address.
    log = " ".join(parent_complaint.matter.activities.values_list("summary", flat=True))
    assert "แจ้งรับเรื่องแก่ผู้ร้องทางอีเมล" in log and leaks(log) == []


def test_a_letter_to_the_complainant_is_drafted_without_their_name(parent_complaint, users):
    sent = replies.reply(parent_complaint, by=users["coordinator"], kind="final", via="letter", text="")
    assert sent.document.form == "external_letter" and sent.document.fields["to"] == replies.ADDRESSEE_PLACEHOLDER
    assert leaks(str(sent.document.fields)) == []


def test_a_coordinator_without_the_permission_never_sees_the_name(login, users, parent_complaint, agencies,
                                                                   smtp_server, settings):  # noqa: F811
    forwarding.forward(parent_complaint, by=users["coordinator"], agencies=[agencies[0]],
                       deadline=timezone.localdate() + dt.timedelta(days=10))
    replies.reply(parent_complaint, by=users["coordinator"], kind="acknowledgement", via="email",
                  text=f"เรียน {PARENT['name']} สำนักงานได้รับเรื่องของท่านแล้ว")
    rebuild()
    client = login(users["coordinator"])
    pages = [reverse("complaint-list"), parent_complaint.get_absolute_url(),
             parent_complaint.get_absolute_url() + "?show=1", parent_complaint.matter.get_absolute_url(),
             reverse("my-work"), reverse("notifications")]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert leaks(response.content.decode()) == [], url
    # The index itself holds none of it; searching the name or contact finds nothing, the substance is found.
    entries = " ".join(f"{t} {b}" for t, b in SearchEntry.objects.values_list("title", "body"))
    assert "ค่าอาหารกลางวัน" in entries and leaks(entries) == []
    for query in ("สมหญิง", "ทองดี", "0812345678", "somying@example.com"):
        assert search(users["coordinator"], SearchParams(q=query)).count() == 0, query
    body = client.get(reverse("search"), {"q": "ค่าอาหารกลางวัน"}).content.decode()
    assert parent_complaint.number in body and leaks(body) == []
    csv_body = client.get(reverse("complaint-export", args=["csv"]) + "?unmasked=1").content.decode("utf-8-sig")
    assert "ส*** ท***" in csv_body and leaks(csv_body) == []
    xlsx = client.get(reverse("complaint-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "ส*** ท***" in cells and leaks(cells) == []
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("matter-export", args=[fmt]))
        data = b"".join(response.streaming_content) if response.streaming else response.content
        text = data.decode("utf-8-sig") if fmt == "csv" else str(
            [c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row])
        assert "ค่าอาหารกลางวัน" in text, fmt
        assert leaks(text) == [], fmt
    # E-mails to anyone but the complainant themself (the agency's request) hold none of it.
    for message in smtp_server.messages:
        if message["To"] != PARENT["email"]:
            assert leaks(message.get_body().get_content()) == []
    from prasan.accounts.models import ApiToken
    from tests.api.conftest import Api

    api = Api(ApiToken.issue(users["coordinator"])[1])
    for response in (api.get("/complaints"), api.get(f"/complaints/{parent_complaint.pk}")):
        assert response.status_code == 200 and leaks(response.content.decode()) == []
    assert Complaint.objects.filter(complainant_name=PARENT["name"]).exists()  # it is held, only not shown


def test_a_name_written_into_the_subject_is_masked_everywhere_but_for_holders(login, users, make_complaint, holder):
    complaint = make_complaint(subject=f"{PARENT['name']} ขอให้ตรวจสอบค่าบำรุงการศึกษา")
    assert "สมหญิง" not in complaint.matter.title and "ขอให้ตรวจสอบค่าบำรุงการศึกษา" in complaint.matter.title
    client = login(users["coordinator"])
    for url in (reverse("complaint-list"), complaint.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "ขอให้ตรวจสอบค่าบำรุงการศึกษา" in body and leaks(body) == []
    from prasan.accounts.models import ApiToken
    from tests.api.conftest import Api

    data = Api(ApiToken.issue(users["coordinator"])[1]).get(f"/complaints/{complaint.pk}").json()
    assert "สมหญิง" not in data["subject"]
    assert PARENT["name"] in Api(ApiToken.issue(holder)[1]).get(f"/complaints/{complaint.pk}").json()["subject"]
