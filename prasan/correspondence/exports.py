"""The register as the regulation prints it: the same columns for the page, CSV, XLSX and PDF."""

import csv
import datetime as dt
import io

from prasan import hygiene
from prasan.thai.dates import shown_date, shown_datetime
from prasan.thai.spreadsheet import cell_value, date_format

from .models import Register

COLUMNS = ["เลขทะเบียน", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]
INCOMING_COLUMNS = ["เลขทะเบียนรับ", "วันเวลาที่รับ"] + COLUMNS[1:]


def columns(register: str) -> list[str]:
    return INCOMING_COLUMNS if register == Register.INCOMING else COLUMNS


def values(entry) -> list:
    """The entry's cells, dates as dates (the XLSX writes them as date cells)."""
    remark = entry.remark
    if entry.status == "cancelled":
        remark = f"ยกเลิก: {entry.cancel_reason}" + (f" ({remark})" if remark else "")
    elif entry.status == "reserved":
        remark = "จองเลข" + (f" ({remark})" if remark else "")
    cells = [
        f"{entry.number}/{entry.year}", entry.doc_number, entry.letter_date,
        entry.sender, entry.recipient, entry.subject, entry.action, remark,
    ]
    if entry.register == Register.INCOMING:
        cells.insert(1, entry.registered_at)
    return cells


def row(entry) -> list[str]:
    """The entry's cells as the page, the CSV and the PDF print them (BE dates)."""
    return [_text(value) for value in values(entry)]


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return shown_datetime(value)
    if isinstance(value, dt.date):
        return shown_date(value)
    return "" if value is None else value


def to_csv(register: str, entries) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns(register))
    for entry in entries:
        writer.writerow(hygiene.csv_row(row(entry)))
    # A BOM so Excel opens Thai text as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(register: str, title: str, entries) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "ทะเบียน"
    sheet.append([hygiene.xlsx_cell(sheet, title)])
    sheet["A1"].font = Font(name="TH Sarabun New", bold=True, size=16)
    sheet.append(columns(register))
    for cell in sheet[2]:
        cell.font = Font(name="TH Sarabun New", bold=True, size=14)
    for entry in entries:
        sheet.append([hygiene.xlsx_cell(sheet, cell_value(v)) for v in values(entry)])
    widths = [14, 18, 14, 30, 30, 60, 30, 24] if register != Register.INCOMING else [14, 20, 18, 14, 30, 30, 60, 30, 24]
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    day, moment = date_format(), date_format(time=True)
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name="TH Sarabun New", size=14)
            if isinstance(cell.value, dt.datetime):
                cell.number_format = moment
            elif isinstance(cell.value, dt.date):
                cell.number_format = day
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(register: str, title: str, office, entries) -> bytes:
    from django.template.loader import render_to_string

    from prasan.documents.render.pdf import html_to_pdf

    html = render_to_string("correspondence/register_print.html", {
        "title": title, "office": office, "columns": columns(register), "rows": [row(e) for e in entries],
    })
    return html_to_pdf(html)
