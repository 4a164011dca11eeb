"""Dashboards: each role's page, every number against the list it links to, secrecy, and query counts."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter, Transition
from prasan.tracking import awaiting, dashboards
from prasan.tracking.calendar import WorkingCalendar
from prasan.tracking.charts import Figure, bar_chart, line_chart, nice_step
from tests.conftest import share_past_clearance
from tests.tracking.scenes import DAY, assert_numbers_match_their_lists, backdate, days_ago

pytestmark = pytest.mark.django_db


def test_head_sees_the_office_dashboard_with_every_number_matching_its_list(login, users, scene):
    client = login(users["head"])
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.templates[0].name == "tracking/dashboard_office.html"
    body = response.content.decode()
    assert "ภาพรวมสำนักงาน" in body and "หน่วยงานที่ตอบช้า" in body
    ctx = response.context
    assert ctx["deadlines"].open.value == 10  # twelve matters, two closed
    assert ctx["deadlines"].overdue.value == 4  # late, other, secret_other, secret_mine
    assert ctx["deadlines"].due_soon.value == 2  # today, soon
    assert ctx["deadlines"].awaiting_minister.value == 3
    assert_numbers_match_their_lists(client, response)


def test_office_dashboard_counts_intake_and_closure_by_week(login, users, scene):
    response = login(users["head"]).get(reverse("dashboard"))
    weeks = response.context["weeks"]
    assert len(weeks) == dashboards.WEEKS
    assert weeks[-1].start <= timezone.localdate() < weeks[-1].start + 7 * DAY
    assert sum(w.closed.value for w in weeks) == 1  # the one closed 7 days ago; the other is 150 days old
    in_window = [k for k, age in {"late": 2, "soon": 8, "today": 15, "later": 30, "other": 60, "nounit": 0,
                                   "minister_new": 20, "secret_other": 12, "secret_mine": 4,
                                   "closed_recent": 20}.items()
                 if timezone.localtime(days_ago(age)).date() >= weeks[0].start]
    assert sum(w.intake.value for w in weeks) == len(in_window)


def test_ageing_buckets_are_exact_working_day_ranges():
    calendar = WorkingCalendar(office_days={})
    today = dt.date(2026, 11, 25)
    scope = dashboards.Scope(Matter.objects.none(), Matter.objects.none(), today=today, calendar=calendar)
    starts = scope.age_starts
    for back in range(0, 60):
        day = today - back * DAY
        age = calendar.working_days_between(day, today)
        bucket = sum(1 for start in starts if day < start)  # 0: newest bucket … 3: oldest
        expected = 0 if age <= 5 else 1 if age <= 10 else 2 if age <= 20 else 3
        assert bucket == expected, (day, age)


def test_late_agencies_count_matters_once_and_give_the_median_working_days_late(login, users, scene, agencies):
    response = login(users["head"]).get(reverse("dashboard"))
    late = {a.name: a for a in response.context["late_agencies"]}
    obec, vec = agencies
    assert late[obec.name].matters.value == 2  # "late" (two requests) and "soon" (answered late)
    assert late[obec.name].requests == 3
    assert late[vec.name].matters.value == 2  # "later" and the secret matter, which the head may see
    cal = WorkingCalendar()
    today = timezone.localdate()
    expected = sorted([cal.working_days_between(today - 10 * DAY, today), cal.working_days_between(today - 4 * DAY, today),
                       cal.working_days_between(today - 6 * DAY, timezone.localtime(days_ago(1)).date())])[1]
    assert late[obec.name].median_days_late == expected


def test_auditor_sees_the_office_without_secret_matters(login, users, scene, agencies):
    client = login(users["auditor"])
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.templates[0].name == "tracking/dashboard_office.html"
    ctx = response.context
    assert ctx["deadlines"].open.value == 8  # both secret matters left out
    assert ctx["deadlines"].overdue.value == 2
    assert ctx["deadlines"].awaiting_minister.value == 2
    late = {a.name: a for a in ctx["late_agencies"]}
    assert late[agencies[1].name].matters.value == 1  # the secret matter's late request is not counted
    assert "ลับมากของกลุ่มงานอื่น" not in response.content.decode()
    assert_numbers_match_their_lists(client, response)


def test_group_head_sees_the_unit_by_person(login, users, scene, unit):
    client = login(users["grouphead"])
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.templates[0].name == "tracking/dashboard_unit.html"
    ctx = response.context
    # late, soon, today, later, minister_old, secret_mine (group head, clearance 2, owner unit)
    assert ctx["deadlines"].open.value == 6
    people = {p.name: p for p in ctx["people"]}
    assert people["coordinator"].open.value == 5  # all but "later", which nobody is assigned to
    assert people["coordinator"].overdue.value == 2
    assert people["grouphead"].open.value == 1 and people["grouphead"].due_soon.value == 1
    assert people["ยังไม่มอบหมาย"].open.value == 1
    assert people["uncleared"].open.value == 0  # a member with nothing open is still listed
    assert_numbers_match_their_lists(client, response)


def test_group_head_may_not_open_another_units_dashboard(login, users, other_unit, unit):
    client = login(users["grouphead"])
    assert client.get(reverse("dashboard-unit", args=[other_unit.pk])).status_code == 403
    assert client.get(reverse("dashboard-unit", args=[unit.pk])).status_code == 200
    assert client.get(reverse("dashboard-office")).status_code == 403


def test_head_can_open_any_units_dashboard(login, users, scene, other_unit):
    client = login(users["head"])
    response = client.get(reverse("dashboard-unit", args=[other_unit.pk]))
    assert response.status_code == 200
    assert response.context["deadlines"].open.value == 3  # other, minister_new, secret_other
    assert_numbers_match_their_lists(client, response)


def test_secret_matters_never_reach_the_counts_of_users_who_may_not_see_them(login, users, scene, other_unit, client):
    secret = scene["secret_other"]
    # The outsider's unit owns it, but their own clearance (3) is enough only with need to know: they are assigned.
    share_past_clearance(secret, users["auditor"])  # a share without clearance gives nothing
    login(users["auditor"])
    assert client.get(reverse("dashboard")).context["deadlines"].overdue.value == 2
    client.logout()
    login(users["head"])
    unit_page = client.get(reverse("dashboard-unit", args=[other_unit.pk]))
    assert unit_page.context["deadlines"].overdue.value == 2  # other + secret_other


def test_a_group_head_does_not_count_unit_matters_above_their_clearance(login, users, scene, make_matter):
    make_matter(title="ลับที่สุดของกลุ่มงาน", secrecy=3, internal_deadline=timezone.localdate() - DAY,
                state="with_minister", assignees=[users["coordinator"], users["grouphead"]])
    client = login(users["grouphead"])  # clearance 2: "ลับที่สุด" is beyond it, even as an assignee
    response = client.get(reverse("dashboard"))
    assert response.context["deadlines"].open.value == 6
    assert response.context["deadlines"].overdue.value == 2
    assert {p.name: p.open.value for p in response.context["people"]}["grouphead"] == 1
    assert "ลับที่สุดของกลุ่มงาน" not in response.content.decode()
    assert_numbers_match_their_lists(client, response)


def test_visible_matters_is_visible_to_without_the_subqueries(users, scene, unit):
    for name in ("head", "minister", "grouphead", "auditor", "coordinator", "uncleared"):
        user = users[name]
        assert set(dashboards.visible_matters(user).values_list("pk", flat=True)) == \
            set(Matter.objects.visible_to(user).values_list("pk", flat=True)), name
        assert set(dashboards.visible_matters(user, unit.pk).values_list("pk", flat=True)) == \
            set(Matter.objects.visible_to(user).filter(owner_unit=unit).values_list("pk", flat=True)), name
    assert not dashboards.visible_matters(users["head"]).query.where  # no need-to-know subqueries at all


def test_executive_sees_what_awaits_the_minister_oldest_first(login, users, scene):
    client = login(users["minister"])
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.templates[0].name == "tracking/dashboard_decisions.html"
    rows = response.context["awaiting"].matters
    # secret_other has no transition: it waits since its intake 12 days ago; then 9 days; then 2.
    assert [m.title for m in rows] == ["ลับมากของกลุ่มงานอื่น", "รอรัฐมนตรีนาน", "รอรัฐมนตรีใหม่"]
    cal = WorkingCalendar()
    today = timezone.localdate()
    assert rows[1].days_waiting == cal.working_days_between(timezone.localtime(days_ago(9)).date(), today)
    body = response.content.decode()
    assert "วันทำการ" in body and "ด่วนมาก" in body
    assert_numbers_match_their_lists(client, response)


def test_the_oldest_waiting_walk_agrees_with_a_full_sort(users, scene, make_matter):
    for i in range(30):  # reached the minister long after intake, in shuffled order
        matter = make_matter(title=f"รอ {i}", state="with_minister")
        backdate(matter, 300 - i)
        Transition.objects.create(matter=matter, event="approve", to_state="with_minister", at=days_ago((i * 7) % 30))
    waiting = Matter.objects.filter(state="with_minister")
    full = [m.pk for m in awaiting.oldest_waiting(waiting, 10, batch=1000)]
    assert [m.pk for m in awaiting.oldest_waiting(waiting, 10, batch=3, max_batches=100)] == full
    assert [m.pk for m in awaiting.oldest_waiting(waiting, 10, batch=3, max_batches=2)] == full


@pytest.mark.parametrize("name", ["coordinator", "registrar", "admin", "outsider"])
def test_working_staff_are_sent_to_their_own_work(login, users, name):
    response = login(users[name]).get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("my-work")


def test_anonymous_is_sent_to_login(client):
    for name in ("dashboard", "dashboard-office", "dashboard-decisions"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/login/" in response["Location"], name


def test_coordinators_may_not_open_the_office_or_decision_pages(login, users):
    client = login(users["coordinator"])
    assert client.get(reverse("dashboard-office")).status_code == 403
    assert client.get(reverse("dashboard-decisions")).status_code == 403


def test_the_header_links_the_dashboard(login, users):
    body = login(users["head"]).get(reverse("my-work")).content.decode()
    assert f'href="{reverse("dashboard")}"' in body and "ภาพรวม" in body


def test_dashboards_take_a_fixed_number_of_queries(login, users, scene, make_matter, unit, other_unit,
                                                   django_assert_max_num_queries):
    """As many queries with 25 more matters and requests as without; each page within its bound (the
    header's own queries included): the counters of the office's open matters in one query, of their deadlines,
    ageing and each week's intake and closures in one more, the late agencies in two (and one to know whether the
    table kept is still right: the generations of what it was counted from). Users who may not see every
    matter pay a look for secret matters, the few they may not see for want of need to know, and the late agencies'
    two again for them. The minister's page also lists what awaits his decision: documents, matters without one,
    which he sees (the longest waits found from ids and dates alone, then those matters read whole).
    The office and unit pages count the complaints' clock in one more."""
    bounds = {"head": 13, "grouphead": 16, "minister": 12, "auditor": 16}

    def queries() -> dict:
        counts = {}
        for name, bound in bounds.items():
            client = login(users[name])
            client.get(reverse("dashboard"))  # the session and the calendar's first read
            cache.clear()  # the late agencies counted, not kept
            with django_assert_max_num_queries(bound) as captured:
                assert client.get(reverse("dashboard")).status_code == 200
            counts[name] = len(captured)
        return counts

    before = queries()
    agency = scene["late"].agency_requests.first().agency
    for i in range(25):
        matter = make_matter(title=f"เพิ่ม {i}", owner_unit=[unit, other_unit][i % 2], state="with_minister",
                             secrecy=i % 3, assignees=[users["coordinator"], users["grouphead"]][: 1 + i % 2])
        AgencyRequest.objects.create(matter=matter, agency=agency, deliverable="x",
                                     deadline=timezone.localdate() - (i + 1) * DAY)
    assert queries() == before


