"""The office's starting deadline rules (prasan.parliament.models.rules.DEFAULTS), editable afterwards."""

from django.db import migrations

# Written out here, not imported: a migration keeps the values of its day.
OFFICE_DEFAULT = "ค่าตั้งต้นของสำนักงาน (ไม่ใช่บทบัญญัติของกฎหมาย) แก้ไขได้ตามแนวปฏิบัติของสำนักงาน"
RULES = [
    ("oral_question", "working_days_before_sitting", 0,
     "ข้อบังคับการประชุมสภาผู้แทนราษฎร พ.ศ. ๒๕๖๒: กระทู้ถามสดตอบในวันประชุมที่ยื่น; " + OFFICE_DEFAULT),
    ("general_question", "working_days_before_sitting", 2, OFFICE_DEFAULT),
    ("separate_question", "working_days_before_sitting", 2, OFFICE_DEFAULT),
    ("written_question", "working_days_from_receipt", 15,
     "คำตอบที่ลงราชกิจจานุเบกษาต้องถึง สลค. อย่างน้อย ๒ สัปดาห์ก่อนวันที่ต้องการให้ประกาศ; จำนวนวันตอบ: "
     + OFFICE_DEFAULT),
    ("motion", "working_days_from_receipt", 15, OFFICE_DEFAULT),
    ("bill_opinion", "letter_date", 0, "ตามกำหนดในหนังสือ สลค.; " + OFFICE_DEFAULT),
    ("bill", "working_days_before_sitting", 3, OFFICE_DEFAULT),
    ("committee_summons", "working_days_before_sitting", 2,
     "เอกสารประกอบการชี้แจงพร้อมก่อนวันประชุมคณะกรรมาธิการ; " + OFFICE_DEFAULT),
]


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("parliament", "DeadlineRule")
    for kind, basis, days, citation in RULES:
        DeadlineRule.objects.get_or_create(kind=kind, defaults={"basis": basis, "working_days": days,
                                                                "citation": citation})


class Migration(migrations.Migration):
    dependencies = [("parliament", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
