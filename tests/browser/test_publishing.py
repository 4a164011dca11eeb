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
