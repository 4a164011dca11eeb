"""Turning a read letter into an incoming register entry and a matter, in one transaction."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.directory.models import Office
from prasan.matters.choices import secrecy_of_mark
from prasan.matters.models import Matter, MatterFile
from prasan.tracking.calendar import add_working_days

from . import numbering
from .duplicates import find_duplicate
from .models import EntryFile, LetterIntake, Register

URGENCY_CODES = {"ด่วนที่สุด": "most_urgent", "ด่วนมาก": "very_urgent", "ด่วน": "urgent"}


def deadlines(reply_by: dt.date | None, within_days: int | None) -> tuple[dt.date | None, dt.date | None]:
    """(external, internal): from the letter's reply-by date or its 'within N days' (working days)."""
    today = timezone.localdate()
    external = reply_by or (add_working_days(today, within_days) if within_days else None)
    if external is None:
        return None, None
    internal = add_working_days(external, -1)
    return external, internal if internal >= today else external


def register_for(data: dict) -> str:
    return Register.SECRET if secrecy_of_mark(data.get("secrecy")) else Register.INCOMING


def already_registered(data: dict, *, user):
    """The entry this letter (as read or as corrected) matches, for the warning before confirming."""
    return find_duplicate(Office.current(), register_for(data), user=user, doc_number=data.get("doc_number") or "",
                          letter_date=data.get("date"), sender=data.get("from_agency") or "")


def confirm(intake: LetterIntake, data: dict, *, by, attach_to: Matter | None = None,
            create_matter: bool = True, parliament_item: tuple[str, dict] | None = None,
            complaint: dict | None = None, cabinet_agenda: dict | None = None) -> tuple:
    """Register the letter (secret letters in the secret register) and create or attach its matter; with
    `parliament_item` (kind, fields), the parliament item on that matter too; with `cabinet_agenda` (day, at,
    province, fields: prasan.cabinet.services.add_from_letter), the cabinet agenda item on that matter, in the
    meeting of that day (found or made) — one confirm, one record.

    A letter registered already raises DuplicateLetter, and an item create_item refuses raises its
    ValidationError: nothing is saved then, not even the matter. `data["duplicate_ok"]` says registering
    a letter again is meant. With `complaint` (file_complaint's channel, reference, complainant, about, …) the
    matter is the complaint's, filed by the same confirm (its refusal, a ValidationError, saves nothing); the
    register then names a complainant writing in person by the masked name only."""
    secrecy = secrecy_of_mark(data.get("secrecy"))
    register = register_for(data)
    with transaction.atomic():
        locked = LetterIntake.objects.select_for_update().get(pk=intake.pk)
        if locked.status == LetterIntake.Status.REGISTERED:
            raise ValueError("หนังสือนี้ลงทะเบียนไปแล้ว")
        matter = attach_to
        filed = None
        if complaint is not None:
            if matter is not None or not create_matter:
                raise ValueError("เรื่องร้องเรียนสร้างเป็นเรื่องใหม่เท่านั้น: เลือก “สร้างเรื่องใหม่”")
            filed, data = _file_complaint(locked, data, complaint, by)
            matter = filed.matter
        elif matter is None and create_matter:
            external, internal = deadlines(data.get("reply_by"), data.get("reply_within_days"))
            if external is None and cabinet_agenda is not None:  # no reply date: the minister is briefed for the day
                from prasan.cabinet.services import briefing_deadlines

                external, internal = briefing_deadlines(cabinet_agenda["day"])
            matter = Matter.create(
                by=by, office=Office.current(), title=data["subject"][:500],
                description=_description(data), duty_type=data["duty_type"], source=data["source"],
                commanded_by=data.get("from_agency", "")[:200], command_channel="written",
                urgency=URGENCY_CODES.get(data.get("urgency") or "", "normal"), secrecy=secrecy,
                owner_unit=data.get("owner_unit"), external_deadline=external, internal_deadline=internal,
                assignees=list(data.get("assignees") or []),
            )
        entry = numbering.register_entry(
            Office.current(), register, by=by, doc_number=data.get("doc_number") or "",
            letter_date=data.get("date"), sender=(data.get("from_agency") or "")[:300],
            recipient=(data.get("to") or "")[:300], subject=data["subject"][:500],
            urgency=data.get("urgency") or "", secrecy=secrecy, matter=matter,
            action=data.get("action", "")[:500], remark=data.get("remark", "")[:500],
            duplicate_ok=bool(data.get("duplicate_ok")),
        )
        with locked.file.open("rb") as handle:
            content = handle.read()
        saved = EntryFile(entry=entry, name=locked.name, sha256=locked.sha256, size=locked.size,
                          content_type=locked.content_type or "application/octet-stream")
        saved.file.save(f"{locked.sha256[:16]}.bin", ContentFile(content), save=False)
        saved.save()
        # A letter naming its complainant stays with the register (the registrar's); on the matter everyone who
        # sees it would read the name: the complaint keeps its text, shown masked to those without the permission.
        if matter is not None and not (filed is not None and filed.complainant_name):
            copy = MatterFile(matter=matter, kind="source", name=locked.name, sha256=locked.sha256, size=locked.size,
                              content_type=locked.content_type or "application/octet-stream", uploaded_by=by)
            copy.file.save(f"{locked.sha256[:16]}-letter.bin", ContentFile(content), save=False)
            copy.save()
            if attach_to is not None:
                record(by, "matter.letter_attached", matter, entry=entry.pk, doc_number=entry.doc_number)
        item = None
        if parliament_item is not None:
            if matter is None:
                raise ValueError("งานรัฐสภาต้องผูกกับเรื่อง: เลือกสร้างเรื่องใหม่หรือแนบกับเรื่องเดิม")
            from prasan.parliament.services import create_item

            kind, fields = parliament_item
            item = create_item(office=Office.current(), by=by, kind=kind, fields=fields, matter=matter)
        agenda = None
        if cabinet_agenda is not None:
            if matter is None:
                raise ValueError("วาระการประชุมคณะรัฐมนตรีต้องผูกกับเรื่อง: เลือกสร้างเรื่องใหม่หรือแนบกับเรื่องเดิม")
            from prasan.cabinet.services import add_from_letter

            agenda = add_from_letter(matter, by=by, **cabinet_agenda)
        locked.status = LetterIntake.Status.REGISTERED
        locked.entry = entry
        locked.save(update_fields=["status", "entry"])
        record(by, "intake.confirm", locked, entry=entry.pk, matter=getattr(matter, "pk", None),
               parliament_item=getattr(item, "pk", None), complaint=getattr(filed, "pk", None),
               cabinet_agenda=getattr(agenda, "pk", None))
    return entry, matter


