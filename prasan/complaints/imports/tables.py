"""An uploaded export read as a header and rows of text: CSV as Excel or the systems write it (UTF-8 with or without
BOM, Thai Windows cp874), or XLSX (the first sheet; date cells kept as dates). A file that is neither, too big, or
a zip that would unpack to far more than it weighs, is refused with a Thai reason before anything is read."""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from prasan.directory.csvfile import CsvFileError, decode

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
MAX_UNPACKED = 80 * 1024 * 1024  # an XLSX's parts together; a few เมกะไบต์ of rows unpack to some tens of เมกะไบต์
MAX_RATIO = 150  # an XLSX's XML compresses well, a zip bomb far better


class TableError(ValueError):
    """The file as a whole cannot be read; the message is Thai and says why."""

    code = "unreadable"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list]]  # (row number as a spreadsheet shows it, cells: str, or date/datetime from XLSX)
    kind: str  # "csv" or "xlsx"


def read(data: bytes, name: str = "") -> Table:
    if not data:
        raise TableError("ไฟล์ว่างเปล่า")
    if len(data) > MAX_BYTES:
        raise TableError(f"ไฟล์ใหญ่เกิน {MAX_BYTES // (1024 * 1024)} เมกะไบต์: แบ่งไฟล์แล้วนำเข้าทีละส่วน")
    if data.startswith(b"PK\x03\x04"):
        return _xlsx(data)
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise TableError("ไฟล์นี้ชื่อลงท้าย .xlsx แต่เนื้อไฟล์ไม่ใช่ Excel")
    try:
        text = decode(data)
    except CsvFileError as error:
        raise TableError(str(error)) from None
    return _csv(text)


def _csv(text: str) -> Table:
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise TableError(f"อ่านไฟล์ CSV ไม่ได้ ({error})") from None
    return _table(lines, "csv")


def _xlsx(data: bytes) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise TableError("ไฟล์ Excel นี้เสียหรือไม่สมบูรณ์ เปิดด้วย Excel แล้วบันทึกใหม่") from None
    if "xl/workbook.xml" not in archive.namelist():
        raise TableError("ไฟล์นี้เป็นไฟล์บีบอัด ไม่ใช่ไฟล์ Excel (.xlsx)")
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * len(data):
        raise TableError("ไฟล์ Excel นี้เมื่อคลายแล้วใหญ่ผิดปกติ จึงไม่อ่าน: บันทึกเป็น CSV แล้วนำเข้าแทน")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        lines = []
        for values in sheet.iter_rows(values_only=True):
            lines.append([_cell(value) for value in values])
            if len(lines) > MAX_ROWS + 1:
                break
        book.close()
    except Exception:  # openpyxl raises many kinds on a broken workbook; each means the same to the user
        raise TableError("อ่านไฟล์ Excel ไม่ได้ เปิดด้วย Excel แล้วบันทึกใหม่ หรือบันทึกเป็น CSV") from None
    return _table(lines, "xlsx")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a reference number Excel stored as a number: 6912000871.0 → 6912000871
    return str(value)


def _table(lines: list[list], kind: str) -> Table:
    while lines and not any(_filled(cell) for cell in lines[0]):
        lines.pop(0)
    if not lines:
        raise TableError("ไม่มีข้อมูลในไฟล์")
    header = [str(cell).strip().lstrip("\ufeff") for cell in lines[0]]
    rows = [(number, cells) for number, cells in enumerate(lines[1:], start=2) if any(_filled(c) for c in cells)]
    if len(rows) > MAX_ROWS:
        raise TableError(f"นำเข้าได้ครั้งละไม่เกิน {MAX_ROWS:,} แถว: แบ่งไฟล์แล้วนำเข้าทีละส่วน")
    return Table(header, rows, kind)


def _filled(cell) -> bool:
    return not isinstance(cell, str) or bool(cell.strip())


def read_file(path: str, name: str) -> dict:
    """`read` of a file on disk, as JSON (the worker reads uploads in the sandbox: prasan.sandbox talks JSON)."""
    with open(path, "rb") as handle:
        table = read(handle.read(), name)
    return {"header": table.header, "kind": table.kind,
            "rows": [[number, [_json_cell(cell) for cell in cells]] for number, cells in table.rows]}


def from_json(data: dict) -> Table:
    return Table(data["header"], [(number, [_cell_from_json(c) for c in cells]) for number, cells in data["rows"]],
                 data["kind"])


def _json_cell(cell):
    if isinstance(cell, dt.datetime):
        return {"datetime": cell.isoformat()}
    if isinstance(cell, dt.date):
        return {"date": cell.isoformat()}
    return cell


def _cell_from_json(cell):
    if isinstance(cell, dict):
        if "datetime" in cell:
            return dt.datetime.fromisoformat(cell["datetime"])
        return dt.date.fromisoformat(cell["date"])
    return cell
