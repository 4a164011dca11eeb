"""Policies followed up with agencies: list (those whose matters the caller may see), one with its indicators,
commitments, report dues and reports, and record one (entered, from a matter, or from a cabinet resolution)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError as ModelValidationError
from django.db.models import Prefetch
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role
from prasan.cabinet.access import may_record_resolution, visible_item
from prasan.directory.models import Agency, Office
from prasan.matters.choices import SECRECY_BY_CODE, SECRECY_CODES, Secrecy, Urgency
from prasan.policy import services
from prasan.policy.access import CREATE_ROLES, visible_policy
from prasan.policy.choices import CommitmentStatus, Origin, PolicyKind, Schedule
from prasan.policy.choices import Role as CommitmentRole
from prasan.policy.models import Commitment, ProgressReport, ReportDue
from prasan.policy.queries import policy_list

from .access import changeable_matter
from .errors import invalid
from .schemas import (
    ERRORS,
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
    paginate,
)

router = Router(tags=["policies"])


# ---- schemas ------------------------------------------------------------------------------------------------

class IndicatorIn(In):
    name: Required(300)
    unit: Required(40) = Field(description="หน่วยนับ เช่น ร้อยละ คน แห่ง บาท")
    baseline: Decimal = Field(Decimal(0), max_digits=16, decimal_places=2)
    target: Decimal = Field(max_digits=16, decimal_places=2)
    period: Text(100) = Field("", description="ช่วงเวลาวัดผล เช่น ปีงบประมาณ 2570")


class MilestoneIn(In):
    title: Required(300)
    due: Date


class CommitmentIn(In):
    agency: Id = Field(description="รหัสหน่วยงานในทำเนียบ (/api/v1/agencies)")
    role: choice(CommitmentRole.values) = "lead"
    task: Text(5000) = ""
    schedule: choice(Schedule.values) = "monthly"
    report_dates: list[Date] = Field([], max_length=60, description="วันที่ต้องรายงาน (เมื่อ schedule = dates)")
    milestones: list[MilestoneIn] = Field([], max_length=50)


class PolicyIn(In):
    origin: choice(Origin.values) = Field("entered", description="entered | matter (ระบุ matter) | cabinet "
                                                                 "(ระบุ cabinet_item ที่มีมติแล้ว)")
    kind: choice(PolicyKind.values) = "policy"
    title: Text(500) = Field("", description="ต้องระบุเมื่อ origin = entered")
    description: Text(20000) = ""
    goals: Text(20000) = ""
    starts_on: Date
    ends_on: Date
    matter: Id | None = None
    cabinet_item: Id | None = None
    urgency: choice(Urgency.values) = "normal"
    secrecy: SECRECY = "normal"
    indicators: list[IndicatorIn] = Field([], max_length=20)
    commitments: list[CommitmentIn] = Field(min_length=1, max_length=200)


class PolicyBase(Schema):
    id: int
    matter: int = Field(alias="matter_id")
    matter_number: str
    title: str
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    secrecy: str
    agency_count: int
    late_count: int = Field(description="งวดรายงานที่เลยกำหนดแล้วยังไม่ได้รับ")


class PolicyRowOut(PolicyBase, OnMatter):
    @staticmethod
    def resolve_title(obj) -> str:
        return obj.matter.title


class PolicyPage(PageOut):
    items: list[PolicyRowOut]


class ListParams(PageParams):
    q: str = Field("", max_length=100, description="ค้นจากชื่อนโยบาย")


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    period: str


class ValueOut(Schema):
    indicator: int
    value: Decimal
    unit: str


class ReportOut(Schema):
    progress: Decimal
    narrative: str
    problems: str
    reporter_name: str
    submitted_at: dt.datetime
    late: bool
    values: list[ValueOut]


class DueOut(Schema):
    id: int
    seq: int
    label: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: str = Field(description="reported | late | open | not_open")
    request: int | None = None
    report: ReportOut | None = None


class MilestoneOut(Schema):
    id: int
    title: str
    due: dt.date
    done_on: dt.date | None


class CommitmentOut(Schema):
    id: int
    agency: int
    agency_name: str
    role: str
    task: str
    schedule: str
    status: str
    milestones: list[MilestoneOut]
    dues: list[DueOut]


class PolicyDetailOut(PolicyBase):
    origin: str
    goals: str
    cabinet_item: int | None
    indicators: list[IndicatorOut]
    commitments: list[CommitmentOut]


# ---- routes -------------------------------------------------------------------------------------------------

@router.get("/policies", response={200: PolicyPage, **ERRORS},
            summary="นโยบาย/ข้อสั่งการที่ติดตาม (เฉพาะที่ผู้เรียกเห็นเรื่องได้) ใหม่สุดก่อน แบ่งหน้า")
def list_policies(request, params: Query[ListParams]):
    unknown = sorted(set(request.GET) - set(ListParams.model_fields))
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    return paginate(policy_list(request.auth, q=params.q.strip()), params)


def _detail(user, pk: int) -> dict:
    policy = visible_policy(user, pk)
    today = timezone.localdate()
    reports = ProgressReport.objects.prefetch_related("values__indicator")
    dues = ReportDue.objects.order_by("seq").prefetch_related(Prefetch("report", queryset=reports))
    commitments = (Commitment.objects.filter(policy=policy).select_related("agency")
                   .prefetch_related(Prefetch("dues", queryset=dues), "milestones").order_by("role", "pk"))
    late = 0
    rows = []
    for c in commitments:
        out = []
        for due in c.dues.all():
            report = getattr(due, "report", None) if _has_report(due) else None
            status = ("reported" if report else "late" if due.due_on < today and c.status == CommitmentStatus.OPEN
                      else "open" if due.request_id else "not_open")
            late += status == "late"
            out.append({"id": due.pk, "seq": due.seq, "label": due.label, "period_start": due.period_start,
                        "period_end": due.period_end, "due_on": due.due_on, "status": status,
                        "request": due.request_id, "report": report and {
                            "progress": report.progress, "narrative": report.narrative, "problems": report.problems,
                            "reporter_name": report.reporter_name, "submitted_at": report.submitted_at,
                            "late": report.late, "values": [{"indicator": v.indicator_id, "value": v.value,
                                                             "unit": v.indicator.unit} for v in report.values.all()]}})
        rows.append({"id": c.pk, "agency": c.agency_id, "agency_name": c.agency.name, "role": c.role, "task": c.task,
                     "schedule": c.schedule, "status": c.status, "milestones": list(c.milestones.all()), "dues": out})
    return {"id": policy.pk, "matter_id": policy.matter_id, "matter_number": policy.matter.number,
            "title": policy.matter.title, "kind": policy.kind, "origin": policy.origin, "goals": policy.goals,
            "starts_on": policy.starts_on, "ends_on": policy.ends_on, "secrecy": SECRECY_CODES[policy.matter.secrecy],
            "cabinet_item": policy.cabinet_item_id, "indicators": list(policy.indicators.all()), "commitments": rows,
            "agency_count": len(rows), "late_count": late}


def _has_report(due) -> bool:
    try:
        due.report  # noqa: B018 (prefetched: no query)
    except ProgressReport.DoesNotExist:
        return False
    return True


@router.get("/policies/{policy_id}", response={200: PolicyDetailOut, **ERRORS},
            summary="นโยบายพร้อมตัวชี้วัด ภารกิจของหน่วยงาน งวดรายงาน และรายงานความก้าวหน้า (ไม่เห็นเรื่อง 404)")
def get_policy(request, policy_id: Id):
    return _detail(request.auth, policy_id)


def _agencies(ids) -> dict:
    found = {a.pk: a for a in Agency.objects.filter(pk__in=set(ids), active=True)}
    for n, pk in enumerate(ids):
        if pk not in found:
            raise invalid(f"commitments.{n}.agency", f"ไม่พบหน่วยงานรหัส {pk} ในทำเนียบ (หรือเลิกใช้แล้ว)")
    return found


@router.post("/policies", response={201: PolicyDetailOut, **ERRORS},
             summary="บันทึกนโยบาย/ข้อสั่งการพร้อมตัวชี้วัดและหน่วยงานรับผิดชอบ แล้วส่งลิงก์รายงานงวดที่ถึงรอบ",
             description="จากเรื่อง (origin = matter): ต้องแก้ไขเรื่องนั้นได้ (ไม่เห็น 404, ไม่ใช่ของตน 403, ปิดแล้ว 409); "
                         "จากมติ ครม. (origin = cabinet): วาระต้องมีมติแล้ว (409); เรื่องที่มีนโยบายแล้ว 409")
def create_policy(request, payload: PolicyIn):
    user = request.auth
    if user.role not in CREATE_ROLES:
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” บันทึกนโยบายเพื่อติดตามไม่ได้")
    secrecy = SECRECY_BY_CODE[payload.secrecy]
    if payload.origin == Origin.ENTERED:
        if not payload.title.strip():
            raise invalid("title", "ต้องระบุชื่อนโยบาย/ข้อสั่งการ")
        if secrecy > user.clearance:
            raise HttpError(403, f"ท่านไม่มีสิทธิ์เข้าถึงชั้นความลับ “{Secrecy(secrecy).label}” จึงบันทึกนโยบายชั้นนี้ไม่ได้")
    matter = item = None
    if payload.origin == Origin.MATTER:
        if payload.matter is None:
            raise invalid("matter", "ต้องระบุรหัสเรื่องเมื่อ origin = matter")
        matter = changeable_matter(user, payload.matter)
    if payload.origin == Origin.CABINET:
        if payload.cabinet_item is None:
            raise invalid("cabinet_item", "ต้องระบุรหัสวาระเมื่อ origin = cabinet")
        item = visible_item(user, payload.cabinet_item, for_update=True)
        if not may_record_resolution(user, item):
            raise HttpError(403, "เรื่องของวาระนี้ไม่อยู่ในความรับผิดชอบของท่าน")
        if not item.resolution.strip():
            raise HttpError(409, "วาระนี้ยังไม่มีมติคณะรัฐมนตรี")
    agencies = _agencies([c.agency for c in payload.commitments])
    specs = [services.CommitmentSpec(agency=agencies[c.agency], role=c.role, task=c.task, schedule=c.schedule,
                                     report_dates=c.report_dates, milestones=[(m.title, m.due) for m in c.milestones])
             for c in payload.commitments]
    try:
        policy = services.create_policy(
            by=user, office=Office.current(), origin=payload.origin, kind=payload.kind, title=payload.title,
            description=payload.description, goals=payload.goals, starts_on=payload.starts_on,
            ends_on=payload.ends_on, matter=matter, cabinet_item=item,
            matter_fields={"urgency": payload.urgency, "secrecy": secrecy, "owner_unit": user.unit},
            indicators=[i.model_dump() for i in payload.indicators], commitments=specs)
    except services.PolicyExists as exc:
        raise HttpError(409, f"{exc} (รหัสนโยบาย {exc.policy.pk})") from None
    except ModelValidationError as exc:
        raise invalid(next(iter(exc.message_dict)), "; ".join(m for ms in exc.message_dict.values() for m in ms)) \
            from None
    return Status(201, _detail(user, policy.pk))
