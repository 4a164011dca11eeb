"""Dashboard counts for viewers who may not see every secret matter: whatever the clearance and need to know,
every number equals the list it links to, the weekly flow included."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter
from prasan.tracking import dashboards, generations
from tests.conftest import share_past_clearance
from tests.tracking.scenes import (
    DAY,
    assert_numbers_match_their_lists,
    backdate,
    days_ago,
    update_matters,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_flow(scene, make_matter, users, other_unit):
    """Secret matters in the weekly flow and out of it: received this week, closed last week (each at a
    different level), and one closed long ago, which no count shows."""
    received = make_matter(title="ลับรับสัปดาห์นี้", secrecy=1, assignees=[users["outsider"]])
    closed = make_matter(title="ลับปิดสัปดาห์ก่อน", secrecy=3, owner_unit=other_unit, assignees=[users["outsider"]])
    old = make_matter(title="ลับปิดนานแล้ว", secrecy=2, assignees=[users["outsider"]])
    backdate(received, 1)
    backdate(closed, 30)
    backdate(old, 400)
    update_matters(Matter.objects.filter(pk=closed.pk), state="closed", closed_at=days_ago(6))
    update_matters(Matter.objects.filter(pk=old.pk), state="closed", closed_at=days_ago(380))
    return {"received": received, "closed": closed, "old": old}


VIEWERS = {
    "auditor without clearance": ("auditor", 0, "dashboard"),
    "auditor with clearance and a share": ("auditor", 2, "dashboard"),
    "executive short of top clearance": ("minister", 1, "dashboard-office"),
    "head short of top clearance": ("head", 2, "dashboard"),
}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_every_office_number_matches_its_list_whatever_the_viewer_may_see(login, users, scene, secret_flow, viewer):
    name, clearance, page = VIEWERS[viewer]
    user = users[name]
    user.clearance = clearance
    user.save(update_fields=["clearance"])
    share_past_clearance(scene["secret_other"], users["auditor"])  # level 2: needs clearance 2
    client = login(user)
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert_numbers_match_their_lists(client, response)
    visible = Matter.objects.visible_to(user)
    weeks = response.context["weeks"]
    first = dashboards.start_of(weeks[0].start)
    assert sum(w.intake.value for w in weeks) == visible.filter(created_at__gte=first).count()
    assert sum(w.closed.value for w in weeks) == visible.filter(state="closed", closed_at__gte=first).count()
    assert response.context["deadlines"].open.value == visible.open().count()


@pytest.mark.parametrize("name", ["auditor", "grouphead", "head"])
def test_every_unit_number_matches_its_list_whatever_the_viewer_may_see(login, users, scene, secret_flow, unit, name):
    client = login(users[name])
    response = client.get(reverse("dashboard-unit", args=[unit.pk]))
    assert response.status_code == 200
    assert_numbers_match_their_lists(client, response)
    visible = Matter.objects.visible_to(users[name]).filter(owner_unit=unit)
    weeks = response.context["weeks"]
    first = dashboards.start_of(weeks[0].start)
    assert sum(w.intake.value for w in weeks) == visible.filter(created_at__gte=first).count()
    assert response.context["deadlines"].open.value == visible.open().count()


def test_the_auditor_counts_no_secret_matter_in_the_weekly_flow(login, users, scene, secret_flow):
    head = login(users["head"]).get(reverse("dashboard")).context["weeks"]
    auditor = login(users["auditor"]).get(reverse("dashboard")).context["weeks"]
    # Left out for the auditor: received 12, 4, 1 and 30 days ago (secret_other, secret_mine, the secret
    # received yesterday, the top-secret one), and closed last week (the top-secret one).
    assert sum(w.intake.value for w in head) - sum(w.intake.value for w in auditor) == 4
    assert sum(w.closed.value for w in head) - sum(w.closed.value for w in auditor) == 1


def test_a_count_of_every_matter_is_refused_outside_the_open_states(users, scene):
    """The hidden matters' profile holds only what a measure counts: open matters and the weeks shown."""
    scope = dashboards.Scope.for_user(users["auditor"])
    with pytest.raises(ValueError):
        scope.tally("state", states=["closed"])
    with pytest.raises(ValueError):
        scope.tally("state")
    assert scope.tally("state", states=["with_minister"])["with_minister"]["n"] == 2


