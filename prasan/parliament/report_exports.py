"""The session report as tables, the same for the page, CSV, XLSX (real date cells) and PDF."""

import csv
import io

from prasan import hygiene
from prasan.thai.dates import shown_date, thai_date, thai_datetime
from prasan.thai.digits import to_thai
from prasan.thai.spreadsheet import date_format
from prasan.tracking.report_exports import FONT, Column, Table, cell_text

from .choices import ItemKind, Status
from .report import Report, Tally

NOTE = ("ทันกำหนด = ตอบในหรือก่อนวันกำหนดส่ง (ตามกำหนดในหนังสือ หรือกำหนดตามประเภทที่สำนักงานตั้งไว้) นับเฉพาะรายการที่ตอบแล้ว"
        "และมีกำหนดส่ง; เลื่อน = รายการที่ถูกเลื่อนอย่างน้อยหนึ่งครั้ง; วันเฉลี่ย = วันทำการจากวันรับเรื่องถึงวันตอบ "
        "ไม่นับวันหยุดราชการ; หน่วยงาน = หน่วยงานที่ตอบคำขอข้อมูลของรายการนั้น (รายการหนึ่งอาจนับให้หลายหน่วยงาน)")
COLUMNS = [Column("รับ"), Column("ตอบแล้ว"), Column("ตอบทันกำหนด"), Column("ร้อยละทันกำหนด", "rate"),
           Column("เลื่อน"), Column("ตกไป"), Column("ถอน"), Column("ยังไม่แล้วเสร็จ"),
           Column("วันทำการเฉลี่ยจนตอบ", "days")]
DETAIL = ["ประเภท", "เลขที่", "เรื่อง", "ถามรัฐมนตรี", "สถานะ", "รับเมื่อ", "วันประชุม/วันตอบ", "กำหนดส่ง", "ตอบเมื่อ",
          "เลื่อน (ครั้ง)", "ทันกำหนด"]
DATE_COLUMNS = {5, 6, 7, 8}


def _row(t: Tally) -> list:
    return [t.label, t.received, t.answered, t.on_time, t.on_time_rate, t.postponed, t.lapsed, t.withdrawn,
            t.open, t.average_days]


def tables(report: Report) -> list[Table]:
    total = _row(report.total)
    return [
        Table("ตามประเภท", "ตามประเภท", [Column("ประเภท", "text"), *COLUMNS],
              [_row(t) for t in report.by_kind], total),
        Table("ตามรัฐมนตรีผู้ถูกถาม", "ตามรัฐมนตรี", [Column("รัฐมนตรี", "text"), *COLUMNS],
              [_row(t) for t in report.by_minister], total),
        Table("ตามหน่วยงานที่ให้ข้อมูลคำตอบ", "ตามหน่วยงาน", [Column("หน่วยงาน", "text"), *COLUMNS],
              [_row(t) for t in report.by_agency]),
    ]


def title(report: Report) -> str:
    return f"รายงานงานรัฐสภา {report.session.name}"


def subtitle(report: Report, *, thai_digits: bool = False) -> str:
    s = report.session
    return (f"{report.scope} · {thai_date(s.starts_on, thai_digits=thai_digits)} ถึง "
            f"{thai_date(s.ends_on, thai_digits=thai_digits)}")


def detail_rows(report: Report) -> list[list]:
    """Every item, dates kept as dates (text in the CSV, date cells in the XLSX)."""
    return [[ItemKind(r.kind).label, r.number, r.subject, r.minister, Status(r.status).label, r.received_on,
             r.sitting_on, r.due_on, r.answered_on, r.postponements,
             "" if r.on_time is None else ("ทัน" if r.on_time else "ไม่ทัน")] for r in report.rows]


def to_csv(report: Report) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values):
        writer.writerow(hygiene.csv_row(values))

    line([title(report)])
    line([subtitle(report)])
    line([f"จัดทำเมื่อ {thai_datetime(report.generated_at)}"])
    for table in tables(report):
        line([])
        line([table.title])
        line([c.label for c in table.columns])
        for row in table.rows + ([table.total] if table.total else []):
            line([cell_text(v, c.kind, empty="") for v, c in zip(row, table.columns, strict=True)])
    line([])
    line(["รายการทั้งหมด"])
    line(DETAIL)
    for row in detail_rows(report):
        line([shown_date(v) if i in DATE_COLUMNS and v else v for i, v in enumerate(row)])
    line([])
    line([NOTE])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    formats = {"rate": "0.0%", "days": "0.0", "int": "#,##0"}
    for table in tables(report):
        sheet = book.create_sheet(table.sheet)
        for line in ([title(report)], [subtitle(report)], [table.title], [c.label for c in table.columns],
                     *table.rows, *([table.total] if table.total else []), [], [NOTE]):
            sheet.append(hygiene.xlsx_row(sheet, line))
        sheet["A1"].font = Font(name=FONT, bold=True, size=16)
        for cell in sheet[4]:
            cell.font = Font(name=FONT, bold=True, size=14)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for line in sheet.iter_rows(min_row=5, max_row=sheet.max_row - 2):
            for cell, column in zip(line, table.columns, strict=False):
                cell.font = Font(name=FONT, size=14)
                if column.kind in formats:
                    cell.number_format = formats[column.kind]
        sheet.column_dimensions["A"].width = 44
        for i in range(2, len(table.columns) + 1):
            sheet.column_dimensions[get_column_letter(i)].width = 13
        sheet.freeze_panes = "B5"
    sheet = book.create_sheet("รายการทั้งหมด")
    sheet.append(hygiene.xlsx_row(sheet, [title(report)]))
    sheet.append(hygiene.xlsx_row(sheet, DETAIL))
    dates = date_format()
    for row in detail_rows(report):
        sheet.append([hygiene.xlsx_cell(sheet, v, number_format=dates) if i in DATE_COLUMNS and v is not None
                      else hygiene.xlsx_cell(sheet, v) for i, v in enumerate(row)])
    for i, width in enumerate([28, 12, 50, 30, 18, 14, 14, 14, 14, 10, 10], start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(report: Report, office, *, thai_digits: bool = False) -> bytes:
    """Printed as the registers and the other reports are (documents/render/table_print.py): figures in the
    digits asked for, lines broken between words, the header row on every page, no row split."""
    from prasan.documents.render import table_print

    def text(value: str) -> str:
        return to_thai(value) if thai_digits else value

    printed = [{
        "title": table.title, "columns": [c.label for c in table.columns], "numeric": True,
        "rows": [[table_print.cell(cell_text(v, c.kind), thai_digits=thai_digits)
                  for v, c in zip(row, table.columns, strict=True)] for row in table.rows],
        "total": [text(cell_text(v, c.kind)) for v, c in zip(table.total, table.columns, strict=True)]
        if table.total else None,
    } for table in tables(report)]
    return table_print.render(title=text(title(report)), office=office, tables=printed, thai_digits=thai_digits,
                              subtitles=(subtitle(report, thai_digits=thai_digits),), notes=(NOTE,),
                              printed_at=report.generated_at)
