"""Schemas of the cabinet meetings' endpoints: codes as in prasan/cabinet/choices.py, dates ISO."""

import datetime as dt

from ninja import Field, Schema

from prasan.cabinet.choices import AgendaKind, AgendaSource, Location, MeetingStatus
from prasan.matters.choices import Urgency

from .schemas import (
    SECRECY,
    Date,
    Id,
    In,
    OnMatter,
    PageOut,
    PageParams,
    Required,
    Text,
    choice,
    label,
)


class MeetingIn(In):
    meets_at: dt.datetime = Field(description="วันเวลาประชุม (ISO 8601; ไม่ระบุเขตเวลา = เวลากรุงเทพฯ)")
    number: Text(40) = Field("", description="ครั้งที่ เช่น 12/2569")
    location: choice(Location.values) = "government_house"
    province: Text(100) = Field("", description="จังหวัด (ต้องระบุเมื่อ location = offsite)")
    venue: Text(200) = ""
    note: Text(5000) = ""


class AgendaItemIn(In):
    subject: Required(500)
    order: Text(20) = Field("", description="ระเบียบวาระที่ เช่น 4.2")
    kind: choice(AgendaKind.values) = "proposal"
    source: choice(AgendaSource.values) = "entered"
    letter_number: Text(60) = Field("", description="ที่หนังสือ สลค. (ต้องระบุเมื่อ source = slk_letter)")
    letter_date: Date | None = None
    summary: Text(20000) = ""
    briefing_points: Text(20000) = Field("", description="ประเด็นที่รัฐมนตรีต้องชี้แจง")
    matter: Id | None = Field(None, description="รหัสเรื่องเดิมที่ผู้เรียกแก้ไขได้ (ไม่ระบุ = สร้างเรื่องใหม่)")
    urgency: choice(Urgency.values) = "normal"
    secrecy: SECRECY = "normal"


class ResolutionIn(In):
    resolution: Required(20000)
    resolved_on: Date


class FollowupIn(In):
    due_on: Date | None = Field(None, description="กำหนดรายงานผลตามมติ (ถ้ามี) เป็นกำหนดส่งของเรื่องติดตาม")


class MeetingFilterParams(PageParams):
    status: choice(MeetingStatus.values) | None = None


class AgendaItemOut(OnMatter):
    id: int
    meeting: int
    matter: int
    matter_number: str
    secrecy: str
    order: str
    subject: str
    kind: str
    kind_label: str
    source: str
    letter_number: str
    letter_date: dt.date | None
    summary: str
    briefing_points: str
    resolution: str
    resolved_on: dt.date | None
    followup: int | None
    followup_number: str | None

    @staticmethod
    def resolve_meeting(obj) -> int:
        return obj.meeting_id

    resolve_kind_label = label("kind")

    @staticmethod
    def resolve_followup(obj) -> int | None:
        return obj.followup_id

    @staticmethod
    def resolve_followup_number(obj) -> str | None:
        return obj.followup.number if obj.followup_id else None


class MeetingOut(Schema):
    id: int
    meets_at: dt.datetime
    number: str
    location: str
    province: str
    venue: str
    place: str
    status: str
    status_label: str
    agenda_count: int = Field(description="จำนวนวาระที่ผู้เรียกเห็นได้")

    resolve_status_label = label("status")

    @staticmethod
    def resolve_agenda_count(obj) -> int:
        return getattr(obj, "agenda_count", 0)


class MeetingDetailOut(MeetingOut):
    note: str
    agenda: list[AgendaItemOut] = Field(description="วาระที่ผู้เรียกเห็นได้ ตามลำดับวาระ")

    @staticmethod
    def resolve_agenda(obj) -> list:
        return list(obj.visible_agenda)


class MeetingPage(PageOut):
    items: list[MeetingOut]


class FollowupOut(Schema):
    item: int
    matter: int
    matter_number: str
