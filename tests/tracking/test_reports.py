"""The performance report: periods, hand-computed numbers on a small dataset, roles, secrecy, exports."""

import csv
import datetime as dt
import io
import shutil
import subprocess
import zoneinfo

import pytest
from django.urls import reverse

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter
from prasan.tracking import reports
from prasan.tracking.reports import Period

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
NOVEMBER = "m-2568-11"  # November 2025: no government holidays, weekends only


def at(day: int, hour: int = 10, month: int = 11) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, 0, tzinfo=BANGKOK)


def d(day: int, month: int = 11) -> dt.date:
    return dt.date(2025, month, day)


def closed(matter, *, opened, closed_at, external=None, internal=None, **fields):
    Matter.objects.filter(pk=matter.pk).update(
        state="closed", created_at=opened, closed_at=closed_at, external_deadline=external,
        internal_deadline=internal, **fields,
    )
    return matter


@pytest.fixture
def dataset(make_matter, users, other_unit, agencies):
    """Four matters closed in November 2025 (one secret), one in October, one still open.

    Working days to close: M1 4, M2 5, M3 2 (closed 06:00 local on the 12th — the 11th in UTC), M4 1.
    """
    coordinator, grouphead, outsider = users["coordinator"], users["grouphead"], users["outsider"]
    m1 = closed(make_matter(title="ขอข้อมูลครูผู้ช่วย", duty_type="analysis"),
                opened=at(3), closed_at=at(7, 15), external=d(6), internal=d(5))
    m2 = closed(make_matter(title="ร้องเรียนโรงเรียนบ้านหนองบัว", duty_type="complaint",
                            assignees=[coordinator, grouphead]),
                opened=at(3), closed_at=at(10, 15), external=d(14), internal=d(10))
    m3 = closed(make_matter(title="ติดตามนโยบายอาชีวะ", owner_unit=other_unit, assignees=[outsider]),
                opened=at(10), closed_at=at(12, 6), internal=d(11))
    m4 = closed(make_matter(title="เรื่องลับเรื่องงบประมาณ", owner_unit=other_unit, assignees=[outsider]),
                opened=at(3), closed_at=at(4), external=d(5), secrecy=2)
    closed(make_matter(title="ปิดในเดือนตุลาคม"), opened=at(1, month=10), closed_at=at(20, month=10),
           external=d(31, 10))
    make_matter(title="ยังเปิดอยู่")
    obec, vec = agencies

    def request(matter, agency, *, created, deadline, answered=None):
        return AgencyRequest.objects.create(
            matter=matter, agency=agency, deliverable="ส่งข้อมูล", deadline=deadline, created_at=created,
            status="answered" if answered else "sent", answered_at=answered,
        )

    request(m1, obec, created=at(3, 9), deadline=d(6), answered=at(5, 14))  # 2 days, on time
    request(m2, obec, created=at(3, 9), deadline=d(5), answered=at(7, 14))  # 4 days, late
    request(m3, vec, created=at(10, 9), deadline=d(12))  # still open, overdue
    request(m4, vec, created=at(3, 9), deadline=d(5), answered=at(4, 14))  # secret matter: 1 day, on time
    return {"m1": m1, "m2": m2, "m3": m3, "m4": m4}


def test_periods_follow_the_thai_fiscal_year():
    q1 = Period.parse("q-2569-1")
    assert (q1.start, q1.end) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert q1.label == "ไตรมาส 1 ปีงบประมาณ 2569 (ต.ค.–ธ.ค. 2568)"
    fy = Period.parse("fy-2569")
    assert (fy.start, fy.end) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    feb = Period.parse("m-2567-02")
    assert (feb.start, feb.end, feb.label) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "เดือนกุมภาพันธ์ 2567")
    assert Period.quarter_of(dt.date(2026, 1, 15)).code == "q-2569-2"
    assert Period.quarter_of(dt.date(2026, 9, 30)).code == "q-2569-4"
    assert Period.fiscal_year_of(dt.date(2025, 10, 1)).code == "fy-2569"
    for bad in ("", "m-2569-13", "q-2569-5", "fy-25x9", "x-2569", "m-1999-01", "fy-2569-1"):
        assert Period.parse(bad) is None


