"""Register endpoints: number a letter (or reserve a number), list and read entries, cancel, fill a reservation."""

import datetime as dt
import warnings
from typing import Annotated

from django.core.exceptions import ValidationError as ModelValidationError
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.correspondence import numbering
from prasan.correspondence.access import READERS, may_write, readable_register, registers_for
from prasan.correspondence.duplicates import DuplicateLetter
from prasan.correspondence.forms import URGENCY_CHOICES, EntryFilter, EntryForm, FillForm
from prasan.correspondence.models import Register, RegisterEntry
from prasan.directory.models import Office, Unit
from prasan.matters.choices import SECRECY_BY_CODE, SECRECY_CODES, Secrecy
from prasan.matters.models import Matter
from prasan.thai.digits import to_arabic

from .errors import from_form, invalid
from .schemas import (
    ERRORS,
    SECRECY,
    UNCOUNTED,
    Date,
    ErrorOut,
    Id,
    In,
    PageParams,
    Required,
    Text,
    TextFilteredPageOut,
    choice,
    label,
    paginate,
)

router = Router(tags=["registers"])

# Pydantic warns that a field called `register` shadows ABCMeta.register, a method of the class, never of an
# instance (EntryOut gives the field an explicit Field); the API's word for a register stays `register`.
warnings.filterwarnings("ignore", message='Field name "register" in ', category=UserWarning)

ENTRY_PATH = "/registers/{register}/entries"
REGISTER_DOC = "incoming | outgoing | circular | order | announcement | secret"
# The register in the path: one of the six, listed as an enum in the schema (main.PrasanAPI adds it); another
# word is answered 404 exactly like the secret register to someone without clearance, so the two cannot be
# told apart (a pattern here would make the first a 422).
RegisterName = Annotated[str, Path(..., description=REGISTER_DOC)]
# The form's field names where the API calls them something else.
FORM_NAMES = {"matter_number": "matter"}


class EntryFields(In):
    subject: Text(500) = Field("", description="เรื่อง (ต้องระบุ เว้นแต่จองเลข)")
    sender: Text(300) = Field("", description="จาก (ต้องระบุในทะเบียนหนังสือรับ)")
    recipient: Text(300) = Field("", description="ถึง")
    letter_date: Date | None = Field(None, description="ลงวันที่ของหนังสือ (ISO ปี ค.ศ.)")
    doc_number: Text(100) = Field("", description="ที่ของหนังสือ: หนังสือรับใช้เลขของผู้ส่ง; ทะเบียนอื่นเว้นว่างให้ระบบออกเลข")
    urgency: choice(code for code, _ in URGENCY_CHOICES) = Field("", description="ด่วน | ด่วนมาก | ด่วนที่สุด | '' (ปกติ)")
    secrecy: SECRECY | None = Field(None, description="เฉพาะทะเบียนหนังสือลับ (ไม่ระบุ = confidential); ไม่เกินชั้นที่ท่านเข้าถึงได้")
    unit: Id | None = Field(None, description="รหัสกลุ่มงานเจ้าของหนังสือ ใช้ขึ้นต้นเลขที่หนังสือส่ง (ไม่ระบุ = กลุ่มงานของผู้บันทึก)")
    matter: Id | None = Field(None, description="รหัสเรื่องในระบบที่เกี่ยวข้อง")
    action: Text(500) = Field("", description="การปฏิบัติ")
    remark: Text(500) = Field("", description="หมายเหตุ")


class EntryIn(EntryFields):
    reserve: bool = Field(False, description="จองเลขไว้ก่อน แล้วกรอกรายละเอียดภายหลังที่ …/fill")
    duplicate_ok: bool = Field(False, description="ลงทะเบียนแม้ ที่ + ลงวันที่ + จาก ตรงกับรายการที่ลงไว้แล้ว "
                                                  "(ยืนยันว่าเป็นหนังสืออีกฉบับ; บันทึกในประวัติการตรวจสอบ)")


class DuplicateOut(ErrorOut):
    duplicate_of: int | None = Field(None, description="รหัสรายการที่ลงทะเบียนไว้แล้ว (เมื่อหนังสือซ้ำ)")


class CancelIn(In):
    reason: Required(300)


class EntryFilterParams(PageParams):
    q: Text(100) = Field("", description="ค้นหาในเรื่อง ที่ จาก ถึง (เลขไทยหรืออารบิก)")
    year: int | None = Field(None, ge=2500, le=2700, description="ปี พ.ศ. ของเลขทะเบียน")
    status: choice(RegisterEntry.Status.values) | None = None
    date_from: Date | None = Field(None, description="ลงทะเบียนตั้งแต่วันที่ (ISO)")
    date_to: Date | None = Field(None, description="ลงทะเบียนถึงวันที่ (ISO)")


