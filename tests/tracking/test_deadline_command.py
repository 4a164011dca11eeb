"""`prasan deadline`: the due date N working days from a date, with Thai errors."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from prasan.tracking.models import Holiday

ROOT = Path(__file__).resolve().parents[2]


def deadline(*args) -> str:
    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_it_prints_the_due_date_after_songkran():
    assert deadline("--from", "2026-04-10", "--working-days", "1") == "2026-04-16"


@pytest.mark.django_db
def test_it_counts_backwards_for_a_negative_number():
    assert deadline("--from", "2026-05-05", "--working-days", "-2") == "2026-04-30"


@pytest.mark.django_db
def test_it_reads_thai_digits_and_buddhist_era_years():
    assert deadline("--from", "๒๕๖๙-๐๔-๑๐", "--working-days", "๑") == "2026-04-16"
    assert deadline("--from", "2567-02-29", "--working-days", "0") == "2024-02-29"


@pytest.mark.django_db
def test_it_uses_the_office_table():
    Holiday.objects.create(date="2026-04-16", name="วันหยุดพิเศษ")
    assert deadline("--from", "2026-04-10", "--working-days", "1") == "2026-04-17"


@pytest.mark.parametrize("value", ["31/04/2569", "2026-02-30", "พรุ่งนี้", "", "2300-01-01"])
def test_it_rejects_a_bad_date_in_thai(value):
    with pytest.raises(CommandError, match="วันที่ไม่ถูกต้อง") as error:
        deadline("--from", value, "--working-days", "1")
    assert error.value.returncode != 0


@pytest.mark.parametrize(("value", "message"), [("สาม", "จำนวนเต็ม"), ("1.5", "จำนวนเต็ม"), ("99999", "ต้องไม่เกิน")])
def test_it_rejects_a_bad_number_of_days_in_thai(value, message):
    with pytest.raises(CommandError, match=message):
        deadline("--from", "2026-04-10", "--working-days", value)


def test_the_command_line_exits_non_zero_with_the_thai_error(tmp_path):
    # A bad date fails before any database access, so the command runs against an empty data dir.
    env = {**os.environ, "PRASAN_TESTING": "1", "PRASAN_DATA_DIR": str(tmp_path)}
    env.pop("PRASAN_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "prasan.cli", "deadline", "--from", "2026-13-01", "--working-days", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "วันที่ไม่ถูกต้อง" in result.stderr


def holidays_listing(*args) -> str:
    out = io.StringIO()
    call_command("holidays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_holidays_lists_the_year_with_office_days_and_the_working_day_count():
    Holiday.objects.create(date="2027-05-12", name="วันพืชมงคล")
    out = holidays_listing("2570")
    assert "2027-05-03" not in out  # Labour Day's substitution day is worked
    assert "2027-05-12  พุธ 12 พฤษภาคม 2570  วันพืชมงคล  [สำนักงาน: มติคณะรัฐมนตรี" in out
    assert "2027-01-09  เสาร์ 9 มกราคม 2570  วันเด็กแห่งชาติ  [ปฏิทินราชการ] (ตรงวันหยุดสุดสัปดาห์)" in out
    # 261 weekdays in 2027, 18 off in the package's list, 1 from the office table.
    assert out.strip().splitlines()[-1] == "วันทำการทั้งปี พ.ศ. 2570: 242 วัน"


@pytest.mark.django_db
def test_holidays_takes_a_christian_era_year_and_refuses_nonsense():
    assert "วันทำการทั้งปี พ.ศ. 2569" in holidays_listing("2026")
    with pytest.raises(CommandError, match="ปีไม่ถูกต้อง"):
        holidays_listing("ปีหน้า")
