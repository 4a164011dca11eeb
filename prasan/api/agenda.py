"""The minister's agenda: engagements in a date range (paginated), one engagement, entering one (with its
facilitation matter; a clash with another is a warning in the answer, never a refusal), and moving its status.
Who may see and change an item is prasan/agenda/access.py (its matter's rule); codes as in agenda/choices.py."""

import datetime as dt

from django.core.exceptions import ValidationError as ModelValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import model_validator

from prasan.accounts.models import Role
from prasan.agenda import services
from prasan.agenda.access import CREATE_ROLES, may_change, may_view, visible_item
from prasan.agenda.choices import AgendaKind, AgendaStatus
from prasan.agenda.queries import items_between
from prasan.directory.models import Agency, Office
from prasan.matters.choices import SECRECY_BY_CODE, Secrecy, Urgency
from prasan.matters.models import Matter
from prasan.matters.workflow import OpenRequestsLeft, WorkflowError

from .cabinet import _refused
from .errors import invalid
from .schemas import (
    ERRORS,
    SECRECY,
    Date,
    EventConflictOut,
    Id,
    In,
    OnMatter,
    PageOut,
    PageParams,
    Required,
    Text,
    choice,
    label,
    paginate,
)

router = Router(tags=["agenda"])

LONGEST_RANGE = 366


class AgendaFilterParams(PageParams):
    date_from: Date | None = Field(None, alias="from", description="ตั้งแต่วันที่ (ISO ค.ศ.; ไม่ระบุ = วันจันทร์ของสัปดาห์นี้)")
    date_to: Date | None = Field(None, alias="to", description="ถึงวันที่ (รวมวันนั้น; ไม่ระบุ = หกวันหลังวันเริ่ม)")
    status: choice(AgendaStatus.values) | None = None
    kind: choice(AgendaKind.values) | None = None


FILTER_NAMES = frozenset({"from", "to", "status", "kind", "limit", "offset", "page"})


class AgendaItemIn(In):
    kind: choice(AgendaKind.values) = "visit"
    title: Required(500)
    starts_at: dt.datetime = Field(description="เริ่ม (ISO 8601; ไม่ระบุเขตเวลา = เวลากรุงเทพฯ)")
    ends_at: dt.datetime = Field(description="สิ้นสุด (ไม่ก่อนเวลาเริ่ม)")
    place: Text(300) = ""
    invited_by: Text(300) = Field("", description="ผู้เชิญ (ชื่อ ตำแหน่ง)")
    invited_by_agency: Id | None = Field(None, description="รหัสหน่วยงานผู้เชิญในทำเนียบ")
    programme: Text(20000) = Field("", description="กำหนดการ (ลำดับพิธีการ บรรทัดละขั้น)")
    dress: Text(300) = Field("", description="การแต่งกาย")
    entourage: Text(5000) = Field("", description="ผู้ติดตาม")
    transport: Text(300) = Field("", description="การเดินทาง")
    note: Text(5000) = ""
    status: choice([AgendaStatus.INVITED, AgendaStatus.ACCEPTED]) = Field(
        "invited", description="invited = ได้รับเชิญ รอตอบ, accepted = ตอบรับแล้ว/นัดหมายของรัฐมนตรีเอง")
    linked_matters: list[Id] = Field(default_factory=list, max_length=20, description="รหัสเรื่องที่เกี่ยวข้อง")
    urgency: choice(Urgency.values) = "normal"
    secrecy: SECRECY = "normal"

    @model_validator(mode="after")
    def _local_times(self):
        for name in ("starts_at", "ends_at"):
            value = getattr(self, name)
            if value.year < 1900 or value.year >= 2400:
                raise ValueError("ปีต้องเป็น ค.ศ. (เช่น 2026-12-09T09:00:00+07:00)")
            if timezone.is_naive(value):
                setattr(self, name, timezone.make_aware(value))
        return self


class StatusIn(In):
    to: choice([s for s in AgendaStatus.values if s != AgendaStatus.INVITED])
    note: Text(2000) = Field("", description="หมายเหตุ (ต้องระบุเหตุผลเมื่อ to = cancelled)")
    delegated_to: Text(300) = Field("", description="ผู้รับมอบ (ต้องระบุเมื่อ to = delegated)")
    open_requests: choice(["", "cancel", "keep"]) = Field(
        "", description="เมื่อปิดเรื่องอำนวยความสะดวกแล้วยังมีคำขอถึงหน่วยงานค้าง: cancel หรือ keep")


class ClashOut(Schema):
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class TransitionOut(Schema):
    at: dt.datetime
    by: int | None
    from_status: str
    to_status: str
    note: str

    @staticmethod
    def resolve_by(obj):
        return obj.by_id


class AgendaItemOut(OnMatter):
    id: int
    kind: str
    kind_label: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    invited_by: str
    invited_by_agency: int | None
    programme: str
    dress: str
    entourage: str
    transport: str
    note: str
    status: str
    status_label: str
    delegated_to: str
    matter: int
    matter_number: str
    secrecy: str

    resolve_kind_label = label("kind")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_invited_by_agency(obj):
        return obj.invited_by_agency_id


