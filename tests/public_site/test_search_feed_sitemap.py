"""Search over published posts only (the project's Thai search: trigrams for 3+ letters, a scan for shorter),
the Atom feeds and the sitemap."""

import xml.etree.ElementTree as ET

import pytest

from prasan.publishing.models import Kind, Status

from .conftest import make_post, set_status

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response) -> str:
    return response.content.decode()


def test_search_finds_thai_words_inside_text_and_only_public_posts(client, office):
    make_post("รัฐมนตรีประชุมผู้บริหารสถานศึกษา", body_html="<p>หารือเรื่องอาหารกลางวันนักเรียน</p>")
    make_post("ร่างข่าวอาหารกลางวัน", status=Status.DRAFT, body_html="<p>อาหารกลางวัน</p>")
    make_post("ข่าวตั้งเวลาอาหารกลางวัน", status=Status.SCHEDULED, minutes=60)
    page = client.get("/public/search/?q=อาหารกลางวัน").content.decode()
    assert "รัฐมนตรีประชุมผู้บริหารสถานศึกษา" in page and "<mark>อาหารกลางวัน</mark>" in page
    assert "ร่างข่าว" not in page and "ข่าวตั้งเวลา" not in page
    assert "พบ 1 รายการ" in page


def test_title_matches_come_first_then_newest(client, office):
    make_post("ทุนการศึกษาเพื่อนักเรียนยากจน", minutes=-300)
    make_post("ข่าวอื่น", body_html="<p>มีทุนการศึกษาด้วย</p>", minutes=-10)
    page = client.get("/public/search/?q=ทุนการศึกษา").content.decode().replace("<mark>", "").replace("</mark>", "")
    assert page.index("ทุนการศึกษาเพื่อนักเรียนยากจน") < page.index("ข่าวอื่น")


def test_short_queries_and_thai_digits_are_found_without_trigrams(client, office):
    make_post("ครู 2 ภาษา", body_html="<p>โครงการ ป.1</p>")
    assert "ครู 2 ภาษา" in client.get("/public/search/?q=ป.1").content.decode().replace("<mark>", "")  # 3 chars
    assert "ครู 2 ภาษา" in client.get("/public/search/?q=ครู").content.decode().replace("<mark>", "").replace("</mark>", "")
    assert "ครู 2 ภาษา" in client.get("/public/search/?q=๒").content.decode().replace("<mark>", "").replace("</mark>", "")


def test_an_edit_of_a_published_post_is_searchable_at_once(client, office):
    post = make_post("ข่าวเดิม")
    assert "พบ 1 รายการ" in client.get("/public/search/?q=ข่าวเดิม").content.decode()
    from django.utils import timezone

    from prasan.publishing.models import Post
    from prasan.publishing.public import mark_changed

    Post.objects.filter(pk=post.pk).update(title="ข่าวแก้ไขแล้ว", updated_at=timezone.now())
    mark_changed()
    assert "ไม่พบข่าว" in client.get("/public/search/?q=ข่าวเดิม").content.decode()
    assert "พบ 1 รายการ" in client.get("/public/search/?q=ข่าวแก้ไขแล้ว").content.decode()
    set_status(post, Status.UNPUBLISHED)
    assert "ไม่พบข่าว" in client.get("/public/search/?q=ข่าวแก้ไขแล้ว").content.decode()


def test_bad_queries_get_a_thai_message(client, office):
    response = client.get("/public/search/?q=" + "ก" * 201)
    assert response.status_code == 422 and "ไม่เกิน 200 ตัวอักษร" in response.content.decode()
    assert client.get("/public/search/?q=%20").status_code == 200
    assert client.get("/public/search/").status_code == 200


def test_the_site_feed_is_atom_with_public_posts_newest_first(client, office):
    make_post("ข่าวเก่า", minutes=-120, tags=[("การศึกษา", "education")], summary="สรุปข่าวเก่า")
    make_post("ประกาศใหม่", kind=Kind.ANNOUNCEMENT, minutes=-5)
    make_post("ร่าง", status=Status.DRAFT)
    make_post("หน้าเกี่ยวกับเรา", kind=Kind.PAGE)
    response = client.get("/public/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert entries == ["ประกาศใหม่", "ข่าวเก่า"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/public/feed.atom"
    announcements = ET.fromstring(client.get("/public/announcements/feed.atom").content)
    assert [e.find(f"{ATOM}title").text for e in announcements.findall(f"{ATOM}entry")] == ["ประกาศใหม่"]
    assert client.get("/public/nothing/feed.atom").status_code == 404


def test_the_sitemap_lists_every_public_post_and_nothing_else(client, office):
    shown = make_post("ข่าว")
    hidden = make_post("ร่าง", status=Status.DRAFT)
    root = ET.fromstring(client.get("/public/sitemap.xml").content)
    locations = [u.text for u in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"http://testserver/public/posts/{shown.pk}/" in locations
    assert f"http://testserver/public/posts/{hidden.pk}/" not in locations
    assert "http://testserver/public/" in locations and "http://testserver/public/complaint/" in locations
