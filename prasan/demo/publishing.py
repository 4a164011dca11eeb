"""A year of the office's public news: the minister's activities with photos (alt text in Thai), press releases,
announcements and the site's pages — published over the past twelve months — plus a few posts on their way
(a draft, one waiting for review, one scheduled, one withdrawn with its reason). The group head reviews news."""

import datetime as dt
import functools
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from prasan.publishing import access, versions
from prasan.publishing.editing import parse_tags
from prasan.publishing.images import prepare
from prasan.publishing.models import Kind, Post, PostImage, Status
from prasan.publishing.public import mark_changed

from .publishing_photos import photo

PROVINCES = ["เชียงใหม่", "ขอนแก่น", "นครราชสีมา", "สงขลา", "อุดรธานี", "นครศรีธรรมราช", "ลำปาง", "อุบลราชธานี",
             "พิษณุโลก", "ชลบุรี", "สุราษฎร์ธานี", "น่าน", "ตาก", "ยะลา", "บุรีรัมย์", "กาญจนบุรี"]
SCHOOLS = ["บ้านหนองบัว", "บ้านโนนสว่าง", "ชุมชนวัดป่า", "บ้านห้วยทราย", "อนุบาลประจำจังหวัด", "บ้านดอนแดง",
           "บ้านแม่ลาน", "ชุมชนบ้านนา"]
# (scene, title, alt text, tags): {p} province, {s} school.
NEWS = [
    ("school", "รัฐมนตรีว่าการกระทรวงศึกษาธิการตรวจเยี่ยมโรงเรียน{s} จังหวัด{p}",
     "รัฐมนตรีพบครูและนักเรียนหน้าอาคารเรียนโรงเรียน{s}", "ลงพื้นที่, โรงเรียนขนาดเล็ก"),
    ("classroom", "รัฐมนตรีติดตามการจัดการเรียนการสอนภาษาอังกฤษ ณ โรงเรียน{s} จังหวัด{p}",
     "นักเรียนในชุดนักเรียนนั่งเรียนในห้องเรียน ครูยืนสอนหน้ากระดาน", "ลงพื้นที่, การเรียนการสอน"),
    ("meeting", "รัฐมนตรีประชุมผู้บริหารการศึกษาจังหวัด{p} เร่งแก้ปัญหาการอ่านออกเขียนได้",
     "ผู้บริหารการศึกษานั่งประชุมรอบโต๊ะ มีจอนำเสนอด้านหลัง", "ประชุม, นโยบาย"),
    ("ceremony", "รัฐมนตรีเป็นประธานมอบทุนการศึกษาแก่นักเรียนยากจน จังหวัด{p}",
     "รัฐมนตรียืนบนเวทีมอบทุนการศึกษา นักเรียนและผู้ปกครองนั่งด้านหน้า", "ทุนการศึกษา, นักเรียน"),
    ("field", "รัฐมนตรีลงพื้นที่ติดตามโครงการเกษตรในโรงเรียน จังหวัด{p}",
     "รัฐมนตรีและคณะยืนในแปลงนาของโรงเรียน", "ลงพื้นที่, เกษตรในโรงเรียน"),
    ("workshop", "รัฐมนตรีเยี่ยมชมศูนย์ฝึกอาชีพของวิทยาลัยเทคนิค{p}",
     "นักศึกษาอาชีวะในเสื้อช็อปยืนข้างโต๊ะปฏิบัติงานในโรงฝึกงาน", "อาชีวศึกษา, ทักษะอาชีพ"),
    ("meeting", "รัฐมนตรีหารือผู้แทนองค์กรปกครองส่วนท้องถิ่นจังหวัด{p} เรื่องการถ่ายโอนสถานศึกษา",
     "ผู้แทนท้องถิ่นและเจ้าหน้าที่กระทรวงประชุมร่วมกัน", "ประชุม, ท้องถิ่น"),
    ("ceremony", "รัฐมนตรีเปิดงานมหกรรมวิชาการนักเรียนภาคใต้ ณ จังหวัด{p}",
     "พิธีเปิดงานบนเวทีประดับผ้าสีแดงและเหลือง นักเรียนนั่งชมด้านหน้า", "นักเรียน, วิชาการ"),
]
PRESS = [
    ("กระทรวงศึกษาธิการเปิดรับสมัครทุนการศึกษาเพื่อนักเรียนยากจน ประจำปีการศึกษา {y}", "ทุนการศึกษา"),
    ("สำนักงานรัฐมนตรีชี้แจงกรณีการจัดสรรงบประมาณอาหารกลางวันนักเรียน", "งบประมาณ, นักเรียน"),
    ("กระทรวงศึกษาธิการเตรียมความพร้อมเปิดภาคเรียน ย้ำความปลอดภัยของนักเรียน", "ความปลอดภัย, นักเรียน"),
    ("รัฐมนตรีขอบคุณครูทั่วประเทศเนื่องในวันครู", "ครู"),
    ("กระทรวงศึกษาธิการร่วมมือภาคเอกชนพัฒนาทักษะดิจิทัลของครู", "ดิจิทัล, ครู"),
]
ANNOUNCEMENTS = [
    "ประกาศสำนักงานรัฐมนตรี เรื่อง รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ",
    "ประกาศสำนักงานรัฐมนตรี เรื่อง วันหยุดราชการเพิ่มเติมประจำปี",
    "ประกาศกระทรวงศึกษาธิการ เรื่อง แนวทางการรับนักเรียนปีการศึกษาใหม่",
    "ประกาศสำนักงานรัฐมนตรี เรื่อง การเปิดให้ประชาชนเข้าพบรัฐมนตรีในวันพุธ",
    "ประกาศสำนักงานรัฐมนตรี เรื่อง ช่องทางการรับเรื่องร้องเรียนออนไลน์",
]
PAGES = [
    ("เกี่ยวกับสำนักงานรัฐมนตรี", "about",
     "<h2>หน้าที่ของสำนักงานรัฐมนตรี</h2><p>สำนักงานรัฐมนตรีทำหน้าที่สนับสนุนรัฐมนตรีว่าการกระทรวงศึกษาธิการ "
     "ในการวิเคราะห์และกลั่นกรองเรื่อง งานการเมือง งานรัฐสภา การติดตามนโยบาย และการรับเรื่องร้องเรียนจากประชาชน</p>"
     "<ul><li>วิเคราะห์และเสนอความเห็นต่อรัฐมนตรี</li><li>สนับสนุนงานการเมืองระหว่างรัฐมนตรี คณะรัฐมนตรี รัฐสภา และประชาชน</li>"
     "<li>ติดตามนโยบายของรัฐมนตรีกับส่วนราชการ</li><li>รับเรื่องร้องทุกข์และร้องเรียน</li></ul>"),
    ("นโยบายการคุ้มครองข้อมูลส่วนบุคคล", "privacy",
     "<h2>ข้อมูลที่เว็บไซต์นี้เก็บ</h2><p>เว็บไซต์ข่าวของสำนักงานไม่เก็บข้อมูลส่วนบุคคลของผู้อ่าน "
     "ข้อมูลที่ท่านให้ผ่านแบบฟอร์มร้องเรียนใช้เพื่อดำเนินการตามเรื่องของท่านเท่านั้น</p>"),
]


