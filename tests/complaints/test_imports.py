"""1111 and Traffy Fondue exports imported as complaints: each system's CSV and XLSX read, every row filed with its
reference number and nothing more, a second import skipping what is there, bad rows refused whole with Thai reasons,
files that are not exports refused before anything is saved."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.complaints.imports import run, samples, tables
from prasan.complaints.models import Complaint
from prasan.directory.models import Office

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples" / "complaints"


def load(data: bytes, name: str, by, **options):
    return run.import_table(Office.current(), tables.read(data, name), by=by, **options)


@pytest.mark.parametrize("name", ["1111-export.csv", "1111-export.xlsx"])
def test_a_1111_export_becomes_complaints_with_their_case_codes(office, users, name):
    report = load((SAMPLES / name).read_bytes(), name, users["registrar"])
    assert report.system.channel == "hotline_1111"
    assert (len(report.created), report.skipped, report.refused) == (5, [], [])
    first = Complaint.objects.get(channel="hotline_1111", channel_ref="6912000871")
    assert first.complainant_name == "นางบุษบา แก้วกาญจนา" and first.complainant_phone == "081-555-0101"
    assert first.province == "ชลบุรี" and first.about == "โรงเรียนอนุบาลชลบุรี"
    assert timezone.localtime(first.received_at).replace(tzinfo=None) == dt.datetime(2026, 12, 1, 9, 12)
    assert first.category and first.category.name == "การรับนักเรียน"
    assert "ส่งหน่วยงานแล้ว" in first.details and "สายด่วน 1111" in first.details
    secret = Complaint.objects.get(channel_ref="6912000902")
    assert secret.anonymous is True and secret.disclose_to_agency is False
    assert first.matter.duty_type == "complaint"


def test_the_citizen_id_number_in_a_1111_export_is_never_kept(office, users):
    load((SAMPLES / "1111-export.csv").read_bytes(), "x.csv", users["registrar"])
    for complaint in Complaint.objects.all():
        assert "3200100456781" not in " ".join(str(v) for v in complaint.__dict__.values())


@pytest.mark.parametrize("name", ["traffy-fondue-export.csv", "traffy-fondue-export.xlsx"])
def test_a_traffy_fondue_export_becomes_complaints_with_their_ticket_ids(office, users, name):
    report = load((SAMPLES / name).read_bytes(), name, users["registrar"])
    assert report.system.channel == "traffy_fondue"
    assert (len(report.created), report.skipped, report.refused) == (4, [], [])
    ticket = Complaint.objects.get(channel="traffy_fondue", channel_ref="2026-HJK8WQ")
    assert ticket.subject.startswith("ทางเท้า, กีดขวาง: รถรับส่งนักเรียน")
    assert ticket.district == "จตุจักร" and ticket.province == "กรุงเทพมหานคร"
    assert "13.826951" in ticket.details and "สำนักงานเขตจตุจักร" in ticket.details
    assert not ticket.has_contact  # Traffy passes on nobody's identity: status page only


def test_importing_the_same_export_again_skips_every_row(office, users):
    data = (SAMPLES / "1111-export.xlsx").read_bytes()
    load(data, "a.xlsx", users["registrar"])
    again = load((SAMPLES / "1111-export.csv").read_bytes(), "a.csv", users["registrar"])
    assert (again.created, len(again.skipped), again.refused) == ([], 5, [])
    assert Complaint.objects.count() == 5
    assert AuditEvent.objects.filter(action="complaints.import").count() == 1  # nothing done, nothing logged


def test_bad_rows_are_refused_whole_with_thai_reasons_and_the_rest_imported(office, users):
    rows = [list(r) for r in samples.HOTLINE_ROWS[:2]]
    rows.append(["", "1/12/2569 10:00", "", "", "", "ไม่มีเลข", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                 "", ""])
    rows.append(["6912009999", "31/2/2569", *rows[0][2:]])
    rows.append(["6912008888", "1/12/2569", *rows[0][2:5], "", "", *rows[0][7:]])
    rows.append(["6912007777", "1/12/2569", *rows[0][2:18], "ไม่ใช่อีเมล", *rows[0][19:]])
    rows.append(["6912000871", "2/12/2569", *rows[0][2:]])  # the same case code as the first row
    data = samples.to_csv(samples.hotline_table(rows, dates_as_text=True))
    report = load(data, "bad.csv", users["registrar"])
    assert [ref for _, ref, _ in report.created] == ["6912000871", "6912000902"]
    reasons = {number: " ".join(why) for number, _, why in report.refused}
    assert "ไม่มีเลขที่เรื่อง" in reasons[4]
    assert "วันที่รับเรื่อง" in reasons[5]
    assert "ไม่มีเรื่องและรายละเอียด" in reasons[6]
    assert "อีเมลผู้ร้อง" in reasons[7]
    assert "ซ้ำกับแถวที่ 2" in reasons[8]
    assert set(Complaint.objects.values_list("channel_ref", flat=True)) == {"6912000871", "6912000902"}


def test_a_future_date_is_refused(office, users):
    rows = [["6912005555", "1/12/2580 10:00", *samples.HOTLINE_ROWS[0][2:]]]
    report = load(samples.to_csv(samples.hotline_table(rows, dates_as_text=True)), "f.csv", users["registrar"])
    assert "อนาคต" in report.refused[0][2][0] and not Complaint.objects.exists()


def test_a_thai_windows_csv_is_read(office, users):
    text = (SAMPLES / "1111-export.csv").read_bytes().decode("utf-8-sig")
    report = load(text.encode("cp874"), "win.csv", users["registrar"])
    assert len(report.created) == 5


@pytest.mark.parametrize(("data", "name", "says"), [
    (b"", "x.csv", "ว่างเปล่า"),
    (b"a,b,c\n1,2,3\n", "x.csv", "ไม่รู้จักรูปแบบไฟล์"),
    (b"%PDF-1.7 ...", "x.csv", "PDF"),
    (b"PK\x03\x04 not really", "x.xlsx", "เสียหรือไม่สมบูรณ์"),
    (b"just text", "x.xlsx", "ไม่ใช่ Excel"),
])
def test_a_file_that_is_not_an_export_is_refused_in_thai(office, users, data, name, says):
    with pytest.raises(tables.TableError) as refused:
        load(data, name, users["registrar"])
    assert says in str(refused.value)
    assert not Complaint.objects.exists()


def test_an_xlsx_that_would_unpack_to_far_more_than_it_weighs_is_not_opened(office, users):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<" + "a" * 30_000_000 + "/>")
    with pytest.raises(tables.TableError, match="ใหญ่ผิดปกติ"):
        load(out.getvalue(), "bomb.xlsx", users["registrar"])


def test_a_dry_run_saves_nothing(office, users):
    report = load((SAMPLES / "traffy-fondue-export.csv").read_bytes(), "t.csv", users["registrar"], dry_run=True)
    assert len(report.created) == 4 and not Complaint.objects.exists()


def test_the_command_shows_progress_and_refusals(office, users, capsys):
    call_command("import_complaints", str(SAMPLES / "traffy-fondue-export.xlsx"))
    out = capsys.readouterr()
    assert "Traffy Fondue: 4 แถว" in out.out and "นำเข้าแล้ว 4 เรื่อง" in out.out
    assert "กำลังนำเข้า 4/4" in out.err
    call_command("import_complaints", str(SAMPLES / "traffy-fondue-export.csv"))
    assert "นำเข้าไว้ก่อนแล้ว (ข้าม) 4 เรื่อง" in capsys.readouterr().out


def test_the_samples_on_disk_are_the_ones_the_code_writes(tmp_path):
    for path in samples.write_all(tmp_path):
        if path.suffix == ".csv":
            assert path.read_bytes() == (SAMPLES / path.name).read_bytes()
