"""Reminder rules: which day they fire, to whom, once; failures retried, never doubled."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prasan.accounts.models import User
from prasan.coordination.models import AgencyRequest
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.models import Holiday, NotificationPreference, ReminderLog, ReminderRule
from prasan.tracking.notify import _claim, run_reminders
from prasan.tracking.reminders import (
    deadline_dates,
    due_reminders,
    firing_days,
    render,
    template_errors,
)
from tests.servers import SmtpServer

HOLIDAY = dt.date(2027, 3, 8)  # a Monday
OFFICE = {HOLIDAY: ("วันหยุดพิเศษ", False)}
DEADLINE = dt.date(2027, 3, 10)  # Wednesday


def d(day: int) -> dt.date:
    return dt.date(2027, 3, day)


def at(day: int, hour: int = 8, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2027, 3, day, hour, minute))


@pytest.fixture
def calendar():
    return WorkingCalendar(office_days=OFFICE)


# --- the days a rule fires ---------------------------------------------------------------------

def test_a_working_day_after_days_off_also_fires_what_fell_on_them(calendar):
    assert firing_days(d(9), calendar) == [d(9), d(8), d(7), d(6)]
    assert firing_days(d(10), calendar) == [d(10)]


def test_nothing_fires_on_a_weekend_or_a_holiday(calendar):
    assert firing_days(d(6), calendar) == []
    assert firing_days(HOLIDAY, calendar) == []


def test_two_working_days_before_counts_over_the_holiday_and_the_weekend(calendar):
    assert deadline_dates(-2, firing_days(d(5), calendar), calendar) == [DEADLINE]
    assert deadline_dates(-2, firing_days(d(9), calendar), calendar) == [d(11)]


def test_on_the_day_covers_deadlines_that_fell_on_days_off(calendar):
    assert deadline_dates(0, firing_days(d(9), calendar), calendar) == [d(6), d(7), d(8), d(9)]


def test_three_working_days_late_counts_over_the_weekend(calendar):
    assert deadline_dates(3, firing_days(d(15), calendar), calendar) == [DEADLINE]


# --- rules ---------------------------------------------------------------------------------------

def test_the_issue_defaults_are_seeded(db):
    # (a policy's progress reports have their own two rules: tests/policy/test_reminders.py)
    rules = {(r.target, r.offset_working_days): r
             for r in ReminderRule.objects.filter(active=True).exclude(target="policy_report")}
    assert set(rules) == {("matter_internal", -2), ("matter_internal", 0), ("matter_internal", 3),
                          ("agency_request", 1)}
    assert rules[("matter_internal", -2)].recipients == ["assignees"]
    assert rules[("matter_internal", 0)].recipients == ["assignees", "group_head"]
    assert rules[("matter_internal", 3)].recipients == ["head_of_office"]
    assert rules[("agency_request", 1)].recipients == ["liaison"]
    # Written with the Thai placeholders the admin sees (migration 0006); the reply link still goes out.
    assert "{ลิงก์}" in rules[("agency_request", 1)].message_template


def test_a_template_with_an_unknown_placeholder_is_refused_in_thai():
    assert "ไม่รู้จัก {nmber}" in template_errors("เรื่อง {nmber}")
    assert "วงเล็บปีกกา" in template_errors("เรื่อง {number")
    assert template_errors("เรื่อง {number} {title} ครบกำหนด {deadline} {link}") == ""
    assert template_errors("เรื่อง {เลขเรื่อง} {ชื่อเรื่อง} ครบกำหนด {วันครบกำหนด} {ลิงก์}") == ""


def test_thai_and_english_placeholders_fill_alike():
    values = {"number": "สร 1/2569", "title": "t", "deadline": "d", "link": "L", "agency": "a", "days": 2,
              "recipient": "r"}
    assert render("[{เลขเรื่อง}] อีก {จำนวนวัน} วัน {ลิงก์}", values) == render("[{number}] อีก {days} วัน {link}", values)


def test_a_matter_rule_cannot_write_to_an_agency_liaison(db):
    rule = ReminderRule(name="ผิด", target="matter_internal", offset_working_days=0, recipients=["liaison"],
                        channels=["email"], subject_template="{number}", message_template="{link}")
    with pytest.raises(ValidationError) as caught:
        rule.full_clean()
    assert "recipients" in caught.value.message_dict


# --- sending -------------------------------------------------------------------------------------

@pytest.fixture
def only(db):
    """Switch the defaults off and add one rule of the test's own."""
    ReminderRule.objects.update(active=False)

    def make(**fields):
        values = dict(name="ทดสอบ", target="matter_internal", offset_working_days=0, recipients=["assignees"],
                      channels=["email"], subject_template="[{number}] ครบกำหนด {deadline}",
                      message_template="เรื่อง {number} {title}\n{link}")
        values.update(fields)
        return ReminderRule.objects.create(**values)

    return make


@pytest.fixture
def holiday(db):
    return Holiday.objects.create(date=HOLIDAY, name="วันหยุดพิเศษ", source=Holiday.Source.OFFICE)


def test_a_deadline_on_a_saturday_is_reminded_on_monday_once(only, holiday, make_matter, smtp_server):
    only(target="matter_external")
    make_matter(external_deadline=d(13), internal_deadline=None, state="coordinating")
    for day in (12, 13, 14):
        run_reminders(at(day))
    assert smtp_server.messages == []
    run_reminders(at(15))
    run_reminders(at(16))
    assert [m.envelope_to for m in smtp_server.messages] == [["coordinator@moe.example"]]


def test_a_deadline_on_the_holiday_is_reminded_the_next_working_day(only, holiday, make_matter, smtp_server):
    only()
    make_matter(internal_deadline=HOLIDAY, state="coordinating")
    run_reminders(at(8))
    assert smtp_server.messages == []
    run_reminders(at(9))
    assert len(smtp_server.messages) == 1


