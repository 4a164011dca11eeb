"""Asking agencies from the matter page: one request and one real message with its own link per agency."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from prasan.coordination import services
from prasan.coordination.models import Activity, AgencyRequest
from prasan.directory.models import Agency
from prasan.tracking.calendar import add_working_days, working_days_between
from prasan.tracking.models import Holiday

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://\S+/reply/(\S+)/")


def url(matter):
    return f"/matters/{matter.pk}/requests/new/"


def ask(client, matter, agencies, **fields):
    data = {"agencies": [a.pk for a in agencies], "deliverable": "จำนวนครูผู้ช่วยแยกตามจังหวัด",
            "deadline_days": 5, "channel": "email", **fields}
    return client.post(url(matter), data)


def test_it_sends_each_agency_its_own_link(login, users, matter, agencies, smtp_server):
    response = ask(login(users["coordinator"]), matter, agencies)

    assert response.status_code == 302
    requests = list(AgencyRequest.objects.filter(matter=matter).order_by("agency__name"))
    assert [r.agency for r in requests] == sorted(agencies, key=lambda a: a.name)
    assert len(smtp_server.messages) == 2
    tokens = set()
    for req in requests:
        [message] = smtp_server.to(req.contact.email)
        body = smtp_server.body(message)
        assert matter.number in message["Subject"]
        assert "จำนวนครูผู้ช่วยแยกตามจังหวัด" in body
        assert req.agency.name in body
        [token] = LINK.findall(body)
        assert services.links.resolve(token) == req
        tokens.add(token)
    assert len(tokens) == 2


def test_it_logs_the_request_without_the_link(login, users, matter, agencies, smtp_server):
    ask(login(users["coordinator"]), matter, agencies)

    activities = Activity.objects.filter(matter=matter, agency_request__isnull=False)
    assert activities.count() == 2
    for activity in activities:
        assert activity.delivery == Activity.Delivery.SENT
        assert "/reply/" not in activity.summary
    page = login(users["auditor"]).get(matter.get_absolute_url()).content.decode()
    assert "/reply/" not in page


def test_a_secret_matters_request_hides_its_title(login, users, secret_matter, agencies, smtp_server):
    ask(login(users["coordinator"]), secret_matter, agencies[:1], deliverable="รายชื่อผู้เกี่ยวข้อง")

    [message] = smtp_server.messages
    body = smtp_server.body(message)
    assert secret_matter.number in message["Subject"]
    assert secret_matter.title not in message["Subject"]
    assert secret_matter.title not in body
    assert "รายชื่อผู้เกี่ยวข้อง" not in body
    assert "เรื่องชั้นความลับ" in body
    assert LINK.search(body)


def test_request_body_hides_a_secret_title(users, secret_matter, agencies):
    req = AgencyRequest.objects.create(matter=secret_matter, agency=agencies[0], deliverable="ข้อมูลลับ",
                                       deadline=timezone.localdate())

    body = services.request_body(req, "http://x/reply/t/")

    assert secret_matter.title not in body
    assert "ข้อมูลลับ" not in body


def test_it_counts_the_deadline_in_working_days(login, users, matter, agencies, smtp_server):
    today = timezone.localdate()
    # The office closes for the next ten calendar days: one working day lands after them.
    for i in range(1, 11):
        Holiday.objects.create(date=today + dt.timedelta(days=i), name=f"วันหยุดพิเศษ {i}", source="office")

    ask(login(users["coordinator"]), matter, agencies[:1], deadline_days=1)

    deadline = AgencyRequest.objects.get().deadline
    assert deadline > today + dt.timedelta(days=10)
    assert deadline == add_working_days(today, 1)
    assert deadline.weekday() < 5


def test_five_working_days_are_five_working_days(login, users, matter, agencies, smtp_server):
    ask(login(users["coordinator"]), matter, agencies[:1], deadline_days=5)

    deadline = AgencyRequest.objects.get().deadline
    assert working_days_between(timezone.localdate(), deadline) == 5
    assert (deadline - timezone.localdate()).days >= 5


def test_a_date_wins_over_working_days(login, users, matter, agencies, smtp_server):
    due = timezone.localdate() + dt.timedelta(days=30)

    ask(login(users["coordinator"]), matter, agencies[:1], deadline_days="", deadline_date=due.isoformat())

    assert AgencyRequest.objects.get().deadline == due


def test_it_needs_a_deadline_and_an_agency(login, users, matter, agencies, smtp_server):
    response = login(users["coordinator"]).post(url(matter), {"deliverable": "ข้อมูล", "channel": "email"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "เลือกอย่างน้อยหนึ่งหน่วยงาน" in page
    assert "กรุณาระบุกำหนดส่งเป็นวันทำการหรือวันที่" in page
    assert not AgencyRequest.objects.exists()
    assert smtp_server.messages == []


def test_it_refuses_a_past_date(login, users, matter, agencies):
    past = timezone.localdate() - dt.timedelta(days=1)

    response = ask(login(users["coordinator"]), matter, agencies, deadline_days="", deadline_date=past.isoformat())

    assert "กำหนดส่งต้องไม่อยู่ก่อนวันนี้" in response.content.decode()
    assert not AgencyRequest.objects.exists()


def test_it_sends_by_line_and_falls_back_to_email(login, users, matter, agencies, smtp_server, line_server):
    # สพฐ.'s liaison has LINE; สอศ. has only email.
    ask(login(users["coordinator"]), matter, agencies, channel="line")

    [push] = line_server.pushes
    assert push.to == "Uliaison1"
    assert LINK.search(push.text)
    [message] = smtp_server.messages
    assert message.envelope_to == ["liaison@vec.example"]


def test_an_agency_without_email_or_line_is_logged_for_another_way(login, users, matter, smtp_server):
    bare = Agency.objects.create(name="สำนักงานปลัดกระทรวง", abbreviation="สป.")

    response = ask(login(users["coordinator"]), matter, [bare])

    assert response.status_code == 302
    activity = Activity.objects.get(agency_request__isnull=False)
    assert activity.channel == "letter"
    assert activity.delivery == Activity.Delivery.NOT_SENT
    assert "คัดลอกลิงก์" in activity.outcome
    assert smtp_server.messages == []


def test_a_delivery_failure_keeps_the_requests(login, users, matter, agencies, smtp_server):
    smtp_server.stop()

    response = ask(login(users["coordinator"]), matter, agencies)

    assert response.status_code == 302
    assert AgencyRequest.objects.filter(matter=matter).count() == 2
    assert Activity.objects.filter(delivery=Activity.Delivery.FAILED).count() == 2
    page = login(users["coordinator"]).get(response["Location"]).content.decode()
    assert "ส่งไม่สำเร็จบางหน่วยงาน" in page


@pytest.mark.parametrize("role, status", [("auditor", 403), ("registrar", 404), ("outsider", 404)])
def test_wrong_callers_cannot_ask(login, users, matter, agencies, role, status):
    assert ask(login(users[role]), matter, agencies).status_code == status
    assert not AgencyRequest.objects.exists()


def test_the_uncleared_cannot_ask_on_a_secret_matter(login, users, secret_matter, agencies):
    assert ask(login(users["uncleared"]), secret_matter, agencies).status_code == 404


def test_anonymous_callers_are_sent_to_login(client, matter, agencies):
    response = ask(client, matter, agencies)

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not AgencyRequest.objects.exists()