class EntryOut(Schema):
    id: int
    # Given a Field so pydantic does not take the metaclass's ABCMeta.register for a default.
    register: str = Field(description=REGISTER_DOC)
    register_label: str
    number: int
    year: int
    doc_number: str
    status: str
    status_label: str
    subject: str
    sender: str
    recipient: str
    letter_date: dt.date | None
    registered_at: dt.datetime
    urgency: str
    secrecy: str
    secrecy_label: str
    unit: int | None
    unit_name: str
    matter: int | None
    matter_number: str
    action: str
    remark: str
    cancel_reason: str
    created_by: int | None
    created_at: dt.datetime

    resolve_register_label = label("register")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_secrecy(obj) -> str:
        return SECRECY_CODES[obj.secrecy]

    @staticmethod
    def resolve_secrecy_label(obj) -> str:
        return Secrecy(obj.secrecy).label

    @staticmethod
    def resolve_unit(obj) -> int | None:
        return obj.unit_id

    @staticmethod
    def resolve_unit_name(obj) -> str:
        return obj.unit.name if obj.unit_id else ""

    @staticmethod
    def resolve_matter(obj) -> int | None:
        return obj.matter_id

    @staticmethod
    def resolve_matter_number(obj) -> str:
        return obj.matter.number if obj.matter_id else ""

    @staticmethod
    def resolve_created_by(obj) -> int | None:
        return obj.created_by_id


class EntryPage(TextFilteredPageOut):
    items: list[EntryOut]


# ---- who may open which register ----------------------------------------------------------------

def _register(user, register: str, *, write: bool = False) -> str:
    """404 for an unknown register and, alike, for the secret register without clearance; 403 for a wrong role."""
    if register not in Register.values or (register == Register.SECRET and user.clearance < 1):
        mine = ", ".join(code for code, _ in registers_for(user)) or "ไม่มี"
        raise HttpError(404, f"ไม่พบทะเบียนนี้ (ทะเบียนที่ท่านเปิดได้: {mine})")
    if user.role not in READERS:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” เปิดทะเบียนหนังสือไม่ได้")
    readable_register(user, register)  # the register pages' own rule, should it grow
    if write and not may_write(user, register):
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” ลงทะเบียนหรือแก้ไขใน{Register(register).label}ไม่ได้")
    return register


def _entries(user, register: str):
    return (RegisterEntry.objects.visible_to(user).filter(register=register)
            .select_related("unit", "matter__office"))


def _entry(user, register: str, entry_id: int) -> RegisterEntry:
    entry = _entries(user, register).filter(pk=entry_id).first()
    if entry is None:
        raise HttpError(404, f"ไม่พบรายการรหัส {entry_id} ใน{Register(register).label}")
    return entry


# ---- turning the body into the entry form's data --------------------------------------------------

def _secrecy(code: str | None, register: str, user, default: int) -> int:
    if code is None:
        return default
    level = SECRECY_BY_CODE[code]
    if level and register != Register.SECRET:
        raise invalid("secrecy", f"หนังสือชั้นความลับลงได้เฉพาะใน{Register.SECRET.label}")
    if level > user.clearance:
        raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(level).label}” จึงลงทะเบียนชั้นนี้ไม่ได้")
    return level


def _unit(unit_id: int | None, fallback) -> int | None:
    if unit_id is None:
        return fallback
    if not Unit.objects.filter(pk=unit_id).exists():
        raise invalid("unit", f"ไม่พบกลุ่มงานรหัส {unit_id}")
    return unit_id


def _matter(matter_id: int | None, user, fallback):
    if matter_id is None:
        return fallback
    matter = Matter.objects.visible_to(user).filter(pk=matter_id).first()
    if matter is None:
        raise invalid("matter", f"ไม่พบเรื่องรหัส {matter_id}")
    return matter


def _form_data(payload: EntryFields, register: str, user, entry: RegisterEntry | None = None) -> tuple[dict, object]:
    """The entry form's POST data from the body; on fill, a field left out keeps the reserved entry's value."""
    given = payload.model_fields_set
    current = entry or RegisterEntry(unit_id=user.unit_id)
    values = {name: getattr(payload, name) if name in given else getattr(current, name)
              for name in ("subject", "sender", "recipient", "letter_date", "doc_number", "urgency", "action",
                           "remark")}
    values["doc_number"] = to_arabic(values["doc_number"]).strip()
    values["letter_date"] = values["letter_date"].isoformat() if values["letter_date"] else ""
    # A new letter in the secret register is ลับ unless the caller says otherwise.
    default = current.secrecy if entry else int(register == Register.SECRET)
    values["secrecy"] = str(_secrecy(payload.secrecy, register, user, default))
    unit = _unit(payload.unit, current.unit_id)
    values["unit"] = "" if unit is None else str(unit)
    matter = _matter(payload.matter, user, current.matter if entry and entry.matter_id else None)
    return values, matter


def _cleaned(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items()
            if k not in ("matter_number", "files", "reserve", "duplicate_ok")}


def _out(user, register: str, entry: RegisterEntry) -> RegisterEntry:
    return _entries(user, register).get(pk=entry.pk)