def test_the_picker_offers_months_quarters_and_fiscal_years_in_thai():
    groups = dict(reports.period_choices(dt.date(2026, 1, 15)))
    months = dict(groups["รายเดือน"])
    assert months["m-2569-01"] == "เดือนมกราคม 2569" and "m-2567-02" in months
    quarters = dict(groups["รายไตรมาส (ปีงบประมาณ)"])
    assert "q-2569-2" in quarters and "q-2569-3" not in quarters and "q-2567-1" in quarters
    assert dict(groups["ปีงบประมาณ"])["fy-2569"] == "ปีงบประมาณ 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)"


def test_head_sees_hand_computed_numbers_for_the_month(dataset, users):
    report = reports.build(users["head"], Period.parse(NOVEMBER), today=dt.date(2025, 12, 1))
    total = report.total
    assert (total.closed, total.external_due, total.external_on_time) == (4, 3, 2)
    assert (total.internal_due, total.internal_on_time) == (3, 1)
    assert total.median_days == 3  # median of 4, 5, 2, 1
    by_unit = {p.label: p for p in report.by_unit}
    analysis_unit, politics_unit = by_unit["กลุ่มงานวิเคราะห์"], by_unit["กลุ่มงานการเมือง"]
    assert (analysis_unit.closed, analysis_unit.external_rate, analysis_unit.internal_rate) == (2, 0.5, 0.5)
    assert analysis_unit.median_days == 4.5
    assert (politics_unit.closed, politics_unit.external_rate, politics_unit.internal_rate) == (2, 1.0, 0.0)
    assert politics_unit.median_days == 1.5
    by_duty = {p.label: p for p in report.by_duty}
    analysis = by_duty["วิเคราะห์และเสนอความเห็นต่อรัฐมนตรี"]
    assert (analysis.closed, analysis.external_on_time, analysis.external_due, analysis.internal_on_time) == (3, 1, 2, 0)
    assert analysis.median_days == 2
    complaint = by_duty["เรื่องร้องทุกข์ ร้องเรียน"]
    assert (complaint.closed, complaint.external_rate, complaint.internal_rate, complaint.median_days) == (1, 1, 1, 5)
    by_person = {p.label: (p.closed, p.median_days) for p in report.by_person}
    assert by_person == {"coordinator": (2, 4.5), "outsider": (2, 1.5), "grouphead": (1, 5)}
    agencies = {a.label: a for a in report.agencies}
    obec = agencies["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"]
    assert (obec.answered, obec.answered_on_time, obec.median_days, obec.overdue_open) == (2, 1, 3, 0)
    vec = agencies["สำนักงานคณะกรรมการการอาชีวศึกษา"]
    assert (vec.answered, vec.on_time_rate, vec.median_days, vec.overdue_open) == (1, 1.0, 1, 1)


def test_closing_time_is_read_in_bangkok_time(dataset, users):
    """M3 closed at 06:00 on the 12th in Bangkok (23:00 on the 11th UTC): late by one day, two working days."""
    report = reports.build(users["head"], Period.parse(NOVEMBER), today=dt.date(2025, 12, 1))
    vocational = next(p for p in report.by_person if p.label == "outsider")
    assert sorted(vocational.days) == [1, 2] and vocational.internal_on_time == 0


def test_the_quarter_and_the_fiscal_year_include_october(dataset, users):
    quarter = reports.build(users["head"], Period.parse("q-2569-1"), today=dt.date(2026, 1, 5))
    year = reports.build(users["head"], Period.parse("fy-2569"), today=dt.date(2026, 1, 5))
    assert quarter.total.closed == year.total.closed == 5
    assert (quarter.total.external_due, quarter.total.external_on_time) == (4, 3)


def test_secret_matters_stay_out_of_the_report_of_a_reader_without_clearance(dataset, users):
    report = reports.build(users["auditor"], Period.parse(NOVEMBER), today=dt.date(2025, 12, 1))
    assert (report.total.closed, report.total.external_due, report.total.external_on_time) == (3, 2, 1)
    assert report.total.median_days == 4  # 4, 5, 2
    vec = next(a for a in report.agencies if a.label == "สำนักงานคณะกรรมการการอาชีวศึกษา")
    assert (vec.answered, vec.median_days, vec.overdue_open) == (0, None, 1)


def test_a_group_head_sees_only_the_unit(dataset, users):
    report = reports.build(users["grouphead"], Period.parse(NOVEMBER), today=dt.date(2025, 12, 1))
    assert [p.label for p in report.by_unit] == ["กลุ่มงานวิเคราะห์"]
    assert report.total.closed == 2 and report.scope == "เฉพาะกลุ่มงานวิเคราะห์"
    assert [a.label for a in report.agencies] == ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"]


