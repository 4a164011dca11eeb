"""Done when: a matter walks through its reminders day by day with `prasan tick --now …`.

Real SMTP server and the LINE push stand-in; March 2027 has a weekend in each week and an office
holiday on Monday 8 March. Internal deadline Wednesday 10 March; an agency request due Friday 5.
"""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import User
from prasan.coordination import links, services
from prasan.coordination.models import Activity, AgencyRequest
from prasan.tracking.models import Holiday, Notification, NotificationPreference, ReminderLog
from prasan.tracking.notices import send_pending
from tests.servers import SmtpServer

BASE = "https://prasan.example.go.th"
DEADLINE = dt.date(2027, 3, 10)  # Wednesday
HOLIDAY = dt.date(2027, 3, 8)  # Monday, an office holiday
REQUEST_DEADLINE = dt.date(2027, 3, 5)  # Friday
# From 5 working days before the deadline (Tue 2) to 5 after (Wed 17), every calendar day.
WALK = [dt.date(2027, 3, 2) + dt.timedelta(days=i) for i in range(16)]


def tick(when: str) -> str:
    out = io.StringIO()
    call_command("tick", now=when, stdout=out)
    return out.getvalue()


@pytest.fixture
def scene(settings, smtp_server, line_server, users, make_matter, agencies):
    settings.BASE_URL = BASE
    Holiday.objects.create(date=HOLIDAY, name="วันหยุดราชการเป็นกรณีพิเศษ", source=Holiday.Source.OFFICE)
    for user in User.objects.all():  # digests have their own tests; here only reminders arrive
        NotificationPreference.objects.create(user=user, digest=False)
    coordinator, grouphead = users["coordinator"], users["grouphead"]
    User.objects.filter(pk=coordinator.pk).update(line_user_id="Ucoordinator")
    User.objects.filter(pk=grouphead.pk).update(line_user_id="Ugrouphead")  # has LINE, left it off
    NotificationPreference.objects.filter(user=coordinator).update(line=True)
    matter = make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569", state="coordinating",
                         internal_deadline=DEADLINE, external_deadline=dt.date(2027, 3, 17))
    obec = agencies[0]
    req = AgencyRequest.objects.create(
        matter=matter, agency=obec, contact=obec.contacts.get(is_liaison=True), deliverable="ข้อมูลครูผู้ช่วย",
        deadline=REQUEST_DEADLINE, created_by=coordinator,
        link_issued_at=timezone.make_aware(dt.datetime(2027, 3, 1, 10, 0)),
    )
    services.send_link(req, by=coordinator)
    send_pending()  # nothing else waits to be told: here only what the clock sends counts
    assert [m.envelope_to for m in smtp_server.messages] == [["liaison@obec.example"]]
    link_sent = links.reply_url(req)
    assert link_sent in SmtpServer.body(smtp_server.messages[0])
    smtp_server.messages.clear()
    line_server.pushes.clear()
    return {"matter": matter, "request": req, "link": link_sent, "smtp": smtp_server, "line": line_server}


def walk(scene) -> dict:
    """Tick twice at 08:00 on every day of the walk; what each day's first tick sent."""
    smtp, line = scene["smtp"], scene["line"]
    sent = {}
    for day in WALK:
        for attempt in (1, 2):
            mails, pushes = len(smtp.messages), len(line.pushes)
            tick(f"{day.isoformat()}T08:00")
            new_mail, new_push = smtp.messages[mails:], line.pushes[pushes:]
            if attempt == 2:
                assert (new_mail, new_push) == ([], []), f"second tick on {day} sent again"
            elif new_mail or new_push:
                sent[day] = {"email": sorted(a for m in new_mail for a in m.envelope_to),
                             "line": sorted(p.to for p in new_push), "mails": new_mail, "pushes": new_push}
    return sent


def test_each_reminder_arrives_once_on_the_right_working_day_to_the_right_people(scene):
    sent = walk(scene)

    assert {day: (got["email"], got["line"]) for day, got in sent.items()} == {
        # 2 working days before Wed 10, counting over the holiday and the weekend: Fri 5.
        dt.date(2027, 3, 5): (["coordinator@moe.example"], ["Ucoordinator"]),
        # The agency was due Fri 5; one working day late is Tue 9 (Mon 8 is a holiday): the liaison is
        # reminded, and the assignee told the request is overdue (on the first working morning after it).
        dt.date(2027, 3, 9): (["coordinator@moe.example", "liaison@obec.example"], ["Ucoordinator"]),
        # On the deadline: the assignee and the group head (whose LINE is off).
        dt.date(2027, 3, 10): (["coordinator@moe.example", "grouphead@moe.example"], ["Ucoordinator"]),
        # 3 working days late, over the weekend: Mon 15, to the head of office.
        dt.date(2027, 3, 15): (["head@moe.example"], []),
    }


