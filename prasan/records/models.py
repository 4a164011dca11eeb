"""Keeping and destroying the office's letters (ระเบียบงานสารบรรณ, หมวด ๕): how long each register entry is kept,
the yearly list of letters asked to be destroyed (บัญชีหนังสือขอทำลาย) a committee reviews and the head of office
approves, and the list of letters of lasting value handed to the National Archives at twenty years.

Nothing is destroyed without an approved list; the list itself, with every line it named, is kept for good.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Retention(models.TextChoices):
    """How long a letter is kept; the office may set a longer class on an entry, never a shorter one by default."""

    TEN_YEARS = "ten_years", "เก็บไม่น้อยกว่า 10 ปี"
    ROUTINE = "routine", "หนังสือปฏิบัติเป็นประจำ เก็บไม่น้อยกว่า 1 ปี"
    PERMANENT = "permanent", "เก็บไว้ตลอดไป (ส่งหอจดหมายเหตุเมื่อครบ 20 ปี)"
    SECRET = "secret", "หนังสือลับ ทำลายตามระเบียบว่าด้วยการรักษาความลับของทางราชการ"

    @classmethod
    def years(cls, value: str) -> int | None:
        return {cls.TEN_YEARS: 10, cls.ROUTINE: 1}.get(value)


class EntryRetention(models.Model):
    """The retention class of one register entry, and what became of it."""

    entry = models.OneToOneField("correspondence.RegisterEntry", on_delete=models.CASCADE, related_name="retention",
                                 primary_key=True, verbose_name="รายการในทะเบียนหนังสือ")
    retention = models.CharField("อายุการเก็บ", max_length=20, choices=Retention.choices, default=Retention.TEN_YEARS)
    destroyed_at = models.DateTimeField("ทำลายเมื่อ", null=True, blank=True)
    transferred_at = models.DateTimeField("ส่งมอบหอจดหมายเหตุเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "อายุการเก็บหนังสือ"
        verbose_name_plural = "อายุการเก็บหนังสือ"


class MatterRetention(models.Model):
    """A matter's keeping class: its letters are kept at least this long, whatever each one's own class
    (a policy matter's letters kept for good, say). Set by the registrar or the head on the matter page."""

    matter = models.OneToOneField("matters.Matter", on_delete=models.CASCADE, related_name="keeping",
                                  primary_key=True, verbose_name="เรื่อง")
    retention = models.CharField("อายุการเก็บหนังสือของเรื่อง", max_length=20, choices=Retention.choices)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="กำหนดโดย")
    set_at = models.DateTimeField("กำหนดเมื่อ", default=timezone.now)

    class Meta:
        verbose_name = "อายุการเก็บหนังสือของเรื่อง"
        verbose_name_plural = "อายุการเก็บหนังสือของเรื่อง"


# From the shortest keeping to the longest; a secret letter's own rules outrank every class.
STRENGTH = {Retention.ROUTINE: 0, Retention.TEN_YEARS: 1, Retention.PERMANENT: 2, Retention.SECRET: 3}


def stronger(first: str, second: str | None) -> str:
    """The class that keeps a letter longer (the entry's own against its matter's)."""
    return first if second is None or STRENGTH[first] >= STRENGTH[second] else second


class RecordsList(models.Model):
    """A yearly list for a committee: letters asked to be destroyed, or handed to the National Archives."""

    class Kind(models.TextChoices):
        DESTRUCTION = "destruction", "บัญชีหนังสือขอทำลาย"
        TRANSFER = "transfer", "บัญชีหนังสือครบ 20 ปีที่ส่งมอบหอจดหมายเหตุแห่งชาติ"

    class Status(models.TextChoices):
        DRAFT = "draft", "รอคณะกรรมการพิจารณา"
        APPROVED = "approved", "อนุมัติแล้ว"
        DONE = "done", "ดำเนินการแล้ว"

    kind = models.CharField("บัญชี", max_length=20, choices=Kind.choices)
    year = models.IntegerField("ประจำปี พ.ศ.")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.DRAFT)
    committee = models.TextField("คณะกรรมการ", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "บัญชีหนังสือ"
        verbose_name_plural = "บัญชีหนังสือ"
        ordering = ["-year", "kind"]
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="records_list_once_a_year")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ประจำปี พ.ศ. {self.year}"


