"""Importing agencies and their liaison officers from a CSV file: all rows or none, every error with its row."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from prasan.audit.models import record

from . import csvfile
from .csvfile import CsvFileError
from .models import Agency, Contact

AGENCY_FIELDS = ("abbreviation", "phone", "fax", "email", "line_id", "address")
CONTACT_FIELDS = {"contact_position": "position", "contact_phone": "phone", "contact_email": "email"}
LABELS = {
    "name": "ชื่อหน่วยงาน", "abbreviation": "อักษรย่อ", "phone": "โทรศัพท์", "fax": "โทรสาร", "email": "อีเมล",
    "line_id": "LINE", "address": "ที่อยู่", "contact_name": "ชื่อผู้ประสานงาน", "contact_position": "ตำแหน่ง",
    "contact_phone": "โทรศัพท์ผู้ประสานงาน", "contact_email": "อีเมลผู้ประสานงาน",
}

__all__ = ["CsvFileError", "ImportResult", "import_agencies"]


@dataclass
class ImportResult:
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    def summary(self) -> str:
        if self.errors:
            return f"พบข้อผิดพลาด {len(self.errors)} รายการ ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขไฟล์แล้วนำเข้าใหม่"
        if not self.rows:
            return "ไม่พบข้อมูลหน่วยงานในไฟล์ (มีแต่แถวหัวตาราง)"
        verb = "จะเพิ่ม" if self.dry_run else "เพิ่ม"
        text = (f"{self.rows} แถว: {verb}หน่วยงานใหม่ {self.created} แห่ง ปรับปรุง {self.updated} แห่ง "
                f"ไม่เปลี่ยนแปลง {self.unchanged} แห่ง; ผู้ประสานงานใหม่ {self.contacts_created} คน "
                f"ปรับปรุง {self.contacts_updated} คน")
        return text + (" — ตรวจสอบอย่างเดียว ยังไม่ได้บันทึก" if self.dry_run else " — บันทึกแล้ว")


@dataclass
class _Plan:
    """What one row will do; computed before anything is written."""

    row: int
    name: str
    agency: Agency | None  # the existing agency, or None to create
    changes: dict = field(default_factory=dict)
    parent: str | None = None  # the parent's name, when the row sets one
    contact_name: str = ""
    contact: Contact | None = None
    contact_changes: dict = field(default_factory=dict)


def import_agencies(text_or_file, *, dry_run: bool = False, by=None) -> ImportResult:
    """Validate every row, then upsert agencies by name (and their liaison by name) — or write nothing.

    Raises CsvFileError when the file as a whole is not a readable CSV."""
    text = csvfile.read_input(text_or_file)
    columns, errors, records = csvfile.rows(text)
    result = ImportResult(dry_run=dry_run, errors=errors)
    if errors:
        return result
    planner = _Planner()
    plans = planner.plan(columns, records, result)
    if result.errors or dry_run:
        return result
    _write(plans, planner.existing, by)
    return result


class _Planner:
    def __init__(self):
        self.existing = {a.name: a for a in Agency.objects.all()}
        self.name_by_id = {a.pk: a.name for a in self.existing.values()}
        self.parent_of = {a.name: self.name_by_id.get(a.parent_id) for a in self.existing.values()}
        self.abbreviation_of = {a.name: a.abbreviation for a in self.existing.values()}
        self.seen: dict[str, int] = {}

    def plan(self, columns, records, result: ImportResult) -> list[_Plan]:
        rows = []
        for number, cells, problem in records:
            if problem:
                result.errors.append((number, problem))
                continue
            values = {key: csvfile.clean(cells[index]) if index < len(cells) else ""
                      for key, index in columns.items()}
            if not any(values.values()):
                continue  # Excel leaves blank rows at the end
            result.rows += 1
            errors: list[str] = []
            plan = self._row(number, values, errors)
            result.errors.extend((number, message) for message in errors)
            if plan is not None:
                rows.append(plan)
        self._check_cycles(rows, result)
        failed = {number for number, _ in result.errors}
        rows = [plan for plan in rows if plan.row not in failed]
        self._load_contacts(rows)
        for plan in rows:
            if plan.agency is None:
                result.created += 1
            elif plan.changes or plan.parent != self._current_parent(plan):
                result.updated += 1
            else:
                result.unchanged += 1
            if plan.contact_name and plan.contact is None:
                result.contacts_created += 1
            elif plan.contact_changes:
                result.contacts_updated += 1
        return rows

    def _row(self, number: int, values: dict, errors: list[str]) -> _Plan | None:
        name = values["name"]
        for key, value in values.items():
            limit = _max_length(key)
            if limit and len(value) > limit:
                errors.append(f"{LABELS.get(key, key)}ยาวเกิน {limit} ตัวอักษร")
        for key in ("email", "contact_email"):
            if values.get(key):
                try:
                    validate_email(values[key])
                except ValidationError:
                    errors.append(f"{LABELS[key]}ไม่ถูกต้อง: {values[key]}")
        if not values.get("contact_name") and any(values.get(key) for key in CONTACT_FIELDS):
            errors.append("มีข้อมูลผู้ประสานงานแต่ไม่ได้ระบุชื่อผู้ประสานงาน")
        if not name:
            errors.append("ต้องระบุชื่อหน่วยงาน")
            return None
        if name in self.seen:
            errors.append(f"ชื่อหน่วยงาน \"{name}\" ซ้ำกับแถวที่ {self.seen[name]}")
            return None
        self.seen[name] = number
        agency = self.existing.get(name)
        plan = _Plan(row=number, name=name, agency=agency, contact_name=values.get("contact_name", ""))
        for key in AGENCY_FIELDS:
            value = values.get(key, "")
            # An empty cell keeps what is on record; clearing a value is done on the agency's page.
            if value and (agency is None or getattr(agency, key) != value):
                plan.changes[key] = value
        if values.get("parent"):
            plan.parent = self._resolve_parent(values["parent"], name, errors)
        self.abbreviation_of[name] = plan.changes.get("abbreviation", self.abbreviation_of.get(name, ""))
        if plan.parent:
            self.parent_of[name] = plan.parent
        else:
            self.parent_of.setdefault(name, None)
        plan.contact_changes = {CONTACT_FIELDS[k]: values[k] for k in CONTACT_FIELDS if values.get(k)}
        return plan

    def _resolve_parent(self, wanted: str, name: str, errors: list[str]) -> str | None:
        """The parent by full name, else by abbreviation (dots and spaces ignored), among known agencies."""
        known = self.existing.keys() | self.seen.keys()
        if wanted in known:
            found = wanted
        else:
            key = _abbreviation_key(wanted)
            matches = sorted(n for n in known if key and _abbreviation_key(self.abbreviation_of.get(n, "")) == key)
            if len(matches) > 1:
                errors.append(f"สังกัด \"{wanted}\" ตรงกับหลายหน่วยงาน ({', '.join(matches)}) กรุณาระบุชื่อเต็ม")
                return None
            if not matches:
                errors.append(f"ไม่พบหน่วยงานสังกัด \"{wanted}\" — ต้องเป็นหน่วยงานที่มีอยู่แล้ว"
                              " หรืออยู่ในแถวก่อนหน้าของไฟล์")
                return None
            found = matches[0]
        if found == name:
            errors.append("หน่วยงานสังกัดตัวเองไม่ได้")
            return None
        return found

    def _check_cycles(self, plans: list[_Plan], result: ImportResult) -> None:
        for plan in plans:
            if not plan.parent:
                continue
            step, node = 0, plan.parent
            while node is not None and step <= len(self.parent_of):
                if node == plan.name:
                    result.errors.append((plan.row, f"สังกัด \"{plan.parent}\" ทำให้เกิดวงวน "
                                                    f"(\"{plan.parent}\" อยู่ในสังกัดของ \"{plan.name}\" อยู่แล้ว)"))
                    break
                node, step = self.parent_of.get(node), step + 1
        result.errors.sort(key=lambda error: error[0])

    def _current_parent(self, plan: _Plan) -> str | None:
        if plan.parent is None:
            return None  # an empty cell keeps the current parent
        return self.name_by_id.get(plan.agency.parent_id)

    def _load_contacts(self, plans: list[_Plan]) -> None:
        wanted = {(p.agency.pk, p.contact_name) for p in plans if p.agency and p.contact_name}
        if not wanted:
            return
        agency_ids = {agency_id for agency_id, _ in wanted}
        contacts = {(c.agency_id, c.name): c for c in Contact.objects.filter(agency_id__in=agency_ids)}
        for plan in plans:
            if plan.agency is None or not plan.contact_name:
                continue
            contact = contacts.get((plan.agency.pk, plan.contact_name))
            plan.contact = contact
            if contact is not None:
                plan.contact_changes = {k: v for k, v in plan.contact_changes.items() if getattr(contact, k) != v}
                if not contact.is_liaison:
                    plan.contact_changes["is_liaison"] = True


def _write(plans: list[_Plan], existing: dict[str, Agency], by) -> None:
    actor = by if by is not None else "นำเข้าจากไฟล์ CSV"
    saved = dict(existing)
    with transaction.atomic():
        for plan in plans:
            agency = plan.agency or Agency(name=plan.name)
            for key, value in plan.changes.items():
                setattr(agency, key, value)
            changed = dict(plan.changes)
            if plan.parent is not None:
                parent = saved[plan.parent]
                if agency.parent_id != parent.pk:
                    agency.parent = parent
                    changed["parent"] = parent.name
            if plan.agency is None or changed:
                agency.save()
                record(actor, "agency.create" if plan.agency is None else "agency.update", agency,
                       source="csv", name=agency.name, **changed)
            saved[plan.name] = agency
            if plan.contact_name:
                _write_contact(agency, plan, actor)


def _write_contact(agency: Agency, plan: _Plan, actor) -> None:
    contact = plan.contact or Contact(agency=agency, name=plan.contact_name)
    if plan.contact is None or plan.contact_changes:
        for key, value in plan.contact_changes.items():
            setattr(contact, key, value)
        contact.is_liaison = True
        contact.save()
        record(actor, "contact.create" if plan.contact is None else "contact.update", contact,
               source="csv", agency=agency.name, name=contact.name, **plan.contact_changes)
    # The file names the agency's liaison officer: one main liaison per agency.
    agency.contacts.filter(is_liaison=True).exclude(pk=contact.pk).update(is_liaison=False)


def _max_length(key: str) -> int | None:
    if key == "parent":
        return None
    if key.startswith("contact_"):
        return Contact._meta.get_field(CONTACT_FIELDS.get(key, "name")).max_length
    return Agency._meta.get_field(key).max_length


def _abbreviation_key(text: str) -> str:
    return "".join(ch for ch in text if ch not in ". ")
