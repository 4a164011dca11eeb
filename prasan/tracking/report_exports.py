"""The performance report as tables: the same columns for the page, CSV, XLSX and PDF."""

import csv
import io
from dataclasses import dataclass

from prasan import hygiene
from prasan.thai.dates import thai_date, thai_datetime
from prasan.thai.digits import to_thai

from .reports import AgencyPerformance, Performance, Report

FONT = "TH Sarabun New"
ON_TIME_NOTE = (
    "ทันกำหนด = ปิดเรื่องในหรือก่อนวันกำหนด นับแยกตามกำหนดส่งภายนอก (ตามคำสั่งการ/หนังสือ) และกำหนดภายในของสำนักงาน "
    "เฉพาะเรื่องที่มีกำหนดนั้น; วันทำการนับจากวันรับเรื่องถึงวันปิดเรื่อง ไม่นับวันหยุดราชการ; "
    "หน่วยงาน: ตอบทันกำหนด = ตอบในหรือก่อนวันกำหนดส่งของคำขอ ค้างตอบเกินกำหนด = คำขอที่กำหนดส่งอยู่ในช่วงนี้ เลยกำหนดแล้วยังไม่ตอบ"
)


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "int"  # "text" | "int" | "rate" (0–1) | "days"


@dataclass
class Table:
    title: str
    sheet: str
    columns: list[Column]
    rows: list[list]
    total: list | None = None


def _performance_columns(first: str) -> list[Column]:
    return [
        Column(first, "text"), Column("ปิดเรื่อง (เรื่อง)"),
        Column("มีกำหนดส่งภายนอก"), Column("ทันกำหนดส่งภายนอก"), Column("ร้อยละทันกำหนดส่งภายนอก", "rate"),
        Column("มีกำหนดภายใน"), Column("ทันกำหนดภายใน"), Column("ร้อยละทันกำหนดภายใน", "rate"),
        Column("มัธยฐานวันทำการจนปิดเรื่อง", "days"),
    ]


def _performance_row(p: Performance, label: str | None = None) -> list:
    return [
        label or p.label, p.closed, p.external_due, p.external_on_time, p.external_rate,
        p.internal_due, p.internal_on_time, p.internal_rate, p.median_days,
    ]


def _agency_row(a: AgencyPerformance) -> list:
    return [a.label, a.answered, a.answered_on_time, a.on_time_rate, a.median_days, a.overdue_open]


def tables(report: Report) -> list[Table]:
    total = _performance_row(report.total, "รวมทั้งหมด")
    return [
        Table("ผลการดำเนินงานตามกลุ่มงาน", "ตามกลุ่มงาน", _performance_columns("กลุ่มงาน"),
              [_performance_row(p) for p in report.by_unit], total),
        Table("ผลการดำเนินงานตามประเภทภารกิจ", "ตามประเภทภารกิจ", _performance_columns("ประเภทภารกิจ"),
              [_performance_row(p) for p in report.by_duty], total),
        Table("ผลการดำเนินงานตามผู้รับผิดชอบ (เรื่องที่มีผู้รับผิดชอบหลายคนนับให้ทุกคน)", "ตามผู้รับผิดชอบ",
              _performance_columns("ผู้รับผิดชอบ"), [_performance_row(p) for p in report.by_person]),
        Table("ระยะเวลาตอบของหน่วยงาน", "หน่วยงานภายนอก", [
            Column("หน่วยงาน", "text"), Column("ตอบแล้ว (คำขอ)"), Column("ตอบทันกำหนด"),
            Column("ร้อยละตอบทันกำหนด", "rate"), Column("มัธยฐานวันทำการที่ใช้ตอบ", "days"),
            Column("ค้างตอบเกินกำหนด"),
        ], [_agency_row(a) for a in report.agencies]),
    ]


def title(report: Report) -> str:
    return f"รายงานผลการดำเนินงาน {report.period.label}"


def subtitle(report: Report, *, thai_digits: bool = False) -> str:
    p = report.period
    span = f"{thai_date(p.start, thai_digits=thai_digits)} ถึง {thai_date(p.end, thai_digits=thai_digits)}"
    return f"{report.scope} · ช่วงวันที่ {span}"


