"""The site's sections: which kinds of post each lists, under which path and Thai name."""

from dataclasses import dataclass

from prasan.publishing.models import Kind


@dataclass(frozen=True)
class Section:
    slug: str
    kind: str
    title: str
    lead: str


SECTIONS = (
    Section("news", Kind.NEWS, "ข่าวกิจกรรมรัฐมนตรี", "รัฐมนตรีลงพื้นที่ ประชุม และภารกิจต่าง ๆ"),
    Section("press", Kind.PRESS, "ข่าวประชาสัมพันธ์", "ข่าวแจกสื่อมวลชนและข่าวสารถึงประชาชน"),
    Section("announcements", Kind.ANNOUNCEMENT, "ประกาศ", "ประกาศที่ลงนามแล้ว พร้อมฉบับ PDF"),
)
BY_SLUG = {s.slug: s for s in SECTIONS}
BY_KIND = {s.kind: s for s in SECTIONS}
