"""The cabinet meetings' vocabularies: codes in English for the API, labels in Thai."""

from django.db import models


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "กำหนดประชุม"
    HELD = "held", "ประชุมแล้ว"
    CANCELLED = "cancelled", "งดประชุม"


class Location(models.TextChoices):
    GOVERNMENT_HOUSE = "government_house", "ทำเนียบรัฐบาล กรุงเทพมหานคร"
    OFFSITE = "offsite", "ครม. นอกสถานที่"


class AgendaSource(models.TextChoices):
    SLK_LETTER = "slk_letter", "หนังสือสำนักเลขาธิการคณะรัฐมนตรี (สลค.)"
    ENTERED = "entered", "สำนักงานบันทึกเอง"


class AgendaKind(models.TextChoices):
    PROPOSAL = "proposal", "เรื่องเสนอของกระทรวง"
    FOR_INFORMATION = "for_information", "เรื่องเพื่อทราบ"