def test_charts_are_accessible_svg_with_links(login, users, scene):
    body = login(users["head"]).get(reverse("dashboard")).content.decode()
    svgs = re.findall(r"<svg[^>]*>", body)
    assert len(svgs) >= 6
    assert all('role="group"' in s and "aria-labelledby" in s for s in svgs)
    assert "<title id=\"state-title\">เรื่องที่ยังไม่ปิด จำแนกตามสถานะ</title>" in body
    assert re.search(r'<a href="/matters/\?state=open&amp;urgency=most_urgent" aria-label="ด่วนที่สุด: 1 เรื่อง">', body)
    assert "<script" not in body.split("<main", 1)[1]


def test_bar_and_line_geometry():
    bars = bar_chart("t", [Figure("ก", 10, "/a"), Figure("ข", 5, "/b"), Figure("ค", 0, "/c")], slug="t")
    widths = [row.percent for row in bars.rows]
    assert widths[0] == 2 * widths[1] and widths[0] < 100 and widths[2] == 0 and bars.total == 15
    assert [nice_step(n) for n in (0, 3, 7, 10, 45, 101, 999)] == [1, 1, 2, 5, 20, 50, 500]
    from prasan.tracking.charts import Series

    chart = line_chart("w", ["a", "b", "c"], [Series("รับ", "intake", [Figure("", v, "/") for v in (0, 4, 8)])])
    points = chart.series[0].points
    assert points[0].y == chart.plot_bottom and points[2].y == chart.plot_top
    assert 0 < points[0].x < points[1].x < points[2].x < 100 and len(chart.series[0].segments) == 2
    assert chart.ticks[-1].value == 8 and [label.text for label in chart.x_labels] == ["a", "c"]
    assert chart.x_labels[-1].anchor == "end"


def test_weighted_median():
    assert dashboards.weighted_median([]) == 0
    assert dashboards.weighted_median([(3, 1)]) == 3
    assert dashboards.weighted_median([(1, 2), (10, 1)]) == 1
    assert dashboards.weighted_median([(1, 1), (4, 1)]) == 2.5
    assert dashboards.weighted_median([(9, 1), (2, 3)]) == 2
