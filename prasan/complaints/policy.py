"""The office's policy for complainants' data: lawful basis, the privacy notice's text."""

from .models import Policy

DEFAULT_NOTICE = """\
{office} ในฐานะผู้ควบคุมข้อมูลส่วนบุคคล เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลของท่าน (ชื่อ ช่องทางติดต่อ \
และข้อมูลในเรื่องร้องเรียน) เพื่อพิจารณาเรื่องร้องทุกข์ ร้องเรียน หรือคำขอความช่วยเหลือของท่าน ติดตามผล \
และแจ้งผลให้ท่านทราบ โดยอาศัยฐานการปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ \
ตามมาตรา ๒๔ (๔) แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒

สำนักงานจะส่งสาระของเรื่องให้หน่วยงานที่เกี่ยวข้องตรวจสอบข้อเท็จจริง โดยไม่เปิดเผยชื่อและช่องทางติดต่อของท่าน \
เว้นแต่ท่านยินยอม เจ้าหน้าที่ที่ได้รับสิทธิ์เท่านั้นจึงเห็นข้อมูลของท่าน และการเปิดดูทุกครั้งถูกบันทึกไว้

สำนักงานเก็บข้อมูลที่ระบุตัวท่านไว้ {years} ปีนับแต่ยุติเรื่อง แล้วลบหรือทำให้ไม่สามารถระบุตัวตนได้ \
ท่านมีสิทธิขอเข้าถึง ขอรับสำเนา ขอแก้ไขให้ถูกต้อง ขอลบ หรือคัดค้านการประมวลผลข้อมูลของท่าน \
และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (สคส.) ได้"""


def lawful_basis(office) -> str:
    return Policy.of(office).lawful_basis


def privacy_notice(office) -> str:
    """The privacy notice (ประกาศความเป็นส่วนตัว) shown on the public form and printed for walk-ins."""
    policy = Policy.of(office)
    text = DEFAULT_NOTICE.format(office=office.name, years=policy.retention_years)
    extra = [policy.privacy_notice.strip()]
    if policy.dpo_contact:
        extra.append(f"ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล: {policy.dpo_contact}")
    return "\n\n".join([text, *[part for part in extra if part]])
