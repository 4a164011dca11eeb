"""Issue 18's Done-when as one walk in Chromium, by clicks on the pages people use:

the coordinator marks the minister's visit done on the agenda and writes its news from it ("เขียนข่าว") with photos
uploaded through the form (alt text required); submits it; the public-relations group head approves it and schedules
it a little ahead; before its time it is nowhere on the public site; at its time `prasan tick` — the command cron
runs in production, in its own process here — records it published and its LINE broadcast reaches the stand-in;
it is on the home page and in the feeds; axe-core finds nothing on the home, post, tag, month, search and contact
pages (desktop and phone); unpublished with a reason, it is gone everywhere though every one of those pages was
in the cache. Screenshots in var/screenshots/done-when-*.png."""

import datetime as dt
import io
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import create_item
from prasan.public_site.cache import _key
from prasan.publishing import access
from prasan.publishing.models import Post, Status
from prasan.publishing.public import site_version
from tests.prasan_process import run_prasan
from tests.public_site.conftest import make_post
from tests.servers import LINE_TEST_TOKEN, line_server  # noqa: F401

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "ตรวจเยี่ยมโรงเรียนบ้านหนองบัว จังหวัดอุดรธานี"
NOT_FOUND = "ไม่พบหน้าที่ต้องการ"


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def photo(path, colour, *, gps: bool = False):
    """A camera-sized JPEG; with GPS in its EXIF when asked (the upload must strip it)."""
    image = Image.new("RGB", (2400, 1600), colour)
    exif = image.getexif()
    if gps:
        place = exif.get_ifd(0x8825)
        place[1], place[2], place[3], place[4] = "N", (17.0, 24.0, 10.0), "E", (102.0, 47.0, 20.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def accepted_visit(office, users, *, secrecy=0, title=TITLE) -> AgendaItem:
    start = timezone.now() - dt.timedelta(hours=5)
    return create_item(office=office, by=users["coordinator"], status="accepted", fields={
        "kind": "visit", "title": title, "starts_at": start, "ends_at": start + dt.timedelta(hours=2),
        "place": "โรงเรียนบ้านหนองบัว อำเภอเมือง จังหวัดอุดรธานี", "invited_by": "นายสมปอง รักเรียน ผู้อำนวยการโรงเรียน",
        "entourage": "นางสาวผู้ติดตาม ใกล้ชิด", "transport": "เที่ยวบิน TG 100"},
        matter_fields={"secrecy": secrecy, "assignees": [users["coordinator"]]})


def in_cache(live_server, url: str, params: tuple[str, ...]):
    """The page the public site keeps in its cache for `url` at the site's current version, or None."""
    request = RequestFactory().get(url, HTTP_HOST=live_server.url.split("://", 1)[1])
    response = cache.get(_key(request, site_version(), params))
    return response.content.decode() if response is not None else None


def test_news_of_a_done_visit_goes_public_at_its_time_and_is_withdrawn_everywhere(
        open_browser, live_server, settings, office, users, tmp_path, line_server):  # noqa: F811
    cache.clear()
    office.address = "อาคารราชวัลลภ กระทรวงศึกษาธิการ ถนนราชดำเนินนอก เขตดุสิต กรุงเทพมหานคร 10300"
    office.phone = "02 628 5600"
    office.ministry = "กระทรวงศึกษาธิการ"
    office.save()
    access.grant(users["grouphead"], by=users["admin"], granted=True)
    for n in range(3):  # the site is not empty: earlier news, under the same tag
        make_post(f"รัฐมนตรีประชุมติดตามนโยบายการศึกษา ครั้งที่ {n + 1}", minutes=-60 * 24 * (n + 1),
                  tags=[("ทุนการศึกษา", "thun-kan-sueksa")], cover=n == 0)
    visit = accepted_visit(office, users)
    secret = accepted_visit(office, users, secrecy=1, title="นัดหมายลับกับผู้แทนต่างประเทศ")
    AgendaItem.objects.filter(pk=secret.pk).update(status="done")

    # -- the coordinator: the visit is done; its news, from it, with photos -----------------------------------
    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.visit(f"/agenda/{secret.pk}/").shows("ใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้")
    assert "เขียนข่าว" not in desk.buttons()
    desk.visit(f"/agenda/{visit.pk}/")
    assert "เขียนข่าว" not in desk.buttons()  # not before the visit is done
    desk.press("บันทึกว่าเสร็จสิ้น")
    desk.shows("เปลี่ยนสถานะเป็น “เสร็จสิ้น” แล้ว")
    desk.press("เขียนข่าว")
    desk.shows("สร้างร่างข่าวจากกำหนดการแล้ว", "ข้อมูลที่ร่างนำมาจากงานของสำนักงาน", "กำหนดการรัฐมนตรี (สถานที่)",
               "โรงเรียนบ้านหนองบัว อำเภอเมือง จังหวัดอุดรธานี")
    for private in ("สมปอง", "นางสาวผู้ติดตาม", "TG 100"):
        assert private not in desk.text
    post = Post.objects.get(agenda_item=visit)

    desk.attach("id_image", photo(tmp_path / "visit.jpg", (70, 130, 180), gps=True)).press("เพิ่มภาพ")
    desk.shows("เพิ่มภาพไม่ได้")  # no alt text: refused, nothing stored
    assert not post.images.exists()
    desk.attach("id_image", tmp_path / "visit.jpg")
    desk.fill("id_alt_text", "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียนหน้าอาคารเรียน").press("เพิ่มภาพ")
    desk.shows("เพิ่มภาพแล้ว")
    desk.attach("id_image", photo(tmp_path / "class.jpg", (200, 120, 60)))
    desk.fill("id_alt_text", "รัฐมนตรีเยี่ยมชมห้องเรียนชั้นประถมศึกษาปีที่ 6").press("เพิ่มภาพ")
    desk.shows("เพิ่มภาพแล้ว")
    cover, second = post.images.order_by("order")
    assert (cover.width, cover.height) == (1600, 1067)
    with Image.open(cover.image.path) as stored:
        assert not stored.getexif().get_ifd(0x8825), "the photo kept where it was taken"

    editor = desk.field("body-editor")
    editor.click()
    # after the prefilled facts: the end of the text, out of their list (Enter on an empty item), a new paragraph
    editor.send_keys(Keys.CONTROL, Keys.END)
    editor.send_keys(Keys.ENTER, Keys.ENTER, "บรรยากาศในพิธี")
    desk.button("หัวข้อ").click()
    desk.driver.find_element(By.CSS_SELECTOR, f'button[data-image="{second.pk}"]').click()  # "แทรกภาพ: …"
    desk.fill("id_summary", "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียนโรงเรียนบ้านหนองบัว และเยี่ยมชมห้องเรียน")
    desk.fill("id_tags_text", "ทุนการศึกษา, ลงพื้นที่")
    desk.choose("ส่งข่าวถึงผู้ติดตามบัญชี LINE ของสำนักงานเมื่อเผยแพร่")
    desk.screenshot("done-when-1-edit-desktop")
    desk.press("บันทึก")
    desk.shows("บันทึกแล้ว (เก็บเป็นฉบับใหม่)", "บรรยากาศในพิธี")
    post.refresh_from_db()
    assert "<h2>บรรยากาศในพิธี</h2>" in post.body_html and f'data-image="{second.pk}"' in post.body_html
    assert "<li><strong>ณ:</strong> โรงเรียนบ้านหนองบัว" in post.body_html  # the facts kept as drafted
    desk.press("เสนอตรวจ")
    desk.shows("เสนอตรวจแล้ว", "รอตรวจ")
    assert "อนุมัติ" not in desk.buttons()
    desk.visit(f"/agenda/{visit.pk}/").shows("ข่าวประชาสัมพันธ์", TITLE, "รอตรวจ")

    # -- the group head of public relations: approves, schedules a little ahead ----------------------------------
    head = open_browser("desktop")
    head.login("grouphead")
    head.visit(reverse("notifications")).shows(f"ข่าวรอท่านตรวจ: {TITLE}")
    head.click_link("ข่าว")
    head.click_link("รอท่านตรวจ 1")
    head.click_link(TITLE)
    head.press("อนุมัติ").shows("อนุมัติแล้ว")
    # The form takes minutes: the next whole minute at least 50 s away, for the checks before it to finish.
    at = (timezone.localtime() + dt.timedelta(seconds=50)).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    head.fill("id_publish_at_0", be(at.date())).fill("id_publish_at_1", f"{at:%H.%M}").press("ตั้งเวลาเผยแพร่")
    head.shows("ตั้งเวลาเผยแพร่แล้ว", "ตั้งเวลาเผยแพร่")
    head.screenshot("done-when-2-scheduled-desktop")
    post.refresh_from_db()
    assert post.status == Status.SCHEDULED and post.publish_at == at

    # -- before its time: nowhere on the public site, and the tick leaves it be ------------------------------------
    line_env = {"PRASAN_LINE_API_URL": line_server.url, "PRASAN_LINE_TOKEN": LINE_TEST_TOKEN,
                "PRASAN_BASE_URL": live_server.url}
    reader = open_browser("desktop")
    post_url, photo_url = f"/public/posts/{post.pk}/", f"/public/images/{cover.pk}/"
    before = {"/public/": TITLE, "/public/feed.atom": TITLE, "/public/news/feed.atom": TITLE,
              "/public/sitemap.xml": post_url, "/public/search/?q=หนองบัว": TITLE,
              "/public/tags/thun-kan-sueksa/": TITLE, post_url: TITLE}
    for url, trace in before.items():
        reader.visit(url)
        assert trace not in reader.driver.page_source, f"{url} shows the post before its time"
    reader.visit(post_url).shows(NOT_FOUND)
    reader.visit(photo_url).shows(NOT_FOUND)
    early = run_prasan(settings, "tick", env=line_env).stdout
    assert "ข่าวที่ถึงเวลาเผยแพร่" not in early and line_server.broadcasts == []
    assert timezone.now() < at, "the machine was too slow to look at the site before the post's time"

    # -- its time: cron's `prasan tick` records it published and broadcasts it on LINE ------------------------------
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 1)
    told = run_prasan(settings, "tick", env=line_env).stdout
    assert "ข่าวที่ถึงเวลาเผยแพร่ 1" in told and "ข่าวที่ส่งถึงผู้ติดตามบัญชี LINE ของสำนักงาน 1" in told, told
    [message] = line_server.broadcasts
    assert message.text == f"ข่าวกิจกรรมรัฐมนตรี: {TITLE}\n{live_server.url}/public/posts/{post.pk}/"
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED and post.line_broadcast_at is not None
    assert "ข่าวที่ส่งถึงผู้ติดตาม" not in run_prasan(settings, "tick", env=line_env).stdout  # never twice
    assert len(line_server.broadcasts) == 1
    # the people who publish reach the public site from their own pages
    head.click_link("ข่าว").click_link("ดูเว็บไซต์สาธารณะ")
    assert head.path == "/public/"
    head.shows(TITLE)

    # -- a reader finds it, by clicks, and axe-core finds nothing on any page they pass ------------------------------
    reader.visit("/public/")
    reader.shows(TITLE)
    assert_accessible(reader, "home")
    reader.screenshot("done-when-3-home-desktop")
    reader.click_link(TITLE)
    assert reader.title == TITLE
    reader.shows("บรรยากาศในพิธี", "ภาพกิจกรรม", "ทุนการศึกษา", "ลงพื้นที่")
    shown = reader.driver.execute_script("return Array.from(document.images).map(i => [i.alt, i.naturalWidth])")
    assert sorted(alt for alt, _ in shown) == sorted([cover.alt_text, second.alt_text, second.alt_text])
    assert all(width > 0 for _, width in shown), shown
    assert_accessible(reader, "post")
    reader.screenshot("done-when-4-post-desktop")
    reader.click_link("ทุนการศึกษา")
    reader.shows("ป้าย “ทุนการศึกษา”", TITLE, "รัฐมนตรีประชุมติดตามนโยบายการศึกษา ครั้งที่ 1")
    assert_accessible(reader, "tag archive")
    tag_url = reader.path
    reader.click_link("หน้าแรก")
    month_link = reader.driver.find_element(By.CSS_SELECTOR, ".months a")
    month_label = month_link.text
    reader.click_link(month_label)
    reader.shows(f"ข่าวและประกาศเดือน{month_label}", TITLE)
    assert_accessible(reader, "month archive")
    month_url = reader.path
    reader.fill("site-q", "หนองบัว").press("ค้นหา")
    reader.shows(TITLE)
    assert_accessible(reader, "search")
    search_url = reader.path
    reader.click_link("ติดต่อ")
    reader.shows(office.address)
    assert_accessible(reader, "contact")
    for url in ("/public/feed.atom", "/public/news/feed.atom"):
        reader.visit(url)
        assert TITLE in reader.driver.page_source and post_url in reader.driver.page_source, url

    phone = open_browser("phone")
    for name, url in (("home", "/public/"), ("post", post_url), ("tag", tag_url), ("month", month_url),
                      ("search", search_url), ("contact", "/public/contact/")):
        phone.visit(url)
        phone.assert_styled()
        phone.assert_fits_phone()
        assert_accessible(phone, f"{name} (phone)")
        phone.screenshot(f"done-when-5-{name}-phone")

    # -- withdrawn with a reason: gone from every page, though each was in the cache with it ---------------------------
    everywhere = {"home": ("/public/", ()), "post": (post_url, ()), "feed": ("/public/feed.atom", ()),
                  "news feed": ("/public/news/feed.atom", ()), "sitemap": ("/public/sitemap.xml", ()),
                  "search": (search_url, ("q", "page")), "tag": (tag_url, ("page",)),
                  "month": (month_url, ("page",)), "news": ("/public/news/", ("page",))}
    for name, (url, _) in everywhere.items():
        reader.visit(url)
        assert post_url in reader.driver.page_source, name
    cached = {name: in_cache(live_server, url, params) for name, (url, params) in everywhere.items()}
    assert all(page and post_url in page for page in cached.values()), [n for n, p in cached.items() if not p]

    head.visit(f"/publishing/{post.pk}/")
    head.fill("reason-unpublish", "ชื่อโรงเรียนคลาดเคลื่อน ต้องแก้ก่อนเผยแพร่ใหม่").press("ถอนการเผยแพร่")
    head.shows("ถอนการเผยแพร่แล้ว", "เหตุผล: ชื่อโรงเรียนคลาดเคลื่อน ต้องแก้ก่อนเผยแพร่ใหม่")
    head.screenshot("done-when-6-unpublished-desktop")

    for name, (url, _) in everywhere.items():
        reader.visit(url)
        page = reader.driver.page_source
        assert TITLE not in page and post_url not in page, f"{name} still shows the withdrawn post"
    reader.visit(post_url).shows(NOT_FOUND)
    reader.visit(photo_url).shows(NOT_FOUND)
    reader.visit(tag_url).shows("รัฐมนตรีประชุมติดตามนโยบายการศึกษา ครั้งที่ 1")  # the others stay
    reader.screenshot("done-when-7-tag-after-desktop")
    assert len(line_server.broadcasts) == 1

    # the office's own pages of it, on a phone: the list, the post with its history, a version, the agenda item
    head_phone = open_browser("phone")
    head_phone.login("grouphead")
    for name, path in (("list", "/publishing/"), ("detail", f"/publishing/{post.pk}/"),
                       ("version", f"/publishing/{post.pk}/versions/1/"), ("new", "/publishing/new/"),
                       ("agenda-item", f"/agenda/{visit.pk}/")):
        head_phone.visit(path)
        head_phone.assert_styled()
        head_phone.assert_fits_phone()
        head_phone.screenshot(f"done-when-8-office-{name}-phone")
