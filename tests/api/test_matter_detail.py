"""GET /api/v1/matters/{id} and /transitions: one 404 for "missing" and "not yours to see"; secret reads audited."""

from prasan.accounts.models import User
from prasan.audit.models import AuditEvent

from .conftest import assert_thai_error


def test_staff_read_a_normal_matter_with_the_events_they_may_fire(api, make_matter):
    matter = make_matter()
    body = api("coordinator").get(f"/matters/{matter.pk}").json()
    assert body["number"] == matter.number and body["title"] == matter.title
    assert [e["event"] for e in body["available_events"]] == ["accept"]
    head_view = api("grouphead").get(f"/matters/{matter.pk}").json()
    assert [e["event"] for e in head_view["available_events"]] == ["accept", "transfer", "cancel"]
    assert head_view["available_events"][2]["needs_message"] is True
    auditor_view = api("auditor").get(f"/matters/{matter.pk}")
    assert auditor_view.status_code == 200
    assert auditor_view.json()["available_events"] == []


def test_a_matter_outside_the_callers_unit_offers_no_events(api, make_matter):
    matter = make_matter()
    body = api("outsider").get(f"/matters/{matter.pk}").json()
    assert body["id"] == matter.pk and body["available_events"] == []


def test_a_secret_matter_is_404_for_the_uncleared_and_the_outsider_exactly_like_a_missing_one(api, secret_matter):
    missing = api("coordinator").get("/matters/987654")
    assert_thai_error(missing, 404)
    for role in ("uncleared", "outsider", "registrar", "auditor"):
        response = api(role).get(f"/matters/{secret_matter.pk}")
        assert response.status_code == 404, role
        assert response.content == missing.content


def test_an_admin_without_superuser_rights_gets_404_for_a_secret_matter(api, secret_matter):
    admin = User.objects.create_user("sysadmin", role="admin", clearance=3)
    assert_thai_error(api(admin).get(f"/matters/{secret_matter.pk}"), 404)


def test_reading_a_secret_matter_is_audited(api, users, secret_matter):
    assert api("grouphead").get(f"/matters/{secret_matter.pk}").status_code == 200
    read = AuditEvent.objects.filter(action="matter.read", object_id=str(secret_matter.pk)).get()
    assert read.actor == users["grouphead"]


def test_reading_a_normal_matter_is_not_audited(api, make_matter):
    matter = make_matter()
    api("coordinator").get(f"/matters/{matter.pk}")
    assert not AuditEvent.objects.filter(action="matter.read").exists()


def test_anonymous_callers_may_not_read_a_matter(api, make_matter):
    assert_thai_error(api(None).get(f"/matters/{make_matter().pk}"), 401)


def test_a_malformed_or_absurd_id_is_refused_in_thai(api, db):
    for path in ("/matters/abc", "/matters/0", "/matters/-3", "/matters/99999999999999999999999"):
        assert_thai_error(api("coordinator").get(path), 422)


def test_the_history_lists_every_transition_in_order(api, users, make_matter):
    matter = make_matter()
    matter.fire("accept", by=users["coordinator"])
    body = api("auditor").get(f"/matters/{matter.pk}/transitions").json()
    assert body["count"] == 2
    assert [(t["event"], t["to_state"]) for t in body["items"]] == [("create", "received"), ("accept", "planning")]
    assert body["items"][1]["event_label"] == "รับพิจารณา" and body["items"][1]["by"] == users["coordinator"].pk


def test_the_history_of_a_secret_matter_is_404_for_those_who_may_not_see_it(api, secret_matter):
    assert api("coordinator").get(f"/matters/{secret_matter.pk}/transitions").status_code == 200
    for role in ("uncleared", "outsider"):
        assert_thai_error(api(role).get(f"/matters/{secret_matter.pk}/transitions"), 404)
    assert_thai_error(api(None).get(f"/matters/{secret_matter.pk}/transitions"), 401)


def test_an_admin_without_superuser_rights_reads_nothing_of_a_secret_matter(api, make_matter, secret_matter):
    admin = api(User.objects.create_user("sysadmin", role="admin", clearance=3))
    normal = make_matter()
    for tail in ("", "/transitions", "/activities", "/requests", "/plan"):
        assert admin.get(f"/matters/{normal.pk}{tail}").status_code == 200, tail
        assert_thai_error(admin.get(f"/matters/{secret_matter.pk}{tail}"), 404)
