"""A signed ประกาศ published as a post: which documents may be (signed, secrecy ปกติ, no secrecy mark), the draft's
text as printed, and "เผยแพร่ประกาศนี้บนเว็บไซต์" on the document's page for the right role, a wrong role, a user who
may not see the matter and anonymous."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from prasan.documents.models import Document
from prasan.publishing import drafting, editing
from prasan.publishing.models import Kind, Post

FIELDS = {"issuer": "สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ", "subject": "ช่องทางการยื่นเรื่องร้องเรียน",
          "body": ["ย่อหน้าแรก <script>alert(1)</script>", "1. ยื่นด้วยตนเอง\n2. ทางไปรษณีย์"], "date": "2026-11-27",
          "doc_number": "",
          "signer": {"name": "นายประสาน ราชการดี", "position": ["หัวหน้าสำนักงานรัฐมนตรี"]}}


@pytest.fixture
def announcement(make_matter):
    def make(*, signed=True, form="announcement", matter=None, **fields):
        document = Document.objects.create(matter=matter or make_matter(), form=form, title="ประกาศ: ช่องทาง",
                                           fields={**FIELDS, **fields}, status="signed" if signed else "approved",
                                           signed_at=timezone.now() if signed else None, signed_name="นายประสาน ราชการดี")
        if signed:
            document.pdf.save("announcement.pdf", ContentFile(b"%PDF-1.7\n% signed\n"))
        return document

    return make


def test_only_a_signed_unmarked_announcement_of_a_normal_matter_may_be_published(announcement, make_matter):
    plain = announcement()
    marked = announcement(secrecy="ลับ")
    secret_matter = announcement(matter=make_matter(secrecy=1))
    unsigned = announcement(signed=False)
    order = announcement(form="order")
    assert list(editing.signed_announcements()) == [plain]  # a document with no secrecy key is offered too
    assert drafting.refusal_for_document(plain) == ""
    assert "ชั้นความลับ" in drafting.refusal_for_document(marked)
    assert "ชั้นความลับ" in drafting.refusal_for_document(secret_matter)
    assert "ยังไม่ได้ลงนาม" in drafting.refusal_for_document(unsigned)
    assert "เฉพาะเอกสารแบบประกาศ" in drafting.refusal_for_document(order)
    with pytest.raises(drafting.NotASource):
        drafting.from_announcement(marked, by=None)


def test_the_draft_carries_the_pdf_and_the_text_as_printed(announcement, users):
    post = drafting.from_announcement(announcement(), by=users["coordinator"])
    assert post.kind == Kind.ANNOUNCEMENT and post.announcement_document is not None
    assert post.title == "ประกาศสำนักงานรัฐมนตรี กระทรวงศึกษาธิการ เรื่อง ช่องทางการยื่นเรื่องร้องเรียน"
    assert "<script>" not in post.body_html and "&lt;script&gt;" in post.body_html  # typed text, shown as text
    assert "1. ยื่นด้วยตนเอง<br>2. ทางไปรษณีย์" in post.body_html
    assert "ประกาศ ณ วันที่ 27 พฤศจิกายน พ.ศ. 2569" in post.body_html
    assert "(นายประสาน ราชการดี)<br>หัวหน้าสำนักงานรัฐมนตรี" in post.body_html
    assert post.sources[0]["value"] == "ช่องทางการยื่นเรื่องร้องเรียน" and post.versions.count() == 1


def test_the_writer_publishes_it_from_the_document_page_once(login, users, announcement):
    document = announcement()
    client = login(users["coordinator"])
    page = client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert "เผยแพร่ประกาศนี้บนเว็บไซต์" in page
    url = reverse("post-from-document", args=[document.pk])
    response = client.post(url)
    post = Post.objects.get()
    assert response["Location"] == reverse("post-detail", args=[post.pk])
    assert client.post(url)["Location"] == reverse("post-detail", args=[post.pk])  # a second press finds it
    assert Post.objects.count() == 1
    page = client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert "เผยแพร่ประกาศนี้บนเว็บไซต์" not in page and post.title in page


def test_no_button_before_signing_and_a_refusal_in_thai(login, users, announcement):
    unsigned = announcement(signed=False)
    client = login(users["coordinator"])
    assert "เผยแพร่ประกาศนี้บนเว็บไซต์" not in client.get(
        reverse("document-detail", args=[unsigned.pk])).content.decode()
    response = client.post(reverse("post-from-document", args=[unsigned.pk]), follow=True)
    assert response.status_code == 200 and "ยังไม่ได้ลงนาม" in response.content.decode()
    assert not Post.objects.exists()


@pytest.mark.parametrize("role", ["registrar", "auditor"])
def test_a_wrong_role_is_refused(role, login, users, announcement):
    document = announcement()
    assert login(users[role]).post(reverse("post-from-document", args=[document.pk])).status_code == 403
    assert not Post.objects.exists()


def test_one_who_may_not_see_the_matter_gets_a_404_and_anonymous_signs_in(login, users, announcement, make_matter):
    from django.test import Client

    secret = announcement(matter=make_matter(secrecy=1, assignees=[users["coordinator"]]))
    assert login(users["uncleared"]).post(reverse("post-from-document", args=[secret.pk])).status_code == 404
    response = Client().post(reverse("post-from-document", args=[announcement().pk]))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert not Post.objects.exists()