def test_every_message_carries_the_matter_number_and_a_link(scene):
    matter = scene["matter"]
    sent = walk(scene)
    matter_link = f"{BASE}/matters/{matter.pk}/"
    staff_mails = [m for day, got in sent.items() if day != dt.date(2027, 3, 9) for m in got["mails"]]
    assert len(staff_mails) == 4
    for message in staff_mails:
        assert matter.number in message["Subject"]
        body = SmtpServer.body(message)
        assert matter.number in body and matter.title in body and matter_link in body
    for push in [p for got in sent.values() for p in got["pushes"]]:
        assert matter.number in push.text and matter_link in push.text
    assert "10 มีนาคม 2570" in SmtpServer.body(sent[dt.date(2027, 3, 5)]["mails"][0])


def test_the_agency_follow_up_is_polite_and_carries_the_same_working_reply_link(scene):
    matter, req = scene["matter"], scene["request"]
    sent = walk(scene)
    (message,) = [m for m in sent[dt.date(2027, 3, 9)]["mails"] if m.envelope_to == ["liaison@obec.example"]]
    body = SmtpServer.body(message)
    assert matter.number in message["Subject"] and matter.number in body
    assert "ขอเรียนติดตาม" in body and "สมชาย ใจดี" in body and "ขอขอบคุณ" in body
    assert scene["link"] in body
    token = scene["link"].rsplit("/", 2)[-2]
    assert links.resolve(token).pk == req.pk  # following up did not invalidate the agency's link
    follow_up = Activity.objects.get(agency_request=req, outcome__contains="ติดตามคำขอ")
    assert follow_up.delivery == Activity.Delivery.SENT
    assert scene["link"] not in follow_up.summary


def test_in_app_reminders_appear_on_the_notifications_page(scene, users, login):
    matter = scene["matter"]
    walk(scene)
    reminders = Notification.objects.filter(kind=Notification.Kind.REMINDER)
    assert Counter(n.user.username for n in reminders) == {"coordinator": 2, "grouphead": 1, "head": 1}
    days = sorted(timezone.localtime(n.created_at).date() for n in reminders.filter(user=users["coordinator"]))
    assert days == [dt.date(2027, 3, 5), DEADLINE]

    page = login(users["coordinator"]).get(reverse("notifications"))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count(matter.number) >= 2
    assert "อีก 2 วันทำการ" in text and "ครบกำหนดภายในวันนี้" in text


def test_the_log_holds_one_row_per_reminder_recipient_and_channel(scene):
    walk(scene)
    assert ReminderLog.objects.count() == 5 + 2 + 4  # emails (4 staff, 1 liaison), LINE pushes, in-app
    assert set(ReminderLog.objects.values_list("status", flat=True)) == {ReminderLog.Status.SENT}


def test_tick_says_when_nothing_is_due(db):
    assert "ไม่มีการแจ้งเตือน" in tick("2027-03-06T08:00")


def test_tick_rejects_a_malformed_time_in_thai(db):
    with pytest.raises(CommandError, match="เวลาไม่ถูกต้อง"):
        tick("พรุ่งนี้")


def test_tick_refuses_now_together_with_loop(db):
    with pytest.raises(CommandError, match="--now"):
        call_command("tick", now="2027-03-05T08:00", loop=60)


def test_a_bare_date_means_that_morning_at_half_past_seven(scene):
    tick("2027-03-05")
    assert [m.envelope_to for m in scene["smtp"].messages] == [["coordinator@moe.example"]]


def test_the_worker_task_runs_the_same_tick(scene):
    from prasan.tracking.tasks import tick_task

    result = tick_task.enqueue(now_iso="2027-03-05T08:00:00+07:00")
    assert result.return_value == {"email": 1, "line": 1, "in_app": 1}
    assert [m.envelope_to for m in scene["smtp"].messages] == [["coordinator@moe.example"]]
