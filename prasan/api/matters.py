"""Matter endpoints: record a matter, list and read matters, fire workflow events, read the history."""

from django.core.exceptions import ValidationError as ModelValidationError
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role, User
from prasan.directory.models import Office, Unit
from prasan.matters import workflow
from prasan.matters.access import INTAKE_ROLES, NotCleared, require_cleared, visible_matter
from prasan.matters.choices import SECRECY_BY_CODE, Secrecy
from prasan.matters.forms import DeadlineMixin
from prasan.matters.models import Matter
from prasan.matters.queries import MatterFilter, list_queryset

from .errors import from_form, invalid
from .schemas import (
    ERRORS,
    UNCOUNTED,
    EventConflictOut,
    EventIn,
    EventOut,
    Id,
    MatterDetailOut,
    MatterFilterParams,
    MatterIn,
    MatterOut,
    MatterPage,
    PageParams,
    TransitionPage,
    paginate,
)

router = Router(tags=["matters"])

# Who may be made responsible for a matter (as on the intake form).
ASSIGNABLE_ROLES = (Role.COORDINATOR, Role.GROUP_HEAD)


@router.post("/matters", response={201: MatterOut, **ERRORS}, summary="บันทึกเรื่องใหม่")
def create_matter(request, payload: MatterIn):
    user = request.auth
    if user.role not in INTAKE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกเรื่องใหม่ไม่ได้")
    secrecy = SECRECY_BY_CODE[payload.secrecy]
    if secrecy > user.clearance:
        raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(secrecy).label}” จึงบันทึกเรื่องชั้นนี้ไม่ได้")
    external, internal = _deadlines(payload)
    fields = payload.model_dump(exclude={"secrecy", "owner_unit", "assignees", "parent", "external_deadline",
                                   "deadline_working_days"})
    try:
        matter = Matter.create(
            by=user,
            office=Office.current(),
            secrecy=secrecy,
            owner_unit=_owner_unit(payload.owner_unit, user),
            parent=_parent(payload.parent, user),
            external_deadline=external,
            internal_deadline=internal,
            assignees=_assignees(payload.assignees, user, secrecy),
            **fields,
        )
    except ModelValidationError as exc:
        raise invalid("", "; ".join(exc.messages)) from None
    return Status(201, list_queryset(Matter.objects.all()).get(pk=matter.pk))


def _deadlines(payload: MatterIn):
    """The intake form's rule: no past dates, and the office aims one working day early."""
    form = DeadlineMixin({
        "deadline_days": "" if payload.deadline_working_days is None else str(payload.deadline_working_days),
        "deadline_date": payload.external_deadline.isoformat() if payload.external_deadline else "",
    })
    if not form.is_valid():
        raise from_form(form, {"deadline_days": "deadline_working_days", "deadline_date": "external_deadline"})
    return form.deadlines()


def _owner_unit(unit_id, user):
    if unit_id is None:
        return user.unit
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise invalid("owner_unit", f"ไม่พบกลุ่มงานรหัส {unit_id}")
    return unit


def _parent(parent_id, user):
    if parent_id is None:
        return None
    parent = Matter.objects.visible_to(user).filter(pk=parent_id).first()
    if parent is None:
        raise invalid("parent", f"ไม่พบเรื่องรหัส {parent_id}")
    return parent


def _assignees(ids, user, secrecy: int) -> list:
    if not ids:
        return [user] if user.role == Role.COORDINATOR else []
    found = {u.pk: u for u in User.objects.filter(pk__in=ids, is_active=True, role__in=ASSIGNABLE_ROLES)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise invalid("assignees", f"ไม่พบเจ้าหน้าที่ประสานงานหรือหัวหน้ากลุ่มงานรหัส {', '.join(missing)}")
    try:
        require_cleared(secrecy, found.values())
    except NotCleared as exc:
        raise invalid("assignees", exc.messages[0]) from None
    return list(found.values())


@router.get("/matters", response={200: MatterPage, **ERRORS},
            summary="รายการเรื่อง (กรองและแบ่งหน้า ด้วยตัวกรองเดียวกับหน้าทะเบียนเรื่องและลิงก์ของภาพรวม)",
            description=UNCOUNTED)
def list_matters(request, params: Query[MatterFilterParams]):
    filters = matter_filter(request, params)
    qs = filters.apply(Matter.objects.visible_to(request.auth)).order_by("-created_at", "-id")
    return paginate(list_queryset(qs), params, uncounted=filters.scans_text)


FILTER_NAMES = frozenset(MatterFilterParams.model_fields)


def matter_filter(request, params: MatterFilterParams) -> MatterFilter:
    """The list page's MatterFilter from the API's typed parameters.

    A name the API does not know is refused: ignoring it would answer with more matters than asked for."""
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    return MatterFilter.from_params(params.as_params())


@router.get("/matters/{matter_id}", response={200: MatterDetailOut, **ERRORS}, summary="รายละเอียดเรื่อง")
def get_matter(request, matter_id: Id):
    matter = visible_matter(request.auth, matter_id)
    matter.available_events = [
        {"event": r.event, "label": r.label, "needs_message": r.needs_message, "message_label": r.message_label}
        for r in workflow.available(matter, request.auth)
    ]
    return matter


@router.post("/matters/{matter_id}/events", response={201: EventOut, **ERRORS, 409: EventConflictOut},
             summary="ดำเนินการตามขั้นตอน (รับพิจารณา เริ่มประสานงาน … ปิดเรื่อง)")
def fire_event(request, matter_id: Id, payload: EventIn):
    matter = visible_matter(request.auth, matter_id, for_update=True)
    try:
        transition = matter.fire(payload.event, by=request.auth, message=payload.message,
                                 verdict=payload.verdict, decided_by=payload.decided_by,
                                 open_requests=payload.open_requests)
    except workflow.OpenRequestsLeft as exc:
        return Status(409, {"detail": f"{exc} (ระบุ open_requests เป็น cancel หรือ keep)",
                            "open_requests": exc.requests})
    except workflow.WorkflowError as exc:
        raise HttpError(exc.status, str(exc)) from None
    return Status(201, {"transition": transition, "state": matter.state,
                        "state_label": matter.get_state_display()})


@router.get("/matters/{matter_id}/transitions", response={200: TransitionPage, **ERRORS},
            summary="ประวัติสถานะของเรื่อง")
def list_transitions(request, matter_id: Id, params: Query[PageParams]):
    matter = visible_matter(request.auth, matter_id)
    return paginate(matter.transitions.select_related("by").order_by("at", "id"), params)
