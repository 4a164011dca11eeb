"""The holiday page: reading the cabinet's list, all-or-nothing import, and deadlines that move."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter, Transition
from prasan.tracking import holiday_import
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.models import Holiday

from ..conftest import make_user

WEDNESDAY = dt.date(2030, 6, 12)  # an ordinary working day (พ.ศ. 2573)
THURSDAY, FRIDAY = dt.date(2030, 6, 13), dt.date(2030, 6, 14)


def parse_ok(text: str) -> list[tuple[dt.date, str]]:
    parsed = holiday_import.parse(text)
    assert parsed.errors == []
    return [(e.date, e.name) for e in parsed.entries]


def test_it_reads_iso_be_and_thai_dates():
    text = "\n".join([
        "วันที่,ชื่อวันหยุด",
        "2026-01-02,วันหยุดพิเศษ",
        "2569-05-04,วันฉัตรมงคล",
        "๒ มกราคม ๒๕๗๐ วันหยุดพิเศษ",
        "วันศุกร์ที่ 13 ม.ค. 2570 วันหยุดชดเชย",
        "14/4/2570,วันสงกรานต์",
        '"15 เมษายน พ.ศ. 2570","วันสงกรานต์"',
        "",
        "# ความเห็น",
    ])
    assert parse_ok(text) == [
        (dt.date(2026, 1, 2), "วันหยุดพิเศษ"),
        (dt.date(2026, 5, 4), "วันฉัตรมงคล"),
        (dt.date(2027, 1, 2), "วันหยุดพิเศษ"),
        (dt.date(2027, 1, 13), "วันหยุดชดเชย"),
        (dt.date(2027, 4, 14), "วันสงกรานต์"),
        (dt.date(2027, 4, 15), "วันสงกรานต์"),
    ]


def test_it_reports_each_bad_line_in_thai():
    parsed = holiday_import.parse("\n".join([
        "2 มกร 2569 วันหยุด",
        "30 กุมภาพันธ์ 2569 วันหยุด",
        "2026-03-02,",
        "ไม่มีวันที่ 12",
        "2026-03-03,วันหยุดพิเศษ",
        "3 มีนาคม 2569 ซ้ำ",
    ]))
    assert parsed.errors == [
        "บรรทัดที่ 1: ไม่รู้จักชื่อเดือน “มกร”",
        "บรรทัดที่ 2: ไม่มีวันที่ 30 กุมภาพันธ์ 2569",
        "บรรทัดที่ 3: ไม่มีชื่อวันหยุด",
        "บรรทัดที่ 4: อ่านวันที่ไม่ได้ — " + holiday_import.FORMAT_HINT,
        "บรรทัดที่ 6: 3 มีนาคม 2569 ซ้ำกับบรรทัดที่ 5",
    ]


def test_empty_input_says_so():
    assert holiday_import.parse("\n\n").errors == ["ไม่พบรายการวันหยุดในข้อมูลที่นำเข้า"]


@pytest.fixture
def on_wednesday(make_matter, agencies):
    """Open matters and requests due on WEDNESDAY, and ones that must not move."""
    assert WorkingCalendar().is_working_day(WEDNESDAY)
    internal = make_matter(title="ครบกำหนดภายในวันพุธ", internal_deadline=WEDNESDAY, external_deadline=FRIDAY)
    both = make_matter(title="ครบทั้งสองกำหนด", internal_deadline=WEDNESDAY, external_deadline=WEDNESDAY)
    closed = make_matter(title="ปิดแล้ว", internal_deadline=WEDNESDAY)
    Matter.objects.filter(pk=closed.pk).update(state="closed")
    other_day = make_matter(title="วันอื่น", internal_deadline=THURSDAY, external_deadline=FRIDAY)
    request = AgencyRequest.objects.create(matter=other_day, agency=agencies[0], deliverable="ส่งข้อมูล",
                                           deadline=WEDNESDAY)
    answered = AgencyRequest.objects.create(matter=other_day, agency=agencies[1], deliverable="ส่งข้อมูล",
                                            deadline=WEDNESDAY, status="answered")
    return {"internal": internal, "both": both, "closed": closed, "other_day": other_day,
            "request": request, "answered": answered}


def _log(matter) -> list[str]:
    return list(Transition.objects.filter(matter=matter, event="deadline_changed").values_list("message", flat=True))


def test_a_new_holiday_moves_the_deadlines_on_it_and_logs_them(on_wednesday, users):
    applied = holiday_import.apply(
        holiday_import.parse("12 มิถุนายน 2573 วันหยุดพิเศษตามมติคณะรัฐมนตรี").entries, by=users["head"]
    )
    assert (applied.created, applied.moved_matters, applied.moved_requests) == (1, 2, 1)
    internal = Matter.objects.get(pk=on_wednesday["internal"].pk)
    assert (internal.internal_deadline, internal.external_deadline) == (THURSDAY, FRIDAY)
    assert _log(internal) == [
        "เลื่อนกำหนดภายในจาก 12 มิถุนายน 2573 เป็น 13 มิถุนายน 2573 เนื่องจากวันหยุดพิเศษตามมติคณะรัฐมนตรี"
    ]
    transition = Transition.objects.get(matter=internal, event="deadline_changed")
    assert transition.from_state == transition.to_state == internal.state and transition.by == users["head"]
    both = Matter.objects.get(pk=on_wednesday["both"].pk)
    assert (both.internal_deadline, both.external_deadline) == (THURSDAY, THURSDAY)
    assert len(_log(both)) == 1 and "กำหนดส่ง (ภายนอก)" in _log(both)[0]
    assert Matter.objects.get(pk=on_wednesday["closed"].pk).internal_deadline == WEDNESDAY
    assert AgencyRequest.objects.get(pk=on_wednesday["request"].pk).deadline == THURSDAY
    assert AgencyRequest.objects.get(pk=on_wednesday["answered"].pk).deadline == WEDNESDAY
    other = Matter.objects.get(pk=on_wednesday["other_day"].pk)
    assert other.internal_deadline == THURSDAY
    assert _log(other) == ["เลื่อนกำหนดส่งของคำขอถึงสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานจาก 12 มิถุนายน 2573 "
                           "เป็น 13 มิถุนายน 2573 เนื่องจากวันหยุดพิเศษตามมติคณะรัฐมนตรี"]
    audited = AuditEvent.objects.filter(action="matter.deadline_changed").values_list("object_id", flat=True)
    assert sorted(audited) == sorted([str(internal.pk), str(both.pk)])
    assert AuditEvent.objects.filter(action="agency_request.deadline_changed").count() == 1


def test_two_new_days_in_a_row_move_a_deadline_past_both(on_wednesday, users):
    holiday_import.apply(holiday_import.parse("2573-06-12,วันหยุดพิเศษ\n2573-06-13,วันหยุดพิเศษ").entries,
                         by=users["head"])
    assert Matter.objects.get(pk=on_wednesday["internal"].pk).internal_deadline == FRIDAY
    assert Matter.objects.get(pk=on_wednesday["other_day"].pk).internal_deadline == FRIDAY


def test_a_working_day_swap_or_a_known_holiday_moves_nothing(on_wednesday, users):
    holiday_import.apply([holiday_import.HolidayEntry(WEDNESDAY, "สลับวันทำงาน", is_working_day=True)],
                         by=users["head"])
    holiday_import.apply([holiday_import.HolidayEntry(dt.date(2030, 6, 3), "ซ้ำกับวันเฉลิมฯ")], by=users["head"])
    assert not Transition.objects.filter(event="deadline_changed").exists()


def test_removing_a_holiday_moves_nothing_back(on_wednesday, users):
    holiday_import.apply([holiday_import.HolidayEntry(WEDNESDAY, "วันหยุดพิเศษ")], by=users["head"])
    holiday_import.remove(Holiday.objects.get(date=WEDNESDAY), by=users["head"])
    assert Matter.objects.get(pk=on_wednesday["internal"].pk).internal_deadline == THURSDAY
    assert Transition.objects.filter(event="deadline_changed").count() == 3
    assert AuditEvent.objects.filter(action="holiday.remove").count() == 1


def test_the_page_imports_pasted_text_and_moves_deadlines(on_wednesday, login, users):
    client = login(users["head"])
    response = client.post(reverse("holidays-import"), {"text": "๑๒ มิถุนายน ๒๕๗๓ วันหยุดพิเศษ"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "นำเข้าวันหยุด 1 วันแล้ว" in page and "เลื่อนกำหนดของเรื่องที่ยังไม่ปิด 2 เรื่อง" in page
    assert "พ.ศ. 2573" in page and "วันหยุดพิเศษ" in page
    assert Holiday.objects.get(date=WEDNESDAY).source == "cabinet"


def test_the_page_imports_a_cp874_csv_file(login, users):
    data = "วันที่,ชื่อวันหยุด\n2573-06-12,วันหยุดพิเศษ\n".encode("cp874")
    client = login(users["admin"])
    client.post(reverse("holidays-import"), {"file": SimpleUploadedFile("holidays.csv", data, "text/csv")})
    assert Holiday.objects.get(date=WEDNESDAY).name == "วันหยุดพิเศษ"


def test_one_bad_line_saves_nothing_and_says_which(on_wednesday, login, users):
    client = login(users["head"])
    text = "2573-06-12,วันหยุดพิเศษ\n31 มิถุนายน 2573 วันหยุด"
    response = client.post(reverse("holidays-import"), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "บรรทัดที่ 2: ไม่มีวันที่ 31 มิถุนายน 2573" in page and "ยังไม่ได้บันทึกรายการใด" in page
    assert not Holiday.objects.exists()
    assert Matter.objects.get(pk=on_wednesday["internal"].pk).internal_deadline == WEDNESDAY


def test_the_page_adds_a_special_day_and_a_swap(on_wednesday, login, users):
    client = login(users["head"])
    client.post(reverse("holidays-add"), {"date": "2030-06-12", "name": "วันหยุดพิเศษ", "kind": "special"})
    client.post(reverse("holidays-add"), {"date": "2030-06-15", "name": "สลับมาทำงาน", "kind": "working"})
    assert Holiday.objects.get(date=WEDNESDAY).is_working_day is False
    assert Holiday.objects.get(date=dt.date(2030, 6, 15)).is_working_day is True
    assert Matter.objects.get(pk=on_wednesday["internal"].pk).internal_deadline == THURSDAY
    response = client.post(reverse("holidays-add"), {"date": "", "name": "", "kind": "special"})
    assert response.status_code == 400 and "กรุณาแก้ไขช่องที่มีข้อความสีแดง" in response.content.decode()


def test_the_page_deletes_an_office_row(login, users):
    holiday = Holiday.objects.create(date=WEDNESDAY, name="วันหยุดพิเศษ")
    client = login(users["head"])
    response = client.post(reverse("holidays-delete", args=[holiday.pk]))
    assert response.status_code == 302 and response["Location"].endswith("?year=2573")
    assert not Holiday.objects.exists()


def test_the_page_lists_the_years_days_off(login, users):
    page = login(users["head"]).get(reverse("holidays"), {"year": "2569"}).content.decode()
    assert "วันขึ้นปีใหม่" in page and "วันสงกรานต์" in page and "วันทำการทั้งปี" in page


@pytest.mark.parametrize("role", ["head", "admin"])
def test_head_and_admin_may_manage_holidays(login, users, role):
    assert login(users[role]).get(reverse("holidays")).status_code == 200


def test_an_admin_role_without_superuser_may_manage_holidays(login, office):
    assert login(make_user("sysadmin", "admin")).get(reverse("holidays")).status_code == 200


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "minister", "auditor", "uncleared"])
def test_other_roles_are_refused(login, users, role):
    client = login(users[role])
    assert client.get(reverse("holidays")).status_code == 403
    assert client.post(reverse("holidays-import"), {"text": "2573-06-12,วันหยุด"}).status_code == 403
    assert client.post(reverse("holidays-add"), {"date": "2030-06-12", "name": "x", "kind": "special"}).status_code == 403
    assert not Holiday.objects.exists()


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("holidays"))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.post(reverse("holidays-import"), {"text": "2573-06-12,วันหยุด"}).status_code == 302
    assert not Holiday.objects.exists()
