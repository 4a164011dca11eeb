"""Schemas of the parliament items' endpoints: codes as in prasan/parliament/choices.py, dates ISO."""

import datetime as dt

from ninja import Field, Schema

from prasan.matters.choices import Urgency
from prasan.parliament import statuses
from prasan.parliament.choices import AnswerIn, BillStage, House, ItemKind, Status

from .schemas import (
    SECRECY,
    Date,
    FilterDate,
    Id,
    In,
    OnMatter,
    PageOut,
    PageParams,
    Required,
    Text,
    UserRef,
    choice,
    label,
)

KIND = choice(ItemKind.values)
STATUS = choice(Status.values)


class DelegationIn(In):
    delegated_to: Required(200)
    delegated_on: Date
    note: Text(300) = ""


class AttendeeIn(In):
    name: Text(200) = Field("", description="ชื่อ (ไม่ระบุได้เมื่อระบุ user)")
    position: Text(200) = ""
    user: Id | None = Field(None, description="รหัสผู้ใช้ของสำนักงาน (ปฏิทินของผู้นั้นจะแสดงการประชุม)")
    agency: Id | None = Field(None, description="รหัสหน่วยงาน")


class ItemIn(In):
    """A new item; which fields matter depends on the kind (a question's asker, a summons' meeting, …)."""

    kind: KIND
    subject: Required(500)
    house: choice(["", *House.values]) = ""
    session: Id | None = Field(None, description="รหัสสมัยประชุม (ไม่ระบุ = สมัยที่วันรับเรื่องอยู่)")
    number: Text(40) = Field("", description="เลขที่ตามที่สำนักการประชุมเขียน เช่น 157 ร.")
    text: Text(20000) = ""
    received_on: Date | None = Field(None, description="วันรับเรื่อง (ไม่ระบุ = วันนี้)")
    sitting_on: Date | None = None
    letter_deadline: Date | None = Field(None, description="กำหนดตามหนังสือ “ภายในวันที่” (มีผลเหนือกำหนดตามประเภท)")
    asker_name: Text(200) = ""
    asker_party: Text(200) = ""
    asker_constituency: Text(200) = ""
    asker_province: Text(100) = ""
    minister_asked: Text(200) = ""
    fallback_answerer: Text(200) = ""
    answer_in: choice(["", *AnswerIn.values]) = ""
    answer_sent_on: Date | None = None
    gazette_volume: Text(20) = ""
    gazette_issue: Text(20) = ""
    gazette_page: Text(20) = ""
    gazette_published_on: Date | None = None
    bill_stage: choice(["", *BillStage.values]) = ""
    committee: Text(300) = ""
    meeting_at: dt.datetime | None = Field(None, description="วันเวลาประชุมคณะกรรมาธิการ (ISO 8601)")
    room: Text(200) = ""
    names_by: Date | None = None
    briefing: Text(20000) = ""
    outcome: Text(20000) = ""
    delegations: list[DelegationIn] = Field(default_factory=list, max_length=20)
    attendees: list[AttendeeIn] = Field(default_factory=list, max_length=100)
    urgency: choice(Urgency.values) = "normal"
    secrecy: SECRECY = "normal"
    duplicate_ok: bool = Field(False, description="บันทึกแม้เลขที่ซ้ำกับรายการในสมัยประชุมและสภาเดียวกัน")


class StatusIn(In):
    to: STATUS
    note: Text(2000) = ""
    new_date: Date | None = Field(None, description="วันประชุม/วันตอบใหม่ (ต้องระบุเมื่อเลื่อน)")


class ItemFilterParams(PageParams):
    kind: KIND | None = None
    house: choice(House.values) | None = None
    status: choice(["open", *Status.values]) | None = Field(None, description="open = ยังไม่แล้วเสร็จ")
    session: Id | None = None
    overdue: bool = False
    due_within: int | None = Field(None, ge=0, le=365, description="ครบกำหนดภายในกี่วันทำการ")
    q: Text(200) = ""
    received_from: FilterDate | None = None

    def as_params(self) -> dict[str, str]:
        values = self.model_dump(exclude={"limit", "offset", "page"}, exclude_none=True)
        return {k: "1" if v is True else str(v) for k, v in values.items() if v is not False and v != ""}


class DelegationOut(Schema):
    delegated_to: str
    delegated_on: dt.date
    note: str


class AttendeeOut(Schema):
    name: str
    position: str
    user: int | None
    agency: int | None

    @staticmethod
    def resolve_user(obj) -> int | None:
        return obj.user_id

    @staticmethod
    def resolve_agency(obj) -> int | None:
        return obj.agency_id


class ItemOut(OnMatter):
    id: int
    matter: int
    matter_number: str
    secrecy: str
    kind: str
    kind_label: str
    house: str
    session: int | None
    number: str
    subject: str
    status: str
    status_label: str
    received_on: dt.date
    sitting_on: dt.date | None
    letter_deadline: dt.date | None
    due_on: dt.date | None
    due_basis: str
    postponements: int
    answered_on: dt.date | None
    asker_name: str
    asker_party: str
    asker_province: str
    minister_asked: str
    committee: str
    meeting_at: dt.datetime | None

    resolve_kind_label = label("kind")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_session(obj) -> int | None:
        return obj.session_id


class ItemDetailOut(ItemOut):
    text: str
    asker_constituency: str
    fallback_answerer: str
    answer_in: str
    answer_sent_on: dt.date | None
    gazette_volume: str
    gazette_issue: str
    gazette_page: str
    gazette_published_on: dt.date | None
    bill_stage: str
    room: str
    names_by: dt.date | None
    briefing: str
    outcome: str
    delegations: list[DelegationOut]
    attendees: list[AttendeeOut]
    next_statuses: list[str] = Field(description="สถานะที่ผู้เรียกเปลี่ยนไปได้ขณะนี้")

    @staticmethod
    def resolve_delegations(obj) -> list:
        return list(obj.delegations.all())

    @staticmethod
    def resolve_attendees(obj) -> list:
        return list(obj.attendees.all())

    @staticmethod
    def resolve_next_statuses(obj) -> list[str]:
        return statuses.allowed(obj.status) if getattr(obj, "changeable", False) else []


class ItemPage(PageOut):
    items: list[ItemOut]


class StatusChangeOut(Schema):
    id: int
    at: dt.datetime
    from_status: str
    to_status: str
    new_date: dt.date | None
    note: str
    by: UserRef | None


class StatusOut(Schema):
    change: StatusChangeOut
    status: str
    status_label: str
    postponements: int
    sitting_on: dt.date | None
    due_on: dt.date | None


class DuplicateOut(Schema):
    detail: str
    duplicate_of: list[int]
