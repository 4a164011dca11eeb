"""The notifications page, opening a notification, and the preferences page."""

import pytest
from django.urls import reverse

from prasan.tracking.models import Notification, NotificationPreference
from prasan.tracking.views_notifications import unread_count


@pytest.fixture
def note(users, make_matter):
    matter = make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วย", state="coordinating")
    return Notification.objects.create(user=users["coordinator"], matter=matter,
                                       text=f"[{matter.number}] ครบกำหนดภายในวันนี้", url=matter.get_absolute_url())


def test_being_given_a_matter_notifies_the_assignee_in_app(users, make_matter):
    matter = make_matter(assignees=[users["coordinator"], users["grouphead"]])
    given = Notification.objects.filter(matter=matter, kind=Notification.Kind.ASSIGNED)
    assert sorted(n.user.username for n in given) == ["coordinator", "grouphead"]
    assert all(matter.number in n.text for n in given)


def test_a_secret_assignment_is_named_by_number_only(users, make_matter):
    matter = make_matter(title="แผนลับเฉพาะ", secrecy=1)
    text = Notification.objects.get(matter=matter).text
    assert matter.number in text and "ลับเฉพาะ" not in text


@pytest.mark.parametrize("role", ["coordinator", "grouphead", "head", "minister", "registrar", "auditor"])
def test_every_signed_in_person_has_a_notifications_page(role, users, login):
    assert login(users[role]).get(reverse("notifications")).status_code == 200


def test_the_page_lists_only_my_notifications(note, users, login, django_assert_max_num_queries):
    client = login(users["coordinator"])
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notifications"))
    assert note.text in page.content.decode()
    assert note.text not in login(users["outsider"]).get(reverse("notifications")).content.decode()


def test_anonymous_callers_are_sent_to_sign_in(client, note):
    for url in (reverse("notifications"), reverse("notification-open", args=[note.pk]),
                reverse("notification-preferences")):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_opening_a_notification_marks_it_read_and_goes_to_the_matter(note, users, login):
    client = login(users["coordinator"])
    assert unread_count(users["coordinator"]) == 2  # this one and "given a matter"
    response = client.get(reverse("notification-open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None


def test_someone_elses_notification_is_not_found(note, users, login):
    assert login(users["outsider"]).get(reverse("notification-open", args=[note.pk])).status_code == 404


def test_a_notification_never_sends_anyone_off_the_site(note, users, login):
    Notification.objects.filter(pk=note.pk).update(url="https://evil.example/phish")
    response = login(users["coordinator"]).get(reverse("notification-open", args=[note.pk]))
    assert response["Location"] == reverse("notifications")


def test_mark_all_read_takes_a_post(note, users, login):
    client = login(users["coordinator"])
    assert client.get(reverse("notifications-read-all")).status_code == 405
    client.post(reverse("notifications-read-all"))
    assert unread_count(users["coordinator"]) == 0
    assert unread_count(users["outsider"]) == 0


def test_preferences_are_saved_per_person(users, login):
    client = login(users["coordinator"])
    page = client.get(reverse("notification-preferences"))
    assert "ยังไม่ได้เชื่อมกับ LINE" in page.content.decode()
    response = client.post(reverse("notification-preferences"), {"email": "on", "line": "on", "digest_line": "on"})
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(user=users["coordinator"])
    assert (pref.email, pref.line, pref.digest, pref.digest_line) == (True, True, False, True)
    assert not NotificationPreference.objects.filter(user=users["outsider"]).exists()


def test_the_header_tag_counts_my_unread_notifications(note, users, rf):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = users["coordinator"]
    rendered = Template("{% load notification_tags %}{% unread_notifications as n %}{{ n }}").render(
        Context({"request": request}))
    assert rendered == "2"


def test_an_admin_edits_a_rule_with_checkboxes_and_a_checked_template(users, login):
    from prasan.tracking.models import ReminderRule

    rule = ReminderRule.objects.get(target="matter_internal", offset_working_days=-2)
    client = login(users["admin"])
    url = reverse("admin:tracking_reminderrule_change", args=[rule.pk])
    assert client.get(url).status_code == 200
    data = {"name": rule.name, "active": "on", "target": "matter_internal", "offset_working_days": "-3",
            "recipients": ["assignees", "group_head"], "channels": ["email"],
            "subject_template": "[{number}] {title}", "message_template": "{number} {dedline}"}
    page = client.post(url, data)
    assert page.status_code == 200 and "ไม่รู้จัก {dedline}" in page.content.decode()
    data["message_template"] = "{number} {deadline} {link}"
    assert client.post(url, data).status_code == 302
    rule.refresh_from_db()
    assert (rule.offset_working_days, rule.recipients, rule.channels) == (-3, ["assignees", "group_head"], ["email"])
