"""Making a policy (entered, from a matter, from a cabinet resolution) with its indicators and agencies, opening
each report when its time comes (a request with a reply link), taking an agency's report, closing a commitment.

Every write is one transaction and audited; mail leaves only after the rows it points at are committed."""

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from prasan.audit.models import record
from prasan.coordination import links
from prasan.coordination import services as coordination
from prasan.coordination.models import AgencyRequest
from prasan.matters.access import require_cleared
from prasan.matters.choices import OPEN_STATES, DutyType, Source
from prasan.matters.models import Matter
from prasan.thai.dates import shown_date

from . import schedule
from .choices import CommitmentStatus, Origin, Schedule
from .models import (
    Commitment,
    Indicator,
    IndicatorValue,
    Milestone,
    Policy,
    ProgressReport,
    ReportDue,
)

SYSTEM = "ระบบติดตามนโยบาย"
CLOSED = "ภารกิจของหน่วยงานนี้ในนโยบายนี้ปิดแล้ว จึงไม่รับรายงานอีก หากมีข้อมูลเพิ่มเติมโปรดติดต่อสำนักงานรัฐมนตรี"
POLICY_CLOSED = "เรื่องติดตามนโยบายนี้ปิดแล้ว จึงไม่รับรายงานอีก"


class PolicyExists(Exception):
    """The matter already carries a policy; `policy` is it."""

    def __init__(self, policy):
        self.policy = policy
        super().__init__(f"เรื่อง {policy.matter.number} มีนโยบายที่ติดตามอยู่แล้ว")


class ReportRefused(Exception):
    """The report cannot be taken; `str(e)` says why in Thai."""


@dataclass
class CommitmentSpec:
    agency: object
    role: str = "lead"
    task: str = ""
    schedule: str = "monthly"
    report_dates: list = field(default_factory=list)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    milestones: list = field(default_factory=list)  # (title, due)


def _matter_for(*, by, office, origin, title, description, matter, cabinet_item, matter_fields) -> Matter:
    """The policy follow-up matter the policy hangs on: the one given if it is one, else a new one (a child of the
    given matter, or the cabinet resolution's follow-up)."""
    if origin == Origin.CABINET:
        from prasan.cabinet import services as cabinet

        if cabinet_item.followup_id:
            return Matter.objects.select_related("office").get(pk=cabinet_item.followup_id)
        return cabinet.create_followup(cabinet_item, by=by)
    if origin == Origin.MATTER and matter.duty_type == DutyType.POLICY_FOLLOWUP:
        return matter
    fields = {"urgency": "normal", "secrecy": 0, **matter_fields}
    if origin == Origin.MATTER:
        fields.update(parent=matter, secrecy=matter.secrecy, urgency=matter.urgency, owner_unit=matter.owner_unit)
    require_cleared(fields["secrecy"], [by], act="บันทึกนโยบายชั้นความลับนี้")
    return Matter.create(by=by, office=office, title=title or matter.title, description=description,
                         duty_type=DutyType.POLICY_FOLLOWUP,
                         source=Source.POLICY if origin == Origin.ENTERED else matter.source,
                         assignees=[by], **fields)


def create_policy(*, by, office, origin: str = Origin.ENTERED, kind: str = "policy", title: str = "",
                  description: str = "", goals: str = "", starts_on: dt.date, ends_on: dt.date, matter=None,
                  cabinet_item=None, matter_fields=None, indicators=(), commitments=(), open_reports=True) -> Policy:
    """The policy, its matter, indicators and commitments with their report dues, all or nothing; then the reports
    already due are opened (their links sent). ValidationError (Thai, by field) for what cannot be."""
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "วันสิ้นสุดต้องไม่อยู่ก่อนวันเริ่ม"})
    if origin == Origin.MATTER and matter is None or origin == Origin.CABINET and cabinet_item is None:
        raise ValidationError({"origin": "ต้องระบุเรื่องหรือมติคณะรัฐมนตรีที่เป็นที่มา"})
    if origin == Origin.CABINET and not cabinet_item.resolution.strip():
        raise ValidationError({"cabinet_item": "วาระนี้ยังไม่มีมติคณะรัฐมนตรี"})
    with transaction.atomic():
        found = _matter_for(by=by, office=office, origin=origin, title=title.strip(), description=description,
                            matter=matter, cabinet_item=cabinet_item, matter_fields=matter_fields or {})
        existing = Policy.objects.filter(matter=found).select_related("matter__office").first()
        if existing is not None:
            raise PolicyExists(existing)
        policy = Policy.objects.create(matter=found, kind=kind, origin=origin, goals=goals, starts_on=starts_on,
                                       ends_on=ends_on, created_by=by,
                                       cabinet_item=cabinet_item if origin == Origin.CABINET else None)
        for order, spec in enumerate(indicators):
            Indicator.objects.create(policy=policy, order=order, **spec)
        for spec in commitments:
            add_commitment(policy, spec, by=by, open_reports=False)
        record(by, "policy.create", policy, matter=found.pk, number=found.number, origin=origin,
               agencies=[spec.agency.name for spec in commitments])
    if open_reports:
        open_due_reports(policy=policy, by=by)
    return policy


