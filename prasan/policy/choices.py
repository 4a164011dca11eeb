"""The policies' vocabularies: codes in English for the API, labels in Thai."""

from django.db import models


class PolicyKind(models.TextChoices):
    POLICY = "policy", "นโยบายรัฐมนตรี"
    DIRECTIVE = "directive", "ข้อสั่งการ"


class Origin(models.TextChoices):
    ENTERED = "entered", "บันทึกใหม่"
    MATTER = "matter", "จากเรื่องในระบบ"
    CABINET = "cabinet", "จากมติคณะรัฐมนตรี"


class Schedule(models.TextChoices):
    MONTHLY = "monthly", "รายเดือน"
    QUARTERLY = "quarterly", "รายไตรมาส"
    DATES = "dates", "ตามวันที่กำหนด"


class Role(models.TextChoices):
    LEAD = "lead", "หน่วยงานรับผิดชอบหลัก"
    SUPPORT = "support", "หน่วยงานรับผิดชอบร่วม"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", "กำลังดำเนินการ"
    CLOSED = "closed", "ปิดแล้ว"


class Light(models.TextChoices):
    """A traffic light: how a cell of the roll-up stands."""

    GREEN = "green", "ตามแผน"
    AMBER = "amber", "ควรติดตาม"
    RED = "red", "ล่าช้า/ต่ำกว่าแผน"
    GREY = "grey", "ยังไม่ถึงกำหนด/ยังไม่มีข้อมูล"
