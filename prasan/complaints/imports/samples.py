"""Sample exports of the 1111 centre and of Traffy Fondue, CSV and XLSX, as those systems write them (see systems.py
for where each layout comes from). The files in docs/samples/complaints/ are written by `write_all`; tests and the
import page's "ตัวอย่างไฟล์" links use the same rows. Every name, number and event is invented."""

import csv
import datetime as dt
import io
from pathlib import Path

from .systems import HOTLINE

HOTLINE_HEADER = [names[0] for names in HOTLINE.columns.values()]
TRAFFY_HEADER = ["ticket_id", "type", "organization", "description", "photo", "latitude", "longitude", "address",
                 "subdistrict", "district", "province", "timestamp", "photo_after", "timestamp_inprogress",
                 "timestamp_finished", "org_finished", "status", "confirmed", "star", "count_reopen", "last_activity"]

# (case code, received, 1111's channel, objective, type, summary, detail, place, subdistrict, district, province,
#  about, secret, title, first name, last name, citizen ID, phone, e-mail, address, agency, status)
HOTLINE_ROWS = [
    ("6912000871", dt.datetime(2026, 12, 1, 9, 12), "สายด่วน 1111", "ร้องเรียน", "การรับนักเรียน",
     "โรงเรียนไม่รับบุตรเข้าเรียนชั้นอนุบาล 1 ทั้งที่อยู่ในเขตบริการ",
     "ผู้ร้องแจ้งว่าโรงเรียนอนุบาลชลบุรีไม่รับบุตรเข้าเรียนชั้นอนุบาล 1 ทั้งที่มีทะเบียนบ้านอยู่ในเขตบริการของโรงเรียน "
     "ขอให้ตรวจสอบหลักเกณฑ์การรับนักเรียน", "โรงเรียนอนุบาลชลบุรี", "บางปลาสร้อย", "เมืองชลบุรี", "ชลบุรี",
     "โรงเรียนอนุบาลชลบุรี", "ไม่ใช่", "นาง", "บุษบา", "แก้วกาญจนา", "3200100456781", "081-555-0101",
     "busaba.k@example.com", "99/1 หมู่ 2 ตำบลบางปลาสร้อย อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000",
     "กระทรวงศึกษาธิการ", "ส่งหน่วยงานแล้ว"),
    ("6912000902", dt.datetime(2026, 12, 1, 14, 40), "เว็บไซต์ 1111", "ร้องเรียน", "ค่าธรรมเนียม/เงินบำรุงการศึกษา",
     "เรียกเก็บเงินบำรุงการศึกษาโดยไม่ออกใบเสร็จ",
     "ผู้อำนวยการโรงเรียนวัดสระแก้วเรียกเก็บเงินค่าบำรุงการศึกษาคนละ 2,000 บาท โดยไม่ออกใบเสร็จรับเงิน",
     "โรงเรียนวัดสระแก้ว", "ทะเลชุบศร", "เมืองลพบุรี", "ลพบุรี", "ผู้อำนวยการโรงเรียนวัดสระแก้ว", "ใช่", "นาย",
     "สมศักดิ์", "ใจดี", "", "089-111-2233", "", "", "กระทรวงศึกษาธิการ", "ส่งหน่วยงานแล้ว"),
    ("6912001015", dt.datetime(2026, 12, 2, 10, 5), "ตู้ ปณ. 1111", "ขอความช่วยเหลือ", "สวัสดิการและเงินเดือน",
     "ครูอัตราจ้างไม่ได้รับค่าจ้าง 4 เดือน",
     "ผู้ร้องเป็นครูอัตราจ้างโรงเรียนบ้านคลองใหม่ ไม่ได้รับค่าจ้างตั้งแต่เดือนสิงหาคม 2569",
     "", "คลองใหม่", "สามพราน", "นครปฐม", "โรงเรียนบ้านคลองใหม่", "ไม่ใช่", "นาย", "ธนพล", "วงศ์ใหญ่", "",
     "061-777-2345", "thanapol.w@example.net", "", "กระทรวงศึกษาธิการ", "อยู่ระหว่างดำเนินการ"),
    ("6912001188", dt.datetime(2026, 12, 3, 8, 30), "สายด่วน 1111", "ร้องเรียน", "ความประพฤติของครูและบุคลากร",
     "ครูลงโทษนักเรียนด้วยการตี",
     "บุตรของผู้ร้องถูกครูประจำชั้นตีจนได้รับบาดเจ็บ ผู้ร้องขอไม่เปิดเผยชื่อเพราะเกรงบุตรจะถูกกลั่นแกล้ง",
     "โรงเรียนบ้านโนนทอง", "โนนทอง", "เมืองขอนแก่น", "ขอนแก่น", "ครูประจำชั้น โรงเรียนบ้านโนนทอง", "ใช่", "นางสาว",
     "กมลา", "ศรีวงศ์", "", "086-222-3344", "", "", "กระทรวงศึกษาธิการ", "ส่งหน่วยงานแล้ว"),
    ("6912001230", dt.datetime(2026, 12, 3, 16, 2), "แอปพลิเคชันไลน์ 1111", "ร้องเรียน", "อาคารสถานที่และความปลอดภัย",
     "หลังคาอาคารเรียนรั่ว เพดานถล่ม",
     "เพดานห้องเรียนชั้น ป.3 ถล่มลงมาหลังฝนตกหนัก โชคดีไม่มีนักเรียนบาดเจ็บ ขอให้ซ่อมแซมโดยเร็ว",
     "โรงเรียนบ้านหนองบัว", "หนองบัว", "เมืองอุดรธานี", "อุดรธานี", "โรงเรียนบ้านหนองบัว", "ไม่ใช่", "", "", "", "",
     "", "", "", "กระทรวงศึกษาธิการ", "ส่งหน่วยงานแล้ว"),
]

