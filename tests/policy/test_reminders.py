"""A policy's reports are reminded before and after they are due, by e-mail and LINE to the agency's liaison
officer, through the office's reminder rules and tick; a late report feeds the late-agency tables."""

import datetime as dt

import pytest
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.queries import late_requests
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.models import ReminderLog, ReminderRule
from prasan.tracking.tasks import run_tick

from .conftest import opened_dues

pytestmark = pytest.mark.django_db


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(8, 0)))


def test_the_default_rules_remind_before_and_after_by_email_and_line():
    rules = {r.offset_working_days: r for r in ReminderRule.objects.filter(target="policy_report")}
    assert set(rules) == {-2, 1}
    assert all(r.channels == ["email", "line"] and r.recipients == ["liaison"] for r in rules.values())


def test_an_unreported_due_is_reminded_before_and_after_on_both_channels(make_policy, smtp_server, line_server):
    policy = make_policy()
    calendar = WorkingCalendar()
    due = next(d for d in opened_dues(policy) if d.commitment.agency.abbreviation == "สพฐ.")
    before = len(smtp_server.to("liaison@obec.example"))
    run_tick(at(calendar.add_working_days(due.due_on, -2)))
    run_tick(at(calendar.add_working_days(due.due_on, 1)))
    mails = smtp_server.to("liaison@obec.example")[before:]
    subjects = [str(m["Subject"]).strip() for m in mails]
    assert any(s.startswith("แจ้งเตือนกำหนดส่งรายงานความก้าวหน้า") for s in subjects), subjects
    assert any("(เกินกำหนด)" in s for s in subjects), subjects
    assert any("/reply/" in smtp_server.body(m) for m in mails)
    pushes = [p for p in line_server.pushes if p.to == "Uliaison1"]
    assert len(pushes) == 2 and "ยังไม่ได้รับรายงาน" in pushes[1].text
    # The ad-hoc request rule (agency_request, +1) does not remind a policy report a second time.
    assert not ReminderLog.objects.filter(rule__target="agency_request").exists()
    # Running the same tick again sends nothing more.
    run_tick(at(calendar.add_working_days(due.due_on, 1)))
    assert len(smtp_server.to("liaison@obec.example")[before:]) == len(mails)


def test_a_late_report_is_a_late_request_for_the_late_agency_tables(make_policy, smtp_server):
    policy = make_policy()
    late = late_requests(AgencyRequest.objects.filter(matter=policy.matter), timezone.localdate())
    assert late.exists()
