"""The office's public posts (news, press releases, announcements, pages), their photos, tags and every version.

What the public may see is decided in one place, `public.py`; the internal pages and the workflow live in
`workflow.py`. A post's body is stored already sanitised (`sanitise.py`), never as typed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    NEWS = "news", "ข่าวกิจกรรมรัฐมนตรี"
    PRESS = "press", "ข่าวประชาสัมพันธ์"
    ANNOUNCEMENT = "announcement", "ประกาศ"
    PAGE = "page", "หน้าเว็บ"


class Status(models.TextChoices):
    DRAFT = "draft", "ร่าง"
    REVIEW = "review", "รอตรวจ"
    APPROVED = "approved", "อนุมัติแล้ว"
    SCHEDULED = "scheduled", "ตั้งเวลาเผยแพร่"
    PUBLISHED = "published", "เผยแพร่แล้ว"
    UNPUBLISHED = "unpublished", "ถอนการเผยแพร่"


class Tag(models.Model):
    name = models.CharField("ชื่อป้าย", max_length=100, unique=True)
    slug = models.SlugField("ชื่อในลิงก์ (อักษรละติน)", max_length=100, unique=True, allow_unicode=False)

    class Meta:
        verbose_name = "ป้ายกำกับ"
        verbose_name_plural = "ป้ายกำกับ"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField("หัวข้อ", max_length=300)
    # Empty → the public URLs use the id; ASCII only so links survive every LINE and e-mail client.
    slug = models.SlugField("ชื่อในลิงก์ (อักษรละติน)", max_length=120, blank=True, allow_unicode=False)
    summary = models.TextField("สรุปย่อ", blank=True)
    body_html = models.TextField("เนื้อหา", blank=True)
    cover = models.ForeignKey("PostImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="ภาพปก")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name="ป้ายกำกับ")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField("เวลาเผยแพร่", null=True, blank=True)
    published_at = models.DateTimeField("เผยแพร่เมื่อ", null=True, blank=True)
    unpublished_at = models.DateTimeField("ถอนการเผยแพร่เมื่อ", null=True, blank=True)
    unpublish_reason = models.TextField("เหตุผลที่ถอน", blank=True)
    announcement_document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="ประกาศที่ลงนามแล้ว")
    # Where a "from the work" draft came from; only ever a matter of secrecy ปกติ (drafting.py checks).
    source_matter = models.ForeignKey("matters.Matter", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name="เรื่องต้นทาง")
    # The minister's engagement the news tells of (a "from the work" draft, or linked by hand).
    agenda_item = models.ForeignKey("agenda.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="กำหนดการรัฐมนตรีที่เกี่ยวข้อง")
    # The minister's policy the news is about (only one of secrecy ปกติ is offered: editing.related_choices).
    policy = models.ForeignKey("policy.Policy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="นโยบายที่เกี่ยวข้อง")
    # What the draft took from where: [{"field": "เมื่อ", "value": "...", "source": "เรื่อง สร 12/2569"}].
    sources = models.JSONField("ที่มาของข้อมูลในร่าง", default=list, blank=True)
    broadcast_line = models.BooleanField("ส่งข่าวถึงผู้ติดตามบัญชี LINE ของสำนักงานเมื่อเผยแพร่", default=False)
    line_broadcast_at = models.DateTimeField("ส่ง LINE เมื่อ", null=True, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="ผู้ตรวจ")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้เขียน")
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    updated_at = models.DateTimeField("แก้ไขล่าสุดเมื่อ", auto_now=True)

    class Meta:
        verbose_name = "ข่าว/ประกาศ"
        verbose_name_plural = "ข่าวและประกาศ"
        ordering = ["-created_at", "-id"]
        permissions = [("review_post", "ตรวจและอนุมัติข่าวประชาสัมพันธ์")]
        indexes = [
            models.Index(fields=["status", "-publish_at", "-id"], name="post_public_recent"),
            models.Index(fields=["kind", "status", "-publish_at"], name="post_kind_recent"),
            models.Index(fields=["-updated_at", "-id"], name="post_updated"),
        ]
        constraints = [models.UniqueConstraint(fields=["slug"], condition=~models.Q(slug=""),
                                               name="post_slug_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def url_key(self) -> str:
        """What the public URLs name the post by: its slug, or its id when it has none."""
        return self.slug or str(self.pk)

    @property
    def editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.REVIEW)


def image_path(instance, filename: str) -> str:
    return f"publishing/{timezone.now():%Y/%m}/{filename}"


class PostImage(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images", verbose_name="ข่าว")
    # Stored after images.prepare(): re-encoded, resized to at most MAX_SIDE, with no EXIF (no GPS).
    image = models.ImageField("ภาพ", upload_to=image_path, width_field="width", height_field="height")
    alt_text = models.CharField("คำบรรยายภาพ (สำหรับผู้พิการทางสายตา)", max_length=300)
    width = models.PositiveIntegerField("กว้าง", default=0)
    height = models.PositiveIntegerField("สูง", default=0)
    order = models.PositiveIntegerField("ลำดับ", default=0)
    created_at = models.DateTimeField("อัปโหลดเมื่อ", default=timezone.now)

    class Meta:
        verbose_name = "ภาพประกอบข่าว"
        verbose_name_plural = "ภาพประกอบข่าว"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.alt_text


class PostVersion(models.Model):
    """Every saved state of a post, never edited: the history of what was written and approved."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="versions", verbose_name="ข่าว")
    number = models.PositiveIntegerField("ฉบับที่")
    status = models.CharField("สถานะขณะบันทึก", max_length=20, choices=Status.choices)
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    title = models.CharField("หัวข้อ", max_length=300)
    slug = models.CharField("ชื่อในลิงก์", max_length=120, blank=True)
    summary = models.TextField("สรุปย่อ", blank=True)
    body_html = models.TextField("เนื้อหา", blank=True)
    tags = models.JSONField("ป้ายกำกับ", default=list)
    images = models.JSONField("ภาพ", default=list)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="ผู้บันทึก")
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)

    class Meta:
        verbose_name = "ฉบับของข่าว"
        verbose_name_plural = "ฉบับของข่าว"
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["post", "number"], name="post_version_unique")]

    def __str__(self) -> str:
        return f"{self.post_id} ฉบับที่ {self.number}"


class SiteState(models.Model):
    """One row: a counter bumped in the same transaction as every change the public would see."""

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "สถานะเว็บไซต์สาธารณะ"
        verbose_name_plural = "สถานะเว็บไซต์สาธารณะ"
