"""The office, its units (กลุ่มงาน), and the agencies it coordinates with and their liaison officers."""

from django.db import models

DIGIT_CHOICES = [("thai", "เลขไทย (๒๕๖๙)"), ("arabic", "เลขอารบิก (2569)")]


class Office(models.Model):
    """A minister's office; one deployment may host several (tenant = office)."""

    name = models.CharField("ชื่อสำนักงาน", max_length=200)
    abbreviation = models.CharField("อักษรย่อ", max_length=20, help_text="ใช้ในเลขเรื่อง เช่น สร")
    ministry = models.CharField("กระทรวง", max_length=200, blank=True)
    minister_title = models.CharField("ตำแหน่งรัฐมนตรี (ย่อ)", max_length=50, blank=True, default="รมว.")
    minister_name = models.CharField(
        "ชื่อรัฐมนตรี", max_length=200, blank=True,
        help_text="เช่น นายธีรภัทร วิชาการ พิมพ์ต่อท้ายตำแหน่งในช่อง “นำเสนอ” ของบันทึกสรุปเรื่อง "
                  "เมื่อผู้ร่างไม่ได้ระบุ")
    address = models.TextField("ที่อยู่", blank=True)
    phone = models.CharField("โทรศัพท์", max_length=50, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    letter_prefix = models.CharField("รหัสหนังสือออก", max_length=30, blank=True, help_text="เช่น ศธ 0201")
    numbering_year = models.CharField(
        "การนับเลขทะเบียน", max_length=10, default="calendar",
        choices=[("calendar", "ตามปีปฏิทิน (เริ่ม ๑ มกราคม)"), ("fiscal", "ตามปีงบประมาณ (เริ่ม ๑ ตุลาคม)")],
    )
    # What the code did before there was a setting: documents in Thai digits (the regulation's
    # preference), screens and tables in Arabic (faster to scan, and what people type).
    document_digits = models.CharField(
        "ตัวเลขในเอกสาร", max_length=10, default="thai", choices=DIGIT_CHOICES,
        help_text="ตัวเลขและวันที่ในหนังสือ บันทึก และรายงานที่พิมพ์",
    )
    screen_digits = models.CharField(
        "ตัวเลขวันที่บนหน้าจอ", max_length=10, default="arabic", choices=DIGIT_CHOICES,
        help_text="วันที่และเวลาในหน้าจอ ตาราง และไฟล์ Excel/CSV",
    )
    two_factor_required = models.BooleanField(
        "บังคับยืนยันตัวตนสองขั้นตอน", default=True,
        help_text="หัวหน้าสำนักงาน ผู้บริหาร ผู้ดูแลระบบ และผู้มีสิทธิ์ชั้นลับที่สุด ต้องใช้รหัสจากแอปทุกครั้งที่เข้าสู่ระบบ",
    )
    emblem = models.FileField(
        "ตราครุฑของสำนักงาน (SVG หรือ PNG)", upload_to="office/emblem/", blank=True,
        help_text="ใช้พิมพ์บนหนังสือและบันทึกทุกฉบับ (สูง ๓ ซม. บนหนังสือภายนอก ๑.๕ ซม. บนบันทึกข้อความ) "
                  "ถ้ายังไม่อัปโหลด เอกสารจะพิมพ์ตราตัวอย่างซึ่งใช้จริงไม่ได้")
    # Word needs a raster picture: an SVG emblem is kept with a PNG made from it at upload.
    emblem_png = models.FileField(upload_to="office/emblem/", blank=True, editable=False)

    class Meta:
        verbose_name = "สำนักงาน"
        verbose_name_plural = "สำนักงาน"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Office":
        office = cls.objects.order_by("id").first()
        if office is None:
            office = cls.objects.create(name="สำนักงานรัฐมนตรี", abbreviation="สร")
        return office


class Unit(models.Model):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="units", verbose_name="สำนักงาน")
    name = models.CharField("ชื่อกลุ่มงาน", max_length=200)
    abbreviation = models.CharField("อักษรย่อ", max_length=30, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=50, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    letter_prefix = models.CharField("เลขที่หนังสือของกลุ่ม", max_length=30, blank=True, help_text="เช่น ศธ 0201.1")

    class Meta:
        verbose_name = "กลุ่มงาน"
        verbose_name_plural = "กลุ่มงาน"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """A ministry agency or organisation under it (ส่วนราชการ / องค์กรในกำกับ)."""

    name = models.CharField("ชื่อหน่วยงาน", max_length=255, unique=True)
    abbreviation = models.CharField("อักษรย่อ", max_length=50, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children", verbose_name="สังกัด"
    )
    phone = models.CharField("โทรศัพท์", max_length=100, blank=True)
    fax = models.CharField("โทรสาร", max_length=100, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    line_id = models.CharField("LINE (ผู้ใช้หรือกลุ่ม)", max_length=100, blank=True,
                               help_text="รหัสผู้รับ (ผู้ใช้หรือกลุ่ม) ที่บัญชี LINE ของสำนักงานใช้ส่งข้อความ")
    address = models.TextField("ที่อยู่", blank=True)
    active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        verbose_name = "หน่วยงาน"
        verbose_name_plural = "หน่วยงาน"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class Contact(models.Model):
    """A person at an agency; the liaison officer (ผู้ประสานงาน) answers requests."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="contacts", verbose_name="หน่วยงาน")
    name = models.CharField("ชื่อ-สกุล", max_length=200)
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=100, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    line_id = models.CharField("รหัสผู้ใช้ LINE", max_length=100, blank=True)
    is_liaison = models.BooleanField("ผู้ประสานงานหลัก", default=False)

    class Meta:
        verbose_name = "ผู้ติดต่อ"
        verbose_name_plural = "ผู้ติดต่อ"
        ordering = ["agency", "-is_liaison", "name"]

    def __str__(self) -> str:
        return f"{self.name} — {self.agency.abbreviation or self.agency.name}"