@pytest.mark.parametrize("role", ["head", "grouphead", "minister", "auditor"])
def test_report_roles_see_the_page(dataset, login, users, role):
    response = login(users[role]).get(reverse("reports"), {"p": NOVEMBER})
    assert response.status_code == 200
    assert "รายงานผลการดำเนินงาน เดือนพฤศจิกายน 2568" in response.content.decode()


def test_the_page_shows_the_secret_title_to_no_one_and_the_numbers_to_the_head(dataset, login, users):
    page = login(users["head"]).get(reverse("reports"), {"p": NOVEMBER}).content.decode()
    assert "66.7%" in page and "33.3%" in page  # on time: external 2 of 3, internal 1 of 3
    assert "เรื่องลับเรื่องงบประมาณ" not in page


def test_the_page_without_clearance_counts_no_secret_matter(dataset, login, users):
    page = login(users["auditor"]).get(reverse("reports"), {"p": NOVEMBER}).content.decode()
    assert "50.0%" in page and "66.7%" not in page


@pytest.mark.parametrize("role", ["coordinator", "registrar", "outsider", "admin"])
def test_other_roles_are_refused(login, users, role):
    assert login(users[role]).get(reverse("reports")).status_code == 403
    assert login(users[role]).get(reverse("reports-export", args=["csv"])).status_code == 403


def test_anonymous_goes_to_login(client, db):
    for url in (reverse("reports"), reverse("reports-export", args=["xlsx"])):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_unknown_format_is_404(login, users):
    assert login(users["head"]).get(reverse("reports-export", args=["doc"])).status_code == 404


def test_a_bad_period_falls_back_to_this_month(login, users):
    assert login(users["head"]).get(reverse("reports"), {"p": "m-9999-99"}).status_code == 200


def test_the_page_runs_a_bounded_number_of_queries(dataset, login, users, django_assert_max_num_queries):
    client = login(users["head"])
    with django_assert_max_num_queries(20):
        client.get(reverse("reports"), {"p": NOVEMBER})


def test_xlsx_keeps_thai_text_numbers_and_the_sarabun_font(dataset, login, users):
    from openpyxl import load_workbook

    response = login(users["head"]).get(reverse("reports-export", args=["xlsx"]), {"p": NOVEMBER})
    assert response["Content-Disposition"] == f'attachment; filename="report-{NOVEMBER}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["ตามกลุ่มงาน", "ตามประเภทภารกิจ", "ตามผู้รับผิดชอบ", "หน่วยงานภายนอก"]
    sheet = book["ตามกลุ่มงาน"]
    assert sheet["A1"].value == "รายงานผลการดำเนินงาน เดือนพฤศจิกายน 2568"
    assert sheet["A1"].font.name == "TH Sarabun New"
    assert sheet["E4"].value == "ร้อยละทันกำหนดส่งภายนอก"
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    assert rows["กลุ่มงานวิเคราะห์"][1:5] == (2, 2, 1, 0.5)
    assert rows["รวมทั้งหมด"][1] == 4 and rows["รวมทั้งหมด"][8] == 3
    assert sheet["E5"].number_format == "0.0%"


def test_csv_has_a_bom_and_opens_with_thai_intact(dataset, login, users):
    content = login(users["head"]).get(reverse("reports-export", args=["csv"]), {"p": NOVEMBER}).content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["รายงานผลการดำเนินงาน เดือนพฤศจิกายน 2568"]
    assert ["กลุ่มงานวิเคราะห์", "2", "2", "1", "50.0%", "2", "1", "50.0%", "4.5"] in rows
    assert ["สำนักงานคณะกรรมการการอาชีวศึกษา", "1", "1", "100.0%", "1", "1"] in rows


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_is_a4_landscape_with_thai_text(dataset, login, users):
    client = login(users["head"])
    response = client.get(reverse("reports-export", args=["pdf"]), {"p": NOVEMBER})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = _pdftotext(response.content)
    for word in ("พฤศจิกายน 2568", "กลุ่มงานวิเคราะห์", "หน่วยงาน", "การศึกษาขั้นพื้นฐาน", "66.7%", "ผู้รับผิดชอบ"):
        assert word in text
    info = subprocess.run(["pdfinfo", "-"], input=response.content, capture_output=True, check=True).stdout
    assert b"842 x 595" in info or b"841.89 x 595.276" in info  # A4 landscape
    thai = client.get(reverse("reports-export", args=["pdf"]), {"p": NOVEMBER, "digits": "thai"}).content
    assert "๖๖.๗%" in _pdftotext(thai)


def _pdftotext(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
