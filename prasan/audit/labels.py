"""The audit log's action codes in Thai for the people who read it: `document.sign` → "เอกสาร: ลงนาม".

Codes are `subject.verb`; a verb of the matter's workflow takes the workflow's own label. A code not
known here is shown as it is, so a new kind of event is never hidden.
"""

SUBJECTS = {
    "matter": "เรื่อง", "document": "เอกสาร", "activity": "บันทึกการประสานงาน", "request": "คำขอถึงหน่วยงาน",
    "agency_request": "คำขอถึงหน่วยงาน", "agency": "หน่วยงาน", "contact": "ผู้ติดต่อ", "register": "ทะเบียนหนังสือ",
    "intake": "รับหนังสือ", "holiday": "วันหยุด", "calendar_feed": "ลิงก์ปฏิทินส่วนตัว", "admin": "หน้าตั้งค่า",
    "user": "ผู้ใช้", "token": "โทเคน API", "auth": "การเข้าระบบ", "login": "การเข้าระบบ", "backup": "สำรองข้อมูล",
    "notice": "การแจ้งเตือน", "records": "การเก็บรักษาและทำลายหนังสือ", "reminder": "การแจ้งเตือน", "settings": "การตั้งค่า", "office": "สำนักงาน",
    "parliament_item": "งานรัฐสภา", "parliament_sittings": "วันประชุมสภา",
    "cabinet_meeting": "การประชุมคณะรัฐมนตรี", "cabinet_agenda": "วาระการประชุมคณะรัฐมนตรี",
    "agenda": "กำหนดการรัฐมนตรี", "agenda_feed": "ลิงก์ปฏิทินกำหนดการรัฐมนตรี",
    "complaint": "เรื่องร้องเรียน", "complainant": "ข้อมูลผู้ร้อง", "breach": "เหตุละเมิดข้อมูลส่วนบุคคล",
    "complaints": "เรื่องร้องเรียน",
    "post": "ข่าวและประกาศ",
    "policy": "นโยบาย/ข้อสั่งการ", "briefing": "แฟ้มข้อมูลประกอบ",
}
VERBS = {
    "create": "สร้าง", "update": "แก้ไข", "edit": "แก้ไข", "change": "แก้ไข", "add": "เพิ่ม", "remove": "ลบ",
    "delete": "ลบ", "other": "อื่น ๆ", "read": "เปิดดู", "export": "ส่งออก", "deliver": "ส่งข้อความ",
    "dispatch": "ส่งหนังสือ", "review": "ตรวจเสนอ", "sign": "ลงนาม", "submit": "เสนอตรวจ", "confirm": "ยืนยันลงทะเบียน",
    "receive": "รับไฟล์", "deadline_changed": "เปลี่ยนกำหนดเวลา", "file": "แนบไฟล์", "letter_attached": "แนบหนังสือเข้าเรื่อง",
    "milestone": "เพิ่มขั้นงาน", "milestone_done": "เปลี่ยนสถานะขั้นงาน", "plan": "บันทึกแผน", "share": "ให้สิทธิ์เข้าถึง",
    "unshare": "ถอนสิทธิ์เข้าถึง", "cancel": "ยกเลิก", "fill": "กรอกรายละเอียดเลขที่จองไว้", "reserve": "จองเลข",
    "acknowledge": "รับทราบ", "answer": "ตอบ", "answer_seen": "รับทราบคำตอบ", "reissue": "ออกลิงก์ใหม่",
    "issue": "ออกลิงก์", "draft": "จัดทำร่าง", "discard": "ทิ้ง", "retry": "ลองอ่านใหม่", "emblem": "เปลี่ยนตราครุฑ",
    "duplicate_confirmed": "ลงทะเบียนหนังสือซ้ำโดยตั้งใจ", "approve": "อนุมัติ", "carry_out": "ดำเนินการตามบัญชี",
    "matter_retention": "กำหนดอายุการเก็บหนังสือของเรื่อง", "revoke": "ยกเลิกลิงก์", "login": "เข้าระบบ", "logout": "ออกจากระบบ", "failed": "เข้าระบบไม่สำเร็จ",
    "status": "เปลี่ยนสถานะ", "delegate": "มอบหมายผู้ตอบ", "attendee": "เพิ่มผู้เข้าร่วมชี้แจง", "import": "นำเข้า",
    "delegation_edit": "แก้ไขการมอบหมายผู้ตอบ", "delegation_remove": "นำการมอบหมายผู้ตอบออก",
    "attendee_remove": "นำผู้เข้าร่วมชี้แจงออก",
    "resolution": "บันทึกมติคณะรัฐมนตรี", "followup": "สร้างเรื่องติดตามมติ",
    "pause": "หยุดนับเวลา", "resume": "นับเวลาต่อ", "new_code": "ออกรหัสติดตามใหม่", "unmask": "เปิดดูข้อมูลผู้ร้อง",
    "forward": "ส่งเรื่องให้หน่วยงาน", "reply": "แจ้งผู้ร้อง", "conclude": "ยุติเรื่อง", "anonymise": "ลบข้อมูลระบุตัวผู้ร้อง",
    "correct": "แก้ไขข้อมูลผู้ร้อง", "subject_export": "ส่งออกข้อมูลของเจ้าของข้อมูล", "satisfaction": "บันทึกความพึงพอใจ",
    "link": "เชื่อมโยงเรื่องที่เกี่ยวข้อง", "report": "แจ้ง สคส.",
    "send_back": "ส่งกลับแก้ไข", "schedule": "ตั้งเวลาเผยแพร่", "publish": "เผยแพร่", "unpublish": "ถอนการเผยแพร่",
    "redraft": "นำกลับมาแก้ไขใหม่", "broadcast": "ส่งข่าวถึงผู้ติดตามบัญชี LINE ของสำนักงาน", "image": "เพิ่มภาพ",
    "image_remove": "นำภาพออก", "grant_review": "ให้สิทธิ์ตรวจและอนุมัติข่าว", "revoke_review": "ถอนสิทธิ์ตรวจและอนุมัติข่าว",
    "secret_propose": "เสนอขอทำลายหนังสือลับ", "secret_approve": "อนุมัติให้ทำลายหนังสือลับและแต่งตั้งคณะกรรมการ",
    "secret_destroy": "คณะกรรมการทำลายหนังสือลับ", "secret_read": "เปิดดูบัญชีขอทำลายหนังสือลับ",
    "secret_certificate": "พิมพ์ใบรับรองการทำลายหนังสือลับ",
    "grant_access": "ให้สิทธิ์เห็นข้อมูลผู้ร้อง", "revoke_access": "ถอนสิทธิ์เห็นข้อมูลผู้ร้อง",
    "commitment": "เพิ่มหน่วยงานรับผิดชอบ", "commitment_close": "ปิดภารกิจของหน่วยงาน",
    "progress_report": "รายงานความก้าวหน้า",
    "build": "สั่งจัดทำแฟ้ม", "built": "จัดทำแฟ้มเสร็จ", "download": "ดาวน์โหลด",
    "part.add": "เพิ่มส่วนของแฟ้ม", "part.remove": "นำส่วนของแฟ้มออก", "part.reorder": "จัดลำดับส่วนของแฟ้ม",
}