def add_commitment(policy: Policy, spec: CommitmentSpec, *, by, open_reports: bool = True) -> Commitment:
    starts_on, ends_on = spec.starts_on or policy.starts_on, spec.ends_on or policy.ends_on
    try:
        slots = schedule.slots(spec.schedule, starts_on, ends_on, spec.report_dates)
    except schedule.ScheduleError as exc:
        raise ValidationError({"schedule": f"{spec.agency.name}: {exc}"}) from None
    if Commitment.objects.filter(policy=policy, agency=spec.agency).exists():
        raise ValidationError({"agency": f"{spec.agency.name} มีภารกิจในนโยบายนี้อยู่แล้ว"})
    with transaction.atomic():
        commitment = Commitment.objects.create(
            policy=policy, agency=spec.agency, role=spec.role, task=spec.task, schedule=spec.schedule,
            report_dates=[d.isoformat() for d in spec.report_dates], starts_on=starts_on, ends_on=ends_on)
        ReportDue.objects.bulk_create([
            ReportDue(commitment=commitment, seq=s.seq, label=s.label, period_start=s.start, period_end=s.end,
                      due_on=s.due, opens_on=s.opens) for s in slots])
        Milestone.objects.bulk_create([Milestone(commitment=commitment, title=t, due=d) for t, d in spec.milestones])
        record(by, "policy.commitment", policy, agency=spec.agency.name, role=spec.role, schedule=spec.schedule,
               reports=len(slots))
    if open_reports:
        open_due_reports(policy=policy, by=by)
    return commitment


def edit_policy(policy: Policy, *, by, kind: str, goals: str, changed: dict, added: list,
                starts_on: dt.date | None = None, ends_on: dt.date | None = None) -> Policy:
    """Change a running policy's kind, goals, dates and indicators (`changed`: indicator → its typed row; `added`:
    new rows). A unit stays once values were reported in it: they would be read in the wrong unit. New dates lay
    the reports not yet asked for out again (_reschedule); the reports already due are then asked for."""
    starts_on, ends_on = starts_on or policy.starts_on, ends_on or policy.ends_on
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "วันสิ้นสุดต้องไม่อยู่ก่อนวันเริ่ม"})
    with transaction.atomic():
        reported = set(IndicatorValue.objects.filter(indicator__policy=policy).values_list("indicator_id", flat=True))
        before = {"kind": policy.kind, "goals": policy.goals, "starts_on": policy.starts_on.isoformat(),
                  "ends_on": policy.ends_on.isoformat()}
        dues = _reschedule(policy, starts_on, ends_on)
        policy.kind, policy.goals, policy.starts_on, policy.ends_on = kind, goals, starts_on, ends_on
        policy.save(update_fields=["kind", "goals", "starts_on", "ends_on"])
        edited = []
        for indicator, row in changed.items():
            if indicator.pk in reported and row["unit"] != indicator.unit:
                raise ValidationError({f"kpi{indicator.pk}_unit": f"ตัวชี้วัด “{indicator.name}” มีค่าที่รายงานในหน่วย"
                                                                  f" {indicator.unit} แล้ว จึงเปลี่ยนหน่วยไม่ได้"})
            if any(getattr(indicator, name) != value for name, value in row.items()):
                for name, value in row.items():
                    setattr(indicator, name, value)
                indicator.save()
                edited.append(indicator.name)
        last = policy.indicators.order_by("-order").values_list("order", flat=True).first() or 0
        for order, row in enumerate(added, start=last + 1):
            Indicator.objects.create(policy=policy, order=order, **row)
        record(by, "policy.edit", policy, before=before, kind=kind, goals_changed=before["goals"] != goals,
               starts_on=starts_on.isoformat(), ends_on=ends_on.isoformat(), dues=dues,
               indicators_changed=edited, indicators_added=[row["name"] for row in added])
    if dues:
        open_due_reports(policy=policy, by=by)
    return policy


