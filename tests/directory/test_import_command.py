import pytest
from django.core.management import CommandError, call_command

from prasan.directory.models import Agency

from .conftest import csv_text

GOOD = [["สำนักงานเลขาธิการสภาการศึกษา", "สกศ.", "", "", "saraban@onec.example", "", "", ""]]
BAD = GOOD + [["สำนักงานส่งเสริมการเรียนรู้", "สกร.", "สป.", "", "not-an-email", "", "", ""]]


def test_it_prints_a_thai_summary(db, tmp_path, capsys):
    path = tmp_path / "agencies.csv"
    path.write_text(csv_text(GOOD), encoding="utf-8-sig")

    call_command("import_agencies", str(path))

    assert "เพิ่มหน่วยงานใหม่ 1 แห่ง" in capsys.readouterr().out
    assert Agency.objects.filter(abbreviation="สกศ.").exists()


def test_it_fails_with_every_row_error_and_writes_nothing(db, tmp_path, capsys):
    path = tmp_path / "agencies.csv"
    path.write_text(csv_text(BAD), encoding="utf-8")

    with pytest.raises(CommandError, match="พบข้อผิดพลาด 2 รายการ") as failure:
        call_command("import_agencies", str(path))

    assert failure.value.returncode != 0
    err = capsys.readouterr().err
    assert "แถวที่ 3: ไม่พบหน่วยงานสังกัด" in err and "แถวที่ 3: อีเมลไม่ถูกต้อง" in err
    assert not Agency.objects.exists()


def test_dry_run_writes_nothing(db, tmp_path, capsys):
    path = tmp_path / "agencies.csv"
    path.write_text(csv_text(GOOD), encoding="utf-8")
    call_command("import_agencies", str(path), "--dry-run")
    assert "ตรวจสอบอย่างเดียว" in capsys.readouterr().out
    assert not Agency.objects.exists()


def test_it_fails_on_a_missing_file_or_one_that_is_not_csv(db, tmp_path):
    with pytest.raises(CommandError, match="เปิดไฟล์"):
        call_command("import_agencies", str(tmp_path / "missing.csv"))
    pdf = tmp_path / "agencies.csv"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(CommandError, match="PDF"):
        call_command("import_agencies", str(pdf))
