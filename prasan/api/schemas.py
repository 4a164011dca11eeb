"""Shared API types (ids, text, dates, paging) and the matter and workflow schemas.

Codes are English (as in choices.py), labels Thai, dates ISO; other concepts keep their
schemas next to their routes (activities.py, requests.py, plans.py, agencies.py).
"""

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, field_validator, model_validator

from prasan import hygiene
from prasan.matters.choices import (
    SECRECY_CODES,
    CommandChannel,
    DutyType,
    Kind,
    Process,
    Source,
    State,
    Urgency,
)
from prasan.matters.models import Decision
from prasan.matters.paging import COUNT_BOUND
from prasan.matters.workflow import EVENT_LABELS, OPEN_REQUEST_CHOICES
from prasan.thai.date_input import check_christian_era

# Ids are bounded so an absurd number is a 422, not a database overflow.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("ต้องไม่เว้นว่าง")
    return value.strip()


def _past_moment(value: dt.datetime) -> dt.datetime:
    """A moment that already happened, in local time if the caller gave no offset."""
    if value.year < 1900:
        raise ValueError("วันเวลาเก่าเกินไป")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value > timezone.now() + dt.timedelta(minutes=5):
        raise ValueError("เวลาที่สั่งต้องไม่อยู่ในอนาคต")
    return value


def Text(max_length: int = 5000):  # noqa: N802  (reads as a type in signatures)
    return Annotated[str, Field(max_length=max_length), AfterValidator(hygiene.check)]


def Required(max_length: int = 5000):  # noqa: N802
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(hygiene.check),
                     AfterValidator(_not_blank)]


# ISO, Christian era; a Thai caller's likeliest slip (2569 in an ISO date) is refused by the shared check.
# The schema says so too: a year from 2400 (a BE year) does not match the pattern and is answered 422.
CE_DATE = Field(json_schema_extra={"pattern": r"^(0[0-9]{3}|1[0-9]{3}|2[0-3][0-9]{2})-[0-9]{2}-[0-9]{2}$"},
                description="วันที่ ISO ปี ค.ศ. (ปีตั้งแต่ 2400 คือปี พ.ศ. ที่พิมพ์ผิดช่อง: ตอบ 422)")
Date = Annotated[dt.date, AfterValidator(check_christian_era), CE_DATE]
PastMoment = Annotated[dt.datetime, AfterValidator(_past_moment)]
WorkingDays = Annotated[int, Field(ge=0, le=365)]


def choice(values):
    """A Literal of the codes, so OpenAPI lists them and anything else is a 422."""
    return Literal[tuple(str(v) for v in values)]


class In(Schema):
    """Input: unknown fields are refused, so a typo is a 422 and not silently ignored; no text of any field
    (a plain `str`, a list of them, a dict) may hold a control character (prasan.hygiene)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value):
        return hygiene.check(value)


class ErrorOut(Schema):
    detail: str


# The refusals most endpoints may answer, each with its Thai reason in `detail`.
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def label(field: str) -> staticmethod:
    """The resolver of an output's `<field>_label`: the Thai label of the model's choice (get_<field>_display)."""

    def resolve(obj) -> str:
        return getattr(obj, f"get_{field}_display")()

    return staticmethod(resolve)


class OnMatter(Schema):
    """Output of what hangs on a matter (an engagement, a parliament or cabinet item, a policy): its matter's id
    and number, and its secrecy, which is its matter's, as a code."""

    @staticmethod
    def resolve_matter(obj) -> int:
        return obj.matter_id

    @staticmethod
    def resolve_matter_number(obj) -> str:
        return obj.matter.number

    @staticmethod
    def resolve_secrecy(obj) -> str:
        return SECRECY_CODES[obj.matter.secrecy]


class UserRef(Schema):
    id: int
    username: str
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name


# ---- pagination -------------------------------------------------------------------------------

