"""XLSX exports hold real dates (they sort and filter as dates) in a number format that shows the
Buddhist era with Thai month names, in Excel and in LibreOffice."""

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prasan.correspondence import numbering
from prasan.thai.spreadsheet import date_format

DAY = "[$-107041E]d mmm yyyy"
MOMENT = "[$-107041E]d mmm yyyy hh:mm"


def test_the_format_names_the_thai_buddhist_calendar_and_the_digits():
    assert date_format(thai_digits=False) == DAY
    assert date_format(time=True, thai_digits=False) == MOMENT
    assert date_format(thai_digits=True) == "[$-D07041E]d mmm yyyy"


def _sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                    else response.content)).active


@pytest.mark.django_db
def test_the_matter_list_xlsx_has_date_cells_in_be_format(login, users, make_matter):
    make_matter(title="เรื่องมีกำหนด", external_deadline=dt.date(2026, 12, 7), internal_deadline=dt.date(2026, 12, 4))
    sheet = _sheet(login(users["head"]).get(reverse("matter-export", args=["xlsx"])))
    header = [c.value for c in sheet[2]]
    row = sheet[3]
    external = row[header.index("กำหนดส่ง")]
    assert external.is_date and external.value.date() == dt.date(2026, 12, 7)
    assert external.number_format == DAY
    received = row[header.index("วันที่รับเรื่อง")]
    assert received.is_date and received.value.date() == timezone.localdate()


@pytest.mark.django_db
def test_the_matter_list_csv_keeps_be_text(login, users, make_matter):
    make_matter(title="เรื่องมีกำหนด", external_deadline=dt.date(2026, 12, 7))
    response = login(users["head"]).get(reverse("matter-export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][rows[0].index("กำหนดส่ง")] == "7 ธ.ค. 2569"


@pytest.mark.django_db
def test_the_incoming_register_xlsx_has_a_date_and_a_moment(login, users, office):
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="ขอข้อมูล", sender="สพฐ.",
                             letter_date=dt.date(2026, 11, 28))
    sheet = _sheet(login(users["registrar"]).get(reverse("register-export", args=["incoming", "xlsx"])))
    header = [c.value for c in sheet[2]]
    row = sheet[3]
    letter = row[header.index("ลงวันที่")]
    assert letter.is_date and letter.value.date() == dt.date(2026, 11, 28) and letter.number_format == DAY
    received = row[header.index("วันเวลาที่รับ")]
    assert received.is_date and received.number_format == MOMENT
    # Bangkok wall-clock time: Excel has no time zones
    assert abs(received.value - timezone.localtime().replace(tzinfo=None)) < dt.timedelta(minutes=5)


@pytest.mark.django_db
def test_the_office_setting_for_thai_digits_reaches_the_cells(login, users, office, make_matter):
    office.screen_digits = "thai"
    office.save()
    make_matter(external_deadline=dt.date(2026, 12, 7))
    sheet = _sheet(login(users["head"]).get(reverse("matter-export", args=["xlsx"])))
    assert sheet["I3"].number_format == "[$-D07041E]d mmm yyyy"


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")


@pytest.mark.skipif(not shutil.which("soffice") or not CALC.exists(),
                    reason="ไม่มี LibreOffice Calc (ไม่บังคับ: apt-get install libreoffice-calc-nogui)")
@pytest.mark.django_db
def test_libreoffice_shows_the_cells_as_buddhist_era_dates(login, users, make_matter, tmp_path):
    make_matter(title="เรื่องมีกำหนด", external_deadline=dt.date(2026, 12, 7))
    sheet_path = tmp_path / "matters.xlsx"
    response = login(users["head"]).get(reverse("matter-export", args=["xlsx"]))
    sheet_path.write_bytes(b"".join(response.streaming_content))
    # "as shown" (the 9th token): the text LibreOffice displays in each cell, not the stored number
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,1054,false,true,true", "--outdir", str(tmp_path),
                    str(sheet_path)], check=True, capture_output=True, timeout=180)
    rows = list(csv.reader((tmp_path / "matters.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[2][rows[1].index("กำหนดส่ง")] == "7 ธ.ค. 2569"
