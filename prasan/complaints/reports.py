"""Complaint reports: received by channel, category, province and agency; answered (or told of progress) within
the office's working days; open past due. No personal data in any of them. The same tables for the page, CSV, XLSX.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from .choices import Channel
from .models import Forwarding

HEADER = ["รับ", "ตอบ/แจ้งความคืบหน้าแล้ว", "ทันกำหนด", "ร้อยละทันกำหนด", "ยุติแล้ว", "ค้างเกินกำหนด"]
NOTE = ("ทันกำหนด = ตอบหรือแจ้งความคืบหน้าแก่ผู้ร้องครั้งแรกในหรือก่อนวันครบกำหนด (นับวันทำการตามที่สำนักงานตั้ง "
        "ค่าเริ่มต้น ๑๕ วันทำการ ไม่นับช่วงที่หยุดนับเวลา); ค้างเกินกำหนด = ยังไม่ยุติ ยังไม่ได้ตอบ และเลยวันครบกำหนดแล้ว; "
        "หน่วยงาน = หน่วยงานที่สำนักงานส่งเรื่องไปตรวจสอบ (เรื่องหนึ่งอาจนับให้หลายหน่วยงาน)")


@dataclass
class Line:
    label: str
    received: int = 0
    responded: int = 0
    in_time: int = 0
    concluded: int = 0
    past_due: int = 0

    @property
    def rate(self) -> float | None:
        return self.in_time / self.responded if self.responded else None

    def cells(self) -> list:
        return [self.label, self.received, self.responded, self.in_time,
                "" if self.rate is None else f"{self.rate:.0%}", self.concluded, self.past_due]


def counts(prefix: str = "", today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    p = prefix
    return {
        "received": Count(f"{p}pk", distinct=bool(p)),
        "responded": Count(f"{p}pk", filter=Q(**{f"{p}responded_at__isnull": False}), distinct=bool(p)),
        "in_time": Count(f"{p}pk", filter=Q(**{f"{p}responded_at__date__lte": F(f"{p}answer_due")}),
                         distinct=bool(p)),
        "concluded": Count(f"{p}pk", filter=~Q(**{f"{p}result": ""}), distinct=bool(p)),
        "past_due": Count(f"{p}pk", filter=Q(**{f"{p}result": "", f"{p}responded_at__isnull": True,
                                                f"{p}paused_since__isnull": True, f"{p}answer_due__lt": today}),
                          distinct=bool(p)),
    }


@dataclass
class Report:
    start: dt.date
    end: dt.date
    total: Line
    tables: list  # [(title, first column, [Line])]


def build(complaints, start: dt.date, end: dt.date) -> Report:
    """`complaints`: those the reader may see (Complaint.objects.visible_to); received within [start, end]."""
    rows = complaints.filter(received_at__date__gte=start, received_at__date__lte=end)
    measures = counts()

    def grouped(field: str, label) -> list[Line]:
        found = rows.order_by().values(field).annotate(**measures).order_by("-received", field)
        return [Line(label(r[field]), r["received"], r["responded"], r["in_time"], r["concluded"], r["past_due"])
                for r in found]

    channels = dict(Channel.choices)
    total = rows.order_by().aggregate(**measures)
    agencies = (Forwarding.objects.filter(complaint__in=rows.values("pk")).order_by()
                .values("request__agency__name").annotate(**counts("complaint__"))
                .order_by("-received", "request__agency__name"))
    return Report(start, end, Line("รวม", **{k: total[k] or 0 for k in ("received", "responded", "in_time",
                                                                       "concluded", "past_due")}), [
        ("ตามช่องทาง", "ช่องทาง", grouped("channel", lambda v: channels.get(v, v))),
        ("ตามประเภท", "ประเภท", grouped("category__name", lambda v: v or "ไม่ระบุประเภท")),
        ("ตามจังหวัด", "จังหวัด", grouped("province", lambda v: v or "ไม่ระบุจังหวัด")),
        ("ตามหน่วยงานที่ส่งเรื่องไป", "หน่วยงาน", [
            Line(r["request__agency__name"], r["received"], r["responded"], r["in_time"], r["concluded"],
                 r["past_due"]) for r in agencies]),
    ])


def past_due(complaints, today: dt.date | None = None):
    """The open complaints past their answer date, oldest due first."""
    today = today or timezone.localdate()
    return (complaints.filter(result="", responded_at__isnull=True, paused_since__isnull=True, answer_due__lt=today)
            .select_related("matter__office", "category").order_by("answer_due", "id"))


def export_rows(report: Report) -> list[list]:
    rows = []
    for title, first, lines in report.tables:
        rows += [[title], [first, *HEADER], *[line.cells() for line in lines], []]
    rows += [report.total.cells(), [], [NOTE]]
    return rows
