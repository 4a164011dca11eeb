"""Three demo policies followed up with agencies: the minister's teacher-workload policy (monthly, four agencies,
two KPIs, reports on time, late and missing), the cabinet resolution's follow-up on quality schools (quarterly), and
a directive on flood-damaged school buildings (on given dates). Links are made but not mailed (made-up addresses)."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from prasan.cabinet.models import AgendaItem
from prasan.coordination.models import AgencyRequest
from prasan.directory.models import Agency
from prasan.policy import services
from prasan.policy.choices import Origin
from prasan.policy.models import Policy, ProgressReport, ReportDue

TODAY = timezone.localdate()


def _months_ago(n: int) -> dt.date:
    day = TODAY.replace(day=1)
    for _ in range(n):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def build(office, users) -> None:
    """Once: nothing is added when the office already follows a policy."""
    if Policy.objects.exists():
        return
    with transaction.atomic():
        _build(office, {u.username: u for u in users}, {a.abbreviation: a for a in Agency.objects.all()})


def _build(office, by, agencies) -> None:
    head = by["head"]
    start = _months_ago(4)
    workload = services.create_policy(
        by=head, office=office, kind="policy", title="ลดภาระครูและบุคลากรทางการศึกษา คืนครูสู่ห้องเรียน",
        description="รัฐมนตรีมอบนโยบายให้ลดงานเอกสาร การประเมิน และโครงการที่ไม่จำเป็น เพื่อให้ครูมีเวลาสอนมากขึ้น",
        goals="ครูใช้เวลากับงานสอนไม่น้อยกว่าร้อยละ 80 ของเวลาทำงาน ภายในปีงบประมาณ 2570",
        starts_on=start, ends_on=start + dt.timedelta(days=364), open_reports=False,
        matter_fields={"owner_unit": head.unit or by["grouphead"].unit, "urgency": "urgent"},
        indicators=[{"name": "โรงเรียนที่ยกเลิกงานเอกสารซ้ำซ้อนแล้ว", "unit": "ร้อยละ", "baseline": 0, "target": 80,
                     "period": "ปีงบประมาณ 2570"},
                    {"name": "เจ้าหน้าที่ธุรการโรงเรียนที่จ้างเพิ่ม", "unit": "คน", "baseline": 0, "target": 5000,
                     "period": "ปีงบประมาณ 2570"}],
        commitments=[
            services.CommitmentSpec(agency=agencies["สพฐ."], role="lead", task="ยกเลิกงานเอกสารและโครงการซ้ำซ้อน "
                                    "จ้างเจ้าหน้าที่ธุรการโรงเรียน",
                                    milestones=[("ประกาศยกเลิกแบบรายงาน 12 รายการ", start + dt.timedelta(days=45)),
                                                ("จ้างเจ้าหน้าที่ธุรการครบทุกเขตพื้นที่", start + dt.timedelta(days=240))]),
            services.CommitmentSpec(agency=agencies["สอศ."], role="support", task="ลดการประเมินซ้ำซ้อนในสถานศึกษาอาชีวศึกษา"),
            services.CommitmentSpec(agency=agencies["สำนักงาน ก.ค.ศ."], role="support",
                                    task="ปรับเกณฑ์วิทยฐานะให้ใช้ผลงานจากการสอนจริง",
                                    milestones=[("เสนอ ก.ค.ศ. พิจารณาหลักเกณฑ์ใหม่", start + dt.timedelta(days=75))]),
            services.CommitmentSpec(agency=agencies["สป."], role="support", task="ทบทวนคำสั่งและแบบรายงานของส่วนกลาง"),
        ])
    _open(workload)
    kpis = list(workload.indicators.all())
    # สพฐ. on time every month; สอศ. late twice; ก.ค.ศ. on time then silent; สป. reported only the first month.
    _reports(workload, "สพฐ.", [(0, 12, 10, 800), (-1, 25, 22, 1700), (0, 38, 35, 2600)], kpis, milestones=True)
    _reports(workload, "สอศ.", [(4, 8, 6, 0), (9, 15, 11, 0)], kpis)
    _reports(workload, "สำนักงาน ก.ค.ศ.", [(0, 20, None, None)], kpis)
    _reports(workload, "สป.", [(2, 10, None, None)], kpis)

    item = AgendaItem.objects.filter(followup__isnull=False).select_related("followup").first()
    if item is not None:
        quality = services.create_policy(
            by=by["coordinator2"], office=office, origin=Origin.CABINET, cabinet_item=item, kind="policy",
            goals="โรงเรียนคุณภาพประจำตำบล 89 แห่งพร้อมรับนักเรียนจากโรงเรียนขนาดเล็ก", starts_on=_months_ago(1),
            ends_on=_months_ago(1) + dt.timedelta(days=364), open_reports=False,
            indicators=[{"name": "โรงเรียนคุณภาพที่ปรับปรุงแล้วเสร็จ", "unit": "แห่ง", "baseline": 0, "target": 89}],
            commitments=[services.CommitmentSpec(agency=agencies["สพฐ."], role="lead", schedule="quarterly"),
                         services.CommitmentSpec(agency=agencies["ศธจ.ขอนแก่น"], role="support", schedule="quarterly")])
        _open(quality)

    flood_start = TODAY - dt.timedelta(days=50)
    flood = services.create_policy(
        by=head, office=office, kind="directive", title="เร่งรัดซ่อมแซมอาคารเรียนที่ได้รับผลกระทบจากอุทกภัยภาคเหนือ",
        description="ข้อสั่งการรัฐมนตรีในการตรวจราชการจังหวัดเชียงใหม่: ให้ซ่อมแซมให้ทันเปิดภาคเรียน",
        starts_on=flood_start, ends_on=flood_start + dt.timedelta(days=150), open_reports=False,
        matter_fields={"owner_unit": by["grouphead"].unit, "urgency": "most_urgent"},
        indicators=[{"name": "อาคารเรียนที่ซ่อมแล้วเสร็จ", "unit": "หลัง", "baseline": 0, "target": 312},
                    {"name": "งบประมาณที่เบิกจ่าย", "unit": "ล้านบาท", "baseline": 0, "target": Decimal("482")}],
        commitments=[services.CommitmentSpec(
            agency=agencies[abbr], role=role, schedule="dates",
            report_dates=[flood_start + dt.timedelta(days=d) for d in (21, 49, 77, 105, 140)])
            for abbr, role in (("สพฐ.", "lead"), ("ศธจ.เชียงใหม่", "support"), ("สพป.ชม.1", "support"))])
    _open(flood)
    fkpis = list(flood.indicators.all())
    _reports(flood, "สพฐ.", [(0, 15, 40, 55)], fkpis)
    _reports(flood, "ศธจ.เชียงใหม่", [(3, 20, 18, 21), (0, 45, 41, 60)], fkpis)


def _open(policy) -> None:
    services.open_due_reports(policy=policy, send=False)


def _reports(policy, abbreviation, rows, kpis, milestones: bool = False) -> None:
    """(days after the due date it came, progress %, KPI values…) for each of the agency's earliest dues; with
    `milestones`, each report says done the milestones due by its period's end."""
    dues = (ReportDue.objects.filter(commitment__policy=policy, commitment__agency__abbreviation=abbreviation,
                                     request__isnull=False, due_on__lt=TODAY)
            .select_related("request", "commitment").order_by("seq"))
    for due, (days, progress, *values) in zip(dues, rows, strict=False):
        report = services.submit_report(
            due, name="ผู้ประสานงานของหน่วยงาน", progress=Decimal(progress),
            narrative=f"ดำเนินการตามแผนงวด {due.label} ความก้าวหน้าร้อยละ {progress}",
            problems="งบประมาณจัดสรรล่าช้า" if days > 0 else "",
            values={k: Decimal(v) for k, v in zip(kpis, values, strict=False) if v is not None},
            milestones=list(due.commitment.milestones.filter(due__lte=due.due_on)) if milestones else ())
        # As if it came on its day: the demo's history, not today.
        moment = timezone.make_aware(dt.datetime.combine(due.due_on + dt.timedelta(days=days), dt.time(10, 30)))
        ProgressReport.objects.filter(pk=report.pk).update(submitted_at=moment, late=days > 0)
        AgencyRequest.objects.filter(pk=due.request_id).update(answered_at=moment)
