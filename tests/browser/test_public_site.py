"""The public site in Chromium as a reader sees it: the home page, a post, the feed, on a phone too; axe-core
reports no WCAG 2.1 AA violation on any public page template; the keyboard goes through the home page in order;
a scheduled post appears on the home page and in the feed when its time comes, and unpublishing removes it
everywhere (home, its page, the feed, search, the sitemap, its tag's archive)."""

import datetime as dt
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from prasan.complaints.choices import Channel
from prasan.complaints.services import file_complaint
from prasan.publishing.models import Kind, Status
from tests.public_site.conftest import make_post

from .axe import FOCUSABLE_IN_ORDER, assert_accessible, tab_order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(office):
    cache.clear()
    office.address = "อาคารรัฐมนตรี กระทรวงศึกษาธิการ ถนนราชดำเนินนอก เขตดุสิต กรุงเทพมหานคร 10300"
    office.phone = "02 628 5600"
    office.ministry = "กระทรวงศึกษาธิการ"
    office.save()
    visit = make_post("รัฐมนตรีว่าการกระทรวงศึกษาธิการลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านหนองบัว จังหวัดขอนแก่น",
                      cover=True, gallery=3, tags=[("การศึกษาขั้นพื้นฐาน", "basic-education")],
                      summary="ติดตามโครงการอาหารกลางวันและการซ่อมแซมอาคารเรียนหลังน้ำท่วม",
                      body_html="<p>รัฐมนตรีพบผู้บริหาร ครู และนักเรียน</p><h2>ประเด็นสำคัญ</h2>"
                                "<ul><li>อาหารกลางวันครบทุกคน</li><li>ซ่อมอาคารเรียนภายในเดือนนี้</li></ul>")
    make_post("ข่าวแจกสื่อมวลชน เปิดรับสมัครทุนการศึกษาปี 2570", kind=Kind.PRESS, minutes=-300, cover=True)
    make_post("ประกาศสำนักงานรัฐมนตรี เรื่อง รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ", kind=Kind.ANNOUNCEMENT,
              minutes=-600)
    for n in range(8):
        make_post(f"รัฐมนตรีประชุมติดตามนโยบาย ครั้งที่ {n + 1}", minutes=-60 * 24 * (n + 1) * 9,
                  tags=[("นโยบาย", "policy")])
    return visit


def test_home_post_and_feed_on_a_phone_and_a_desktop(open_browser, site):
    for size in ("phone", "desktop"):
        reader = open_browser(size)
        reader.visit("/public/")
        reader.assert_styled()
        reader.shows("ข่าวกิจกรรมรัฐมนตรี", "ข่าวประชาสัมพันธ์", "ประกาศ", site.title)
        if size == "phone":
            reader.assert_fits_phone()
        reader.screenshot(f"public-home-{size}")
        reader.click_link(site.title)
        assert reader.title == site.title
        reader.shows("ประเด็นสำคัญ", "อาหารกลางวันครบทุกคน", "ภาพกิจกรรม", "การศึกษาขั้นพื้นฐาน")
        images = reader.driver.execute_script(
            "return Array.from(document.images).map(i => [i.alt, i.naturalWidth])")
        assert len(images) == 4 and all(alt and width > 0 for alt, width in images), images
        if size == "phone":
            reader.assert_fits_phone()
        reader.screenshot(f"public-post-{size}")
    reader.visit("/public/feed.atom")
    assert site.title in reader.driver.page_source


def test_axe_finds_no_violation_on_any_public_page_template(open_browser, site, office):
    complaint = file_complaint(office, channel=Channel.WEB_FORM, subject="ขอให้ตรวจสอบการเก็บเงินบำรุงการศึกษา")
    now = timezone.localtime() - dt.timedelta(hours=1)
    pages = {
        "home": "/public/", "section": "/public/news/", "post": f"/public/posts/{site.pk}/",
        "tag": "/public/tags/basic-education/", "month": f"/public/archive/{now.year}/{now.month:02d}/",
        "search": "/public/search/?q=ขอนแก่น", "search-empty": "/public/search/?q=ไม่มีคำนี้แน่นอน",
        "contact": "/public/contact/", "complaint": "/public/complaint/", "status": "/public/complaint/status/",
        "404": "/public/posts/999999/",
    }
    for size in ("phone", "desktop"):
        reader = open_browser(size)
        for name, url in pages.items():
            reader.visit(url)
            assert_accessible(reader, f"{name} ({size})")
            if size == "phone":
                reader.assert_fits_phone()
                reader.screenshot(f"public-page-{name}-phone")
        # the complaint form with its mistakes shown, and the status page with a complaint found
        reader.visit("/public/complaint/").press("ส่งเรื่อง")
        assert_accessible(reader, f"complaint form with errors ({size})")
        reader.visit("/public/complaint/status/")
        reader.fill("id_number", complaint.number).fill("id_code", complaint.public_code).press("ตรวจสถานะ")
        reader.shows(f"เรื่องเลขที่ {complaint.number}")
        assert_accessible(reader, f"status page with a complaint ({size})")
    reader.screenshot("public-status-found-desktop")