def _file_complaint(intake: LetterIntake, data: dict, complaint: dict, by):
    """The complaint (and so the matter) from the letter; and the register's data, with a complainant writing in
    person named masked (the register is read by everyone; the name is the complaint's, behind its permission)."""
    from prasan.complaints.masking import mask_name
    from prasan.complaints.services import file_complaint

    filed = file_complaint(
        Office.current(), by=by, subject=data["subject"], details=intake.text or _description(data),
        received_at=timezone.now(), **complaint)
    matter = filed.matter
    changed = []
    for name, value in (("owner_unit", data.get("owner_unit")),
                        ("urgency", URGENCY_CODES.get(data.get("urgency") or "", "normal"))):
        if value and getattr(matter, name) != value:
            setattr(matter, name, value)
            changed.append(name)
    if changed:
        matter.save(update_fields=changed)
    if data.get("assignees"):
        matter.assignees.add(*data["assignees"])
    written_by = (complaint.get("complainant") or {}).get("name") or ""
    sender = data.get("from_agency") or ""
    if complaint["channel"] in ("letter", "email") and sender:
        data = {**data, "from_agency": mask_name(sender) if written_by else "ผู้ร้อง (ไม่เปิดเผยชื่อ)"}
    return filed, data


def _description(data: dict) -> str:
    parts = []
    if data.get("doc_number"):
        parts.append(f"หนังสือ ที่ {data['doc_number']}")
    if data.get("from_agency"):
        parts.append(f"จาก {data['from_agency']}")
    if data.get("references"):
        parts.append("อ้างถึง: " + "; ".join(data["references"]))
    if data.get("enclosures"):
        parts.append("สิ่งที่ส่งมาด้วย: " + "; ".join(data["enclosures"]))
    if data.get("signer"):
        position = f" ({data['signer_position']})" if data.get("signer_position") else ""
        parts.append(f"ผู้ลงนาม {data['signer']}{position}")
    if data.get("contact_phone"):
        parts.append(f"โทร. {data['contact_phone']}")
    return "\n".join(parts)