def _reschedule(policy: Policy, starts_on: dt.date, ends_on: dt.date) -> dict:
    """Move every open commitment with the policy's new dates and lay out again its reports not yet asked for.

    A commitment that ran from the policy's start (or to its end) follows the new one; one with its own later
    start or earlier end keeps it, held within the new dates. A report already asked for (its request and link
    sent, perhaps answered) stays as the agency was told; the new periods begin after the last of them. A closed
    commitment is history and stays. Returns {agency: [unopened dues before, after]} for the audit."""
    if (starts_on, ends_on) == (policy.starts_on, policy.ends_on):
        return {}
    moved = {}
    for commitment in policy.commitments.filter(status=CommitmentStatus.OPEN).select_related("agency"):
        start = starts_on if commitment.starts_on == policy.starts_on else min(max(commitment.starts_on, starts_on),
                                                                               ends_on)
        end = ends_on if commitment.ends_on == policy.ends_on else max(min(commitment.ends_on, ends_on), start)
        moved[commitment.agency.name] = _relay(commitment, start, end)
    return moved


def _relay(commitment: Commitment, start: dt.date, end: dt.date) -> list[int]:
    """One commitment's reports laid out again between `start` and `end` after the last one asked for; a report
    date the new dates leave out is owed no more. Returns [unopened dues before, after]."""
    dues = list(commitment.dues.all())
    asked = [due for due in dues if due.request_id]
    last = max(asked, key=lambda due: due.period_end, default=None)
    if last is not None and last.period_end > end:
        raise ValidationError({"ends_on": f"{commitment.agency.name} ได้รับคำขอรายงานงวด {last.label} "
                                          f"(ถึง {shown_date(last.period_end)}) แล้ว วันสิ้นสุดต้องไม่อยู่ก่อนวันนั้น"})
    after = last.period_end + dt.timedelta(days=1) if last is not None else start
    days = [dt.date.fromisoformat(day) for day in commitment.report_dates]
    if commitment.schedule == Schedule.DATES:
        days = [day for day in days if max(start, after) <= day <= end]
    try:
        slots = [] if commitment.schedule == Schedule.DATES and not days else \
            schedule.slots(commitment.schedule, start, end, days)
    except schedule.ScheduleError as exc:
        raise ValidationError({"ends_on": f"{commitment.agency.name}: {exc}"}) from None
    if not slots and not asked:
        raise ValidationError({"ends_on": f"{commitment.agency.name}: ไม่มีวันที่ต้องรายงานเหลืออยู่ในช่วงใหม่"})
    slots = [replace(s, start=max(s.start, after)) for s in slots if s.end >= after]
    seq = max((due.seq for due in asked), default=0)
    commitment.dues.filter(request__isnull=True).delete()
    ReportDue.objects.bulk_create([
        ReportDue(commitment=commitment, seq=seq + i, period_start=s.start, period_end=s.end, due_on=s.due,
                  opens_on=s.opens,
                  label=schedule.dated_label(seq + i, s.due) if commitment.schedule == Schedule.DATES else s.label)
        for i, s in enumerate(slots, start=1)])
    if commitment.schedule == Schedule.DATES:
        commitment.report_dates = sorted({d.isoformat() for d in days} | {due.due_on.isoformat() for due in asked})
    commitment.starts_on, commitment.ends_on = start, end
    commitment.save(update_fields=["starts_on", "ends_on", "report_dates"])
    return [len(dues) - len(asked), len(slots)]


def deliverable(due: ReportDue) -> str:
    policy = due.commitment.policy
    return (f"รายงานความก้าวหน้า{policy.get_kind_display()} งวด {due.label} "
            f"(ร้อยละความก้าวหน้า ค่าตัวชี้วัด ผลการดำเนินงาน ปัญหาอุปสรรค และเอกสารประกอบ)")