class AgendaItemDetailOut(AgendaItemOut):
    linked_matters: list[int] = Field(description="เรื่องที่เกี่ยวข้องที่ผู้เรียกเห็นได้")
    transitions: list[TransitionOut]
    next_statuses: list[str] = Field(description="สถานะที่ผู้เรียกเปลี่ยนไปได้ตอนนี้")
    overlaps: list[ClashOut] = Field(description="กำหนดการอื่นที่เวลาซ้อนกัน (คำเตือน ไม่ใช่การปฏิเสธ)")

    @staticmethod
    def resolve_linked_matters(obj, context) -> list[int]:
        user = context["request"].auth
        return list(obj.linked_matters.visible_to(user).order_by("pk").values_list("pk", flat=True))

    @staticmethod
    def resolve_transitions(obj) -> list:
        return list(obj.transitions.order_by("at", "id"))

    @staticmethod
    def resolve_next_statuses(obj, context) -> list[str]:
        user = context["request"].auth
        return services.next_statuses(obj) if may_change(user, obj) else []

    @staticmethod
    def resolve_overlaps(obj, context) -> list:
        return services.overlaps(office=obj.office, starts_at=obj.starts_at, ends_at=obj.ends_at,
                                 user=context["request"].auth, exclude=obj.pk, status=obj.status).shown


class AgendaPage(PageOut):
    items: list[AgendaItemOut]


def _viewer(user) -> None:
    if not may_view(user):
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” ดูกำหนดการรัฐมนตรีไม่ได้")


@router.get("/agenda", response={200: AgendaPage, **ERRORS},
            summary="กำหนดการรัฐมนตรีในช่วงวันที่ (ไม่ระบุ = สัปดาห์นี้) เรียงตามเวลา แบ่งหน้า")
def list_agenda(request, params: Query[AgendaFilterParams]):
    _viewer(request.auth)
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    today = timezone.localdate()
    first = params.date_from or today - dt.timedelta(days=today.weekday())
    last = params.date_to or first + dt.timedelta(days=6)
    if last < first:
        raise invalid("to", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
    if (last - first).days >= LONGEST_RANGE:
        raise invalid("to", f"ขอได้ครั้งละไม่เกิน {LONGEST_RANGE} วัน")
    qs = items_between(request.auth, Office.current(), first, last)
    if params.status:
        qs = qs.filter(status=params.status)
    if params.kind:
        qs = qs.filter(kind=params.kind)
    return paginate(qs, params)


@router.get("/agenda/{item_id}", response={200: AgendaItemDetailOut, **ERRORS},
            summary="กำหนดการหนึ่งรายการ พร้อมประวัติสถานะ (เห็นได้เมื่อเห็นเรื่องอำนวยความสะดวกของรายการ)")
def get_agenda_item(request, item_id: Id):
    _viewer(request.auth)
    return visible_item(request.auth, item_id)


@router.post("/agenda", response={201: AgendaItemDetailOut, **ERRORS},
             summary="บันทึกกำหนดการใหม่ พร้อมสร้างเรื่องอำนวยความสะดวก",
             description="เวลาซ้อนกับกำหนดการอื่นไม่ถูกปฏิเสธ: ได้ 201 และรายการที่ซ้อนใน overlaps")
def create_agenda_item(request, payload: AgendaItemIn):
    user = request.auth
    _viewer(user)
    if user.role not in CREATE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกกำหนดการไม่ได้")
    secrecy = SECRECY_BY_CODE[payload.secrecy]
    if secrecy > user.clearance:
        raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(secrecy).label}” จึงบันทึกกำหนดการชั้นนี้ไม่ได้")
    fields = payload.model_dump(exclude={"status", "linked_matters", "urgency", "secrecy", "invited_by_agency"})
    if payload.invited_by_agency is not None:
        agency = Agency.objects.filter(pk=payload.invited_by_agency).first()
        if agency is None:
            raise invalid("invited_by_agency", "ไม่พบหน่วยงานนี้ในทำเนียบ")
        fields["invited_by_agency"] = agency
    linked = list(Matter.objects.visible_to(user).filter(pk__in=payload.linked_matters))
    missing = sorted(set(payload.linked_matters) - {m.pk for m in linked})
    if missing:  # one the caller may not see is "not found", as one that does not exist
        raise invalid("linked_matters", f"ไม่พบเรื่องรหัส {', '.join(map(str, missing))}")
    try:
        item = services.create_item(office=Office.current(), by=user, fields=fields, linked=linked,
                                    matter_fields={"urgency": payload.urgency, "secrecy": secrecy},
                                    status=payload.status)
    except ModelValidationError as exc:
        raise _refused(exc) from None
    except WorkflowError as exc:
        raise HttpError(exc.status, str(exc)) from None
    return Status(201, visible_item(user, item.pk))


@router.post("/agenda/{item_id}/status", response={200: AgendaItemDetailOut, **ERRORS, 409: EventConflictOut},
             summary="เปลี่ยนสถานะ (ตอบรับ ปฏิเสธ มอบหมายผู้แทน เตรียมการพร้อม เสร็จสิ้น ยกเลิก)",
             description="ลำดับที่ไม่อนุญาตได้ 409; ขาดข้อมูลที่ต้องมี (ผู้รับมอบ เหตุผล กำหนดการ ยังไม่ถึงเวลา) ได้ 422")
def change_agenda_status(request, item_id: Id, payload: StatusIn):
    user = request.auth
    _viewer(user)
    item = visible_item(user, item_id, for_update=True)
    if not may_change(user, item):
        raise HttpError(403, "กำหนดการนี้ไม่อยู่ในความรับผิดชอบของท่าน หรือเรื่องอำนวยความสะดวกปิดแล้ว")
    try:
        services.change_status(item, payload.to, by=user, note=payload.note, delegated_to=payload.delegated_to,
                               open_requests=payload.open_requests)
    except OpenRequestsLeft as exc:
        return Status(409, {"detail": f"{exc} (ระบุ open_requests เป็น cancel หรือ keep)",
                            "open_requests": exc.requests})
    except (services.AgendaError, WorkflowError) as exc:
        raise HttpError(exc.status, str(exc)) from None
    return Status(200, visible_item(user, item.pk))