# Codes of one word (the sign-in events), named whole.
WHOLE = {
    "signin": "เข้าระบบ", "signin_failed": "เข้าระบบไม่สำเร็จ", "signin_locked": "ระงับการเข้าระบบชั่วคราว",
    "signout": "ออกจากระบบ", "password_changed": "เปลี่ยนรหัสผ่าน", "recovery_codes_renewed": "ออกรหัสกู้คืนชุดใหม่",
    "two_factor_enrolled": "เปิดการยืนยันตัวตนสองขั้นตอน", "two_factor_removed": "ยกเลิกการยืนยันตัวตนสองขั้นตอน",
    # A verb that means something else under another subject (auth.failed is a failed sign-in).
    "briefing.failed": "แฟ้มข้อมูลประกอบ: จัดทำไม่สำเร็จ",
}


def action_label(code: str, events: dict[str, str] | None = None) -> str:
    """`events`: the matter workflow's event labels (the caller passes them; audit sits below matters)."""
    if code in WHOLE:
        return WHOLE[code]
    subject, _, verb = code.partition(".")
    if subject not in SUBJECTS:
        return code
    if subject == "matter" and events and verb in events:
        return f"{SUBJECTS[subject]}: {events[verb]}"
    return f"{SUBJECTS[subject]}: {VERBS[verb]}" if verb in VERBS else code