def build(users) -> None:
    """Once: nothing is added when the office already keeps a post."""
    if Post.objects.exists():
        return
    by = {u.username: u for u in users}
    with transaction.atomic():
        access.grant(by["grouphead"], by=by["admin"], granted=True)
        _build(by, random.Random(2569))
        mark_changed()


def _at(days_ago: int, rng) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(9, 16), rng.choice((0, 15, 30, 45)))))


def _post(*, kind, title, body, summary, tags, when, writer, reviewer, status=Status.PUBLISHED, slug="", **extra):
    post = Post.objects.create(kind=kind, title=title, slug=slug, summary=summary, body_html=body, status=status,
                               publish_at=when, published_at=when if status == Status.PUBLISHED else None,
                               created_by=writer, reviewer=reviewer, created_at=(when or timezone.now()) - dt.timedelta(hours=5),
                               **extra)
    post.tags.set(parse_tags(tags))
    return post


@functools.cache
def _photo(scene: str, variant: int) -> bytes:
    """Two drawings of each scene, drawn and cleaned once per process (the demo is loaded in several tests)."""
    return prepare(photo(scene, variant)).read()


def _photos(post, scene, alt, seed, count):
    for n in range(count):
        data = ContentFile(_photo(scene, (seed + n) % 2), name=f"demo-{scene}-{post.pk}-{n}.jpg")
        image = PostImage.objects.create(post=post, image=data,
                                         alt_text=alt if n == 0 else f"{alt} (ภาพที่ {n + 1})", order=n)
        if n == 0:
            post.cover = image
            post.save(update_fields=["cover"])


