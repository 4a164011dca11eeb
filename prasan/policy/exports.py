"""The roll-up as a workbook (openpyxl): one sheet of agencies with progress, indicators and milestones, one of
every report period, one of what is late — dates as real date cells shown in the Buddhist era."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from prasan.thai.spreadsheet import cell_value, date_format

from .choices import Light
from .units import number

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "TH Sarabun New"
FILLS = {Light.GREEN: "C6EFCE", Light.AMBER: "FFEB9C", Light.RED: "FFC7CE", Light.GREY: "EDEDED"}


def _fill(cell, light):
    cell.fill = PatternFill("solid", fgColor=FILLS[light])


def _header(sheet, labels):
    sheet.append(labels)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(name=FONT, bold=True, size=14)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def xlsx(data) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "สรุปตามหน่วยงาน"
    policy = data.policy
    sheet.append([f"{policy.matter.number} {policy.title}"])
    sheet.append([f"ความก้าวหน้าโดยรวมเฉลี่ยร้อยละ {data.progress}"])
    _header(sheet, ["หน่วยงาน", "บทบาท", "สถานะ", "ความก้าวหน้าล่าสุด (ร้อยละ)", "รายงานแล้ว/ถึงกำหนด",
                    *(f"{i.name} ({i.unit}) เป้าหมาย {number(i.target)}" for i in data.indicators), "ขั้นงาน"])
    for row in data.rows:
        c = row.commitment
        sheet.append([c.agency.name, c.get_role_display(), Light(row.light).label,
                      float(row.progress_value) if row.progress_value is not None else None,
                      f"{row.reported}/{row.due_count}", *(cell.text for cell in row.indicators),
                      "; ".join(f"{m.title}: {m.text}" for m in row.milestones)])
        _fill(sheet.cell(sheet.max_row, 3), row.light)
        for offset, cell in enumerate(row.indicators):
            _fill(sheet.cell(sheet.max_row, 6 + offset), cell.light)
    sheet.column_dimensions["A"].width = 45

    periods = book.create_sheet("งวดรายงาน")
    _header(periods, ["หน่วยงาน", "งวด", "สถานะ"])
    for row in data.rows:
        for cell in row.periods:
            periods.append([row.commitment.agency.name, cell.text, cell.title])
            _fill(periods.cell(periods.max_row, 3), cell.light)
    periods.column_dimensions["A"].width = 45
    periods.column_dimensions["C"].width = 50

    late = book.create_sheet("ค้าง-ล่าช้า")
    _header(late, ["หน่วยงาน", "รายการ", "เกินกำหนดตั้งแต่", "วันทำการ"])
    for item in data.late:
        late.append([item.agency, item.what, cell_value(item.since), item.working_days])
        late.cell(late.max_row, 3).number_format = date_format()
    late.column_dimensions["A"].width = 45
    for ws in book.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                if not cell.font.bold:
                    cell.font = Font(name=FONT, size=14)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
