"""GET /api/v1/matters with the dashboards' filters: every dashboard number's list link has an API twin
that counts the same matters, for whoever asks; bad filter values are a Thai 422, never a 500."""

import datetime as dt
from dataclasses import fields
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prasan.api.matters import FILTER_NAMES
from prasan.api.schemas import MatterFilterParams
from prasan.coordination.models import AgencyRequest
from prasan.matters.choices import Secrecy
from prasan.matters.models import Matter, Transition
from prasan.matters.queries import MatterFilter
from prasan.tracking import awaiting, dashboards
from prasan.tracking.calendar import WorkingCalendar
from tests.tracking.scenes import update_matters

from .conftest import assert_thai_error

DASHBOARD_ONLY = {"no_unit", "unassigned", "created_from", "created_to", "closed_from", "closed_to", "late_agency",
                  "late_since"}


@pytest.fixture
def scene(make_matter, users, unit, other_unit, agencies):
    """Open matters across states, units, ages and deadlines; closed ones; late agency requests; a ลับ matter
    of the unit (the coordinator's) and a ลับที่สุด one nobody is assigned (beyond the group head's clearance)."""
    calendar, today = WorkingCalendar(), timezone.localdate()
    obec, vec = agencies

    def day(working_days):
        return calendar.add_working_days(today, working_days)

    def moment(working_days_ago):
        if not working_days_ago:
            return timezone.now()
        return timezone.make_aware(dt.datetime.combine(day(-working_days_ago), dt.time(10)))

    def matter(received, due, **extra):
        made = make_matter(internal_deadline=day(due), **extra)
        update_matters(Matter.objects.filter(pk=made.pk), created_at=moment(received))
        Transition.objects.filter(matter=made).update(at=moment(received))
        return made

    def request(made, agency, due, answered=None):
        AgencyRequest.objects.create(matter=made, agency=agency, deliverable="ข้อมูล", deadline=day(due),
                                     status="sent" if answered is None else "answered",
                                     answered_at=None if answered is None else moment(answered))

    m = {
        "late": matter(8, -2, state="planning", urgency="most_urgent"),
        "late_grouphead": matter(15, -1, state="coordinating", duty_type="complaint", assignees=[users["grouphead"]]),
        "other": matter(40, -1, state="drafting", owner_unit=other_unit, assignees=[users["outsider"]]),
        "soon": matter(3, 2, state="coordinating"),
        "fresh": matter(0, 10, assignees=[]),
        "no_unit": matter(2, 15, owner_unit=None, duty_type="parliament"),
        "minister": matter(30, 20, state="with_minister", urgency="very_urgent"),
        "secret": matter(8, -3, state="with_minister", secrecy=Secrecy.CONFIDENTIAL, urgency="very_urgent"),
        "top_secret": matter(4, -1, state="coordinating", secrecy=Secrecy.TOP_SECRET, assignees=[]),
        "closed": matter(25, 5),
    }
    update_matters(Matter.objects.filter(pk=m["closed"].pk), state="closed", closed_at=timezone.now() - dt.timedelta(days=7))
    request(m["late"], obec, -5)
    request(m["secret"], obec, -4)
    request(m["top_secret"], vec, -2)
    request(m["closed"], obec, -8, answered=6)
    request(m["other"], vec, -3)
    request(m["soon"], vec, -2, answered=3)  # in time
    return m


def dashboard_figures(user, unit_id=None) -> list:
    """Every number the office (or a unit's) dashboard and the minister's desk show this user."""
    scope = dashboards.Scope.for_user(user, unit_id=unit_id)
    due = dashboards.deadlines(scope)
    figures = [*due.by_state, due.open, due.overdue, due.due_soon, due.awaiting_minister]
    figures += dashboards.open_by_duty_type(scope) + dashboards.open_by_urgency(scope)
    figures += dashboards.ageing(scope, due.open.value)
    figures += [figure for week in dashboards.weekly_flow(scope) for figure in (week.intake, week.closed)]
    figures += [agency.matters for agency in dashboards.late_agencies(scope)]
    if unit_id:
        figures += [f for person in dashboards.by_person(scope, unit_id) for f in (person.open, person.overdue,
                                                                                  person.due_soon)]
    else:
        figures += dashboards.open_by_unit(scope)
    waiting = awaiting.awaiting_decision(scope)
    return figures + [waiting.total, *waiting.by_urgency]


