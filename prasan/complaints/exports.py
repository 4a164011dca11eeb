"""Tables out as CSV (UTF-8 with BOM, for Excel) and XLSX (Buddhist-era date cells), with formula injection
neutralised (prasan.hygiene): the complaint list, the reports, the record of processing, a data subject's export."""

import csv
import datetime as dt
import io

from prasan import hygiene
from prasan.thai.dates import shown_date, shown_datetime
from prasan.thai.spreadsheet import cell_value, date_format
from prasan.tracking.report_exports import FONT


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return shown_datetime(value)
    if isinstance(value, dt.date):
        return shown_date(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    return value


def to_csv(title: str, header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(hygiene.csv_row([title]))
    writer.writerow(hygiene.csv_row(header))
    for row in rows:
        writer.writerow(hygiene.csv_row([_text(v) for v in row]))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(title: str, header: list[str], rows: list[list], *, sheet_name: str = "ข้อมูล") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    sheet.append(hygiene.xlsx_row(sheet, [title]))
    sheet.append(hygiene.xlsx_row(sheet, header))
    sheet["A1"].font = Font(name=FONT, bold=True, size=16)
    dates, moments = date_format(), date_format(time=True)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, dt.datetime):
                cells.append(hygiene.xlsx_cell(sheet, cell_value(value), number_format=moments))
            elif isinstance(value, dt.date):
                cells.append(hygiene.xlsx_cell(sheet, value, number_format=dates))
            else:
                cells.append(hygiene.xlsx_cell(sheet, "" if value is None else _text(value)))
        sheet.append(cells)
    for i in range(1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(i)].width = 22
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