def _build(by, rng) -> None:
    writers = [by["coordinator"], by["coordinator2"]]
    reviewer = by["grouphead"]
    be_year = timezone.localdate().year + 543
    # About two news a week over the past year, each with its photo; every fourth with a small gallery.
    for n, days_ago in enumerate(range(360, 2, -4)):
        scene, title, alt, tags = NEWS[n % len(NEWS)]
        place, school = PROVINCES[(n * 7) % len(PROVINCES)], SCHOOLS[n % len(SCHOOLS)]
        title, alt = title.format(p=place, s=school), alt.format(p=place, s=school)
        when = _at(days_ago, rng)
        summary = f"{title} เพื่อติดตามการดำเนินงานตามนโยบายของกระทรวงศึกษาธิการและรับฟังข้อเสนอจากครูและผู้ปกครอง"
        body = (f"<p>{summary}</p><h2>สาระสำคัญ</h2><ul><li>รับฟังสภาพปัญหาและความต้องการของสถานศึกษาในจังหวัด{place}</li>"
                "<li>มอบนโยบายให้หน่วยงานในพื้นที่เร่งดำเนินการและรายงานผลภายใน ๓๐ วัน</li>"
                "<li>ให้กำลังใจครูและบุคลากรทางการศึกษา</li></ul>"
                "<p>ทั้งนี้ สำนักงานรัฐมนตรีจะติดตามความคืบหน้าและแจ้งให้ประชาชนทราบต่อไป</p>")
        post = _post(kind=Kind.NEWS, title=title, body=body, summary=summary, tags=f"ข่าวกิจกรรม, {tags}",
                     when=when, writer=writers[n % 2], reviewer=reviewer)
        _photos(post, scene, alt, n, 3 if n % 4 == 0 else 1)
        versions.keep(post, by=post.created_by, note="ข้อมูลสาธิต")
    for n, (title, tags) in enumerate(PRESS * 2):
        when = _at(350 - n * 35, rng)
        text = title.format(y=be_year)
        _post(kind=Kind.PRESS, title=text, summary=text, tags=tags, when=when, writer=writers[n % 2],
              reviewer=reviewer, body=f"<p>{text}</p><p>ผู้สนใจสอบถามรายละเอียดได้ที่สำนักงานรัฐมนตรี "
                                      "โทร ๐ ๒๖๒๘ ๕๖๔๖ ในวันและเวลาราชการ</p>")
    for n, title in enumerate(ANNOUNCEMENTS):
        when = _at(330 - n * 70, rng)
        _post(kind=Kind.ANNOUNCEMENT, title=title, summary=title, tags="ประกาศ", when=when, writer=writers[0],
              reviewer=reviewer, body=f"<h2>{title}</h2><p>ด้วยสำนักงานรัฐมนตรีประสงค์จะแจ้งให้ประชาชนทราบ "
                                      "จึงประกาศให้ทราบโดยทั่วกัน</p><p>ประกาศ ณ วันที่ตามที่ระบุในเอกสาร</p>")
    for title, slug, body in PAGES:
        _post(kind=Kind.PAGE, title=title, slug=slug, summary="", body=body, tags="", when=_at(364, rng),
              writer=writers[0], reviewer=reviewer)
    _on_the_way(writers, reviewer, rng)


def _on_the_way(writers, reviewer, rng) -> None:
    """The workflow's states in the demo: a draft, one waiting for the group head, one scheduled, one withdrawn."""
    common = {"kind": Kind.NEWS, "summary": "สรุปข่าว", "body": "<p>เนื้อหาข่าว</p>", "tags": "ข่าวกิจกรรม",
              "writer": writers[0]}
    draft = _post(title="ร่าง: รัฐมนตรีพบสมาคมผู้ปกครองและครู", status=Status.DRAFT, when=None, reviewer=None,
                  **common)
    waiting = _post(title="รัฐมนตรีเยี่ยมชมห้องสมุดดิจิทัลของโรงเรียนบ้านโนนสว่าง", status=Status.REVIEW, when=None,
                    reviewer=None, **common)
    scheduled = _post(title="รัฐมนตรีร่วมงานวันเด็กแห่งชาติ ณ ทำเนียบรัฐบาล", status=Status.SCHEDULED,
                      when=timezone.now() + dt.timedelta(days=5), reviewer=reviewer, **common)
    withdrawn = _post(title="รัฐมนตรีตรวจเยี่ยมโรงเรียนในพื้นที่ประสบอุทกภัย", status=Status.UNPUBLISHED,
                      when=_at(40, rng), reviewer=reviewer, unpublished_at=timezone.now() - dt.timedelta(days=39),
                      unpublish_reason="ชื่อโรงเรียนในข่าวคลาดเคลื่อน จะเผยแพร่ฉบับแก้ไขแทน", **common)
    _photos(waiting, "school", "อาคารห้องสมุดของโรงเรียนบ้านโนนสว่าง", 900, 1)
    for post in (draft, waiting, scheduled, withdrawn):
        versions.keep(post, by=post.created_by, note="ข้อมูลสาธิต")
