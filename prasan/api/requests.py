"""Requests to agencies for a matter: what each must deliver by when, its status, and its reply link."""

import datetime as dt
from typing import Annotated

from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict, model_validator

from prasan.coordination import links, services
from prasan.coordination.forms import RequestForm
from prasan.coordination.models import Activity, Channel
from prasan.matters.access import visible_matter

from .access import changeable_matter, may_edit
from .errors import from_form
from .schemas import (
    ERRORS,
    Date,
    Id,
    In,
    PageOut,
    PageParams,
    Required,
    choice,
    one_of,
    paginate,
)

router = Router(tags=["requests"])



class RequestIn(In):
    model_config = ConfigDict(json_schema_extra=one_of("deadline", "deadline_working_days"))

    agencies: list[Id] = Field(min_length=1, max_length=100, description="รหัสหน่วยงาน")
    deliverable: Required(5000)
    deadline: Date | None = Field(None, description="กำหนดส่ง (วันที่ ISO ปี ค.ศ.)")
    deadline_working_days: Annotated[int, Field(ge=1, le=120)] | None = Field(None, description="หรือภายในกี่วันทำการ")
    channel: choice([Channel.EMAIL, Channel.LINE]) = "email"
    show_title: bool = Field(False, description="เรื่องชั้นความลับ: แสดงชื่อเรื่องในหน้าตอบกลับของหน่วยงานด้วย "
                                                 "(ผู้ถือลิงก์ทุกคนจะเห็น) ค่าเริ่มต้นไม่แสดง เรื่องปกติแสดงเสมอ")

    @model_validator(mode="after")
    def _one_deadline(self):
        if self.deadline is not None and self.deadline_working_days is not None:
            raise ValueError("ระบุ deadline หรือ deadline_working_days อย่างใดอย่างหนึ่ง")
        return self


class RequestOut(Schema):
    id: int
    agency: int
    agency_name: str
    contact_name: str
    deliverable: str
    deadline: dt.date
    status: str
    status_label: str
    is_overdue: bool
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    answered_at: dt.datetime | None
    answered_by_name: str
    answer: str
    reply_url: str | None = Field(None, description="ลิงก์ให้หน่วยงานตอบ (เฉพาะผู้ที่แก้ไขเรื่องได้ และคำขอยังไม่ได้ตอบ)")

    @staticmethod
    def resolve_agency(obj) -> int:
        return obj.agency_id

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_contact_name(obj) -> str:
        return obj.contact.name if obj.contact_id else ""

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_reply_url(obj) -> str | None:
        return getattr(obj, "reply_url", None)


class RequestPage(PageOut):
    items: list[RequestOut]


class SentRequestOut(RequestOut):
    delivery: str = Field(description="sent | failed | '' (หน่วยงานไม่มีช่องทางอิเล็กทรอนิกส์)")
    delivery_detail: str


def _with_links(requests, show: bool):
    for req in requests:
        req.reply_url = links.reply_url(req) if show and req.is_open else None
    return requests


@router.get("/matters/{matter_id}/requests", response={200: RequestPage, **ERRORS},
            summary="คำขอถึงหน่วยงานของเรื่อง")
def list_requests(request, matter_id: Id, params: Query[PageParams]):
    matter = visible_matter(request.auth, matter_id)
    page = paginate(matter.agency_requests.select_related("agency", "contact").order_by("deadline", "id"), params)
    _with_links(page["items"], may_edit(request.auth, matter))
    return page


@router.post("/matters/{matter_id}/requests", response={201: list[SentRequestOut], **ERRORS},
             summary="ส่งคำขอถึงหน่วยงาน (อีเมล/LINE ถึงผู้ประสานงาน พร้อมลิงก์ตอบ)")
def create_requests(request, matter_id: Id, payload: RequestIn):
    matter = changeable_matter(request.auth, matter_id)
    form = RequestForm({
        "agencies": list(dict.fromkeys(payload.agencies)),
        "deliverable": payload.deliverable,
        "deadline_date": payload.deadline.isoformat() if payload.deadline else "",
        "deadline_days": "" if payload.deadline_working_days is None else str(payload.deadline_working_days),
        "channel": payload.channel,
        "show_title": payload.show_title,
    }, matter=matter)
    if not form.is_valid():
        raise from_form(form, {"deadline_date": "deadline", "deadline_days": "deadline_working_days"})
    data = form.cleaned_data
    created = services.send_requests(matter, by=request.auth, agencies=data["agencies"],
                                     deliverable=data["deliverable"], deadline=data["deadline"],
                                     channel=data["channel"], show_title=data.get("show_title", False))
    sent = {a.agency_request_id: a for a in Activity.objects.filter(agency_request__in=created)}
    for req in created:
        activity = sent.get(req.pk)
        req.delivery = activity.delivery if activity else ""
        req.delivery_detail = (activity.delivery_detail or activity.outcome) if activity else ""
    return Status(201, _with_links(created, True))