def api_twin(figure) -> dict[str, str]:
    """The figure's list link, as API query parameters."""
    url = urlsplit(figure.url)
    assert url.path == reverse("matter-list"), figure.url
    return dict(parse_qsl(url.query))


def assert_every_figure_has_its_count_in_the_api(caller, figures, hidden=()) -> set[str]:
    """Each figure's API twin counts as many matters as the figure; `hidden` matters are in none of them."""
    used = set()
    for figure in figures:
        params = api_twin(figure)
        used |= set(params)
        response = caller.get("/matters", {**params, "limit": 100})
        assert response.status_code == 200, (figure.label, params, response.content.decode())
        body = response.json()
        assert body["count"] == figure.value, f"{figure.label} {params}: API {body['count']}, dashboard {figure.value}"
        assert not {item["id"] for item in body["items"]} & {m.pk for m in hidden}, figure.label
    return used


def test_every_office_dashboard_number_has_an_api_twin_for_the_head(api, users, scene):
    figures = dashboard_figures(users["head"])
    used = assert_every_figure_has_its_count_in_the_api(api("head"), figures)
    assert DASHBOARD_ONLY - {"unassigned"} <= used  # unassigned is the unit dashboard's
    overdue = next(f for f in figures if f.key == "overdue")
    assert overdue.value == 5  # both secret matters included


def test_every_unit_dashboard_number_has_an_api_twin_for_its_group_head(api, users, unit, scene):
    figures = dashboard_figures(users["grouphead"], unit.pk)
    used = assert_every_figure_has_its_count_in_the_api(api("grouphead"), figures, hidden=[scene["top_secret"]])
    assert {"unassigned", "assignee", "unit", "late_agency"} <= used
    overdue = next(f for f in figures if f.key == "overdue")
    assert overdue.value == 3  # the ลับ matter yes, the ลับที่สุด one no
    head_figures = dashboard_figures(users["head"], unit.pk)
    assert_every_figure_has_its_count_in_the_api(api("head"), head_figures)
    assert next(f for f in head_figures if f.key == "overdue").value == 4


def test_what_awaits_the_minister_has_an_api_twin_for_an_executive(api, users, scene):
    scope = dashboards.Scope.for_user(users["minister"])
    waiting = awaiting.awaiting_decision(scope)
    assert waiting.total.value == 2
    assert [m.pk for m in waiting.matters] == [scene["minister"].pk, scene["secret"].pk]  # oldest first
    assert_every_figure_has_its_count_in_the_api(api("minister"), [waiting.total, *waiting.by_urgency])


@pytest.mark.parametrize("who", ["uncleared", "outsider", "registrar", "auditor"])
def test_callers_without_clearance_or_need_to_know_get_counts_without_the_secret_matters(api, users, scene, who):
    """A role that may not open the dashboard, or may but lacks clearance, follows the same links: the API
    counts what that caller may see (as the dashboard would), and the secret matters are in no list."""
    hidden = [scene["secret"], scene["top_secret"]]
    figures = dashboard_figures(users[who])
    assert_every_figure_has_its_count_in_the_api(api(who), figures, hidden=hidden)
    assert next(f for f in figures if f.key == "overdue").value == 3
    late = api(who).get("/matters", {"late_agency": scene["late"].agency_requests.get().agency_id})
    assert {item["id"] for item in late.json()["items"]} == {scene["late"].pk, scene["closed"].pk}


