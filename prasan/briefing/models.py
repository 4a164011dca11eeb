"""A briefing pack (แฟ้มข้อมูลประกอบ): chosen matters, documents, agency answers and attachments put into one PDF
for an occasion (a visit, a cabinet meeting, a parliament sitting, a committee session). A pack belongs to the
occasion's matter; whoever may see that matter may see the pack, and whoever may change it may build it, but each
part is checked again against its own matter (briefing.parts), since parts may come from other matters."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Occasion(models.TextChoices):
    VISIT = "visit", "การตรวจราชการ/การเยี่ยมชม"
    CABINET = "cabinet", "การประชุมคณะรัฐมนตรี"
    PARLIAMENT = "parliament", "การประชุมสภา"
    COMMITTEE = "committee", "การประชุมคณะกรรมาธิการ"
    MEETING = "meeting", "การประชุมอื่น"
    OTHER = "other", "อื่น ๆ"


class Pack(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "กำลังจัดเตรียม"
        QUEUED = "queued", "รอคิวสร้างแฟ้ม"
        BUILDING = "building", "กำลังสร้างแฟ้ม"
        DONE = "done", "สร้างแฟ้มแล้ว"
        FAILED = "failed", "สร้างแฟ้มไม่สำเร็จ"

    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="briefing_packs",
                               verbose_name="เรื่อง")
    title = models.CharField("ชื่อแฟ้ม", max_length=300)
    occasion = models.CharField("โอกาส", max_length=20, choices=Occasion.choices, default=Occasion.VISIT)
    occasion_text = models.CharField("รายละเอียดโอกาส", max_length=300, blank=True,
                                     help_text="เช่น ตรวจราชการจังหวัดขอนแก่น หรือ ประชุม ครม. ครั้งที่ 12/2569")
    occasion_on = models.DateField("วันที่", null=True, blank=True)
    cabinet_meeting = models.ForeignKey("cabinet.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="briefing_packs", verbose_name="การประชุม ครม.")
    sitting = models.ForeignKey("parliament.Sitting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="briefing_packs", verbose_name="วันประชุมสภา")
    parliament_item = models.ForeignKey("parliament.Item", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="briefing_packs", verbose_name="งานรัฐสภา")
    agenda_item = models.ForeignKey("agenda.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="briefing_packs", verbose_name="กำหนดการรัฐมนตรี")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_label = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    # What the last build gave: the highest secrecy of its parts (marked on every page), its pages, its file.
    secrecy = models.PositiveSmallIntegerField("ชั้นความลับของแฟ้ม", default=0)
    pages = models.PositiveIntegerField("จำนวนหน้า", default=0)
    pdf = models.FileField("ไฟล์ PDF", upload_to="briefing/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    seconds = models.FloatField("เวลาที่ใช้สร้าง (วินาที)", default=0)
    built_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name="ผู้สั่งสร้างแฟ้ม")
    built_at = models.DateTimeField("สร้างแฟ้มเมื่อ", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="ผู้จัดทำ")
    created_at = models.DateTimeField("จัดทำเมื่อ", default=timezone.now)
    touched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "แฟ้มข้อมูลประกอบ"
        verbose_name_plural = "แฟ้มข้อมูลประกอบ"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["matter", "-created_at"], name="briefing_pack_matter_idx"),
                   models.Index(fields=["-created_at", "-id", "matter"], name="briefing_pack_recent_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("briefing-pack", args=[self.pk])

    @property
    def busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)


class Part(models.Model):
    """One part of a pack, in its place. `matter` is the matter the part hangs on (a document's, an answer's, a
    file's): the need-to-know rule is asked of it."""

    class Kind(models.TextChoices):
        MATTER = "matter", "สรุปเรื่อง"
        DOCUMENT = "document", "เอกสาร"
        ANSWER = "answer", "คำตอบจากหน่วยงาน"
        FILE = "file", "ไฟล์แนบ"

    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="parts")
    position = models.PositiveIntegerField("ลำดับ")
    kind = models.CharField("ชนิด", max_length=20, choices=Kind.choices)
    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="+", verbose_name="เรื่อง")
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    agency_request = models.ForeignKey("coordination.AgencyRequest", null=True, blank=True, on_delete=models.CASCADE,
                                       related_name="+")
    matter_file = models.ForeignKey("matters.MatterFile", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="+")
    title = models.CharField("ชื่อในสารบัญ", max_length=300)
    # Where the last build put it (1-based page of the pack) and how many pages it took.
    start_page = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "ส่วนของแฟ้ม"

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def target_id(self) -> int:
        return {self.Kind.MATTER: self.matter_id, self.Kind.DOCUMENT: self.document_id,
                self.Kind.ANSWER: self.agency_request_id, self.Kind.FILE: self.matter_file_id}[self.kind]
