import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prasan.complaints import forwarding, replies
from prasan.complaints.models import Complaint
from prasan.complaints.queries import suggest_related
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.models import Notification, ReminderRule
from prasan.tracking.notify import run_reminders
from tests.servers import smtp_server  # noqa: F401  (fixture)

from .conftest import PARENT


@pytest.fixture
def spread(make_complaint, users, agencies, smtp_server):  # noqa: F811
    """Four complaints: one answered in time, one answered late, one open past due, one open in time."""
    calendar = WorkingCalendar()
    long_ago = timezone.now() - dt.timedelta(days=40)
    in_time = make_complaint(channel="hotline_1111", province="ขอนแก่น", category="การรับนักเรียน")
    late = make_complaint(channel="hotline_1111", province="น่าน", received_at=long_ago)
    past_due = make_complaint(channel="letter", province="น่าน", received_at=long_ago)
    make_complaint(channel="email", province="ขอนแก่น")
    replies.reply(in_time, by=users["coordinator"], kind="progress", via="phone", text="แจ้งความคืบหน้าทางโทรศัพท์")
    replies.reply(late, by=users["coordinator"], kind="final", via="phone", text="แจ้งผลแล้ว")
    replies.conclude(late, by=users["coordinator"], result="unsubstantiated")
    forwarding.forward(in_time, by=users["coordinator"], agencies=[agencies[0]],
                       deadline=calendar.add_working_days(timezone.localdate(), 5))
    return {"in_time": in_time, "late": late, "past_due": past_due}


def test_the_report_counts_by_channel_and_the_fifteen_days(login, users, spread, django_assert_max_num_queries):
    client = login(users["head"])
    start = (timezone.localdate() - dt.timedelta(days=60))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("complaint-report"), {"start": f"{start.day}/{start.month}/{start.year + 543}"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "รับ 4 เรื่อง · ตอบ/แจ้งความคืบหน้าแล้ว 2 · ทันกำหนด 1 (50%) · ยุติแล้ว 1 · ค้างเกินกำหนด 1" in body
    assert spread["past_due"].number in body
    export = client.get(reverse("complaint-report-export", args=["xlsx"]),
                        {"start": f"{start.day}/{start.month}/{start.year + 543}"})
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(export.content)).active.iter_rows()]
    hotline = next(r for r in rows if r[0] == "สายด่วน 1111 (ศูนย์บริการประชาชน สปน.)")
    assert hotline[1:7] == [2, 2, 1, "50%", 1, 0]
    agency = next(r for r in rows if r[0] == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    assert agency[1] == 1
    csv_text = client.get(reverse("complaint-report-export", args=["csv"])).content.decode("utf-8-sig")
    assert "ตามจังหวัด" in csv_text and "สมหญิง" not in csv_text


@pytest.mark.parametrize("who,status", [("head", 200), ("grouphead", 200), ("minister", 200), ("auditor", 200),
                                        ("coordinator", 403), ("registrar", 403)])
def test_the_report_is_for_those_who_follow_the_office(login, users, who, status):
    assert login(users[who]).get(reverse("complaint-report")).status_code == status
    assert login(users[who]).get(reverse("complaint-report-export", args=["csv"])).status_code == status


def test_the_clock_reminds_the_assignee_without_naming_the_complainant(make_complaint, users, smtp_server):  # noqa: F811
    ReminderRule.objects.update(active=False)
    ReminderRule.objects.create(name="ใกล้ครบกำหนดแจ้งรับ", target="matter_internal", offset_working_days=0,
                                recipients=["assignees"], channels=["email", "in_app"],
                                subject_template="[{number}] ครบกำหนด {deadline}",
                                message_template="เรื่อง {number} {title}\n{link}")
    complaint = make_complaint(details=f"ข้าพเจ้า {PARENT['name']} โทร {PARENT['phone']}")
    due = complaint.ack_due
    morning = timezone.make_aware(dt.datetime.combine(due, dt.time(8, 0)))
    run_reminders(morning)
    assert len(smtp_server.messages) == 1
    mail = smtp_server.messages[0]
    assert mail["To"] == users["coordinator"].email and complaint.number in str(mail["Subject"])
    text = mail.get_body().get_content() + " ".join(Notification.objects.values_list("text", flat=True))
    assert "สมหญิง" not in text and "081" not in text


def test_earlier_complaints_of_the_same_person_are_suggested(make_complaint, users):
    first = make_complaint(subject="ค่าเทอมแพง")
    make_complaint(subject="เรื่องอื่น", complainant={"name": "นายอื่น", "phone": "0900000000"}, about="")
    second = make_complaint(subject="ครูขาดสอน", about="")
    assert [c.pk for c in suggest_related(second, users["coordinator"])] == [first.pk]
    client_url = reverse("complaint-link", args=[second.pk])
    from django.test import Client

    client = Client()
    client.force_login(users["coordinator"])
    assert client.post(client_url, {"other": first.pk}).status_code == 302
    assert list(Complaint.objects.get(pk=second.pk).related.all()) == [first]
    assert suggest_related(second, users["coordinator"]) == []


@pytest.mark.parametrize("name,data", [
    ("complaint-forward", {"agencies": ["1"], "deadline": "1/1/2600"}),
    ("complaint-reply", {"kind": "progress", "via": "phone", "text": "แจ้งแล้ว"}),
    ("complaint-conclude", {"result": "resolved"}),
    ("complaint-satisfaction", {"satisfaction": "พอใจ"}),
    ("complaint-new-code", {}),
])
@pytest.mark.parametrize("who,allowed", [("coordinator", True), ("auditor", False), ("outsider", False),
                                         ("uncleared", False), (None, False)])
def test_every_action_as_each_caller(client, users, make_complaint, agencies, name, data, who, allowed):
    complaint = make_complaint()
    if who == "uncleared":
        Complaint.objects.get(pk=complaint.pk).matter.__class__.objects.filter(pk=complaint.matter_id).update(secrecy=1)
    if who:
        client.force_login(users[who])
    response = client.post(reverse(name, args=[complaint.pk]), data)
    if allowed:
        assert response.status_code in (302, 422), response.status_code
    elif who is None:
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code in (403, 404)


def test_the_office_dashboard_shows_the_complaints_clock(login, users, spread):
    body = login(users["head"]).get(reverse("dashboard")).content.decode()
    section = body[body.index('id="complaint-clock"'):]
    section = section[:section.index("</section>")]
    assert "เกินกำหนดตอบ/แจ้งความคืบหน้า" in section and "state=past_due" in section
    figures = dict(line.split("</th>")[0].rsplit(">", 1)[-1:] + [line.split('">')[-1].split("<")[0]]
                   for line in section.split("<tr>")[1:])
    assert figures["เรื่องร้องเรียนที่ยังไม่ยุติ"] == "3" and figures["เกินกำหนดตอบ/แจ้งความคืบหน้า"] == "1"