class PageParams(Schema):
    limit: int = Field(50, ge=1, le=100, description="จำนวนต่อหน้า (1–100)")
    offset: int = Field(0, ge=0, le=10**9, description="ข้ามกี่รายการ")
    page: int | None = Field(None, ge=1, le=10**7, description="หน้าที่ (ถ้าระบุ ใช้แทน offset)")


def paginate(qs, params: PageParams, *, uncounted: bool = False) -> dict:
    """One bounded count and one slice, whatever the page size. The count is exact up to COUNT_BOUND rows or
    the end of the page asked for, whichever is further (as the list pages count); past it `count_exact` is
    false and `count` is that bound: an exact total of a million-row register would read every row.

    uncounted: no count at all, `count` null, for a list filtered by scanning its text (a common phrase, the
    filter's scans_text): its matches are found by reading the list in order, and counting them even to
    COUNT_BOUND would read far past the page. One row more than the page tells whether there is a next one."""
    offset = (params.page - 1) * params.limit if params.page else params.offset
    end = offset + params.limit
    if uncounted:
        rows = list(qs[offset:end + 1])
        return {"count": None, "count_exact": False, "more": len(rows) > params.limit, "limit": params.limit,
                "offset": offset, "items": rows[:params.limit]}
    reach = max(COUNT_BOUND, end)
    found = qs.order_by()[:reach + 1].count()
    return {"count": min(found, reach), "count_exact": found <= reach, "more": found > end, "limit": params.limit,
            "offset": offset, "items": list(qs[offset:end])}


# What a list whose text filter was not counted says, in its endpoint's description.
UNCOUNTED = ("q ที่พบบ่อยหรือสั้น (ดัชนีค้นหาใช้ไม่ได้ ต้องอ่านรายการตามลำดับ) ไม่นับจำนวนทั้งหมด: count เป็น null "
             "และ more บอกว่ามีหน้าถัดไปหรือไม่ (offset + limit) — การนับคำที่พบบ่อยต้องอ่านรายการเกือบทั้งหมด")


class PageOut(Schema):
    count: int = Field(description=f"จำนวนทั้งหมด นับแน่นอนถึง {COUNT_BOUND:,} รายการ (หรือถึงท้ายหน้าที่ขอ)")
    count_exact: bool = Field(description="false = มีมากกว่า count")
    more: bool = Field(description="true = มีรายการต่อจากหน้านี้ (หน้าถัดไป: offset + limit)")
    limit: int
    offset: int


class TextFilteredPageOut(PageOut):
    """A page of a list with a text filter (q), which is not counted when the phrase is common (paginate's
    uncounted)."""

    count: int | None = Field(description=f"จำนวนทั้งหมด นับแน่นอนถึง {COUNT_BOUND:,} รายการ (หรือถึงท้ายหน้าที่ขอ); "
                                          "null = ไม่ได้นับ เพราะ q พบบ่อยหรือสั้น")
    count_exact: bool = Field(description="false = มีมากกว่า count (หรือไม่ได้นับ)")


# ---- matters ----------------------------------------------------------------------------------

SECRECY = choice(SECRECY_CODES.values())


def one_of(*names: str) -> dict:
    """JSON Schema for "not more than one of these given" (null counts as not given), as the validator says."""
    return {"not": {"required": list(names), "properties": {name: {"not": {"type": "null"}} for name in names}}}


class MatterIn(In):
    model_config = ConfigDict(json_schema_extra=one_of("external_deadline", "deadline_working_days"))

    title: Required(500)
    duty_type: choice(DutyType.values)
    source: choice(Source.values)
    urgency: choice(Urgency.values) = "normal"
    secrecy: SECRECY = "normal"
    kind: choice(Kind.values) = "substantive"
    process: choice(Process.values) = "main"
    description: Text(20000) = ""
    commanded_by: Text(200) = ""
    commanded_at: PastMoment | None = None
    command_channel: choice(["", *CommandChannel.values]) = ""
    owner_unit: Id | None = Field(None, description="รหัสกลุ่มงานเจ้าของเรื่อง (ไม่ระบุ = กลุ่มงานของผู้บันทึก)")
    assignees: list[Id] = Field(default_factory=list, max_length=50, description="รหัสผู้รับผิดชอบ")
    parent: Id | None = Field(None, description="รหัสเรื่องหลัก")
    external_deadline: Date | None = Field(None, description="กำหนดส่ง (วันที่ ISO ปี ค.ศ.)")
    deadline_working_days: WorkingDays | None = Field(None, description="หรือกำหนดส่งภายในกี่วันทำการ")
    tags: Text(300) = ""

    @model_validator(mode="after")
    def _one_deadline(self):
        if self.external_deadline is not None and self.deadline_working_days is not None:
            raise ValueError("ระบุ external_deadline หรือ deadline_working_days อย่างใดอย่างหนึ่ง")
        return self


