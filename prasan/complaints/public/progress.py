"""What the status page tells a complainant: the steps their complaint has been through, with dates, and how it
ended — never a name, contact or agency person, and nothing of any other complaint."""

from dataclasses import dataclass

from ..choices import ReplyKind
from ..masking import mask_text


@dataclass
class Step:
    label: str
    at: object  # date or datetime, or None for a step still to come
    done: bool
    note: str = ""


def steps(complaint) -> list[Step]:
    out = [Step("รับเรื่องแล้ว", complaint.received_at, True)]
    acknowledged = complaint.acknowledged_at
    out.append(Step("แจ้งรับเรื่อง", acknowledged or complaint.ack_due, bool(acknowledged),
                    "" if acknowledged else "กำหนดภายใน"))
    forwarded = complaint.forwardings.order_by("created_at").first()
    if forwarded:
        out.append(Step("ส่งหน่วยงานที่เกี่ยวข้องตรวจสอบข้อเท็จจริงแล้ว", forwarded.created_at, True))
    for reply in complaint.replies.filter(kind=ReplyKind.PROGRESS).order_by("sent_at"):
        out.append(Step("แจ้งความคืบหน้า", reply.sent_at, True))
    if complaint.is_paused:
        out.append(Step("รอข้อมูลหรือเอกสารเพิ่มเติมจากผู้ร้อง (หยุดนับเวลา)", complaint.paused_since, True,
                        "กรุณาติดต่อสำนักงาน"))
    if complaint.is_concluded:
        out.append(Step(f"ยุติเรื่อง: {complaint.get_result_display()}", complaint.concluded_at, True))
    else:
        out.append(Step("แจ้งผลหรือความคืบหน้า", complaint.answer_due, False, "กำหนดภายใน"))
    return out


def answer(complaint) -> str:
    """The final answer as it was sent to the complainant (their own letter or message), ID numbers masked."""
    final = complaint.replies.filter(kind=ReplyKind.FINAL).order_by("-sent_at").first()
    return mask_text(final.text) if final and final.text else ""