# The names of the details events record (record(…, **data)), as the log's reader knows them.
DATA_KEYS = {
    "title": "ชื่อเรื่อง", "number": "เลขที่", "year": "ปี", "request": "คำขอ", "agency": "หน่วยงาน",
    "version": "ฉบับที่", "user": "ผู้ใช้", "targets": "เป้าหมาย", "name": "ชื่อ", "methods": "วิธีการ",
    "message": "ข้อความ", "matter": "เรื่อง", "entry": "รายการทะเบียน", "changes": "การเปลี่ยนแปลง",
    "change": "การเปลี่ยนแปลง", "to_state": "สถานะใหม่", "from_state": "สถานะเดิม", "to": "ถึง", "reason": "เหตุผล",
    "purpose": "วัตถุประสงค์", "form": "แบบเอกสาร", "due": "กำหนด", "done": "เสร็จแล้ว", "doc_number": "ที่",
    "delivery": "การส่ง", "deadline": "กำหนดส่ง", "channel": "ช่องทาง", "activity": "บันทึกการประสานงาน",
    "object": "รายการ", "filter": "ตัวกรอง", "rows": "จำนวนแถว", "format": "รูปแบบไฟล์", "sha256": "ลายนิ้วมือไฟล์",
    "step": "ขั้นที่", "role": "บทบาท", "decision": "ผลการตรวจ", "comment": "ความเห็น", "verdict": "คำวินิจฉัย",
    "date": "วันที่", "address": "ที่อยู่เครื่อง", "second_factor": "ยืนยันขั้นที่สอง", "kind": "ชนิด", "size": "ขนาด", "status": "สถานะ", "old": "เดิม", "new": "ใหม่",
    "due_on": "กำหนดส่ง", "status_from": "สถานะเดิม", "status_to": "สถานะใหม่", "note": "หมายเหตุ",
    "delegated_to": "มอบให้", "delegated_on": "วันที่มอบ", "added": "เพิ่ม", "updated": "ปรับปรุง", "days": "วันที่",
    "meets_at": "วันเวลาประชุม", "place": "สถานที่", "meeting": "การประชุม", "source": "ที่มา",
    "followup": "เรื่องติดตามมติ", "position": "ตำแหน่ง", "attendee": "ผู้เข้าร่วมชี้แจง", "delegation": "การมอบหมาย",
    "lines": "จำนวนรายการ", "secrecy": "ชั้นความลับ", "method": "วิธีทำลาย", "committee": "คณะกรรมการ", "destroyed_on": "วันที่ทำลาย", "files": "จำนวนไฟล์",
    "origin": "ที่มา", "agencies": "หน่วยงาน", "schedule": "รอบการรายงาน", "reports": "จำนวนงวดรายงาน",
    "progress": "ร้อยละความก้าวหน้า", "late": "ส่งเกินกำหนด", "policy_report": "งวดรายงาน",
}


def data_lines(data: dict) -> list[tuple[str, str]]:
    """(Thai name, value as recorded) for each detail of an event."""
    out = []
    for key, value in (data or {}).items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = "; ".join(f"{DATA_KEYS.get(k, k)} {v}" for k, v in value.items())
        out.append((DATA_KEYS.get(key, key), "" if value is None else str(value)))
    return out
