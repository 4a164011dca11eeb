"""News from the work, in Chromium: the coordinator writes it from a closed matter with a photo, the public-relations
group head approves and schedules it, it goes public at its time with a LINE broadcast, and is withdrawn with a
reason — desktop and phone."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from selenium.webdriver.common.by import By

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import create_item
from prasan.matters.models import Matter
from prasan.publishing import access, public
from prasan.publishing.models import Post, Status
from prasan.tracking.tasks import run_tick
from tests.servers import line_server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def gps_photo(path):
    image = Image.new("RGB", (2400, 1600), (70, 130, 180))
    exif = image.getexif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (17.0, 24.0, 10.0), "E", (102.0, 47.0, 20.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


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


def done_visit(office, users, *, secrecy=0, title="ตรวจเยี่ยมโรงเรียนบ้านหนองบัว จังหวัดอุดรธานี"):
    start = timezone.now() - dt.timedelta(hours=5)
    item = create_item(office=office, by=users["coordinator"], status="accepted", fields={
        "kind": "visit", "title": title, "starts_at": start, "ends_at": start + dt.timedelta(hours=2),
        "place": "โรงเรียนบ้านหนองบัว อำเภอเมือง จังหวัดอุดรธานี", "invited_by": "นายสมปอง รักเรียน ผู้อำนวยการโรงเรียน",
        "entourage": "นางสาวผู้ติดตาม ใกล้ชิด", "transport": "เที่ยวบิน TG 100"},
        matter_fields={"secrecy": secrecy, "assignees": [users["coordinator"]]})
    AgendaItem.objects.filter(pk=item.pk).update(status="done")
    return item


def test_news_from_a_done_visit_to_the_public_and_back(open_browser, office, users, tmp_path,
                                                      line_server):  # noqa: F811
    access.grant(users["grouphead"], by=users["admin"], granted=True)
    visit = done_visit(office, users)
    secret = done_visit(office, users, secrecy=1, title="นัดหมายลับกับผู้แทนต่างประเทศ")

    desk = open_browser("desktop")
    desk.login("coordinator")
    desk.visit(f"/agenda/{secret.pk}/").shows("ใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้")
    assert "เขียนข่าว" not in desk.buttons()
    desk.visit(f"/agenda/{visit.pk}/").press("เขียนข่าว")
    desk.shows("สร้างร่างข่าวจากกำหนดการแล้ว", "ข้อมูลที่ร่างนำมาจากงานของสำนักงาน", "กำหนดการรัฐมนตรี (สถานที่)",
               "โรงเรียนบ้านหนองบัว อำเภอเมือง จังหวัดอุดรธานี")
    for private in ("สมปอง", "นางสาวผู้ติดตาม", "TG 100"):
        assert private not in desk.text
    post = Post.objects.get()

    desk.attach("id_image", gps_photo(tmp_path / "visit.jpg"))
    desk.press("เพิ่มภาพ")
    assert any("คำบรรยายภาพ" in e for e in desk.errors()) or "คำบรรยายภาพ" in desk.text
    desk.attach("id_image", tmp_path / "visit.jpg")
    desk.fill("id_alt_text", "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียนหน้าอาคารเรียน").press("เพิ่มภาพ")
    desk.shows("เพิ่มภาพแล้ว")
    image = post.images.get()
    assert (image.width, image.height) == (1600, 1067)
    with Image.open(image.image.path) as stored:
        assert not stored.getexif().get_ifd(0x8825)

    # The editor: a heading typed with the toolbar, the photo placed in the text.
    editor = desk.field("body-editor")
    editor.click()
    editor.send_keys("\nบรรยากาศในพิธี")
    desk.button("หัวข้อ").click()
    desk.button("แทรกภาพ: รัฐมนตรีมอบทุนการศึกษาแก่…").click()
    desk.fill("id_summary", "รัฐมนตรีมอบทุนการศึกษาแก่นักเรียนโรงเรียนบ้านหนองบัว")
    desk.fill("id_tags_text", "ทุนการศึกษา, ลงพื้นที่")
    desk.choose("ส่งข่าวถึงผู้ติดตามบัญชี LINE ของสำนักงานเมื่อเผยแพร่")
    desk.screenshot("publishing-edit-desktop")
    desk.press("บันทึก")
    desk.shows("บันทึกแล้ว (เก็บเป็นฉบับใหม่)", "บรรยากาศในพิธี")
    post.refresh_from_db()
    assert "<h2>" in post.body_html and f'data-image="{image.pk}"' in post.body_html and "src=" not in post.body_html
    preview = desk.driver.find_element(By.CSS_SELECTOR, ".post-body img")
    assert preview.get_attribute("alt") == image.alt_text
    assert desk.driver.execute_script("return arguments[0].naturalWidth", preview) > 0
    desk.press("เสนอตรวจ")
    desk.shows("เสนอตรวจแล้ว", "รอตรวจ")
    desk.screenshot("publishing-detail-desktop")
    assert "อนุมัติ" not in desk.buttons()
    desk.visit(f"/agenda/{visit.pk}/").shows("ข่าวประชาสัมพันธ์", post.title, "รอตรวจ")

    head = open_browser("desktop")
    head.login("grouphead")
    head.visit(reverse("notifications")).shows(f"ข่าวรอท่านตรวจ: {post.title}")
    head.visit(f"/publishing/{post.pk}/").press("อนุมัติ")
    head.shows("อนุมัติแล้ว")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    head.fill("id_publish_at_0", be(tomorrow)).fill("id_publish_at_1", "09.00").press("ตั้งเวลาเผยแพร่")
    head.shows("ตั้งเวลาเผยแพร่แล้ว")
    head.screenshot("publishing-scheduled-desktop")
    post.refresh_from_db()
    assert post.status == Status.SCHEDULED and public.public_post(post.pk) is None

    # Its time comes: public at once, recorded and broadcast by the next tick.
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))
    assert public.public_post(post.pk) is not None
    assert run_tick()["posts_broadcast"] == 1
    [message] = line_server.broadcasts
    assert post.title in message.text and f"/public/posts/{post.pk}/" in message.text

    head.visit(f"/publishing/{post.pk}/")
    head.shows("เผยแพร่แล้ว", "ส่งแล้ว")
    head.fill("reason-unpublish", "ชื่อโรงเรียนคลาดเคลื่อน").press("ถอนการเผยแพร่")
    head.shows("ถอนการเผยแพร่แล้ว", "เหตุผล: ชื่อโรงเรียนคลาดเคลื่อน")
    assert public.public_post(post.pk) is None and public.public_image(image.pk) is None
    head.click_link("1")
    head.shows("ฉบับที่ 1")
    head.visit(f"/publishing/{post.pk}/")
    head.screenshot("publishing-unpublished-desktop")
    head.click_link("« ข่าวและประกาศเผยแพร่")
    head.screenshot("publishing-list-desktop")

    phone = open_browser("phone")
    phone.login("grouphead")
    for path, name in (("/publishing/", "list"), (f"/publishing/{post.pk}/", "detail"),
                       (f"/publishing/{post.pk}/versions/2/", "version"), ("/publishing/new/", "new"),
                       (f"/agenda/{visit.pk}/", "agenda-item")):
        phone.visit(path)
        phone.assert_styled()
        phone.assert_fits_phone()
        phone.screenshot(f"publishing-{name}-phone")
