"""Starting a document from its matter, and keeping every saved version."""

import datetime as dt
import re

from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.matters import document_path
from prasan.thai.dates import shown_date

from . import office_defaults
from .forms import FormError, get_form
from .models import Document, DocumentVersion

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Forms in the order the office uses them most; labels come from the form specs.
FORM_ORDER = ["office_memo", "summary_note", "ps_memo", "external_letter", "internal_memo", "stamp_letter",
              "circular", "order", "announcement", "question_answer", "speaking_brief"]
URGENCY_WORDS = {"urgent": "ด่วน", "very_urgent": "ด่วนมาก", "most_urgent": "ด่วนที่สุด"}


# Other apps' knowledge of a matter, for the forms that print it (prasan.parliament fills the answer to a
# question from its item): each is called with (matter, form, user) and returns fields by name.
PREFILL_SOURCES: list = []


def prefill(matter, form: str, user) -> dict:
    """What the office always writes the same way, taken from the matter, its letter and its log."""
    office, unit = matter.office, matter.owner_unit
    minister = office_defaults.for_form(office, form).get("to") or office.minister_title or "รมว."
    answers = [r for r in matter.agency_requests.all() if r.answer]
    facts = [f"{r.agency.name} แจ้งว่า {r.answer}" for r in answers]
    data = {
        "subject": matter.title,
        "to": minister,
        "date": timezone.localdate().isoformat(),
        "unit": f"{office_defaults.abbreviation(office)} ({unit.name if unit else office.name})",
        "phone": (unit.phone if unit else "") or office.phone,
        "urgency": URGENCY_WORDS.get(matter.urgency, ""),
        "secrecy": matter.get_secrecy_display() if matter.secrecy else "",
        "matter": matter.description or matter.title,
        "facts": facts or [matter.description or matter.title],
        "address": office_defaults.sender_address(office),
        "from_agency": matter.commanded_by,
        "sr_number": matter.number,
        "key_points": [matter.title],
        "body": [matter.description or matter.title],
        "signer": _signer(user),
        "head_of_office": _signer(user),
    }
    for source in PREFILL_SOURCES:
        data.update(source(matter, form, user))
    names = {field.name for field in get_form(form).fields}
    return {name: value for name, value in data.items() if name in names}


def _signer(user) -> dict:
    """Memos and letters of the office are signed by the head of office."""
    from prasan.accounts.models import Role, User

    head = User.objects.filter(role=Role.HEAD, is_active=True).order_by("id").first() or user
    # The form prints the brackets round the name.
    return {"name": head.get_full_name() or head.username, "position": head.position or "หัวหน้าสำนักงานรัฐมนตรี"}


def start(matter, form: str, *, by) -> Document:
    spec = get_form(form)
    fields = prefill(matter, form, by)
    with transaction.atomic():
        document = Document.objects.create(matter=matter, form=form, title=f"{spec.title}: {matter.title}"[:500],
                                           fields=fields, created_by=by)
        DocumentVersion.objects.create(document=document, number=1, fields=fields, created_by=by, note="ร่างแรก")
        record(by, "document.create", document, form=form, matter=matter.pk)
        document_path.follow(matter, "started", by=by, message=f"เริ่มร่าง{spec.title}")
    return document


def save_version(document: Document, fields: dict, *, by, note: str = "") -> Document:
    """Save edited fields as a new version; only drafts and returned documents can change."""
    if not document.editable:
        raise FormError({"__all__": "เอกสารนี้อยู่ระหว่างตรวจเสนอหรือลงนามแล้ว แก้ไขไม่ได้"})
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if fields == locked.fields:
            return locked
        locked.version += 1
        locked.fields = fields
        locked.save(update_fields=["version", "fields", "updated_at"])
        DocumentVersion.objects.create(document=locked, number=locked.version, fields=fields, created_by=by,
                                       note=note[:300])
        record(by, "document.edit", locked, version=locked.version)
    return locked


def diff(old: dict, new: dict, form: str) -> list[tuple[str, str, str]]:
    """(the field's label as printed on the form, before, after) for every field that differs, in the
    form's order; values as a reader writes them (a list one item a line, a person as name and position)."""
    names = _ordered(set(old) | set(new), form)
    labels = {field.name: field.label for field in get_form(form).fields}
    return [(labels.get(name, name), _show(old.get(name)), _show(new.get(name)))
            for name in names if old.get(name) != new.get(name)]


def labelled(fields: dict, form: str) -> list[tuple[str, str]]:
    """(label, value as a reader writes it) for each filled field, in the form's order."""
    labels = {field.name: field.label for field in get_form(form).fields}
    return [(labels.get(name, name), _show(fields[name])) for name in _ordered(set(fields), form) if fields[name]]


def _ordered(names: set[str], form: str) -> list[str]:
    order = [field.name for field in get_form(form).fields]
    return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def _show(value) -> str:
    if isinstance(value, list):
        return "\n".join(_show(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_show(v).replace("\n", " ") for v in value.values() if v)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return shown_date(dt.date.fromisoformat(value))  # dates are ISO in the data, BE on the page
        except ValueError:
            pass
    return "" if value is None else str(value)


def check_draft(form: str, fields) -> dict:
    """Fields given by a caller other than the page's editor (the API): a draft may still lack parts, but every
    name must be the form's and every value given must have the part's shape. FormError (Thai) otherwise."""
    spec = get_form(form)
    if not isinstance(fields, dict):
        raise FormError({"fields": "ข้อมูลของแบบฟอร์มต้องเป็นออบเจกต์ JSON (ชื่อช่อง: ค่า)"})
    parts = {part.name: part for part in spec.fields}
    errors = {}
    for name, value in fields.items():
        part = parts.get(name)
        if part is None:
            errors[name] = f"แบบ “{spec.title}” ไม่มีช่อง “{name}”"
        elif value not in (None, "", [], {}):
            try:
                part.convert(value)
            except ValueError as exc:
                errors[name] = str(exc)
    if errors:
        raise FormError(errors)
    return fields
