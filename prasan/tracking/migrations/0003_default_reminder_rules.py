"""The office's default reminders and escalations (issue 6); an admin can edit or switch them off."""

from django.db import migrations

DEFAULT_RULES = [
    {
        "name": "เตือนล่วงหน้า 2 วันทำการก่อนครบกำหนดภายใน",
        "target": "matter_internal",
        "offset_working_days": -2,
        "recipients": ["assignees"],
        "channels": ["email", "line", "in_app"],
        "subject_template": "[{number}] อีก {days} วันทำการครบกำหนดภายใน: {title}",
        "message_template": (
            "เรียน {recipient}\n\n"
            "เรื่อง {number} {title}\n"
            "จะครบกำหนดภายในวันที่ {deadline} (อีก {days} วันทำการ)\n"
            "โปรดดำเนินการให้ทันกำหนด\n\n"
            "เปิดเรื่อง: {link}"
        ),
    },
    {
        "name": "ครบกำหนดภายในวันนี้",
        "target": "matter_internal",
        "offset_working_days": 0,
        "recipients": ["assignees", "group_head"],
        "channels": ["email", "line", "in_app"],
        "subject_template": "[{number}] ครบกำหนดภายในวันนี้: {title}",
        "message_template": (
            "เรียน {recipient}\n\n"
            "เรื่อง {number} {title}\n"
            "ครบกำหนดภายในวันนี้ ({deadline})\n"
            "โปรดดำเนินการให้แล้วเสร็จ หรือเสนอขอขยายเวลาต่อหัวหน้ากลุ่มงาน\n\n"
            "เปิดเรื่อง: {link}"
        ),
    },
    {
        "name": "เกินกำหนดภายใน 3 วันทำการ แจ้งหัวหน้าสำนักงาน",
        "target": "matter_internal",
        "offset_working_days": 3,
        "recipients": ["head_of_office"],
        "channels": ["email", "line", "in_app"],
        "subject_template": "[{number}] เกินกำหนดภายใน {days} วันทำการ: {title}",
        "message_template": (
            "เรียน {recipient}\n\n"
            "เรื่อง {number} {title}\n"
            "เกินกำหนดภายใน (วันที่ {deadline}) มาแล้ว {days} วันทำการ และยังไม่ปิดเรื่อง\n\n"
            "เปิดเรื่อง: {link}"
        ),
    },
    {
        "name": "ติดตามคำขอที่หน่วยงานยังไม่ตอบเมื่อเกินกำหนด",
        "target": "agency_request",
        "offset_working_days": 1,
        "recipients": ["liaison"],
        "channels": ["email"],
        "subject_template": "ขอติดตามข้อมูลประกอบเรื่อง {number} {title}",
        "message_template": (
            "เรียน {recipient} ({agency})\n\n"
            "สำนักงานรัฐมนตรีขอเรียนติดตามข้อมูลประกอบเรื่อง {number} {title} "
            "ซึ่งได้ขอความอนุเคราะห์ไว้ โดยกำหนดส่งภายในวันที่ {deadline}\n"
            "หากหน่วยงานได้ดำเนินการแล้ว ต้องขออภัยมา ณ โอกาสนี้\n\n"
            "ท่านสามารถตอบและแนบไฟล์ได้ทางลิงก์เดิม (ไม่ต้องมีบัญชีผู้ใช้):\n{link}\n\n"
            "ขอขอบคุณในความร่วมมือ\nสำนักงานรัฐมนตรี"
        ),
    },
]


def seed(apps, schema_editor):
    rule = apps.get_model("tracking", "ReminderRule")
    for fields in DEFAULT_RULES:
        if not rule.objects.filter(name=fields["name"]).exists():
            rule.objects.create(active=True, **fields)


def unseed(apps, schema_editor):
    rule = apps.get_model("tracking", "ReminderRule")
    rule.objects.filter(name__in=[fields["name"] for fields in DEFAULT_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("tracking", "0002_reminders")]

    operations = [migrations.RunPython(seed, unseed)]
