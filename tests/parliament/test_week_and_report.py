"""This week in parliament and the session report (page and exports), as each caller."""

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from prasan.coordination.models import AgencyRequest
from prasan.parliament.models import Session, Sitting
from prasan.parliament.services import change_status
from prasan.parliament.week import window

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def answer(item, by, answered_on=None):
    for to in ("assigned", "information_requested", "answer_drafted", "approved"):
        change_status(item, by=by, to=to)
    if answered_on:
        item.answer_sent_on = answered_on
    change_status(item, by=by, to="answered")


def test_this_week_lists_the_items_at_the_coming_sittings_with_readiness(login, users, make_item, agencies,
                                                                        django_assert_max_num_queries):
    sitting = TODAY + dt.timedelta(days=2)
    due = make_item(kind="general_question", number="12", subject="ถามเรื่องอาหารกลางวัน", sitting_on=sitting)
    far = make_item(kind="general_question", number="13", subject="ถามเรื่องไกล", sitting_on=TODAY + dt.timedelta(days=30))
    late = make_item(subject="กระทู้ที่เลยกำหนด", received_on=TODAY - dt.timedelta(days=40), number="9 ร.")
    AgencyRequest.objects.create(matter=due.matter, agency=agencies[0], deliverable="ข้อมูล", deadline=sitting,
                                 status="answered")
    AgencyRequest.objects.create(matter=due.matter, agency=agencies[1], deliverable="ข้อมูล", deadline=sitting)
    client = login(users["coordinator"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("parliament-week")).content.decode()
    assert "ถามเรื่องอาหารกลางวัน" in page and "หน่วยงานตอบแล้ว 1/2" in page
    assert "ถามเรื่องไกล" not in page
    assert "เลยกำหนดแล้ว" in page and "กระทู้ที่เลยกำหนด" in page
    assert far.pk and late.pk


def test_in_a_recess_the_next_sitting_week_is_shown(session):
    Sitting.objects.all().delete()
    later = Session.objects.create(name="สมัยหน้า", starts_on=session.ends_on + dt.timedelta(days=30),
                                   ends_on=session.ends_on + dt.timedelta(days=150))
    first = later.starts_on + dt.timedelta(days=1)
    Sitting.objects.create(session=later, house="house", date=first)
    win = window(TODAY)
    assert win.recess and [s.date for s in win.sittings] == [first]


def test_the_session_report_counts_answered_on_time_postponed_and_lapsed(login, users, make_item, agencies, session):
    on_time = make_item(number="1 ร.")
    answer(on_time, users["coordinator"])
    AgencyRequest.objects.create(matter=on_time.matter, agency=agencies[0], deliverable="ข้อมูล", deadline=TODAY,
                                 status="answered")
    postponed = make_item(kind="general_question", number="2", sitting_on=TODAY + dt.timedelta(days=2))
    change_status(postponed, by=users["coordinator"], to="postponed", new_date=TODAY + dt.timedelta(days=9))
    lapsed = make_item(kind="oral_question", number="", minister_asked="")
    change_status(lapsed, by=users["coordinator"], to="lapsed")
    page = login(users["head"]).get(reverse("parliament-report"), {"session": session.pk}).content.decode()
    assert "<dt>รับ</dt><dd>3 รายการ</dd>" in page
    assert "1 จาก 1 รายการที่มีกำหนด (100.0%)" in page
    assert "<dt>เลื่อน</dt><dd>1 รายการ</dd>" in page and "<dt>ตกไป / ถอน</dt><dd>1 / 0 รายการ</dd>" in page
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in page and "ไม่ระบุ" in page


PRINTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_the_report_exports_with_real_date_cells(login, users, make_item, session):
    answer(make_item(number="1 ร."), users["coordinator"])
    client = login(users["head"])
    book = load_workbook(io.BytesIO(client.get(reverse("parliament-report-export", args=["xlsx"]),
                                               {"session": session.pk}).content))
    detail = book["รายการทั้งหมด"]
    assert detail["F3"].is_date and detail["F3"].value.date() == TODAY and "07041E" in detail["F3"].number_format
    assert book["ตามประเภท"]["B5"].value == 1
    text = client.get(reverse("parliament-report-export", args=["csv"]), {"session": session.pk}).content
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0] == [f"รายงานงานรัฐสภา {session.name}"] and any("1 ร." in r for r in rows)
    pdf = client.get(reverse("parliament-report-export", args=["pdf"]), {"session": session.pk})
    assert pdf.content.startswith(b"%PDF")
    PRINTS.mkdir(parents=True, exist_ok=True)
    (PRINTS / "parliament-report.pdf").write_bytes(pdf.content)
    printed = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True,
                             check=True).stdout.decode()
    assert f"รายงานงานรัฐสภา {session.name}" in printed and "ตามรัฐมนตรีผู้ถูกถาม" in printed
    assert "รวมทั้งหมด" in printed and "100.0%" in printed and "จัดทำเมื่อ" in printed


