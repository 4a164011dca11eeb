"""Telling the complainant: the acknowledgement, progress notices and the final answer, by the channel they came
from where the office can (e-mail really sent through the office's SMTP; a letter drafted as a หนังสือภายนอก;
a call or an SMS recorded), and the result that ends the complaint (ยุติเรื่อง) with the complainant's satisfaction.

What goes where everyone with the matter reads (the coordination log, the search index) never names the
complainant: the log says that they were told and how. A letter must name its addressee, so it is addressed by
name only by a holder of "เห็นข้อมูลผู้ร้อง" (the read audited as any unmasked view): drafted by someone else, it
carries a placeholder a holder fills from the complaint page. Its envelope is printed from the complaint by a holder.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.accounts.models import User
from prasan.audit.models import record
from prasan.coordination.models import Activity, Channel
from prasan.coordination.sending import SendError, send_email
from prasan.thai.dates import thai_date

from . import clock
from .choices import ReplyKind, ReplyVia, Result
from .masking import PERMISSION, may_see_complainant, scrub
from .models import Reply

LOG_CHANNEL = {ReplyVia.EMAIL: Channel.EMAIL, ReplyVia.LETTER: Channel.LETTER, ReplyVia.PHONE: Channel.PHONE,
               ReplyVia.SMS: Channel.PHONE, ReplyVia.LINE: Channel.LINE, ReplyVia.STATUS_PAGE: Channel.IN_PERSON}
ADDRESSEE = "ผู้ร้อง"
# Printed as is if no holder fills it: a letter that plainly is not ready to sign, never one to the wrong person.
ADDRESSEE_PLACEHOLDER = "[ชื่อผู้ร้อง — ผู้มีสิทธิ์เห็นข้อมูลผู้ร้องใส่ก่อนเสนอลงนาม]"
LETTER_SUBJECT = {ReplyKind.ACKNOWLEDGEMENT: "แจ้งการรับเรื่องร้องเรียน",
                  ReplyKind.PROGRESS: "แจ้งความคืบหน้าเรื่องร้องเรียน",
                  ReplyKind.FINAL: "แจ้งผลการพิจารณาเรื่องร้องเรียน"}


def default_text(complaint, kind: str) -> str:
    """A starting text for the reply, in the office's usual words (the staff edit it)."""
    office = complaint.office.name
    received = thai_date(complaint.received_at, thai_digits=False)
    if kind == ReplyKind.ACKNOWLEDGEMENT:
        return (f"{office} ได้รับเรื่องร้องเรียนของท่าน เรื่อง {complaint.shown_subject} เมื่อวันที่ {received} แล้ว "
                f"เลขที่เรื่อง {complaint.number} ขณะนี้อยู่ระหว่างการพิจารณา และจะแจ้งผลหรือความคืบหน้าให้ท่านทราบ"
                f"ภายในวันที่ {thai_date(complaint.answer_due, thai_digits=False)}")
    if kind == ReplyKind.PROGRESS:
        return (f"ตามที่ท่านได้ร้องเรียน เรื่อง {complaint.shown_subject} (เลขที่ {complaint.number}) {office} "
                "ได้ส่งเรื่องให้หน่วยงานที่เกี่ยวข้องตรวจสอบข้อเท็จจริงแล้ว อยู่ระหว่างรอผล และจะแจ้งให้ท่านทราบต่อไป")
    return (f"ตามที่ท่านได้ร้องเรียน เรื่อง {complaint.shown_subject} (เลขที่ {complaint.number}) {office} "
            "ได้พิจารณาและตรวจสอบข้อเท็จจริงกับหน่วยงานที่เกี่ยวข้องแล้ว ผลปรากฏว่า ")


def email_subject(complaint, kind: str) -> str:
    return f"{ReplyKind(kind).label} เรื่องร้องเรียนเลขที่ {complaint.number}"