def test_the_hidden_matters_are_those_the_viewer_may_not_see(users, scene, secret_flow, unit):
    for name in ("auditor", "grouphead", "coordinator", "uncleared", "minister"):
        user = users[name]
        for unit_id in (None, unit.pk):
            scope = dashboards.Scope.for_user(user, unit_id=unit_id)
            hidden = set() if scope.hidden is None else set(scope.hidden.values_list("pk", flat=True))
            counted = set(scope.counted.values_list("pk", flat=True))
            assert hidden == counted - set(Matter.objects.visible_to(user).values_list("pk", flat=True)), name


def test_the_late_agencies_are_kept_until_a_request_changes_anywhere(login, users, scene, agencies):
    client = login(users["head"])
    first = client.get(reverse("dashboard"))
    obec = agencies[0]
    late = {a.name: a.matters.value for a in first.context["late_agencies"]}
    assert late[obec.name] == 2
    assert "ข้อมูล ณ" in first.content.decode()
    kept = client.get(reverse("dashboard"))
    assert kept.context["late_counted_at"] == first.context["late_counted_at"]  # nothing changed: the table kept
    # Moved to another agency by a bulk update (no post_save): the next page counts afresh.
    AgencyRequest.objects.filter(matter=scene["soon"], agency=obec).update(agency=agencies[1])
    moved = client.get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in moved.context["late_agencies"]}[obec.name] == 1
    # … and so it does after a request is saved.
    AgencyRequest.objects.create(matter=scene["today"], agency=obec, deliverable="ข้อมูล",
                                 deadline=timezone.localdate() - 3 * DAY)
    fresh = client.get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in fresh.context["late_agencies"]}[obec.name] == 2  # soon out, today in
    assert_numbers_match_their_lists(client, fresh)


def test_the_kept_late_agencies_follow_a_change_made_in_another_process(login, users, scene, agencies):
    """The generation is read from the database: a change whose signal ran elsewhere (here: written by SQL, then
    bumped as that process would) is seen by this one, whose kept table would otherwise say the old figure."""
    client = login(users["head"])
    obec = agencies[0]
    assert {a.name: a.matters.value for a in client.get(reverse("dashboard")).context["late_agencies"]}[obec.name] == 2
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AgencyRequest._meta.db_table} SET agency_id = %s WHERE matter_id = %s",  # noqa: S608
                       [agencies[1].pk, scene["soon"].pk])
    stale = client.get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in stale.context["late_agencies"]}[obec.name] == 2
    generations.bump(generations.REQUESTS)
    fresh = client.get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in fresh.context["late_agencies"]}[obec.name] == 1


def test_a_matter_moved_to_another_unit_or_secrecy_counts_the_late_agencies_afresh(scene, users):
    before = generations.current(generations.REQUESTS)
    matter = scene["soon"]
    matter.title = "ชื่อใหม่"
    matter.save()
    assert generations.current(generations.REQUESTS) == before  # nothing the table counts by
    Matter.objects.filter(pk=matter.pk).update(secrecy=matter.secrecy + 1)
    assert generations.current(generations.REQUESTS) > before
    # Who may see what: assigned a normal matter (seen by everyone) changes nobody's table; a secret one, from
    # either side, counts a restricted viewer's own table afresh.
    (seen,) = generations.current(generations.VISIBILITY)
    Matter.objects.get(pk=scene["today"].pk).assignees.add(users["uncleared"])
    assert generations.current(generations.VISIBILITY) == (seen,)
    secret = Matter.objects.get(pk=matter.pk)
    secret.assignees.add(users["coordinator"])
    assert generations.current(generations.VISIBILITY) == (seen + 1,)
    users["grouphead"].assigned_matters.add(secret)
    assert generations.current(generations.VISIBILITY) == (seen + 2,)


def test_a_viewer_who_may_see_fewer_matters_never_gets_the_table_kept_for_others(login, users, scene, agencies):
    login(users["head"]).get(reverse("dashboard"))  # kept for everyone who may see every matter
    response = login(users["auditor"]).get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in response.context["late_agencies"]}[agencies[1].name] == 1


def test_a_matter_deleted_with_its_requests_leaves_the_kept_table(login, users, scene, agencies):
    client = login(users["head"])
    vec = agencies[1].name
    assert {a.name: a.matters.value for a in client.get(reverse("dashboard")).context["late_agencies"]}[vec] == 2
    scene["later"].delete()  # its late request to vec goes with it
    response = client.get(reverse("dashboard"))
    assert {a.name: a.matters.value for a in response.context["late_agencies"]}[vec] == 1