def test_nothing_goes_out_before_half_past_seven(only, make_matter, smtp_server):
    only()
    make_matter(internal_deadline=DEADLINE, state="coordinating")
    run_reminders(at(10, 7, 29))
    assert smtp_server.messages == []
    run_reminders(at(10, 7, 30))
    assert len(smtp_server.messages) == 1


def test_the_same_reminder_is_claimed_once(only, make_matter):
    only(channels=["email", "in_app"])
    make_matter(internal_deadline=DEADLINE, state="coordinating")
    reminders = list(due_reminders(at(10)))
    assert [r.channel for r in reminders] == ["email", "in_app"]
    assert _claim(reminders[0], at(10)) is not None
    assert _claim(reminders[0], at(10, 9)) is None  # another tick, another worker: skipped
    assert ReminderLog.objects.count() == 1


def test_a_failed_send_is_retried_by_the_next_tick_and_not_duplicated(only, make_matter, users, smtp_server,
                                                                      line_server):
    only(channels=["email", "line"])
    User.objects.filter(pk=users["coordinator"].pk).update(line_user_id="Ucoordinator")
    NotificationPreference.objects.create(user=users["coordinator"], line=True)
    make_matter(internal_deadline=DEADLINE, state="coordinating")
    line_server.fail(500)
    run_reminders(at(10, 8))
    line_log = ReminderLog.objects.get(channel="line")
    assert line_log.status == ReminderLog.Status.FAILED and "LINE" in line_log.detail
    run_reminders(at(10, 8, 1))  # too soon to ask LINE again
    assert ReminderLog.objects.get(channel="line").attempts == 1
    run_reminders(at(10, 8, 5))
    assert ReminderLog.objects.get(channel="line").attempts == 2
    line_server.succeed()
    run_reminders(at(10, 8, 15))
    run_reminders(at(10, 8, 30))
    run_reminders(at(11, 8))
    assert [p.to for p in line_server.pushes] == ["Ucoordinator"]
    assert len(smtp_server.messages) == 1  # the email went the first time and never again
    assert ReminderLog.objects.get(channel="line").status == ReminderLog.Status.SENT


def test_retries_stop_once_the_matter_is_closed(only, make_matter, smtp_server, settings):
    only()
    matter = make_matter(internal_deadline=DEADLINE, state="coordinating")
    smtp_server.stop()
    run_reminders(at(10))
    assert ReminderLog.objects.get().status == ReminderLog.Status.FAILED
    settings.EMAIL_PORT = smtp_server.start().port
    type(matter).objects.filter(pk=matter.pk).update(state="closed")
    run_reminders(at(10, 9))
    assert smtp_server.messages == []
    assert ReminderLog.objects.get().status == ReminderLog.Status.GAVE_UP


def test_a_send_cut_short_by_a_crash_is_not_repeated(only, make_matter, smtp_server):
    rule = only()
    matter = make_matter(internal_deadline=DEADLINE, state="coordinating")
    ReminderLog.objects.create(rule=rule, target_type="matter", object_id=matter.pk, deadline=DEADLINE,
                               recipient=f"user:{matter.assignees.get().pk}", channel="email", matter=matter,
                               address="coordinator@moe.example", body="…", created_at=at(10, 7, 40),
                               updated_at=at(10, 7, 40))
    run_reminders(at(10, 8))
    assert smtp_server.messages == []
    assert ReminderLog.objects.get().status == ReminderLog.Status.GAVE_UP


def test_closed_matters_and_answered_requests_get_no_reminders(make_matter, agencies, smtp_server):
    make_matter(internal_deadline=DEADLINE, state="closed")
    open_matter = make_matter(internal_deadline=None, state="coordinating")
    AgencyRequest.objects.create(matter=open_matter, agency=agencies[0], deliverable="ข้อมูล", deadline=d(9),
                                 status=AgencyRequest.Status.ANSWERED)
    for day in (5, 10, 15):
        run_reminders(at(day))
    assert smtp_server.messages == []


def test_a_secret_matter_is_reminded_by_number_only_and_only_to_cleared_people(only, make_matter, users,
                                                                               smtp_server):
    only(recipients=["assignees", "group_head"], subject_template="[{number}] {title}")
    matter = make_matter(title="แผนปรับโครงสร้างกรมลับเฉพาะ", secrecy=1, internal_deadline=DEADLINE,
                         state="coordinating", assignees=[users["uncleared"]])
    run_reminders(at(10))
    (message,) = smtp_server.messages
    assert message.envelope_to == ["grouphead@moe.example"]  # the uncleared assignee gets nothing
    assert matter.number in message["Subject"]
    assert "ลับเฉพาะ" not in message["Subject"] and "ลับเฉพาะ" not in SmtpServer.body(message)


def test_a_person_who_turned_email_off_is_told_in_app_only(only, make_matter, users, smtp_server):
    only(channels=["email", "in_app"])
    NotificationPreference.objects.create(user=users["coordinator"], email=False)
    make_matter(internal_deadline=DEADLINE, state="coordinating")
    counts = run_reminders(at(10))
    assert smtp_server.messages == []
    assert counts["in_app"] == 1
    assert users["coordinator"].notifications.filter(kind="reminder").count() == 1


def test_a_moved_deadline_is_reminded_again(only, make_matter, smtp_server):
    only()
    matter = make_matter(internal_deadline=DEADLINE, state="coordinating")
    run_reminders(at(10))
    type(matter).objects.filter(pk=matter.pk).update(internal_deadline=d(12))
    run_reminders(at(12))
    assert len(smtp_server.messages) == 2