# ---- routes -------------------------------------------------------------------------------------

@router.post(ENTRY_PATH, response={201: EntryOut, **ERRORS, 409: DuplicateOut},
             summary="ลงทะเบียนหนังสือ (หรือจองเลข) ได้เลขทะเบียนถัดไปโดยไม่ข้ามและไม่ซ้ำ",
             description=f"register: {REGISTER_DOC}. หนังสือรับที่ ที่ + ลงวันที่ + จาก ตรงกับรายการที่ลงไว้แล้ว "
                         "(เลขไทยหรืออารบิก เว้นวรรคต่างกันก็ถือว่าตรง) ได้ 409 พร้อม duplicate_of "
                         "เว้นแต่ส่ง duplicate_ok: true")
def create_entry(request, register: RegisterName, payload: EntryIn):
    user = request.auth
    register = _register(user, register, write=True)
    values, matter = _form_data(payload, register, user)
    form = EntryForm({**values, "reserve": "on" if payload.reserve else ""}, register=register, user=user)
    if not form.is_valid():
        raise from_form(form, FORM_NAMES)
    try:
        entry = numbering.register_entry(Office.current(), register, by=user, reserved=payload.reserve,
                                         matter=matter, duplicate_ok=payload.duplicate_ok, **_cleaned(form))
    except DuplicateLetter as exc:
        return Status(409, {"detail": f"{exc} (ส่ง duplicate_ok: true เพื่อยืนยัน)", "duplicate_of": exc.existing.pk})
    except ModelValidationError as exc:
        raise invalid("", "; ".join(exc.messages)) from None
    return Status(201, _out(user, register, entry))


@router.get(ENTRY_PATH, response={200: EntryPage, **ERRORS}, summary="รายการในทะเบียน (กรองและแบ่งหน้า)",
            description=f"register: {REGISTER_DOC}\n\n{UNCOUNTED}")
def list_entries(request, register: RegisterName, params: Query[EntryFilterParams]):
    user = request.auth
    register = _register(user, register)
    values = params.model_dump(include={"q", "year", "status", "date_from", "date_to"}, exclude_none=True)
    filters = EntryFilter({name: str(value) for name, value in values.items()})
    if not filters.is_valid():
        raise from_form(filters)
    entries = filters.apply(_entries(user, register)).order_by("-year", "-number")
    return paginate(entries, params, uncounted=filters.scans_text)


@router.get(ENTRY_PATH + "/{entry_id}", response={200: EntryOut, **ERRORS}, summary="รายละเอียดรายการในทะเบียน")
def get_entry(request, register: RegisterName, entry_id: Id):
    user = request.auth
    register = _register(user, register)
    entry = _entry(user, register, entry_id)
    if entry.secrecy:
        # Every read of a secret letter is on the record, as on the register page.
        record(user, "register.read", entry, number=entry.number, year=entry.year)
    return entry


@router.post(ENTRY_PATH + "/{entry_id}/cancel", response={200: EntryOut, **ERRORS},
             summary="ยกเลิกรายการ (เลขทะเบียนยังคงอยู่ ทำเครื่องหมายว่ายกเลิก และไม่ถูกใช้ซ้ำ)")
def cancel_entry(request, register: RegisterName, entry_id: Id, payload: CancelIn):
    user = request.auth
    register = _register(user, register, write=True)
    entry = _entry(user, register, entry_id)
    if entry.status == RegisterEntry.Status.CANCELLED:
        raise HttpError(409, f"เลขทะเบียน {entry.number}/{entry.year} ถูกยกเลิกไปแล้ว")
    numbering.cancel(entry, by=user, reason=payload.reason)
    return _out(user, register, entry)


@router.post(ENTRY_PATH + "/{entry_id}/fill", response={200: EntryOut, **ERRORS},
             summary="กรอกรายละเอียดของเลขที่จองไว้ (ช่องที่ไม่ส่งมาคงค่าเดิม)")
def fill_entry(request, register: RegisterName, entry_id: Id, payload: EntryFields):
    user = request.auth
    register = _register(user, register, write=True)
    entry = _entry(user, register, entry_id)
    if entry.status != RegisterEntry.Status.RESERVED:
        raise HttpError(409, f"เลขทะเบียน {entry.number}/{entry.year} ไม่ได้อยู่ในสถานะจองเลข "
                             f"(สถานะ “{entry.get_status_display()}”)")
    values, matter = _form_data(payload, register, user, entry)
    form = FillForm(values, register=register, user=user, instance=entry)
    if not form.is_valid():
        raise from_form(form, FORM_NAMES)
    try:
        entry = numbering.fill_reserved(entry, by=user, matter=matter, **_cleaned(form))
    except ValueError as exc:  # filled by someone else a moment ago
        raise HttpError(409, str(exc)) from None
    except ModelValidationError as exc:
        raise invalid("", "; ".join(exc.messages)) from None
    return _out(user, register, entry)
