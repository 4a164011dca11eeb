"""The matter's vocabularies: codes in English for the API, labels in Thai for people."""

from django.db import models


class DutyType(models.TextChoices):
    ANALYSIS = "analysis", "วิเคราะห์และเสนอความเห็นต่อรัฐมนตรี"
    POLITICAL_SUPPORT = "political_support", "สนับสนุนงานการเมือง (ครม. รัฐสภา ประชาชน)"
    PARLIAMENT = "parliament", "กระทู้ ญัตติ ร่างพระราชบัญญัติ"
    POLICY_FOLLOWUP = "policy_followup", "ติดตามนโยบายกับส่วนราชการ"
    COMPLAINT = "complaint", "เรื่องร้องทุกข์ ร้องเรียน"
    OTHER = "other", "งานอื่นที่ได้รับมอบหมาย"


class Source(models.TextChoices):
    VERBAL_COMMAND = "verbal_command", "คำสั่งการด้วยวาจา/ไม่เป็นทางการ"
    WRITTEN_COMMAND = "written_command", "คำสั่งการเป็นลายลักษณ์อักษร"
    INCOMING_LETTER = "incoming_letter", "หนังสือราชการเข้า"
    PARLIAMENT = "parliament", "รัฐสภา"
    COMPLAINT = "complaint", "เรื่องร้องเรียน"
    POLICY = "policy", "นโยบาย"
    # A cabinet resolution or a Cabinet Secretariat (สลค.) letter: the cabinet's agenda items and what its
    # resolutions start.
    CABINET = "cabinet", "คณะรัฐมนตรี (มติ ครม./หนังสือ สลค.)"


class CommandChannel(models.TextChoices):
    IN_PERSON = "in_person", "สั่งด้วยวาจา (ต่อหน้า)"
    PHONE = "phone", "โทรศัพท์"
    LINE = "line", "LINE"
    MEETING = "meeting", "ในที่ประชุม"
    WRITTEN = "written", "ลายลักษณ์อักษร"
    OTHER = "other", "อื่น ๆ"


class Kind(models.TextChoices):
    SUBSTANTIVE = "substantive", "เนื้อหาสาระงาน"
    FACILITATION = "facilitation", "อำนวยความสะดวก"


class Process(models.TextChoices):
    MAIN = "main", "กระบวนการหลัก"
    SUPPORT = "support", "กระบวนการสนับสนุน"


class Urgency(models.TextChoices):
    NORMAL = "normal", "ปกติ"
    URGENT = "urgent", "ด่วน"
    VERY_URGENT = "very_urgent", "ด่วนมาก"
    MOST_URGENT = "most_urgent", "ด่วนที่สุด"


class Secrecy(models.IntegerChoices):
    """The levels of ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. ๒๕๔๔, ordered: a matter's secrecy, a letter's
    mark, a register entry's level and a person's clearance are all these numbers (matters.access says who sees)."""

    NORMAL = 0, "ปกติ"
    CONFIDENTIAL = 1, "ลับ"
    SECRET = 2, "ลับมาก"
    TOP_SECRET = 3, "ลับที่สุด"


# The API's words for the levels.
SECRECY_CODES = {0: "normal", 1: "confidential", 2: "secret", 3: "top_secret"}
SECRECY_BY_CODE = {code: level for level, code in SECRECY_CODES.items()}
# The marks printed on a secret letter, and read back from one: longest first, so "ลับที่สุด" is not read as "ลับ".
SECRECY_MARKS = tuple(label for level, label in sorted(Secrecy.choices, reverse=True) if level)
SECRECY_BY_MARK = {label: level for level, label in Secrecy.choices if level}
# A person's clearance is a level too; having none means seeing normal matters only.
CLEARANCE_CHOICES = [(Secrecy.NORMAL.value, "ไม่มี (เฉพาะเรื่องปกติ)"),
                     *((level, label) for level, label in Secrecy.choices if level)]


def secrecy_of_mark(mark: str | None) -> int:
    """The level of a letter's mark ("ลับมาก" → 2); no mark or an unknown one is normal."""
    return SECRECY_BY_MARK.get((mark or "").strip(), Secrecy.NORMAL)


class State(models.TextChoices):
    RECEIVED = "received", "รับเรื่อง"
    PLANNING = "planning", "พิจารณา/วางแผน"
    COORDINATING = "coordinating", "ประสานงาน"
    AWAITING_AGENCIES = "awaiting_agencies", "รอหน่วยงานตอบ"
    DRAFTING = "drafting", "จัดทำเอกสาร"
    IN_REVIEW = "in_review", "ตรวจเสนอ"
    WITH_MINISTER = "with_minister", "เสนอรัฐมนตรี"
    FOLLOWING_UP = "following_up", "ติดตามผล"
    CLOSED = "closed", "ปิดเรื่อง"
    TRANSFERRED = "transferred", "โอนเรื่อง"
    CANCELLED = "cancelled", "ยกเลิก"


OPEN_STATES = frozenset(
    {
        State.RECEIVED, State.PLANNING, State.COORDINATING, State.AWAITING_AGENCIES,
        State.DRAFTING, State.IN_REVIEW, State.WITH_MINISTER, State.FOLLOWING_UP,
    }
)
