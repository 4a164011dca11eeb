"""Complaints: record one (with its matter, clock and status code), list and read them. The complainant is masked
unless the caller holds "เห็นข้อมูลผู้ร้อง" (each unmasked read is then audited)."""

import datetime as dt

from django.core.exceptions import ValidationError as ModelValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.complaints import masking, services
from prasan.complaints.access import CREATE_ROLES
from prasan.complaints.choices import Channel, Result
from prasan.complaints.models import Complaint
from prasan.complaints.queries import STATES, ComplaintFilter, list_queryset, visible_complaints
from prasan.directory.models import Office
from prasan.matters.access import visible_matter

from .errors import invalid
from .parliament import _refused
from .schemas import ErrorOut, Id, In, PageOut, PageParams, Required, Text, choice, paginate

router = Router(tags=["complaints"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ComplainantIn(In):
    name: Text(200) = ""
    phone: Text(50) = ""
    email: Text(254) = ""
    address: Text(2000) = ""
    line_id: Text(100) = ""
    anonymous: bool = False
    disclose_to_agency: bool = Field(False, description="ยินยอมให้เปิดเผยชื่อแก่หน่วยงานที่ตรวจสอบ (ค่าเริ่มต้น: ไม่)")


class ComplaintIn(In):
    channel: choice(Channel.values)
    subject: Required(500)
    details: Text(20000) = ""
    channel_ref: Text(100) = Field("", description="เลขอ้างอิงของช่องทาง (1111, Traffy Fondue ฯลฯ)")
    complainant: ComplainantIn | None = None
    category: Text(200) | Id | None = Field(None, description="ชื่อหรือรหัสประเภทเรื่องร้องเรียน")
    province: Text(100) = ""
    district: Text(100) = ""
    about: Text(300) = Field("", description="ผู้ถูกร้อง/หน่วยงานที่ถูกร้อง")
    asked_for: Text(5000) = ""


class CreatedOut(Schema):
    id: int
    number: str
    matter: int
    ack_due: dt.date | None
    answer_due: dt.date | None
    public_code: str = Field(description="รหัสติดตามสถานะของผู้ร้อง แสดงครั้งเดียว (ระบบเก็บเฉพาะค่าแฮช)")


class ComplainantOut(Schema):
    name: str
    phone: str
    email: str
    address: str
    line_id: str
    anonymous: bool
    disclose_to_agency: bool
    masked: bool


class ComplaintOut(Schema):
    id: int
    number: str
    matter: int
    channel: str
    channel_ref: str
    subject: str
    details: str
    category: str | None
    province: str
    district: str
    about: str
    received_at: dt.datetime
    ack_due: dt.date | None
    answer_due: dt.date | None
    acknowledged_at: dt.datetime | None
    responded_at: dt.datetime | None
    paused: bool
    result: str
    complainant: ComplainantOut


class ComplaintPage(PageOut):
    items: list[ComplaintOut]


class ComplaintFilterParams(PageParams):
    channel: choice(Channel.values) | None = None
    category: Id | None = None
    state: choice(list(STATES)) | None = None
    result: choice(Result.values) | None = None
    province: Text(100) | None = None
    q: Text(200) | None = Field(None, description="คำค้นในเรื่อง ผู้ถูกร้อง เลขอ้างอิง (ไม่ค้นชื่อผู้ร้อง)")


FILTER_NAMES = frozenset(ComplaintFilterParams.model_fields)


def _out(user, complaint: Complaint) -> dict:
    unmasked = masking.may_see_complainant(user) and not complaint.anonymised_at
    if unmasked:
        record(user, "complaint.unmask", complaint, number=complaint.number, purpose="api", reason="อ่านผ่าน API")
    return {
        "id": complaint.pk, "number": complaint.number, "matter": complaint.matter_id, "channel": complaint.channel,
        "channel_ref": complaint.channel_ref, "subject": complaint.subject if unmasked else complaint.shown_subject,
        "details": masking.details(complaint, unmasked=unmasked),
        "category": complaint.category.name if complaint.category else None, "province": complaint.province,
        "district": complaint.district, "about": complaint.about, "received_at": complaint.received_at,
        "ack_due": complaint.ack_due, "answer_due": complaint.answer_due,
        "acknowledged_at": complaint.acknowledged_at, "responded_at": complaint.responded_at,
        "paused": complaint.is_paused, "result": complaint.result,
        "complainant": masking.complainant(complaint, unmasked=unmasked),
    }


@router.post("/complaints", response={201: CreatedOut, **ERRORS},
             summary="บันทึกเรื่องร้องเรียนใหม่ พร้อมเรื่อง (ประเภทภารกิจ เรื่องร้องเรียน) กำหนดแจ้งรับเรื่องและกำหนดตอบ")
def create_complaint(request, payload: ComplaintIn):
    user = request.auth
    if user.role not in CREATE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกเรื่องร้องเรียนไม่ได้")
    try:
        complaint = services.file_complaint(
            Office.current(), by=user, channel=payload.channel, subject=payload.subject, details=payload.details,
            channel_ref=payload.channel_ref, category=payload.category, province=payload.province,
            district=payload.district, about=payload.about, asked_for=payload.asked_for,
            complainant=payload.complainant.model_dump() if payload.complainant else None)
    except ModelValidationError as exc:
        if hasattr(exc, "error_dict"):
            exc = ModelValidationError({name.replace("complainant_", "complainant."): errors
                                        for name, errors in exc.message_dict.items()})
        raise _refused(exc) from None
    return Status(201, {"id": complaint.pk, "number": complaint.number, "matter": complaint.matter_id,
                        "ack_due": complaint.ack_due, "answer_due": complaint.answer_due,
                        "public_code": complaint.public_code})


@router.get("/complaints", response={200: ComplaintPage, **ERRORS},
            summary="รายการเรื่องร้องเรียน (ผู้ร้องแสดงแบบปกปิด เว้นแต่ผู้เรียกมีสิทธิ์เห็นข้อมูลผู้ร้อง)")
def list_complaints(request, params: Query[ComplaintFilterParams]):
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    values = {k: v for k, v in params.dict().items() if v not in (None, "") and k in
              ("channel", "category", "state", "result", "province", "q")}
    filters = ComplaintFilter.from_params({k: str(v) for k, v in values.items()})
    qs = list_queryset(filters.apply(visible_complaints(request.auth, Office.current())))
    page = paginate(qs, params)
    page["items"] = [_out(request.auth, c) for c in page["items"]]
    return page


@router.get("/complaints/{complaint_id}", response={200: ComplaintOut, **ERRORS}, summary="รายละเอียดเรื่องร้องเรียน")
def get_complaint(request, complaint_id: Id):
    complaint = get_object_or_404(Complaint.objects.select_related("category"), pk=complaint_id)
    complaint.matter = visible_matter(request.auth, complaint.matter_id)
    return _out(request.auth, complaint)
