"""The daily digest: overdue, due today and new assignments; once a working day from 07:30."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.accounts.models import User
from prasan.tracking.digest import run_digests
from prasan.tracking.models import DigestLog, Holiday, Notification, NotificationPreference
from tests.servers import SmtpServer

BASE = "https://prasan.example.go.th"


def d(day: int) -> dt.date:
    return dt.date(2027, 3, day)


def at(day: int, hour: int = 8, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2027, 3, day, hour, minute))


@pytest.fixture
def work(settings, make_matter, users):
    """The coordinator's matters on Wednesday 10 March 2027."""
    settings.BASE_URL = BASE
    matters = {
        "overdue": make_matter(title="สรุปผลการตรวจราชการภาคเหนือ", internal_deadline=d(5), state="coordinating"),
        "today": make_matter(title="เตรียมประเด็นชี้แจงกระทู้ถาม", internal_deadline=d(10), state="drafting"),
        "new": make_matter(title="ขอข้อมูลโรงเรียนขนาดเล็ก", internal_deadline=d(24), state="received"),
        "later": make_matter(title="ติดตามงบซ่อมแซมอาคารเรียน", internal_deadline=d(24), state="planning"),
        "closed": make_matter(title="เรื่องที่ปิดแล้ว", internal_deadline=d(1), state="closed"),
    }
    # Assigned long ago, except "new": given to the coordinator yesterday afternoon.
    Notification.objects.filter(kind=Notification.Kind.ASSIGNED).update(created_at=at(1))
    Notification.objects.filter(matter=matters["new"]).update(created_at=at(9, 14))
    return matters


def subject(message) -> str:
    # Python folds a long non-ASCII subject onto a continuation line; the parsed value keeps one space.
    return message["Subject"].strip()


def digest_to(smtp, address):
    return [m for m in smtp.to(address) if subject(m).startswith("สรุปงานประจำวัน")]


def test_the_digest_lists_overdue_due_today_and_new_assignments(work, smtp_server):
    run_digests(at(10, 7, 30))
    (message,) = digest_to(smtp_server, "coordinator@moe.example")
    assert subject(message) == "สรุปงานประจำวันวันพุธที่ 10 มีนาคม 2570"
    body = SmtpServer.body(message)
    overdue, rest = body.split("เกินกำหนด (1 เรื่อง)")[1].split("ครบกำหนดวันนี้ (1 เรื่อง)")
    today, new = rest.split("ได้รับมอบหมายใหม่ (1 เรื่อง)")
    assert work["overdue"].number in overdue and "เกิน 3 วันทำการ" in overdue
    assert f"{BASE}/matters/{work['overdue'].pk}/" in overdue
    assert work["today"].number in today
    assert work["new"].number in new
    assert work["later"].number not in body and work["closed"].number not in body
    assert f"{BASE}/my-work/" in body


def test_it_goes_once_a_day_however_often_tick_runs(work, smtp_server):
    for hour in (7, 8, 12, 17):
        run_digests(at(10, hour, 45))
    assert len(digest_to(smtp_server, "coordinator@moe.example")) == 1
    assert DigestLog.objects.filter(user__username="coordinator", date=d(10)).count() == 1


def test_no_digest_before_half_past_seven_on_weekends_or_holidays(work, smtp_server):
    Holiday.objects.create(date=d(8), name="วันหยุดพิเศษ", source=Holiday.Source.OFFICE)
    run_digests(at(10, 7, 29))
    run_digests(at(13, 8))
    run_digests(at(14, 8))
    run_digests(at(8, 8))
    assert smtp_server.messages == []
    assert not DigestLog.objects.exists()


def test_new_assignments_count_from_the_last_digest(work, smtp_server):
    run_digests(at(10, 7, 30))
    run_digests(at(11, 7, 30))
    first, second = digest_to(smtp_server, "coordinator@moe.example")
    assert "ได้รับมอบหมายใหม่" in SmtpServer.body(first)
    assert "ได้รับมอบหมายใหม่" not in SmtpServer.body(second)
    assert "เกินกำหนด (2 เรื่อง)" in SmtpServer.body(second)  # yesterday's "due today" is now late


def test_a_day_with_nothing_to_report_sends_nothing(make_matter, users, smtp_server):
    make_matter(internal_deadline=d(24), state="coordinating")
    Notification.objects.update(created_at=at(1))
    run_digests(at(10, 8))
    assert digest_to(smtp_server, "coordinator@moe.example") == []
    assert DigestLog.objects.get(user=users["coordinator"]).status == DigestLog.Status.EMPTY


def test_the_digest_also_goes_by_line_for_those_who_ask(work, users, smtp_server, line_server):
    User.objects.filter(pk=users["coordinator"].pk).update(line_user_id="Ucoordinator")
    NotificationPreference.objects.create(user=users["coordinator"], digest_line=True)
    run_digests(at(10, 8))
    (push,) = [p for p in line_server.pushes if p.to == "Ucoordinator"]
    assert "สรุปงานประจำวัน" in push.text and work["overdue"].number in push.text
    assert len(digest_to(smtp_server, "coordinator@moe.example")) == 1


def test_a_person_who_turned_the_digest_off_gets_none(work, users, smtp_server):
    NotificationPreference.objects.create(user=users["coordinator"], digest=False)
    run_digests(at(10, 8))
    assert digest_to(smtp_server, "coordinator@moe.example") == []


def test_the_group_head_sees_the_units_overdue_count_and_the_head_the_offices(work, users, unit, smtp_server):
    run_digests(at(10, 8))
    (group,) = digest_to(smtp_server, "grouphead@moe.example")
    assert "เรื่องของกลุ่มงานที่เกินกำหนดภายใน: 1 เรื่อง" in SmtpServer.body(group)
    assert f"{BASE}/matters/?state=open&overdue=1&unit={unit.pk}" in SmtpServer.body(group)
    (head,) = digest_to(smtp_server, "head@moe.example")
    assert "เรื่องทั้งสำนักงานที่เกินกำหนดภายใน: 1 เรื่อง" in SmtpServer.body(head)
    assert digest_to(smtp_server, "auditor@moe.example") == []


def test_the_digest_names_a_secret_matter_by_number_only(make_matter, users, smtp_server):
    secret = make_matter(title="แผนปรับโครงสร้างกรมลับเฉพาะ", secrecy=1, internal_deadline=d(5),
                         state="coordinating")
    run_digests(at(10, 8))
    body = SmtpServer.body(digest_to(smtp_server, "coordinator@moe.example")[0])
    assert secret.number in body and "ลับเฉพาะ" not in body


def test_a_digest_that_failed_is_sent_by_a_later_tick_once(work, smtp_server, settings):
    smtp_server.stop()
    run_digests(at(10, 8))
    assert DigestLog.objects.get(user__username="coordinator").status == DigestLog.Status.FAILED
    settings.EMAIL_PORT = smtp_server.start().port
    run_digests(at(10, 8, 5))
    run_digests(at(10, 8, 10))
    assert len(digest_to(smtp_server, "coordinator@moe.example")) == 1
    assert DigestLog.objects.get(user__username="coordinator").status == DigestLog.Status.SENT