def test_the_keyboard_goes_through_the_home_page_in_order_with_a_visible_focus(open_browser, site):
    reader = open_browser("desktop")
    reader.visit("/public/")
    expected = reader.driver.execute_script(FOCUSABLE_IN_ORDER)
    pressed = tab_order(reader.driver, len(expected))
    assert len(expected) > 20
    assert ["|".join(p.split("|")[:2]) for p in pressed] == expected
    assert all(p.endswith("shown|ring") for p in pressed), pressed  # the skip link too shows itself on focus
    assert pressed[0].startswith("a|#main")
    # the skip link takes the reader past the menu: the next Tab is on the first link of the content
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    reader.visit("/public/")
    assert tab_order(reader.driver, 1)[0].startswith("a|#main")
    ActionChains(reader.driver).send_keys(Keys.ENTER).send_keys(Keys.TAB).perform()
    assert reader.driver.execute_script("return location.hash") == "#main"
    assert reader.driver.execute_script("return document.querySelector('main').contains(document.activeElement)")


def test_the_axe_check_itself_catches_a_photo_without_alt_text(open_browser, site):
    from .axe import violations

    reader = open_browser("desktop")
    reader.visit("/public/")
    reader.driver.execute_script("document.querySelector('main img').removeAttribute('alt')")
    assert "image-alt" in [v["id"] for v in violations(reader.driver)]


def _on(reader, url: str) -> str:
    reader.visit(url)
    return reader.driver.page_source


def test_a_scheduled_post_appears_at_its_time_and_unpublishing_removes_it_everywhere(open_browser, site, users):
    from prasan.publishing import access, workflow

    group_head = users["grouphead"]
    access.grant(group_head, by=users["admin"], granted=True)
    title = "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียนจังหวัดอุดรธานี"
    post = make_post(title, status=Status.APPROVED, minutes=0, tags=[("การศึกษาขั้นพื้นฐาน", "basic-education")],
                     summary="มอบทุนการศึกษา 120 ทุน")
    reader = open_browser("desktop")
    reader.visit("/public/")
    # far enough ahead for three pages to load on a busy machine before it
    post = workflow.fire(post, "schedule", by=group_head, publish_at=timezone.now() + dt.timedelta(seconds=20))
    assert title not in _on(reader, "/public/")
    assert title not in _on(reader, "/public/feed.atom")
    assert "ไม่พบหน้าที่ต้องการ" in _on(reader, f"/public/posts/{post.pk}/")
    assert timezone.now() < post.publish_at, "the machine was too slow to see the post before its time"
    time.sleep(max(0.0, (post.publish_at - timezone.now()).total_seconds()) + 0.5)
    assert title in _on(reader, "/public/")  # no worker had to flip it: its time came
    assert title in _on(reader, "/public/feed.atom")
    everywhere = {"home": "/public/", "post": f"/public/posts/{post.pk}/", "feed": "/public/feed.atom",
                  "news feed": "/public/news/feed.atom", "search": "/public/search/?q=อุดรธานี",
                  "sitemap": "/public/sitemap.xml", "tag": "/public/tags/basic-education/"}
    for name, url in everywhere.items():
        page = _on(reader, url)
        assert title in page or f"/posts/{post.pk}/" in page, name
    reader.screenshot("public-scheduled-arrived")

    workflow.fire(post, "unpublish", by=group_head, reason="ชื่อโรงเรียนผิด")
    for name, url in everywhere.items():
        page = _on(reader, url)
        assert title not in page and f"/posts/{post.pk}/" not in page.replace(f"/public/posts/{post.pk}/\"", ""), name
    assert "ไม่พบหน้าที่ต้องการ" in _on(reader, f"/public/posts/{post.pk}/")