def test_each_dashboard_only_filter_means_what_the_list_page_means(api, users, unit, scene, agencies):
    obec, vec = agencies
    today = timezone.localdate()
    head = api("head")

    def ids(**params):
        response = head.get("/matters", {**params, "limit": 100})
        assert response.status_code == 200, response.content.decode()
        return {item["id"] for item in response.json()["items"]}

    assert ids(no_unit="true") == {scene["no_unit"].pk}
    assert ids(unassigned="1", state="open") == {scene["fresh"].pk, scene["top_secret"].pk}
    assert ids(late_agency=obec.pk) == {scene["late"].pk, scene["secret"].pk, scene["closed"].pk}
    assert ids(late_agency=vec.pk) == {scene["top_secret"].pk, scene["other"].pk}
    assert ids(late_agency=vec.pk, late_since=today - dt.timedelta(days=1)) == set()
    assert ids(closed_from=today - dt.timedelta(days=7), closed_to=today - dt.timedelta(days=7)) == {scene["closed"].pk}
    assert ids(created_from=today, created_to=today) == {scene["fresh"].pk}
    assert ids(due_within=0) == set()
    for name in ("created_from", "created_to", "closed_from", "closed_to"):
        assert ids(**{name: today - dt.timedelta(days=7)}) == {
            m.pk for m in MatterFilter(**{name: today - dt.timedelta(days=7)}).apply(Matter.objects.all())}


def test_every_filter_of_the_list_page_reaches_matter_filter_unchanged():
    """The API's names are the list page's, and nothing is dropped on the way to MatterFilter."""
    everything = MatterFilter(state="open", duty_type="analysis", urgency="urgent", secrecy="secret", unit=3,
                              no_unit=True, assignee=4, unassigned=True, overdue=True, due_within=0,
                              created_from=dt.date(2026, 1, 5), created_to=dt.date(2026, 2, 5),
                              closed_from=dt.date(2026, 1, 6), closed_to=dt.date(2026, 2, 6), late_agency=7,
                              late_since=dt.date(2025, 12, 1), q="O-NET")
    list_page_names = set(everything.params())
    assert list_page_names == {f.name for f in fields(MatterFilter) if f.init} - {"open_only"}
    assert list_page_names <= FILTER_NAMES
    typed = MatterFilterParams.model_construct(**{name: getattr(everything, name) for name in list_page_names})
    assert MatterFilter.from_params(typed.as_params()) == everything


@pytest.mark.parametrize("params", [
    {"created_from": "2026-13-01"}, {"created_to": "2569-03-01"}, {"closed_from": "0001-01-01"},
    {"closed_to": "เมื่อวาน"}, {"late_since": "2026-01-01"}, {"late_agency": "0"}, {"late_agency": "สพฐ."},
    {"late_agency": "99999999999999999999999"}, {"no_unit": "ใช่"}, {"unassigned": "maybe"},
    {"unit": "1", "no_unit": "true"}, {"assignee": "1", "unassigned": "1"}, {"due_within": "-1"},
    {"due_within": "366"}, {"created_from": "2026-03-02", "created_to": "2026-03-01"},
    {"closed_from": "2026-03-02", "closed_to": "2026-03-01"}, {"overdue": "2"}, {"overdu": "1"}, {"size": "25"},
])
def test_bad_filter_values_are_a_thai_422(api, users, params):
    assert_thai_error(api("head").get("/matters", params), 422)


FILTER_VALUES = st.one_of(
    st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str), st.sampled_from(["true", "1", "on", "", "0", "open", "2569-01-01", "9999-12-31"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(sorted(FILTER_NAMES)), FILTER_VALUES, max_size=5))
def test_arbitrary_filters_never_cause_a_server_error(api, users, params):
    response = api("head").get("/matters", params)
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422:
        assert_thai_error(response, 422)


def test_the_dashboard_filters_add_no_query_per_row(api, users, scene, agencies, django_assert_max_num_queries):
    head = api("head")
    params = {"late_agency": agencies[0].pk, "late_since": "2020-01-01", "created_from": "2020-01-01",
              "closed_to": timezone.localdate().isoformat(), "limit": 100}
    # token lookup + last-used update, count, page, assignees.
    with django_assert_max_num_queries(5):
        assert head.get("/matters", params).json()["count"] == 1
    with django_assert_max_num_queries(5):
        assert head.get("/matters", {"unassigned": "1", "no_unit": "0", "state": "open"}).json()["count"] == 2


def test_anonymous_callers_get_no_counts(api, scene, agencies):
    response = api(None).get("/matters", {"late_agency": agencies[0].pk, "overdue": "true"})
    assert_thai_error(response, 401)
    assert "count" not in response.json()


def test_the_openapi_document_lists_every_filter(client, db):
    parameters = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/matters"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == FILTER_NAMES
