"""Parliament items: list with the list page's filters, record one (with its matter), read one, move its status."""

from django.core.exceptions import ValidationError as ModelValidationError
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role, User
from prasan.directory.models import Agency, Office
from prasan.matters.choices import SECRECY_BY_CODE, Secrecy
from prasan.parliament import services, statuses
from prasan.parliament.access import CREATE_ROLES, may_change, visible_item
from prasan.parliament.models import Item, Session
from prasan.parliament.queries import ItemFilter, list_queryset, visible_items

from .access import changeable_matter
from .errors import invalid
from .parliament_schemas import (
    DuplicateOut,
    ItemDetailOut,
    ItemFilterParams,
    ItemIn,
    ItemPage,
    StatusIn,
    StatusOut,
)
from .schemas import ERRORS, Id, paginate

router = Router(tags=["parliament"])

FILTER_NAMES = frozenset(ItemFilterParams.model_fields)


@router.get("/parliament/items", response={200: ItemPage, **ERRORS},
            summary="รายการงานรัฐสภา (กระทู้ ญัตติ ร่าง พ.ร.บ. คณะกรรมาธิการ) กรองและแบ่งหน้าแบบหน้ารายการ")
def list_items(request, params: Query[ItemFilterParams]):
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    filters = ItemFilter.from_params(params.as_params())
    qs = filters.apply(visible_items(request.auth, Office.current()))
    if params.received_from:
        qs = qs.filter(received_on__gte=params.received_from)
    return paginate(list_queryset(qs.order_by("-received_on", "-id")), params)


@router.post("/parliament/items", response={201: ItemDetailOut, **ERRORS, 409: DuplicateOut},
             summary="บันทึกงานรัฐสภาใหม่ พร้อมเรื่อง (ประเภทภารกิจ รัฐสภา) และกำหนดส่งตามประเภทหรือตามหนังสือ",
             description="เลขที่ซ้ำในสมัยประชุมและสภาเดียวกันได้ 409 พร้อม duplicate_of เว้นแต่ส่ง duplicate_ok: true")
def create_item(request, payload: ItemIn):
    user = request.auth
    if user.role not in CREATE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกงานรัฐสภาไม่ได้")
    secrecy = SECRECY_BY_CODE[payload.secrecy]
    if secrecy > user.clearance:
        raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(secrecy).label}” จึงบันทึกรายการชั้นนี้ไม่ได้")
    # Empty dates are left out, so the service's defaults apply (received today, the session of that day).
    fields = {k: v for k, v in payload.model_dump(exclude={"kind", "urgency", "secrecy", "duplicate_ok", "session",
                                                            "attendees"}).items() if v is not None}
    fields["session"] = _session(payload.session) if payload.session is not None else services.session_for(
        payload.received_on or timezone.localdate())
    fields["attendees"] = [_attendee(a, i) for i, a in enumerate(payload.attendees)]
    office = Office.current()
    if payload.number.strip() and not payload.duplicate_ok:
        probe = Item(office=office, session=fields["session"], house=payload.house, number=payload.number)
        seen = list(Item.objects.visible_to(user).filter(pk__in=probe.duplicates().values("pk"))
                    .values_list("pk", flat=True)[:5])
        if seen:
            return Status(409, {"detail": f"เลขที่ {payload.number} มีอยู่แล้วในสมัยประชุมและสภาเดียวกัน "
                                          "(ส่ง duplicate_ok: true เพื่อยืนยันว่าเป็นคนละรายการ)", "duplicate_of": seen})
    try:
        item = services.create_item(office=office, by=user, kind=payload.kind, fields=fields,
                                    matter_fields={"urgency": payload.urgency, "secrecy": secrecy})
    except ModelValidationError as exc:
        raise _refused(exc) from None
    return Status(201, _detail(user, item.pk))


def _session(pk: int) -> Session:
    session = Session.objects.filter(pk=pk).first()
    if session is None:
        raise invalid("session", f"ไม่พบสมัยประชุมรหัส {pk}")
    return session


def _attendee(payload, index: int) -> dict:
    person = {"name": payload.name, "position": payload.position}
    if payload.user is not None:
        person["user"] = User.objects.filter(pk=payload.user, is_active=True).first()
        if person["user"] is None:
            raise invalid(f"attendees.{index}.user", f"ไม่พบผู้ใช้รหัส {payload.user}")
    if payload.agency is not None:
        person["agency"] = Agency.objects.filter(pk=payload.agency).first()
        if person["agency"] is None:
            raise invalid(f"attendees.{index}.agency", f"ไม่พบหน่วยงานรหัส {payload.agency}")
    if not payload.name.strip() and payload.user is None:
        raise invalid(f"attendees.{index}.name", "ต้องระบุชื่อ หรือรหัสผู้ใช้")
    return person


def _refused(exc: ModelValidationError):
    from ninja.errors import ValidationError

    if not hasattr(exc, "error_dict"):
        return invalid("", "; ".join(exc.messages))
    return ValidationError([{"loc": ("body", name) if name != "__all__" else ("body",), "msg": message,
                             "type": "prasan"} for name, messages in exc.message_dict.items() for message in messages])


def _detail(user, pk: int) -> Item:
    item = visible_item(user, pk)
    item.changeable = may_change(user, item)
    return item


@router.get("/parliament/items/{item_id}", response={200: ItemDetailOut, **ERRORS}, summary="รายละเอียดงานรัฐสภา")
def get_item(request, item_id: Id):
    return _detail(request.auth, item_id)


@router.post("/parliament/items/{item_id}/status", response={201: StatusOut, **ERRORS},
             summary="เปลี่ยนสถานะ (มอบหมาย ขอข้อมูล ร่างคำตอบ เห็นชอบ ตอบแล้ว เลื่อน ตกไป ถอน)",
             description="เลื่อน (postponed) ต้องระบุ new_date; ทางที่ไม่อนุญาตได้ 409")
def change_status(request, item_id: Id, payload: StatusIn):
    item = visible_item(request.auth, item_id, for_update=True)
    item.matter = changeable_matter(request.auth, item.matter_id)  # 403 not theirs, 409 matter closed
    if payload.to == "postponed" and payload.new_date is None:
        raise invalid("new_date", "การเลื่อนต้องระบุวันประชุม/วันตอบใหม่")
    try:
        change = services.change_status(item, by=request.auth, to=payload.to, note=payload.note,
                                        new_date=payload.new_date)
    except statuses.StatusRefused as exc:
        raise HttpError(409, str(exc)) from None
    except ModelValidationError as exc:
        raise _refused(exc) from None
    return Status(201, {"change": change, "status": item.status, "status_label": item.get_status_display(),
                        "postponements": item.postponements, "sitting_on": item.sitting_on, "due_on": item.due_on})
