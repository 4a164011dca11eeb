"""The roll-up of one policy: agencies × (report periods, progress, indicators, milestones), each cell a traffic
light that links to the report behind it, with the latest values, their trend as a sparkline, the overall progress
and what is late since when.

Read in six queries whatever the size (commitments, indicators, dues, reports, values, milestones), columns only;
everything else is arithmetic here. A light compares what was reported with what the time elapsed asks for: a
commitment a third through its span should be about a third of the way to each target."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from prasan.thai.dates import shown_date
from prasan.tracking.calendar import WorkingCalendar

from .choices import CommitmentStatus, Light
from .models import Commitment, IndicatorValue, Milestone, ProgressReport, ReportDue
from .units import number

ORDER = {Light.RED: 3, Light.AMBER: 2, Light.GREEN: 1, Light.GREY: 0}
# Behind the time elapsed by this much (a share of the way): amber; by the second: red.
AMBER_GAP, RED_GAP = Decimal("0.10"), Decimal("0.25")
SOON = dt.timedelta(days=14)
SPARK_W, SPARK_H = 80, 20


@dataclass
class Cell:
    light: str
    text: str = ""
    url: str = ""
    title: str = ""
    spark: str = ""  # SVG polyline points, numbers only
    label: str = ""  # what the cell is, for the phone's stacked layout

    @property
    def light_label(self) -> str:
        return Light(self.light).label


@dataclass
class Row:
    commitment: Commitment
    light: str
    progress: Cell
    indicators: list[Cell]
    milestones: list[Cell]
    periods: list[Cell]
    reported: int = 0
    due_count: int = 0
    progress_value: Decimal | None = None

    @property
    def light_label(self) -> str:
        return Light(self.light).label


@dataclass
class LateItem:
    agency: str
    what: str
    since: dt.date
    working_days: int
    url: str
    report: bool = True  # a report not sent (else a milestone not done)


@dataclass
class Rollup:
    policy: object
    indicators: list
    rows: list[Row]
    progress: Decimal
    late: list[LateItem]
    counts: dict = field(default_factory=dict)
    today: dt.date | None = None

    @property
    def light(self) -> str:
        return worst(row.light for row in self.rows)


def worst(lights) -> str:
    return max(lights, key=ORDER.__getitem__, default=Light.GREY)


def expected_share(start: dt.date, end: dt.date, day: dt.date) -> Decimal:
    """How far through [start, end] `day` is, 0–1."""
    span = (end - start).days
    if span <= 0:
        return Decimal(1)
    return min(Decimal(1), max(Decimal(0), Decimal((day - start).days) / Decimal(span)))


def judged(share: Decimal, expected: Decimal) -> str:
    if share >= expected - AMBER_GAP:
        return Light.GREEN
    return Light.AMBER if share >= expected - RED_GAP else Light.RED


def spark(values: list[Decimal], low: Decimal | None = None, high: Decimal | None = None) -> str:
    if len(values) < 2:
        return ""
    low = min(values) if low is None else min(low, min(values))
    high = max(values) if high is None else max(high, max(values))
    span = (high - low) or Decimal(1)
    step = SPARK_W / (len(values) - 1)
    return " ".join(f"{i * step:.1f},{SPARK_H - 2 - float((v - low) / span) * (SPARK_H - 4):.1f}"
                    for i, v in enumerate(values))


def build(policy, today: dt.date | None = None, calendar: WorkingCalendar | None = None) -> Rollup:
    today = today or timezone.localdate()
    calendar = calendar or WorkingCalendar()
    due_url = reverse("policy-due", args=[policy.pk, 0])[:-2]  # …/due/<id>/ for every cell, without 600 reverses
    commitments = list(Commitment.objects.filter(policy=policy).select_related("agency")
                       .order_by("role", "agency__name", "pk"))
    indicators = list(policy.indicators.all())
    ids = [c.pk for c in commitments]
    dues = defaultdict(list)
    for due in (ReportDue.objects.filter(commitment_id__in=ids).order_by("seq")
                .only("pk", "commitment_id", "seq", "label", "period_end", "due_on", "request_id")):
        dues[due.commitment_id].append(due)
    reports = {}
    for report in (ProgressReport.objects.filter(commitment_id__in=ids)
                   .only("pk", "due_id", "commitment_id", "progress", "submitted_at", "late")):
        reports[report.due_id] = report
    values = defaultdict(dict)  # report → indicator → value
    for report_id, indicator_id, value in (IndicatorValue.objects.filter(report__commitment_id__in=ids)
                                           .values_list("report_id", "indicator_id", "value")):
        values[report_id][indicator_id] = value
    milestones = defaultdict(list)
    for milestone in Milestone.objects.filter(commitment_id__in=ids).order_by("due", "pk"):
        milestones[milestone.commitment_id].append(milestone)

    rows, late = [], []
    for commitment in commitments:
        row, row_late = _row(commitment, dues[commitment.pk], reports, values, milestones[commitment.pk],
                             indicators, today, calendar, due_url)
        rows.append(row)
        late += row_late
    reported = [row.progress_value for row in rows if row.progress_value is not None]
    progress = sum(reported, Decimal(0)) / len(rows) if rows else Decimal(0)
    counts = {light: sum(1 for row in rows if row.light == light) for light in Light.values}
    late.sort(key=lambda item: item.since)
    return Rollup(policy, indicators, rows, progress.quantize(Decimal("0.1")), late, counts, today)


def _row(commitment, dues, reports, values, milestones, indicators, today, calendar, due_url):
    open_ = commitment.status == CommitmentStatus.OPEN
    periods, late, series = [], [], []
    for due in dues:
        report = reports.get(due.pk)
        url = f"{due_url}{due.pk}/"
        if report is not None:
            series.append((due, report))
            light = Light.AMBER if report.late else Light.GREEN
            title = f"{due.label}: ร้อยละ {number(report.progress)}" + (" (ส่งเกินกำหนด)" if report.late else "")
        elif due.due_on < today and open_:
            light = Light.RED
            days = calendar.working_days_between(due.due_on, today)
            title = f"{due.label}: ยังไม่รายงาน เกินกำหนดมา {days} วันทำการ"
            late.append(LateItem(commitment.agency.name, f"รายงานงวด {due.label}", due.due_on, days, url))
        else:
            light, title = Light.GREY, f"{due.label}: ยังไม่ถึงกำหนด"
        periods.append(Cell(light, due.label, url, title))

    latest = series[-1] if series else None
    if latest is None:
        progress_cell = Cell(Light.RED if late else Light.GREY, "—", "", "ยังไม่มีรายงาน")
    else:
        due, report = latest
        expected = expected_share(commitment.starts_on, commitment.ends_on, due.period_end)
        progress_cell = Cell(judged(report.progress / 100, expected), f"{number(report.progress)}%",
                             f"{due_url}{due.pk}/", f"ล่าสุด {due.label}; ตามเวลาควรถึงราวร้อยละ {expected * 100:.0f}",
                             spark([r.progress for _, r in series], Decimal(0), Decimal(100)))
    indicator_cells = [_indicator_cell(indicator, commitment, series, values, due_url) for indicator in indicators]
    milestone_cells = []
    for milestone in milestones:
        if milestone.done_on:
            light, text = Light.GREEN, f"เสร็จ {shown_date(milestone.done_on)}"
            url = f"{due_url}{reports_due(milestone, series)}/" if milestone.done_report_id else ""
        elif milestone.due < today:
            light, url = Light.RED, ""
            days = calendar.working_days_between(milestone.due, today)
            text = f"เลยกำหนด {days} วันทำการ"
            if open_:
                late.append(LateItem(commitment.agency.name, f"ขั้นงาน “{milestone.title}”", milestone.due, days,
                                     "", report=False))
        else:
            light = Light.AMBER if milestone.due - today <= SOON else Light.GREY
            text, url = "ยังไม่ถึงกำหนด", ""
        milestone_cells.append(Cell(light, text, url, milestone.title))
    row_light = worst([progress_cell.light, *(c.light for c in indicator_cells), *(c.light for c in milestone_cells),
                       *(Light.RED for _ in late)])
    row = Row(commitment, row_light, progress_cell, indicator_cells, milestone_cells, periods,
              reported=len(series), due_count=sum(1 for due in dues if due.due_on < today),
              progress_value=latest[1].progress if latest else None)
    return row, late


def reports_due(milestone, series) -> int:
    return next((due.pk for due, report in series if report.pk == milestone.done_report_id), 0)


def _indicator_cell(indicator, commitment, series, values, due_url) -> Cell:
    points = [(due, values[report.pk][indicator.pk]) for due, report in series if indicator.pk in values[report.pk]]
    if not points:
        return Cell(Light.GREY, "—", "", f"{indicator.name}: ยังไม่มีค่า", label=indicator.name)
    due, value = points[-1]
    gap = indicator.target - indicator.baseline
    share = Decimal(1) if gap == 0 and value >= indicator.target else (value - indicator.baseline) / gap if gap else 0
    expected = expected_share(commitment.starts_on, commitment.ends_on, due.period_end)
    return Cell(judged(Decimal(share), expected), f"{number(value)} {indicator.unit}", f"{due_url}{due.pk}/",
                f"{indicator.name} ล่าสุด ({due.label}) {number(value)} {indicator.unit} · เป้าหมาย "
                f"{number(indicator.target)} · ตามเวลาควรถึงราว {number(indicator.baseline + gap * expected)}",
                spark([v for _, v in points], min(indicator.baseline, indicator.target),
                      max(indicator.baseline, indicator.target)), label=indicator.name)
