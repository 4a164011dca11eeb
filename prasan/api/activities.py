"""The coordination log of a matter: read it, and record a contact (email and LINE really send)."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from prasan.coordination import services
from prasan.coordination.forms import ActivityForm
from prasan.coordination.models import Activity, Channel
from prasan.matters.access import visible_matter

from .access import changeable_matter
from .errors import from_form
from .schemas import (
    ERRORS,
    Date,
    Id,
    In,
    PageOut,
    PageParams,
    Required,
    Text,
    choice,
    label,
    paginate,
)

router = Router(tags=["activities"])



class ActivityIn(In):
    channel: choice(Channel.values)
    direction: choice(Activity.Direction.values) = "out"
    agency: Id | None = None
    counterpart: Text(200) = ""
    address: Text(200) = Field("", description="อีเมลหรือ LINE userId ผู้รับ (ไม่ระบุ = ผู้ประสานงานของหน่วยงาน)")
    summary: Required(20000)
    outcome: Text(5000) = ""
    next_follow_up: Date | None = None
    send: bool = Field(False, description="ส่งจริงทางอีเมล/LINE (เฉพาะการติดต่อออก)")


class ActivityOut(Schema):
    id: int
    channel: str
    channel_label: str
    direction: str
    agency: int | None
    agency_name: str
    counterpart: str
    address: str
    summary: str
    outcome: str
    next_follow_up: dt.date | None
    occurred_at: dt.datetime
    by: int | None
    delivery: str = Field(description="sent | failed | '' (ไม่ได้ส่ง)")
    delivery_detail: str
    agency_request: int | None

    resolve_channel_label = label("channel")

    @staticmethod
    def resolve_agency(obj) -> int | None:
        return obj.agency_id

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name if obj.agency_id else ""

    @staticmethod
    def resolve_by(obj) -> int | None:
        return obj.by_id

    @staticmethod
    def resolve_agency_request(obj) -> int | None:
        return obj.agency_request_id


class ActivityPage(PageOut):
    items: list[ActivityOut]


@router.get("/matters/{matter_id}/activities", response={200: ActivityPage, **ERRORS},
            summary="บันทึกการประสานงานของเรื่อง")
def list_activities(request, matter_id: Id, params: Query[PageParams]):
    matter = visible_matter(request.auth, matter_id)
    return paginate(matter.activities.select_related("agency").order_by("occurred_at", "id"), params)


@router.post("/matters/{matter_id}/activities", response={201: ActivityOut, **ERRORS},
             summary="บันทึกการประสานงาน (ส่งอีเมล/LINE จริงเมื่อ send=true)")
def create_activity(request, matter_id: Id, payload: ActivityIn):
    matter = changeable_matter(request.auth, matter_id)
    # The page's form holds the rules (active agency, recipient from the liaison officer, email syntax).
    form = ActivityForm(payload.model_dump())
    if not form.is_valid():
        raise from_form(form)
    data = form.cleaned_data
    send = data.pop("send", False) and data["direction"] == Activity.Direction.OUTGOING
    activity = services.log_activity(matter, by=request.auth, send=send, **data)
    return Status(201, activity)