def reply(complaint, *, by, kind: str, via: str, text: str) -> Reply:
    """Record (and for e-mail, send) one message to the complainant; the clock moves: acknowledged, or answered.

    E-mail goes out through the office's SMTP; a failure is recorded on the reply (nothing typed is lost) and
    raised as SendError with a Thai sentence after the record is saved."""
    text = (text or "").strip()
    if kind not in ReplyKind.values:
        raise ValidationError({"kind": "ไม่รู้จักชนิดการแจ้ง"})
    if via not in ReplyVia.values:
        raise ValidationError({"via": "ไม่รู้จักช่องทางการแจ้ง"})
    if not text and via != ReplyVia.LETTER:
        raise ValidationError({"text": "กรุณาพิมพ์ข้อความที่แจ้งผู้ร้อง"})
    address = _address(complaint, via)
    sent = Reply(complaint=complaint, kind=kind, via=via, text=text, address=address, by=by)
    with transaction.atomic():
        if via == ReplyVia.LETTER:
            sent.document = _draft_letter(complaint, kind=kind, text=text or default_text(complaint, kind), by=by)
            sent.outcome = "จัดทำร่างหนังสือแล้ว (พิมพ์ซองจากหน้าเรื่องร้องเรียน)"
        sent.save()
        _clock_moves(complaint, kind, sent.sent_at)
        Activity.objects.create(
            matter=complaint.matter, by=by, channel=LOG_CHANNEL[via], direction=Activity.Direction.OUTGOING,
            counterpart=ADDRESSEE, summary=f"{ReplyKind(kind).label}แก่ผู้ร้องทาง{ReplyVia(via).label}",
        )
        record(by, "complaint.reply", complaint, number=complaint.number, kind=kind, via=via, reply=sent.pk)
    if via == ReplyVia.EMAIL:
        try:
            send_email(address, email_subject(complaint, kind), text)
            sent.outcome = "ส่งอีเมลแล้ว"
        except SendError as exc:
            # The server's words may quote the address: kept masked, as the page shows outcomes to everyone.
            sent.outcome = scrub(str(exc), complaint)[:300]
            sent.save(update_fields=["outcome"])
            raise
        sent.save(update_fields=["outcome"])
    return sent


def _address(complaint, via: str) -> str:
    if via == ReplyVia.EMAIL:
        if not complaint.complainant_email:
            raise ValidationError({"via": "ผู้ร้องไม่ได้ให้อีเมลไว้ เลือกช่องทางอื่น"})
        return complaint.complainant_email
    if via in (ReplyVia.SMS, ReplyVia.PHONE):
        if not complaint.complainant_phone:
            raise ValidationError({"via": "ผู้ร้องไม่ได้ให้หมายเลขโทรศัพท์ไว้ เลือกช่องทางอื่น"})
        return complaint.complainant_phone
    if via == ReplyVia.LINE:
        if not complaint.complainant_line_id:
            raise ValidationError({"via": "ผู้ร้องไม่ได้ให้ LINE ID ไว้ เลือกช่องทางอื่น"})
        return complaint.complainant_line_id
    if via == ReplyVia.LETTER:
        if complaint.anonymous or not complaint.complainant_name:
            raise ValidationError({"via": "ผู้ร้องไม่ประสงค์ออกนาม ไม่มีหนังสือถึงตัวผู้ร้อง "
                                          "แจ้งผลทางหน้าติดตามสถานะหรือช่องทางที่ผู้ร้องให้ไว้"})
        if not complaint.complainant_address:
            raise ValidationError({"via": "ผู้ร้องไม่ได้ให้ที่อยู่ไว้ ส่งหนังสือไม่ได้ เลือกช่องทางอื่น"})
        return "ที่อยู่ของผู้ร้อง"  # the address itself stays on the complaint (the envelope is printed from it)
    return ""


def _draft_letter(complaint, *, kind: str, text: str, by):
    from prasan.documents import drafting

    document = drafting.start(complaint.matter, "external_letter", by=by)
    fields = dict(document.fields)
    fields.update({"subject": LETTER_SUBJECT[kind], "to": _addressee(complaint, by),
                   "references": [f"เรื่องร้องเรียน เลขที่ {complaint.number} ลงวันที่ "
                                  f"{thai_date(complaint.received_at, thai_digits=False)}"],
                   "body": [paragraph for paragraph in text.split("\n\n") if paragraph.strip()] or [text]})
    return drafting.save_version(document, fields, by=by, note=f"ร่าง{ReplyKind(kind).label}แก่ผู้ร้อง")