def open_due_reports(today: dt.date | None = None, *, policy=None, by=None, send: bool = True) -> int:
    """Ask for every report whose time has come and that nobody has asked for yet: one request with its own reply
    link each, the link sent after the request is committed (not with `send=False`: the demo and the bench, whose
    agencies' addresses are made up). Safe to run at once from two ticks (the due is locked, and one that has its
    request is passed over)."""
    today = today or timezone.localdate()
    dues = ReportDue.objects.filter(request__isnull=True, opens_on__lte=today,
                                    commitment__status=CommitmentStatus.OPEN,
                                    commitment__policy__matter__state__in=OPEN_STATES)
    if policy is not None:
        dues = dues.filter(commitment__policy=policy)
    opened = []
    for pk in dues.order_by("due_on", "pk").values_list("pk", flat=True):
        with transaction.atomic():
            due = (ReportDue.objects.select_for_update(of=("self",))
                   .select_related("commitment__agency", "commitment__policy__matter__office").get(pk=pk))
            if due.request_id:
                continue
            agency = due.commitment.agency
            contact = agency.contacts.filter(is_liaison=True).first() or agency.contacts.first()
            matter = due.commitment.policy.matter
            req = AgencyRequest.objects.create(matter=matter, agency=agency, contact=contact,
                                               deliverable=deliverable(due), deadline=due.due_on,
                                               created_by=by if getattr(by, "is_authenticated", False) else None)
            due.request = req
            due.save(update_fields=["request"])
            record(by or SYSTEM, "request.create", matter, agency=agency.name, request=req.pk, deadline=due.due_on,
                   policy_report=due.pk)
        opened.append(req)
    for req in opened if send else ():
        coordination.send_link(req, by=by if getattr(by, "is_authenticated", False) else None)
    return len(opened)


def commitment_closed_reason(commitment: Commitment) -> str:
    if commitment.status == CommitmentStatus.CLOSED:
        return CLOSED
    if commitment.policy.matter.state not in OPEN_STATES:
        return POLICY_CLOSED
    return ""


def submit_report(due: ReportDue, *, name: str, progress: Decimal, narrative: str, problems: str = "",
                  values: dict | None = None, milestones=(), uploads=()) -> ProgressReport:
    """The agency's report for `due`, through its reply link: the request is answered (the link stops working, the
    answer is in the matter's log), the values and milestones kept. ReportRefused for a closed commitment;
    links.LinkError for a link used or reissued meanwhile."""
    if not Decimal(0) <= progress <= Decimal(100):
        raise ValidationError({"progress": "ความก้าวหน้าต้องอยู่ระหว่างร้อยละ 0 ถึง 100"})
    with transaction.atomic():
        commitment = (Commitment.objects.select_for_update(of=("self",))
                      .select_related("policy__matter", "agency").get(pk=due.commitment_id))
        reason = commitment_closed_reason(commitment)
        if reason:
            raise ReportRefused(reason)
        answer = f"รายงานความก้าวหน้างวด {due.label}: ร้อยละ {progress} — {narrative}"
        req = coordination.answer_request(due.request, answer=answer, name=name, uploads=uploads)
        report = ProgressReport.objects.create(
            due=due, commitment=commitment, progress=progress, narrative=narrative, problems=problems,
            reporter_name=name, submitted_at=req.answered_at, late=timezone.localdate() > due.due_on)
        IndicatorValue.objects.bulk_create([IndicatorValue(report=report, indicator=indicator, value=value)
                                            for indicator, value in (values or {}).items() if value is not None])
        done = Milestone.objects.filter(commitment=commitment, pk__in=[m.pk for m in milestones],
                                        done_on__isnull=True)
        done.update(done_on=timezone.localdate(), done_report=report)
        record(f"{coordination.LIAISON}:{name}", "policy.progress_report", commitment.policy, agency=commitment.agency.name,
               due=due.label, progress=progress, late=report.late)
    return report


def close_commitment(commitment: Commitment, *, by, note: str = "") -> Commitment:
    """No more reports: its open requests are cancelled (their links then say the commitment is closed)."""
    with transaction.atomic():
        locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if locked.status == CommitmentStatus.CLOSED:
            return locked
        locked.status, locked.closed_at, locked.closed_note = CommitmentStatus.CLOSED, timezone.now(), note[:300]
        locked.save(update_fields=["status", "closed_at", "closed_note"])
        open_requests = AgencyRequest.objects.filter(policy_due__commitment=locked,
                                                     status__in=(AgencyRequest.Status.SENT,
                                                                 AgencyRequest.Status.ACKNOWLEDGED))
        for req in open_requests.select_related("matter__office", "agency"):
            coordination.cancel_request(req, by=by)
        record(by, "policy.commitment_close", locked.policy, agency=locked.agency_id, note=note)
    return locked


__all__ = ["CLOSED", "CommitmentSpec", "PolicyExists", "ReportRefused", "add_commitment", "close_commitment",
           "create_policy", "links", "open_due_reports", "submit_report"]
