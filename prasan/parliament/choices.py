"""The parliament items' vocabularies: codes in English for the API and `prasan extract`, labels in Thai."""

from django.db import models


class House(models.TextChoices):
    HOUSE = "house", "สภาผู้แทนราษฎร"
    SENATE = "senate", "วุฒิสภา"


class ItemKind(models.TextChoices):
    ORAL_QUESTION = "oral_question", "กระทู้ถามสดด้วยวาจา"
    GENERAL_QUESTION = "general_question", "กระทู้ถามทั่วไป"
    SEPARATE_QUESTION = "separate_question", "กระทู้ถามแยกเฉพาะ"
    WRITTEN_QUESTION = "written_question", "กระทู้ถามเป็นหนังสือ"
    MOTION = "motion", "ญัตติ"
    BILL_OPINION = "bill_opinion", "ขอความเห็นร่างพระราชบัญญัติ (สลค.)"
    BILL = "bill", "ร่างพระราชบัญญัติของกระทรวงในรัฐสภา"
    COMMITTEE_SUMMONS = "committee_summons", "หนังสือเชิญชี้แจงคณะกรรมาธิการ"


QUESTION_KINDS = frozenset({ItemKind.ORAL_QUESTION, ItemKind.GENERAL_QUESTION, ItemKind.SEPARATE_QUESTION,
                            ItemKind.WRITTEN_QUESTION})
# What the item is called in a matter's title ("กระทู้ถามเป็นหนังสือที่ 157 ร. เรื่อง …").
SHORT_LABELS = {
    ItemKind.ORAL_QUESTION: "กระทู้ถามสด", ItemKind.GENERAL_QUESTION: "กระทู้ถามทั่วไป",
    ItemKind.SEPARATE_QUESTION: "กระทู้ถามแยกเฉพาะ", ItemKind.WRITTEN_QUESTION: "กระทู้ถามเป็นหนังสือ",
    ItemKind.MOTION: "ญัตติ", ItemKind.BILL_OPINION: "ความเห็นต่อร่างพระราชบัญญัติ",
    ItemKind.BILL: "ร่างพระราชบัญญัติ", ItemKind.COMMITTEE_SUMMONS: "คณะกรรมาธิการเชิญชี้แจง",
}


class Status(models.TextChoices):
    RECEIVED = "received", "รับเรื่อง"
    ASSIGNED = "assigned", "มอบหมายผู้รับผิดชอบแล้ว"
    INFORMATION_REQUESTED = "information_requested", "ขอข้อมูลหน่วยงาน"
    ANSWER_DRAFTED = "answer_drafted", "ร่างคำตอบแล้ว"
    APPROVED = "approved", "รัฐมนตรีเห็นชอบแล้ว"
    ANSWERED = "answered", "ตอบ/ชี้แจงแล้ว"
    POSTPONED = "postponed", "เลื่อน"
    LAPSED = "lapsed", "ตกไป"
    WITHDRAWN = "withdrawn", "ถอน"


FINAL_STATUSES = frozenset({Status.ANSWERED, Status.LAPSED, Status.WITHDRAWN})
OPEN_STATUSES = frozenset(set(Status) - FINAL_STATUSES)


class AnswerIn(models.TextChoices):
    CHAMBER = "chamber", "ตอบในที่ประชุม"
    ROYAL_GAZETTE = "royal_gazette", "ตอบในราชกิจจานุเบกษา"


class BillStage(models.TextChoices):
    FIRST_READING = "first_reading", "รับหลักการ (วาระที่ ๑)"
    COMMITTEE = "committee", "ชั้นกรรมาธิการ"
    SECOND_THIRD = "second_third", "วาระที่ ๒–๓"
    SENATE = "senate", "วุฒิสภา"


class SessionKind(models.TextChoices):
    ORDINARY = "ordinary", "สมัยประชุมสามัญ"
    EXTRAORDINARY = "extraordinary", "สมัยประชุมวิสามัญ"


class RuleBasis(models.TextChoices):
    WORKING_DAYS_FROM_RECEIPT = "working_days_from_receipt", "จำนวนวันทำการนับจากวันรับเรื่อง"
    WORKING_DAYS_BEFORE_SITTING = "working_days_before_sitting", "จำนวนวันทำการก่อนวันประชุม/วันตอบ"
    LETTER_DATE = "letter_date", "ตามวันที่ที่ระบุในหนังสือเท่านั้น"