def _addressee(complaint, by) -> str:
    """The complainant's name for a holder of the permission (the read audited), the placeholder for anyone else."""
    if not may_see_complainant(by):
        return ADDRESSEE_PLACEHOLDER
    record(by, "complaint.unmask", complaint, number=complaint.number, purpose="letter",
           reason="จ่าหน้าหนังสือถึงผู้ร้อง")
    return complaint.complainant_name


def awaits_name(reply: Reply) -> bool:
    """Whether `reply`'s letter still carries the placeholder and can still be changed."""
    document = reply.document
    return bool(document and document.editable and document.fields.get("to") == ADDRESSEE_PLACEHOLDER)


def name_addressee(complaint, reply: Reply, *, by):
    """A holder of "เห็นข้อมูลผู้ร้อง" puts the complainant's name on a letter someone else drafted."""
    from prasan.documents import drafting

    if not may_see_complainant(by):
        raise ValidationError("ท่านไม่มีสิทธิ์ “เห็นข้อมูลผู้ร้อง” ใส่ชื่อผู้ร้องไม่ได้")
    if not awaits_name(reply):
        raise ValidationError("หนังสือนี้ไม่ได้รอชื่อผู้ร้องแล้ว (ใส่ชื่อแล้ว หรืออยู่ระหว่างตรวจเสนอ/ลงนามแล้ว)")
    with transaction.atomic():
        fields = dict(reply.document.fields, to=_addressee(complaint, by))
        return drafting.save_version(reply.document, fields, by=by, note="ใส่ชื่อผู้ร้อง")


def holders(limit: int = 5) -> list[str]:
    """Who may put a complainant's name on a letter, as a drafter without the permission is told."""
    app_label, codename = PERMISSION.split(".")
    people = (User.objects.filter(is_active=True, user_permissions__codename=codename,
                                  user_permissions__content_type__app_label=app_label)
              .distinct().order_by("first_name", "username")[:limit])
    return [person.display_name for person in people]


def _clock_moves(complaint, kind: str, at) -> None:
    changed = []
    if not complaint.acknowledged_at:
        complaint.acknowledged_at = at  # any word to the complainant acknowledges the complaint
        changed.append("acknowledged_at")
    if kind in (ReplyKind.PROGRESS, ReplyKind.FINAL) and not complaint.responded_at:
        complaint.responded_at = at
        changed.append("responded_at")
    if changed:
        complaint.save(update_fields=changed)
    clock.sync_matter(complaint)


def conclude(complaint, *, by, result: str, note: str = "") -> None:
    """End the complaint with its result (มีมูล / ไม่มีมูล / ดำเนินการแก้ไขแล้ว / ส่งหน่วยงานอื่น): the clock stops."""
    if result not in Result.values:
        raise ValidationError({"result": "กรุณาเลือกผลการพิจารณา"})
    if complaint.is_concluded:
        raise ValidationError({"result": "เรื่องนี้ยุติแล้ว"})
    with transaction.atomic():
        complaint.result, complaint.result_note, complaint.concluded_at = result, (note or "").strip(), timezone.now()
        if complaint.paused_since:
            complaint.pauses.filter(ended_on__isnull=True).update(ended_on=timezone.localdate())
            complaint.paused_since = None
        complaint.save(update_fields=["result", "result_note", "concluded_at", "paused_since"])
        clock.sync_matter(complaint)
        record(by, "complaint.conclude", complaint, number=complaint.number, result=result)


def note_satisfaction(complaint, *, by, text: str) -> None:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"satisfaction": "กรุณาบันทึกความเห็นของผู้ร้อง"})
    with transaction.atomic():
        complaint.satisfaction = text[:2000]
        complaint.save(update_fields=["satisfaction"])
        record(by, "complaint.satisfaction", complaint, number=complaint.number)