def _not_ancient(value: dt.date) -> dt.date:
    # Midnight of year 1 in Bangkok is before year 1 in UTC: no database can hold it.
    if value.year < 1900:
        raise ValueError("วันที่เก่าเกินไป (ต้องไม่ก่อนปี ค.ศ. 1900)")
    return value


FilterDate = Annotated[dt.date, AfterValidator(check_christian_era), AfterValidator(_not_ancient), CE_DATE]


class MatterFilterParams(PageParams):
    """The matter list page's filters, typed; MatterFilter reads them, so each dashboard link has its API twin."""

    state: choice(["open", *State.values]) | None = Field(None, description="สถานะ (open = ทุกสถานะที่ยังไม่ปิด)")
    duty_type: choice(DutyType.values) | None = None
    urgency: choice(Urgency.values) | None = None
    secrecy: SECRECY | None = None
    unit: Id | None = Field(None, description="รหัสกลุ่มงานเจ้าของเรื่อง")
    no_unit: bool = Field(False, description="เฉพาะเรื่องที่ไม่ระบุกลุ่มงาน")
    assignee: Id | None = Field(None, description="รหัสผู้รับผิดชอบ")
    unassigned: bool = Field(False, description="เฉพาะเรื่องที่ยังไม่มอบหมายผู้รับผิดชอบ")
    overdue: bool = Field(False, description="เฉพาะเรื่องที่ยังไม่ปิดและเลยกำหนดภายในแล้ว")
    due_within: WorkingDays | None = Field(None, description="ครบกำหนดภายในกี่วันทำการ")
    created_from: FilterDate | None = Field(None, description="รับเรื่องตั้งแต่วันที่ (ISO ปี ค.ศ.)")
    created_to: FilterDate | None = Field(None, description="รับเรื่องถึงวันที่ (รวมวันนั้น)")
    closed_from: FilterDate | None = Field(None, description="ปิดเรื่องตั้งแต่วันที่ (เฉพาะเรื่องที่ปิดแล้ว)")
    closed_to: FilterDate | None = Field(None, description="ปิดเรื่องถึงวันที่ (รวมวันนั้น)")
    late_agency: Id | None = Field(None, description="รหัสหน่วยงาน: เฉพาะเรื่องที่มีคำขอถึงหน่วยงานนี้ซึ่งตอบหลังกำหนด"
                                                    "หรือเลยกำหนดแล้วยังไม่ตอบ")
    late_since: FilterDate | None = Field(None, description="ใช้กับ late_agency: นับเฉพาะคำขอที่ครบกำหนดตั้งแต่วันที่นี้")
    q: Text(200) = ""

    @model_validator(mode="after")
    def _consistent(self):
        # Each of these would silently give an empty or an unfiltered list; say so instead.
        if self.unit is not None and self.no_unit:
            raise ValueError("ระบุ unit หรือ no_unit อย่างใดอย่างหนึ่ง")
        if self.assignee is not None and self.unassigned:
            raise ValueError("ระบุ assignee หรือ unassigned อย่างใดอย่างหนึ่ง")
        if self.late_since is not None and self.late_agency is None:
            raise ValueError("late_since ใช้คู่กับ late_agency เท่านั้น")
        for start, end in (("created_from", "created_to"), ("closed_from", "closed_to")):
            if getattr(self, start) and getattr(self, end) and getattr(self, start) > getattr(self, end):
                raise ValueError(f"{start} ต้องไม่อยู่หลัง {end}")
        return self

    def as_params(self) -> dict[str, str]:
        """The strings the list page's links carry, so MatterFilter.from_params stays the one reading of filters."""
        values = self.model_dump(exclude={"limit", "offset", "page"}, exclude_none=True)
        return {name: "1" if value is True else value.isoformat() if isinstance(value, dt.date) else str(value)
                for name, value in values.items() if value is not False and value != ""}


