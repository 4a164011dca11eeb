"""The complaints' vocabularies: codes in English for the API and imports, labels in Thai for people."""

from django.db import models


class Channel(models.TextChoices):
    LETTER = "letter", "หนังสือ/จดหมาย"
    EMAIL = "email", "อีเมล"
    WALK_IN = "walk_in", "มาร้องด้วยตนเอง"
    PHONE = "phone", "โทรศัพท์"
    HOTLINE_1111 = "hotline_1111", "สายด่วน 1111 (ศูนย์บริการประชาชน สปน.)"
    MINISTRY_CENTRE = "ministry_centre", "ศูนย์รับเรื่องร้องเรียนของกระทรวง"
    TRAFFY_FONDUE = "traffy_fondue", "Traffy Fondue"
    WEB_FORM = "web_form", "แบบฟอร์มบนเว็บไซต์"
    AGENCY_FORWARD = "agency_forward", "หน่วยงานส่งต่อมา"


class Result(models.TextChoices):
    """How a complaint ends (ยุติเรื่อง)."""

    SUBSTANTIATED = "substantiated", "มีมูล"
    UNSUBSTANTIATED = "unsubstantiated", "ไม่มีมูล"
    RESOLVED = "resolved", "ดำเนินการแก้ไขแล้ว"
    REFERRED = "referred", "ส่งหน่วยงานอื่น"


class ReplyKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "แจ้งรับเรื่อง"
    PROGRESS = "progress", "แจ้งความคืบหน้า"
    FINAL = "final", "แจ้งผลการพิจารณา"


class ReplyVia(models.TextChoices):
    LETTER = "letter", "หนังสือ (ส่งทางไปรษณีย์/มอบด้วยตนเอง)"
    EMAIL = "email", "อีเมล"
    SMS = "sms", "ข้อความสั้นทางโทรศัพท์มือถือ"
    PHONE = "phone", "โทรศัพท์แจ้ง"
    LINE = "line", "LINE"
    STATUS_PAGE = "status_page", "หน้าติดตามสถานะเท่านั้น"


# The answer goes back on the channel the complaint came by, where it can.
REPLY_VIA_FOR = {
    Channel.LETTER: ReplyVia.LETTER, Channel.EMAIL: ReplyVia.EMAIL, Channel.WALK_IN: ReplyVia.LETTER,
    Channel.PHONE: ReplyVia.PHONE, Channel.HOTLINE_1111: ReplyVia.PHONE, Channel.MINISTRY_CENTRE: ReplyVia.LETTER,
    Channel.TRAFFY_FONDUE: ReplyVia.STATUS_PAGE, Channel.WEB_FORM: ReplyVia.EMAIL,
    Channel.AGENCY_FORWARD: ReplyVia.LETTER,
}

# What the office records as its lawful basis for processing a complainant's data (PDPA s. 24).
LAWFUL_BASES = [
    ("public_task", "การปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะ/ใช้อำนาจรัฐ (มาตรา ๒๔ (๔))"),
    ("legal_obligation", "การปฏิบัติตามกฎหมาย (มาตรา ๒๔ (๖))"),
    ("consent", "ความยินยอมของเจ้าของข้อมูล (มาตรา ๑๙)"),
]

DEFAULT_CATEGORIES = (
    "ค่าธรรมเนียม/เงินบำรุงการศึกษา",
    "การสอบ/การคัดเลือก/การบรรจุแต่งตั้ง",
    "ความประพฤติของครูและบุคลากร",
    "อาคารสถานที่และความปลอดภัย",
    "การรับนักเรียน",
    "ทุจริต/ประพฤติมิชอบ",
    "สวัสดิการและเงินเดือน",
    "การจัดการเรียนการสอน/หลักสูตร",
    "ขอความช่วยเหลือ/ขอความอนุเคราะห์",
    "อื่น ๆ",
)
