"""The public pages, anonymous: home, sections, a post with its cover, gallery and tags, archives, contact, 404."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from prasan.publishing.models import Kind, Status

from .conftest import make_post, set_status

pytestmark = pytest.mark.django_db


def test_home_shows_the_latest_of_each_section_and_nothing_unpublished(client, office, django_assert_max_num_queries):
    make_post("รัฐมนตรีตรวจเยี่ยมโรงเรียนบ้านหนองบัว", cover=True)
    make_post("ข่าวแจกเรื่องทุนการศึกษา", kind=Kind.PRESS)
    make_post("ประกาศรับสมัครครูผู้ช่วย", kind=Kind.ANNOUNCEMENT)
    make_post("ร่างข่าวยังไม่ตรวจ", status=Status.DRAFT)
    make_post("ข่าวที่ตั้งเวลาไว้พรุ่งนี้", status=Status.SCHEDULED, minutes=24 * 60)
    with django_assert_max_num_queries(16):
        response = client.get("/public/")
    page = response.content.decode()
    assert response.status_code == 200
    for title in ("รัฐมนตรีตรวจเยี่ยมโรงเรียนบ้านหนองบัว", "ข่าวแจกเรื่องทุนการศึกษา", "ประกาศรับสมัครครูผู้ช่วย"):
        assert title in page
    assert "ร่างข่าวยังไม่ตรวจ" not in page and "ข่าวที่ตั้งเวลาไว้พรุ่งนี้" not in page
    assert 'alt="ภาพปก รัฐมนตรีตรวจเยี่ยมโรงเรียนบ้านหนองบัว"' in page
    assert '<meta property="og:title"' in page and '<meta name="twitter:card"' in page
    assert "<script" not in page  # usable without JavaScript: there is none


def test_a_post_page_has_its_body_cover_gallery_tags_and_card(client, office):
    post = make_post("ลงพื้นที่ขอนแก่น", cover=True, gallery=2, tags=[("การศึกษา", "education")],
                     summary="รัฐมนตรีลงพื้นที่จังหวัดขอนแก่น", body_html="<p>ย่อหน้าแรก</p><script>alert(1)</script>")
    response = client.get(f"/public/posts/{post.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<p>ย่อหน้าแรก</p>" in page and "alert(1)" not in page
    assert 'alt="ภาพกิจกรรมที่ 1"' in page and 'alt="ภาพกิจกรรมที่ 2"' in page
    assert 'href="/public/tags/education/"' in page
    assert '<meta property="og:type" content="article">' in page
    assert re.search(r'<meta property="og:image" content="http://testserver/public/images/\d+/">', page)
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    image = re.search(r'src="(/public/images/\d+/)"', page).group(1)
    served = client.get(image)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert client.get(image, HTTP_IF_NONE_MATCH=served["ETag"]).status_code == 304
    set_status(post, Status.UNPUBLISHED)
    assert client.get(image, HTTP_IF_NONE_MATCH=served["ETag"]).status_code == 404


def test_a_post_is_found_by_its_slug_too(client, office):
    post = make_post("ข่าวมีชื่อลิงก์", slug="khon-kaen-visit")
    assert client.get("/public/posts/khon-kaen-visit/").status_code == 200
    assert client.get(f"/public/posts/{post.pk}/").status_code == 200


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.APPROVED, Status.UNPUBLISHED])
def test_posts_not_public_are_404_with_their_photos(client, office, status):
    post = make_post("ยังไม่เผยแพร่", status=status, cover=True)
    response = client.get(f"/public/posts/{post.pk}/")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()
    assert client.get(f"/public/images/{post.cover_id}/").status_code == 404


def test_unpublishing_shows_at_once_though_pages_are_cached(client, office):
    post = make_post("ข่าวที่จะถอน", tags=[("กีฬา", "sport")])
    urls = ["/public/", f"/public/posts/{post.pk}/", "/public/news/", "/public/tags/sport/", "/public/feed.atom",
            "/public/news/feed.atom", "/public/sitemap.xml", "/public/search/?q=ข่าวที่จะถอน"]
    for url in urls:
        assert client.get(url).status_code == 200
    assert "ข่าวที่จะถอน" in client.get("/public/search/?q=ข่าวที่จะถอน").content.decode()
    set_status(post, Status.UNPUBLISHED, unpublish_reason="ข้อมูลคลาดเคลื่อน")
    for url in urls:
        response = client.get(url)
        assert "ข่าวที่จะถอน" not in response.content.decode().replace("q=ข่าวที่จะถอน", "") \
            .replace("“ข่าวที่จะถอน”", "").replace('value="ข่าวที่จะถอน"', ""), url
        assert f"/posts/{post.pk}/" not in response.content.decode(), url
    assert client.get(f"/public/posts/{post.pk}/").status_code == 404


def test_pages_answer_304_to_a_browser_holding_the_same_version(client, office):
    make_post("ข่าว")
    first = client.get("/public/")
    assert first["Cache-Control"] == "no-cache" and first["ETag"]
    assert client.get("/public/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    make_post("ข่าวใหม่")
    assert client.get("/public/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_cached_page_costs_no_more_than_the_version_checks(client, office, django_assert_max_num_queries):
    make_post("ข่าว", cover=True, tags=[("การศึกษา", "education")])
    client.get("/public/")
    with django_assert_max_num_queries(4):  # site version (2), the office's settings, the session/user check
        assert client.get("/public/").status_code == 200


def test_tag_and_month_archives(client, office):
    make_post("ข่าวการศึกษา", tags=[("การศึกษา", "education")])
    make_post("ข่าวอื่น")
    page = client.get("/public/tags/education/").content.decode()
    assert "ข่าวการศึกษา" in page and "ข่าวอื่น" not in page and "การศึกษา" in page
    assert client.get("/public/tags/nothing-here/").status_code == 404
    now = timezone.localtime() - dt.timedelta(minutes=60)
    page = client.get(f"/public/archive/{now.year}/{now.month:02d}/").content.decode()
    assert "ข่าวการศึกษา" in page and f"{now.year + 543}" in page
    assert client.get("/public/archive/2026/13/").status_code == 404


def test_section_lists_are_paginated(client, office, django_assert_max_num_queries):
    for n in range(15):
        make_post(f"ข่าวลำดับ {n}", minutes=-n - 1)
    with django_assert_max_num_queries(12):
        first = client.get("/public/news/").content.decode()
    assert "ข่าวลำดับ 0" in first and "ข่าวลำดับ 14" not in first and "หน้า 1 จาก 2" in first
    assert "ข่าวลำดับ 14" in client.get("/public/news/?page=2").content.decode()
    assert client.get("/public/news/?page=x").status_code == 200
    assert client.get("/public/news/?page=999").status_code == 200
    assert client.get("/public/nothing/").status_code == 404


def test_contact_page_shows_the_office_settings(client, office):
    office.address = "ถนนราชดำเนินนอก เขตดุสิต กรุงเทพมหานคร 10300"
    office.phone = "02 628 5600"
    office.email = "pr@example.go.th"
    office.save()
    page = client.get("/public/contact/").content.decode()
    assert "ถนนราชดำเนินนอก" in page and 'href="tel:026285600"' in page and "pr@example.go.th" in page
    assert 'href="/public/complaint/"' in page
    office.phone = "02 111 2222"
    office.save()
    assert "02 111 2222" in client.get("/public/contact/").content.decode()  # not the cached page


def test_unknown_public_paths_get_the_public_404(client, office):
    for url in ("/public/no-such/", "/public/posts/999999/", "/public/a/b/c/", "/public/images/99/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "กลับหน้าแรก" in response.content.decode() and 'href="/public/"' in response.content.decode()
    assert client.get("/public/no-such", follow=True).status_code == 404


def test_public_pages_carry_the_secure_headers(client, office):
    response = client.get("/public/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"


def test_the_complaint_form_wears_the_public_site(client, office):
    page = client.get("/public/complaint/").content.decode()
    assert "public_site/site.css" in page and 'href="/public/contact/"' in page
    assert "ออกจากระบบ" not in page


def test_an_announcement_links_its_signed_pdf_served_only_while_public(client, office, make_matter):
    from django.core.files.base import ContentFile

    from prasan.documents.models import Document

    document = Document.objects.create(matter=make_matter(), form="announcement", title="ประกาศรับสมัคร",
                                       status="signed")
    document.pdf.save("announcement.pdf", ContentFile(b"%PDF-1.7\n% signed announcement\n"))
    post = make_post("ประกาศรับสมัครพนักงานราชการ", kind=Kind.ANNOUNCEMENT, announcement_document=document)
    page = client.get(f"/public/posts/{post.pk}/").content.decode()
    assert f'href="/public/posts/{post.pk}/announcement.pdf"' in page
    pdf = client.get(f"/public/posts/{post.pk}/announcement.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "documents/" not in page  # the file's place in the media folder is never shown
    set_status(post, Status.UNPUBLISHED)
    assert client.get(f"/public/posts/{post.pk}/announcement.pdf").status_code == 404
    plain = make_post("ข่าวธรรมดา")
    assert client.get(f"/public/posts/{plain.pk}/announcement.pdf").status_code == 404


def test_photos_in_the_body_point_at_this_site_and_only_at_the_posts_own(client, office):
    other = make_post("ข่าวอื่น", cover=True)
    post = make_post("ข่าวมีภาพในเนื้อหา", gallery=1)
    own = post.images.get()
    post.body_html = (f'<p>ก่อนภาพ</p><img data-image="{own.pk}" alt="ภาพในเนื้อหา">'
                      f'<img data-image="{other.cover_id}" alt="ภาพของข่าวอื่น"><p>หลังภาพ</p>')
    post.save()
    from prasan.publishing.public import mark_changed

    mark_changed()
    page = client.get(f"/public/posts/{post.pk}/").content.decode()
    assert f'src="/public/images/{own.pk}/"' in page and 'alt="ภาพในเนื้อหา"' in page
    assert "ภาพของข่าวอื่น" not in page and f"/public/images/{other.cover_id}/" not in page