def test_the_report_is_for_report_roles_and_a_group_heads_unit(login, users, make_item, session):
    make_item(number="1 ร.")
    for name in ("coordinator", "registrar", "admin"):
        assert login(users[name]).get(reverse("parliament-report")).status_code == 403
        assert login(users[name]).get(reverse("parliament-report-export", args=["xlsx"])).status_code == 403
    assert "<dt>รับ</dt><dd>1 รายการ</dd>" in login(users["grouphead"]).get(reverse("parliament-report")).content.decode()
    outsider_head = users["outsider"]
    outsider_head.role = "group_head"
    outsider_head.save()
    assert "<dt>รับ</dt><dd>0 รายการ</dd>" in login(outsider_head).get(reverse("parliament-report")).content.decode()


def test_a_secret_item_is_counted_only_for_those_who_may_see_it(login, users, make_item, session):
    make_item(number="1 ร.", matter_fields={"secrecy": 3}, by=users["head"])
    assert "<dt>รับ</dt><dd>0 รายการ</dd>" in login(users["auditor"]).get(reverse("parliament-report")).content.decode()
    assert "<dt>รับ</dt><dd>1 รายการ</dd>" in login(users["head"]).get(reverse("parliament-report")).content.decode()


def test_late_work_for_a_coming_sitting_stays_under_its_day_marked_late(login, users, make_item):
    sitting = TODAY + dt.timedelta(days=2)
    item = make_item(kind="general_question", number="7", subject="ถามเรื่องใกล้ถึงวัน", sitting_on=sitting,
                     letter_deadline=TODAY)
    from prasan.parliament.models import Item

    Item.objects.filter(pk=item.pk).update(due_on=TODAY - dt.timedelta(days=1))
    page = login(users["coordinator"]).get(reverse("parliament-week")).content.decode()
    assert "ถามเรื่องใกล้ถึงวัน" in page and "เกินกำหนด" in page and "เลยกำหนดแล้ว</span>" not in page


def test_this_week_hides_what_one_may_not_see_and_asks_for_a_login(client, login, users, make_item):
    sitting = TODAY + dt.timedelta(days=2)
    secret = make_item(kind="general_question", number="5", subject="ถามเรื่องลับ", sitting_on=sitting,
                       matter_fields={"secrecy": 2}, by=users["grouphead"])
    make_item(kind="general_question", number="6", subject="ถามเรื่องปกติ", sitting_on=sitting)
    for name in ("uncleared", "coordinator", "auditor", "admin"):
        page = login(users[name]).get(reverse("parliament-week")).content.decode()
        assert "ถามเรื่องปกติ" in page and "ถามเรื่องลับ" not in page and secret.matter.number not in page, name
    head = login(users["head"]).get(reverse("parliament-week")).content.decode()
    assert secret.matter.number in head and "ถามเรื่องลับ" not in head  # named by its matter number only
    client.logout()
    assert client.get(reverse("parliament-week")).status_code == 302
    assert client.get(reverse("parliament-report-export", args=["csv"])).status_code == 302