def cell_text(value, kind: str, *, empty: str = "–") -> str:
    """A cell as people read it: `85.7%`, `2.5`, `12`."""
    if value is None:
        return empty
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "days":
        return f"{value:g}" if value == int(value) else f"{value:.1f}"
    return str(value)


def to_csv(report: Report) -> bytes:
    buffer = io.StringIO()
    writer = _Neutralised(csv.writer(buffer))
    writer.writerow([title(report)])
    writer.writerow([subtitle(report)])
    writer.writerow([f"จัดทำเมื่อ {thai_datetime(report.generated_at)}"])
    for table in tables(report):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([c.label for c in table.columns])
        for row in table.rows + ([table.total] if table.total else []):
            writer.writerow([cell_text(v, c.kind, empty="") for v, c in zip(row, table.columns, strict=True)])
    writer.writerow([])
    writer.writerow([ON_TIME_NOTE])
    # A BOM so Excel opens Thai text as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


class _Neutralised:
    """A csv.writer whose text cells cannot run as formulas (prasan.hygiene)."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, values):
        return self.writer.writerow(hygiene.csv_row(values))


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    formats = {"rate": "0.0%", "days": "0.0", "int": "#,##0"}
    for table in tables(report):
        sheet = book.create_sheet(table.sheet)
        # Labels are names of units, people and agencies: typed as text, cleaned (prasan.hygiene).
        for line in ([title(report)], [subtitle(report)], [table.title], [c.label for c in table.columns],
                     *table.rows, *([table.total] if table.total else []), [], [ON_TIME_NOTE]):
            sheet.append(hygiene.xlsx_row(sheet, line))
        sheet["A1"].font = Font(name=FONT, bold=True, size=18)
        for cell in (sheet["A2"], sheet["A3"]):
            cell.font = Font(name=FONT, bold=True, size=16)
        for cell in sheet[4]:
            cell.font = Font(name=FONT, bold=True, size=14)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        last = sheet.max_row - 2
        for line in sheet.iter_rows(min_row=5, max_row=last):
            for cell, column in zip(line, table.columns, strict=False):
                bold = table.total is not None and cell.row == last
                cell.font = Font(name=FONT, size=14, bold=bold)
                if column.kind in formats:
                    cell.number_format = formats[column.kind]
        note = sheet.cell(row=sheet.max_row, column=1)
        note.font = Font(name=FONT, size=12, italic=True)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        # The note spans the table, so it wraps there instead of widening the printed page.
        sheet.merge_cells(start_row=note.row, start_column=1, end_row=note.row, end_column=len(table.columns))
        sheet.column_dimensions["A"].width = 48
        for i in range(2, len(table.columns) + 1):
            sheet.column_dimensions[get_column_letter(i)].width = 16
        sheet.freeze_panes = "B5"
        # Explicit heights: Thai marks above and below need room, and the headers wrap to three lines.
        for row, height in ((1, 30), (2, 26), (3, 26), (4, 66)):
            sheet.row_dimensions[row].height = height
        for row in range(5, sheet.max_row):
            sheet.row_dimensions[row].height = 22
        sheet.row_dimensions[sheet.max_row].height = 90
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(report: Report, office, *, thai_digits: bool = False) -> bytes:
    """The report as printed (documents/render/table_print.py): every figure and date in the digits
    asked for, lines broken between words, headers repeated, no row split across pages."""
    from prasan.documents.render import table_print

    def text(value: str) -> str:
        return to_thai(value) if thai_digits else value

    printed = [
        {
            "title": table.title,
            "columns": [c.label for c in table.columns],
            "numeric": True,
            "rows": [[table_print.cell(cell_text(v, c.kind), thai_digits=thai_digits)
                      for v, c in zip(row, table.columns, strict=True)] for row in table.rows],
            "total": [text(cell_text(v, c.kind)) for v, c in zip(table.total, table.columns, strict=True)]
            if table.total else None,
        }
        for table in tables(report)
    ]
    return table_print.render(title=text(title(report)), office=office, tables=printed, thai_digits=thai_digits,
                              subtitles=(subtitle(report, thai_digits=thai_digits),), notes=(ON_TIME_NOTE,),
                              printed_at=report.generated_at)
