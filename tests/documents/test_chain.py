"""A memo from draft to the minister's decision: review chain, signing with a number, dispatch."""

import pytest
from django.urls import reverse

from prasan.documents import chain, drafting, signing
from prasan.documents.chain import ChainError
from prasan.documents.models import Document
from prasan.matters.models import Plan
from tests.conftest import PASSWORD
from tests.servers import smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db

MEMO = {
    "matter": "สพฐ. ขอความเห็นชอบการจัดสรรอัตราครูผู้ช่วย ๕๐๐ อัตรา",
    "facts": ["สพฐ. เสนอตามหนังสือที่อ้างถึง", "อยู่ในอำนาจอนุมัติของรัฐมนตรี"],
    "consideration": ["สร. พิจารณาแล้วเห็นว่าเป็นไปตามหลักเกณฑ์"],
    "recommendation": ["เห็นชอบตามที่ สพฐ. เสนอ"],
    "closing": "จึงเรียนมาเพื่อโปรดพิจารณา",
}


@pytest.fixture
def drafting_matter(make_matter, users):
    matter = make_matter(title="การจัดสรรอัตราครูผู้ช่วย")
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    return matter


def test_a_memo_goes_from_draft_to_the_ministers_decision(drafting_matter, users, unit):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    users["head"].position = "หัวหน้าสำนักงานรัฐมนตรี"
    users["head"].save()
    memo = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    assert memo.fields["subject"] == drafting_matter.title
    memo = drafting.save_version(memo, memo.fields | MEMO, by=users["coordinator"])
    assert memo.version == 2

    chain.submit(memo, by=users["coordinator"])
    drafting_matter.refresh_from_db()
    assert drafting_matter.state == "in_review"
    with pytest.raises(ChainError, match="รอ"):
        chain.decide(memo, by=users["head"], approve=True)
    chain.decide(memo, by=users["grouphead"], approve=True, comment="ถูกต้อง")
    chain.decide(memo, by=users["head"], approve=True)
    drafting_matter.refresh_from_db()
    assert drafting_matter.state == "with_minister"

    memo.refresh_from_db()
    with pytest.raises(ChainError, match="รหัสผ่าน"):
        signing.sign(memo, by=users["head"], typed_name="นรินทร์ ก้อนแก้ว", password="wrong")
    signed = signing.sign(memo, by=users["head"], typed_name="นรินทร์ ก้อนแก้ว", password=PASSWORD)
    assert signed.register_entry.doc_number == "ศธ 0201.1/1"
    assert signed.fields["doc_number"] == "ศธ 0201.1/1"
    assert signed.pdf.read(5) == b"%PDF-"

    chain.decide(memo, by=users["minister"], approve=True, verdict="approved", comment="อนุมัติ")
    drafting_matter.refresh_from_db()
    assert drafting_matter.state == "following_up"
    assert drafting_matter.decisions.get().verdict == "approved"


def test_a_return_sends_the_matter_back_to_drafting(drafting_matter, users):
    memo = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    drafting.save_version(memo, memo.fields | MEMO, by=users["coordinator"])
    chain.submit(memo, by=users["coordinator"])
    with pytest.raises(ChainError, match="สิ่งที่ต้องแก้ไข"):
        chain.decide(memo, by=users["grouphead"], approve=False)
    chain.decide(memo, by=users["grouphead"], approve=False, comment="แก้ข้อ ๒")
    memo.refresh_from_db()
    drafting_matter.refresh_from_db()
    assert memo.status == "returned" and drafting_matter.state == "drafting"


def test_a_form_lacking_a_part_cannot_be_submitted(drafting_matter, users):
    memo = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    with pytest.raises(ChainError, match="ยังเสนอไม่ได้"):
        chain.submit(memo, by=users["coordinator"])
    assert Document.objects.get().status == "draft"


def test_the_signed_memo_is_dispatched_by_email_with_the_pdf(drafting_matter, users, smtp_server):  # noqa: F811
    memo = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    drafting.save_version(memo, memo.fields | MEMO, by=users["coordinator"])
    chain.submit(memo, by=users["coordinator"])
    chain.decide(memo, by=users["grouphead"], approve=True)
    chain.decide(memo, by=users["head"], approve=True)
    memo = signing.sign(Document.objects.get(), by=users["head"], typed_name="หัวหน้า", password=PASSWORD)
    activity = signing.dispatch(memo, by=users["coordinator"], to=["liaison@obec.example"])
    assert activity.delivery == "sent"
    message = smtp_server.messages[-1]
    attachments = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    assert attachments and attachments[0].get_payload(decode=True).startswith(b"%PDF")
    memo.refresh_from_db()
    assert memo.status == "dispatched" and "ส่งทางอีเมล" in memo.register_entry.action


@pytest.mark.parametrize("role,status", [("auditor", 200), ("outsider", 200), ("uncleared", 200)])
def test_document_page_follows_the_matters_visibility(login, users, drafting_matter, role, status):
    memo = drafting.start(drafting_matter, "office_memo", by=users["coordinator"])
    assert login(users[role]).get(reverse("document-detail", args=[memo.pk])).status_code == status


def test_a_secret_matters_document_is_404_without_clearance(login, users, make_matter, client):
    matter = make_matter(secrecy=1)
    memo = drafting.start(matter, "office_memo", by=users["coordinator"])
    assert login(users["uncleared"]).get(reverse("document-detail", args=[memo.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("document-detail", args=[memo.pk])).status_code == 302


def test_editing_from_the_page_keeps_versions_and_compares_them(login, users, drafting_matter):
    client = login(users["coordinator"])
    client.post(reverse("document-new", args=[drafting_matter.pk]), {"form": "office_memo"})
    memo = Document.objects.get()
    response = client.get(reverse("document-detail", args=[memo.pk]))
    assert response.status_code == 200
    data = {"subject": "เรื่องใหม่", "to": "รมว.ศธ.", "unit": "สร.", "matter": "ข้อ ๑", "facts": "ก\nข",
            "consideration": "ค", "recommendation": "ง", "closing": "จึงเรียนมาเพื่อโปรดพิจารณา",
            "signer__name": "(นาย ก)", "signer__position": "หัวหน้าสำนักงานรัฐมนตรี"}
    assert client.post(reverse("document-detail", args=[memo.pk]), data).status_code == 302
    memo.refresh_from_db()
    assert memo.version == 2 and memo.fields["facts"] == ["ก", "ข"]
    page = client.get(reverse("document-compare", args=[memo.pk]), {"a": 1, "b": 2}).content.decode()
    assert "เรื่องใหม่" in page
    preview = client.post(reverse("document-preview", args=[memo.pk]), data).content.decode()
    assert "data:image/png;base64" in preview
    assert client.get(reverse("document-file", args=[memo.pk, "docx"])).status_code == 200
