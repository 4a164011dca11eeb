"""Everyone told when it is their turn: in-app, e-mail (real SMTP server) and LINE (the stand-in), once each."""

import pytest
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from prasan.accounts.models import User
from prasan.coordination import services
from prasan.coordination.models import AgencyRequest
from prasan.documents import chain, drafting
from prasan.tracking.models import Notice, Notification, NotificationPreference
from prasan.tracking.notices import Event, announce, send_pending
from tests.documents.conftest import sample
from tests.servers import line_server, smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.fixture
def people(users):
    """The coordinator reads LINE too; everyone else e-mail and in-app (the defaults)."""
    User.objects.filter(pk=users["coordinator"].pk).update(line_user_id="Ucoord")
    NotificationPreference.objects.create(user=users["coordinator"], line=True)
    return users


def worker() -> Worker:
    return Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                  max_tasks=None, worker_id="test-worker", excluded_queue_names=[])


def mails_to(smtp, address):
    return [" ".join(str(m["Subject"]).split()) for m in smtp.messages if address in m.envelope_to]


def test_each_turn_is_told_once_by_every_channel_across_a_worker_restart(
        people, make_matter, agencies, smtp_server, line_server):  # noqa: F811
    users = people
    with override_settings(TASKS=DB_TASKS):
        matter = make_matter(title="สพฐ. รายงานผลการสอบครูผู้ช่วย", state="coordinating")
        request = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลครู",
                                               deadline=matter.external_deadline)
        note = drafting.start(matter, "summary_note", by=users["coordinator"])
        note = drafting.save_version(note, note.fields | sample("summary_note"), by=users["coordinator"])
        chain.submit(note, by=users["coordinator"])

        # The first worker runs what is queued so far, then stops (a restart).
        worker().run()
        assert mails_to(smtp_server, "grouphead@moe.example") == [
            f"[ประสาน] รอท่านตรวจ: {note.title} ({matter.number} {matter.title})"]

        chain.decide(note, by=users["grouphead"], approve=False, comment="เพิ่มข้อกฎหมายที่เกี่ยวข้อง")
        services.answer_request(request, answer="จำนวนครูผู้ช่วย ๑,๒๐๐ คน\nรายละเอียดตามแนบ", name="สมชาย ใจดี")
        # A second worker after the restart; then a tick finds nothing left, and a third worker neither.
        worker().run()
        send_pending()
        worker().run()
        assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()

    coordinator = mails_to(smtp_server, "coordinator@moe.example")
    # (The coordinator recorded the matter and gave it to himself: that needs no message.)
    assert sorted(coordinator) == sorted([
        f"[ประสาน] ส่งกลับแก้ไข: เอกสารของเรื่อง {matter.number} {matter.title}",
        f"[ประสาน] สพฐ. ตอบแล้ว: {matter.number} {matter.title}",
    ])
    assert len(smtp_server.messages) == 3  # and the group head's one
    pushes = [p.text for p in line_server.pushes]
    assert len(pushes) == 2 and all(p.startswith(("ส่งกลับ", "สพฐ.")) for p in pushes)
    returned = next(m for m in smtp_server.messages if "ส่งกลับ" in m["Subject"])
    body = smtp_server.body(returned)
    assert "เพิ่มข้อกฎหมายที่เกี่ยวข้อง" in body and f"/documents/{note.pk}/" in body
    answered = next(p for p in pushes if p.startswith("สพฐ."))
    assert "จำนวนครูผู้ช่วย ๑,๒๐๐ คน" in answered and f"#request-{request.pk}" in answered
    in_app = Notification.objects.filter(user=users["coordinator"]).values_list("kind", flat=True)
    assert sorted(in_app) == ["answered", "assigned", "returned"]  # his own assignment: in Prasan only


def test_a_person_given_a_matter_by_someone_else_is_told(people, make_matter, smtp_server):  # noqa: F811
    users = people
    matter = make_matter(assignees=[])
    matter.assignees.add(users["uncleared"])
    assert mails_to(smtp_server, "uncleared@moe.example") == [
        f"[ประสาน] ท่านได้รับมอบหมายเรื่อง {matter.number} {matter.title}"]


def test_the_same_happening_is_never_told_twice(people, make_matter, smtp_server):  # noqa: F811
    users = people
    matter = make_matter(assignees=[])
    event = Event("test:1", Notification.Kind.REVIEW, matter, f"รอท่านตรวจ ({matter.number})", url="/")
    assert announce(event, [users["grouphead"]]) == 1
    assert announce(event, [users["grouphead"]]) == 0
    send_pending()
    send_pending()
    assert len(smtp_server.messages) == 1
    assert Notice.objects.filter(user=users["grouphead"]).count() == 2  # in-app and e-mail


def test_a_notice_a_crash_left_mid_send_is_not_sent_again(people, make_matter, smtp_server):  # noqa: F811
    import datetime as dt

    from django.utils import timezone

    users = people
    matter = make_matter(assignees=[])
    with override_settings(TASKS=DB_TASKS):  # queued for a worker that "dies" while sending
        announce(Event("test:2", Notification.Kind.REVIEW, matter, "รอท่านตรวจ", url="/"), [users["head"]])
    Notice.objects.filter(channel="email").update(status=Notice.Status.SENDING,
                                                  updated_at=timezone.now() - dt.timedelta(hours=1))
    counts = send_pending()
    assert counts["crashed"] == 1 and smtp_server.messages == []


def test_no_one_is_told_of_a_matter_they_may_not_see(people, make_matter, smtp_server):  # noqa: F811
    users = people
    matter = make_matter(secrecy=2, title="เรื่องลับมาก", assignees=[])
    told = announce(Event("test:3", Notification.Kind.REVIEW, matter, "รอท่านตรวจ", url="/"),
                    [users["uncleared"], users["outsider"], users["grouphead"]])
    assert told == 1
    assert set(Notice.objects.values_list("user__username", flat=True)) == {"grouphead"}


def test_a_secret_matters_title_and_text_never_leave_in_a_message(people, make_matter, agencies,
                                                                  smtp_server):  # noqa: F811
    matter = make_matter(secrecy=1, title="เรื่องลับเฉพาะ", state="coordinating")
    request = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูล",
                                           deadline=matter.external_deadline)
    services.answer_request(request, answer="รายละเอียดลับ", name="สมชาย")
    send_pending()
    for message in smtp_server.messages:
        text = message["Subject"] + smtp_server.body(message)
        assert "เรื่องลับเฉพาะ" not in text and "รายละเอียดลับ" not in text
