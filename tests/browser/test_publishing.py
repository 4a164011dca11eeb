"""News from a closed matter, in Chromium: the draft takes only what may be said in public. The whole path of news
from a done visit to the public site and back is test_news_done_when.py."""

import pytest
from django.utils import timezone

from prasan.matters.models import Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_news_from_a_closed_matter_takes_only_what_may_be_said(open_browser, users, make_matter):
    matter = make_matter(title="มอบทุนการศึกษาแก่นักเรียนโรงเรียนบ้านหนองบัว", commanded_by="รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
                         description="ผู้ปกครอง นายสมชาย ใจดี โทร 081-234-5678")
    Matter.objects.filter(pk=matter.pk).update(state="closed", closed_at=timezone.now())
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.visit(matter.get_absolute_url()).press("เขียนข่าว")
    desk.shows("สร้างร่างข่าวจากเรื่องแล้ว", "ข้อมูลที่ร่างนำมาจากงานของสำนักงาน", f"เรื่องเลขที่ {matter.number}",
               "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    assert "สมชาย" not in desk.text and "081" not in desk.text
    desk.screenshot("publishing-from-matter-desktop")


def test_a_signed_announcement_is_published_with_its_pdf_and_its_text(open_browser, live_server, office, unit,
                                                                       users, make_matter, tmp_path):
    """Drafted and reviewed in Prasan, signed in the browser, then "เผยแพร่ประกาศนี้บนเว็บไซต์" on the signed document:
    approved and published, the public post carries the announcement's text and serves the signed PDF itself —
    its Thai text extracts, the signature is printed on it and its PAdES signature is intact."""
    from django.core.cache import cache

    from prasan.documents import chain, drafting
    from prasan.matters.models import Plan
    from prasan.publishing import access
    from prasan.publishing.models import Post, Status
    from tests.conftest import PASSWORD
    from tests.documents.conftest import sample

    from .test_signing import _look, _verify

    cache.clear()
    office.ministry = "กระทรวงศึกษาธิการ"
    office.save()
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    head = users["head"]
    head.first_name, head.last_name = "นรินทร์", "ก้อนแก้ว"
    head.save()
    access.grant(users["grouphead"], by=users["admin"], granted=True)
    matter = make_matter(title="ช่องทางการยื่นเรื่องร้องเรียนถึงรัฐมนตรี")
    Plan.objects.create(matter=matter, targets="ประชาชน")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    fields = sample("announcement")
    document = drafting.start(matter, "announcement", by=users["coordinator"])
    drafting.save_version(document, fields, by=users["coordinator"])
    chain.submit(document, by=users["coordinator"])
    chain.decide(document, by=users["grouphead"], approve=True)
    chain.decide(document, by=head, approve=True)

    signer = open_browser("desktop")
    signer.login("head")
    signer.visit(f"/documents/{document.pk}/")
    assert "เผยแพร่ประกาศนี้บนเว็บไซต์" not in signer.buttons()  # not before it is signed
    signer.fill("sign-password", PASSWORD).press("ลงนามและออกเลข")
    signer.shows("ลงนามและออกเลขแล้ว")

    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.visit(f"/documents/{document.pk}/").shows("เผยแพร่บนเว็บไซต์ของสำนักงาน")
    desk.press("เผยแพร่ประกาศนี้บนเว็บไซต์")
    subject = fields["subject"]
    desk.shows("สร้างร่างประกาศเผยแพร่แล้ว", f"เรื่อง {subject}", "ประกาศ ณ วันที่", "(นรินทร์ ก้อนแก้ว)",
               "PDF ที่ลงนาม")
    desk.screenshot("publishing-announcement-draft-desktop")
    post = Post.objects.get(announcement_document=document)
    desk.press("เสนอตรวจ").shows("เสนอตรวจแล้ว")
    desk.visit(f"/documents/{document.pk}/").shows(post.title, "รอตรวจ")
    assert "เผยแพร่ประกาศนี้บนเว็บไซต์" not in desk.buttons()  # drafted once

    reviewer = open_browser("desktop")
    reviewer.login("grouphead")
    reviewer.visit(f"/publishing/{post.pk}/").press("อนุมัติ").press("เผยแพร่ทันที")
    reviewer.shows("เผยแพร่ทันทีแล้ว", "ลิงก์สาธารณะ")
    reviewer.click_link(f"{live_server.url}/public/posts/{post.pk}/")
    assert reviewer.title == post.title

    reader = open_browser("phone")
    reader.visit("/public/").click_link("ประกาศ")
    reader.click_link(post.title)
    reader.shows(f"เรื่อง {subject}", "ยื่นด้วยตนเอง ณ สำนักงานรัฐมนตรี", "ประกาศ ณ วันที่", "(นรินทร์ ก้อนแก้ว)",
                 "หัวหน้าสำนักงานรัฐมนตรี")
    reader.assert_fits_phone()
    from .axe import assert_accessible

    assert_accessible(reader, "announcement post")
    reader.screenshot("publishing-announcement-public-phone")
    href = reader.link("เปิดประกาศฉบับลงนาม (PDF)").get_attribute("href")
    assert href == f"{live_server.url}/public/posts/{post.pk}/announcement.pdf"
    import urllib.request

    with urllib.request.urlopen(href, timeout=30) as response:  # as anyone on the internet: no session
        assert response.headers["Content-Type"] == "application/pdf"
        pdf = response.read()
    document.refresh_from_db()
    with document.pdf.open("rb") as handle:
        assert pdf == handle.read()  # the signed file itself, not a re-rendering
    flat = "".join(_look(pdf, "publishing-announcement-pdf").split())
    assert "".join(subject.split()) in flat and "ประกาศสำนักงานรัฐมนตรีกระทรวงศึกษาธิการ" in flat
    assert "(นรินทร์ก้อนแก้ว)" in flat and "ลงนามอิเล็กทรอนิกส์" in flat
    assert "รหัสเอกสาร" + document.signature_fingerprint in flat
    assert "ผ่าน" in _verify(pdf, tmp_path)
    assert Post.objects.get(pk=post.pk).status == Status.PUBLISHED