# Traffy Fondue: reports a district office sent on to the ministry (school matters the district cannot act on).
TRAFFY_ROWS = [
    ("2026-9FKQ3T", "{อาคาร,ความปลอดภัย}", "สำนักงานเขตบางเขน",
     "อาคารเรียนของวิทยาลัยอาชีวศึกษาบางเขนผนังแตกร้าว เสี่ยงพังถล่ม", 13.873412, 100.596871,
     "ถนนพหลโยธิน แขวงอนุสาวรีย์ เขตบางเขน กรุงเทพมหานคร 10220", "อนุสาวรีย์", "บางเขน", "กรุงเทพมหานคร",
     dt.datetime(2026, 11, 28, 7, 45, 12, 114203), "ส่งต่อ(ใหม่)"),
    ("2026-HJK8WQ", "{ทางเท้า,กีดขวาง}", "สำนักงานเขตจตุจักร",
     "รถรับส่งนักเรียนโรงเรียนวัดเสมียนนารีจอดบนทางเท้าหน้าโรงเรียนทุกเช้า คนเดินต้องลงไปเดินบนถนน", 13.826951,
     100.567203, "ถนนกำแพงเพชร 6 แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร 10900", "ลาดยาว", "จตุจักร",
     "กรุงเทพมหานคร", dt.datetime(2026, 11, 30, 7, 2, 55, 908112), "ส่งต่อ(ใหม่)"),
    ("2026-M2ZP7D", "{ความสะอาด}", "สำนักงานเขตดินแดง",
     "ขยะกองหลังโรงเรียนไม่มีคนเก็บ ส่งกลิ่นเหม็นเข้าห้องเรียน", 13.770311, 100.552940,
     "ซอยประชาสงเคราะห์ 20 แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400", "ดินแดง", "ดินแดง", "กรุงเทพมหานคร",
     dt.datetime(2026, 12, 1, 18, 20, 3, 500021), "กำลังดำเนินการ"),
    ("2026-R7TQ1C", "{ความปลอดภัย,จราจร}", "สำนักงานเขตบางกะปิ",
     "ไม่มีครูหรือเจ้าหน้าที่ช่วยข้ามถนนหน้าโรงเรียนช่วงเลิกเรียน เด็กเกือบถูกรถชน", 13.765512, 100.647118,
     "ถนนลาดพร้าว แขวงคลองจั่น เขตบางกะปิ กรุงเทพมหานคร 10240", "คลองจั่น", "บางกะปิ", "กรุงเทพมหานคร",
     dt.datetime(2026, 12, 2, 16, 41, 37, 2211), "ส่งต่อ(ใหม่)"),
]


def hotline_table(rows=HOTLINE_ROWS, *, dates_as_text: bool) -> list[list]:
    out = [list(HOTLINE_HEADER)]
    for row in rows:
        cells = list(row)
        if dates_as_text and isinstance(cells[1], dt.datetime):
            moment = cells[1]
            cells[1] = f"{moment.day}/{moment.month}/{moment.year + 543} {moment:%H:%M}"
        out.append(cells)
    return out


def traffy_table(rows=TRAFFY_ROWS, *, dates_as_text: bool = True) -> list[list]:
    out = [list(TRAFFY_HEADER)]
    for ref, kind, org, text, lat, lon, address, sub, district, province, moment, status in rows:
        stamp = moment.isoformat(sep=" ") if dates_as_text else moment
        photo = f"https://storage.googleapis.com/traffy_public_bucket/attachment/{moment:%Y-%m}/{ref.lower()}.jpeg"
        out.append([ref, kind, org, text, photo, lat, lon, address, sub, district, province, stamp, "", "", "", "",
                    status, "", "", 0, stamp])
    return out


def to_csv(table: list[list]) -> bytes:
    """UTF-8 with a BOM, as both systems' downloads are (Excel then reads the Thai right)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: list[list], sheet: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in table:
        ws.append(row)
    for cell in ws["B" if sheet == "1111" else "L"][1:]:
        cell.number_format = "dd/mm/yyyy hh:mm"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SAMPLES = {
    "1111-export.csv": lambda: to_csv(hotline_table(dates_as_text=True)),
    "1111-export.xlsx": lambda: to_xlsx(hotline_table(dates_as_text=False), "1111"),
    "traffy-fondue-export.csv": lambda: to_csv(traffy_table()),
    "traffy-fondue-export.xlsx": lambda: to_xlsx(traffy_table(dates_as_text=False), "traffy"),
}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SAMPLES.items():
        (folder / name).write_bytes(make())
        written.append(folder / name)
    return written