class MatterOut(Schema):
    id: int
    number: str
    title: str
    description: str
    duty_type: str
    duty_type_label: str
    source: str
    urgency: str
    urgency_label: str
    secrecy: str
    secrecy_label: str
    kind: str
    process: str
    state: str
    state_label: str
    commanded_by: str
    commanded_at: dt.datetime | None
    command_channel: str
    owner_unit: int | None
    owner_unit_name: str
    assignees: list[UserRef]
    external_deadline: dt.date | None
    internal_deadline: dt.date | None
    is_overdue: bool
    parent: int | None
    tags: str
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None

    resolve_duty_type_label = label("duty_type")
    resolve_urgency_label = label("urgency")
    resolve_secrecy_label = label("secrecy")
    resolve_state_label = label("state")

    @staticmethod
    def resolve_secrecy(obj) -> str:
        return SECRECY_CODES[obj.secrecy]

    @staticmethod
    def resolve_owner_unit(obj) -> int | None:
        return obj.owner_unit_id

    @staticmethod
    def resolve_owner_unit_name(obj) -> str:
        return obj.owner_unit.name if obj.owner_unit_id else ""

    @staticmethod
    def resolve_assignees(obj) -> list:
        return list(obj.assignees.all())

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_parent(obj) -> int | None:
        return obj.parent_id


class EventRef(Schema):
    event: str
    label: str
    needs_message: bool
    message_label: str


class MatterDetailOut(MatterOut):
    available_events: list[EventRef] = Field(description="เหตุการณ์ที่ผู้เรียกทำได้ขณะนี้")


class MatterPage(TextFilteredPageOut):
    items: list[MatterOut]


# ---- workflow ---------------------------------------------------------------------------------

class EventIn(In):
    event: Required(30)
    message: Text(5000) = ""
    verdict: choice(["", *Decision.Verdict.values]) = ""
    decided_by: Text(200) = ""
    open_requests: choice(["", *OPEN_REQUEST_CHOICES]) = Field(
        "", description="ปิดเรื่องที่ยังมีคำขอถึงหน่วยงานที่ยังไม่ได้ตอบ: cancel = ยกเลิกคำขอเหล่านั้น, keep = คงไว้ "
                        "(ไม่ระบุ → 409 พร้อมรายการคำขอ)")


class PendingRequestRef(Schema):
    id: int
    agency: str
    deadline: dt.date
    status: str

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name


class EventConflictOut(ErrorOut):
    open_requests: list[PendingRequestRef] = Field(
        default_factory=list, description="คำขอถึงหน่วยงานที่ยังไม่ได้ตอบ (เมื่อปิดเรื่องโดยยังไม่ระบุ open_requests)")


class TransitionOut(Schema):
    id: int
    at: dt.datetime
    by: int | None
    by_name: str
    event: str
    event_label: str
    from_state: str
    to_state: str
    to_label: str
    message: str

    @staticmethod
    def resolve_by(obj) -> int | None:
        return obj.by_id

    @staticmethod
    def resolve_by_name(obj) -> str:
        return obj.by.display_name if obj.by_id else ""

    @staticmethod
    def resolve_event_label(obj) -> str:
        return EVENT_LABELS.get(obj.event, obj.event)


class TransitionPage(PageOut):
    items: list[TransitionOut]


class EventOut(Schema):
    transition: TransitionOut
    state: str
    state_label: str
