"""Cabinet meetings: list (upcoming first), record one, read one with its visible agenda; put an item on the
agenda (with its matter), read it, record its resolution and start its follow-up matter."""

from django.core.exceptions import ValidationError as ModelValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role
from prasan.cabinet import services
from prasan.cabinet.access import CREATE_ROLES, may_record_resolution, visible_item, visible_meeting
from prasan.cabinet.choices import MeetingStatus
from prasan.cabinet.models import AgendaItem
from prasan.cabinet.queries import agenda_of, meeting_list
from prasan.directory.models import Office
from prasan.matters.choices import SECRECY_BY_CODE, Secrecy

from .access import changeable_matter
from .cabinet_schemas import (
    AgendaItemIn,
    AgendaItemOut,
    FollowupIn,
    FollowupOut,
    MeetingDetailOut,
    MeetingFilterParams,
    MeetingIn,
    MeetingPage,
    ResolutionIn,
)
from .errors import invalid
from .schemas import ERRORS, Id, paginate

router = Router(tags=["cabinet"])

FILTER_NAMES = frozenset(MeetingFilterParams.model_fields)


def _recorder(user) -> None:
    if user.role not in CREATE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกการประชุมคณะรัฐมนตรีไม่ได้")


def _refused(exc: ModelValidationError):
    from ninja.errors import ValidationError

    if not hasattr(exc, "error_dict"):
        return invalid("", "; ".join(exc.messages))
    return ValidationError([{"loc": ("body", name) if name != "__all__" else ("body",), "msg": message,
                             "type": "prasan"} for name, messages in exc.message_dict.items() for message in messages])


@router.get("/cabinet/meetings", response={200: MeetingPage, **ERRORS},
            summary="การประชุมคณะรัฐมนตรี ที่จะถึงขึ้นก่อน แล้วจึงการประชุมที่ผ่านมา แบ่งหน้า")
def list_meetings(request, params: Query[MeetingFilterParams]):
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    return paginate(meeting_list(request.auth, Office.current(), status=params.status or ""), params)


def _meeting_detail(user, pk: int):
    meeting = visible_meeting(pk)
    meeting.visible_agenda = agenda_of(meeting, user)
    meeting.agenda_count = len(meeting.visible_agenda)
    return meeting


@router.post("/cabinet/meetings", response={201: MeetingDetailOut, **ERRORS},
             summary="บันทึกการประชุมคณะรัฐมนตรี (ทำเนียบรัฐบาล หรือ ครม. นอกสถานที่ พร้อมจังหวัด)")
def create_meeting(request, payload: MeetingIn):
    _recorder(request.auth)
    fields = payload.model_dump()
    if timezone.is_naive(fields["meets_at"]):
        fields["meets_at"] = timezone.make_aware(fields["meets_at"])
    try:
        meeting = services.create_meeting(office=Office.current(), by=request.auth, fields=fields)
    except ModelValidationError as exc:
        raise _refused(exc) from None
    return Status(201, _meeting_detail(request.auth, meeting.pk))


@router.get("/cabinet/meetings/{meeting_id}", response={200: MeetingDetailOut, **ERRORS},
            summary="การประชุมพร้อมวาระที่ผู้เรียกเห็นได้")
def get_meeting(request, meeting_id: Id):
    return _meeting_detail(request.auth, meeting_id)


@router.post("/cabinet/meetings/{meeting_id}/agenda", response={201: AgendaItemOut, **ERRORS},
             summary="เพิ่มวาระที่เกี่ยวกับกระทรวง ผูกกับเรื่องเดิม (matter) หรือเรื่องใหม่ประเภทสนับสนุนงานการเมือง",
             description="เรื่องเดิมต้องเป็นเรื่องที่ผู้เรียกแก้ไขได้ (ไม่เห็น 404, ไม่ใช่ของตน 403, ปิดแล้ว 409); "
                         "การประชุมที่งดแล้วได้ 409")
def add_agenda_item(request, meeting_id: Id, payload: AgendaItemIn):
    user = request.auth
    _recorder(user)
    meeting = visible_meeting(meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise HttpError(409, "การประชุมนี้งดแล้ว เพิ่มวาระไม่ได้")
    matter = changeable_matter(user, payload.matter) if payload.matter is not None else None
    matter_fields = None
    if matter is None:
        secrecy = SECRECY_BY_CODE[payload.secrecy]
        if secrecy > user.clearance:
            raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(secrecy).label}” จึงบันทึกวาระชั้นนี้ไม่ได้")
        matter_fields = {"urgency": payload.urgency, "secrecy": secrecy}
    fields = payload.model_dump(exclude={"matter", "urgency", "secrecy"})
    try:
        item = services.add_item(meeting, by=user, fields=fields, matter=matter, matter_fields=matter_fields)
    except ModelValidationError as exc:
        raise _refused(exc) from None
    return Status(201, visible_item(user, item.pk))


def _item_of(user, meeting_id: int, item_id: int, *, for_update: bool = False) -> AgendaItem:
    get_object_or_404(AgendaItem.objects.only("pk"), pk=item_id, meeting_id=meeting_id)
    return visible_item(user, item_id, for_update=for_update)


@router.get("/cabinet/meetings/{meeting_id}/agenda/{item_id}", response={200: AgendaItemOut, **ERRORS},
            summary="วาระการประชุม (เห็นได้เมื่อเห็นเรื่องของวาระ)")
def get_agenda_item(request, meeting_id: Id, item_id: Id):
    return _item_of(request.auth, meeting_id, item_id)


def _resolvable(user, meeting_id: int, item_id: int) -> AgendaItem:
    item = _item_of(user, meeting_id, item_id, for_update=True)
    if not may_record_resolution(user, item):
        raise HttpError(403, "เรื่องของวาระนี้ไม่อยู่ในความรับผิดชอบของท่าน จึงบันทึกมติไม่ได้")
    return item


@router.post("/cabinet/meetings/{meeting_id}/agenda/{item_id}/resolution", response={201: AgendaItemOut, **ERRORS},
             summary="บันทึกหรือแก้ไขมติคณะรัฐมนตรีของวาระ")
def record_resolution(request, meeting_id: Id, item_id: Id, payload: ResolutionIn):
    item = _resolvable(request.auth, meeting_id, item_id)
    try:
        services.record_resolution(item, by=request.auth, resolution=payload.resolution,
                                   resolved_on=payload.resolved_on)
    except ModelValidationError as exc:
        raise _refused(exc) from None
    return Status(201, item)


@router.post("/cabinet/meetings/{meeting_id}/agenda/{item_id}/followup", response={201: FollowupOut, **ERRORS},
             summary="สร้างเรื่องติดตามมติ (ประเภทติดตามนโยบาย) ครั้งเดียวต่อวาระ",
             description="มีเรื่องติดตามแล้ว หรือยังไม่มีมติ ได้ 409")
def create_followup(request, meeting_id: Id, item_id: Id, payload: FollowupIn):
    item = _resolvable(request.auth, meeting_id, item_id)
    if payload.due_on and payload.due_on < timezone.localdate():
        raise invalid("due_on", "กำหนดรายงานผลต้องไม่อยู่ในอดีต")
    try:
        matter = services.create_followup(item, by=request.auth, due=payload.due_on)
    except (services.FollowupExists, services.NoResolution) as exc:
        raise HttpError(409, str(exc)) from None
    return Status(201, {"item": item.pk, "matter": matter.pk, "matter_number": matter.number})
