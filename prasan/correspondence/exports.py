"""The register as the regulation prints it: the same columns for the page, CSV, XLSX and PDF."""

import csv
import datetime as dt
import io

from prasan import hygiene
from prasan.thai.dates import shown_date, shown_datetime
from prasan.thai.digits import to_thai
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


# Column widths (%) of the printed register, A4 landscape: a document number and a date on one line
# in 12 pt, the subject widest.
PRINT_WIDTHS = [7, 14, 12, 14, 14, 22, 10, 7]
INCOMING_PRINT_WIDTHS = [6, 12, 14, 12, 13, 10, 20, 8, 5]


def print_row(entry, *, thai_digits: bool) -> list[str]:
    """The entry's cells as printed: BE dates (abbreviated month, as registers write them), the
    office's digits, lines broken between words."""
    from prasan.documents.render.table_print import cell
    from prasan.thai.dates import thai_date, thai_datetime

    out = []
    for value in values(entry):
        if isinstance(value, dt.datetime):
            value = thai_datetime(value, thai_digits=thai_digits)
        elif isinstance(value, dt.date):
            value = thai_date(value, abbr=True, thai_digits=thai_digits)
        out.append(cell(value, thai_digits=thai_digits))
    return out


def to_pdf(register: str, title: str, office, entries) -> bytes:
    """The register as printed (documents/render/table_print.py), in the office's document digits;
    marked with the highest secrecy among the entries printed, on every page."""
    from django.utils import timezone

    from prasan.documents.render import table_print
    from prasan.matters.choices import Secrecy
    from prasan.thai.preferences import document_digits

    thai_digits = document_digits() == "thai"
    entries = list(entries)
    highest = max((e.secrecy for e in entries), default=0)
    table = {"kind": "register", "columns": columns(register),
             "widths": INCOMING_PRINT_WIDTHS if register == Register.INCOMING else PRINT_WIDTHS,
             "rows": [print_row(e, thai_digits=thai_digits) for e in entries],
             "empty": "ยังไม่มีรายการในทะเบียนนี้"}
    count = f"{len(entries):,} รายการ"
    return table_print.render(
        title=title, office=office, tables=[table], thai_digits=thai_digits,
        subtitles=(to_thai(count) if thai_digits else count,),
        secrecy=Secrecy(highest).label if highest else "", printed_at=timezone.now())