class ListedLetter(models.Model):
    """A letter on a list (yearly, or a secret destruction) as it stood when listed: the line outlives the letter."""

    entry = models.ForeignKey("correspondence.RegisterEntry", null=True, on_delete=models.SET_NULL, related_name="+")
    register = models.CharField("ทะเบียน", max_length=20)
    number = models.CharField("เลขทะเบียน", max_length=20)
    doc_number = models.CharField("ที่", max_length=100, blank=True)
    letter_date = models.DateField("ลงวันที่", null=True, blank=True)
    subject = models.CharField("เรื่อง", max_length=500, blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def copied(entry) -> dict:
        """The line's fields, from the register entry."""
        return {"entry": entry, "register": entry.register, "number": f"{entry.number}/{entry.year}",
                "doc_number": entry.doc_number, "letter_date": entry.letter_date, "subject": entry.subject}

    @property
    def register_label(self) -> str:
        from prasan.correspondence.models import Register

        return Register(self.register).label if self.register in Register.values else self.register


class RecordsListLine(ListedLetter):
    """One letter on a yearly list."""

    records_list = models.ForeignKey(RecordsList, on_delete=models.PROTECT, related_name="lines")
    retention = models.CharField("อายุการเก็บ", max_length=20, choices=Retention.choices)

    class Meta:
        ordering = ["register", "letter_date", "id"]


class SecretDestruction(models.Model):
    """One destruction of secret letters (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. ๒๕๔๔): the keeper of the
    secret register proposes the letters no longer needed, the head of office approves and names a committee of
    at least two officials cleared for the highest level on it, the committee destroys them and certifies it
    (ใบรับรองการทำลายข้อมูลข่าวสารลับ). Secret letters never go on the yearly list; this is their only way out."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "เสนอขออนุมัติทำลาย"
        APPROVED = "approved", "อนุมัติแล้ว รอคณะกรรมการทำลาย"
        DONE = "done", "ทำลายแล้ว"

    class Method(models.TextChoices):
        SHRED = "shred", "ย่อยด้วยเครื่องทำลายเอกสาร"
        BURN = "burn", "เผา"
        ERASE = "erase", "ลบข้อมูลอิเล็กทรอนิกส์จนไม่อาจกู้คืนได้"

    year = models.IntegerField("ปี พ.ศ.")
    seq = models.IntegerField("ลำดับที่")
    secrecy = models.IntegerField("ชั้นความลับสูงสุดของหนังสือในบัญชี")
    reason = models.TextField("เหตุที่ขอทำลาย")
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField("วิธีทำลาย", max_length=20, choices=Method.choices, blank=True)
    committee = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="secret_destructions",
                                       verbose_name="คณะกรรมการทำลายข้อมูลข่าวสารลับ")
    destroyed_on = models.DateField("วันที่ทำลาย", null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "การทำลายหนังสือลับ"
        verbose_name_plural = "การทำลายหนังสือลับ"
        ordering = ["-year", "-seq"]
        constraints = [models.UniqueConstraint(fields=["year", "seq"], name="secret_destruction_number")]

    def __str__(self) -> str:
        return f"บัญชีขอทำลายหนังสือลับ ที่ {self.seq}/{self.year}"


class SecretDestructionLine(ListedLetter):
    """One secret letter on a destruction."""

    destruction = models.ForeignKey(SecretDestruction, on_delete=models.PROTECT, related_name="lines")
    secrecy = models.IntegerField("ชั้นความลับ")

    class Meta:
        ordering = ["letter_date", "id"]
