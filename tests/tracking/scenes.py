"""The small office every dashboard test counts: matters in several states, units, urgencies, ages and
secrecy levels, and agency requests answered late, on time or not at all; and the check that every
number a dashboard shows equals the count of the list it links to."""

import datetime as dt
from html import unescape

import pytest
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.matters.models import Matter, Transition
from prasan.tracking.calendar import add_working_days
from prasan.tracking.charts import Figure

DAY = dt.timedelta(days=1)


def update_matters(matters, **values) -> None:
    """queryset.update() as fixtures write (the dashboards' counters follow it through matters_updating)."""
    matters.update(**values)


def days_ago(n: int) -> dt.datetime:
    return timezone.now() - n * DAY


def backdate(matter, age: int) -> None:
    """Received `age` days ago: the matter and its first transition."""
    update_matters(Matter.objects.filter(pk=matter.pk), created_at=days_ago(age))
    Transition.objects.filter(matter=matter, event="create").update(at=days_ago(age))


@pytest.fixture
def scene(make_matter, users, unit, other_unit, agencies):
    """A small office: open matters in several states, units, urgencies and ages; closed ones;
    secret ones; late and on-time agency requests."""
    today = timezone.localdate()
    coordinator, grouphead, outsider = users["coordinator"], users["grouphead"], users["outsider"]
    m = {}
    m["late"] = make_matter(title="เกินกำหนดแล้ว", internal_deadline=today - 3 * DAY, urgency="most_urgent")
    m["soon"] = make_matter(title="ใกล้ครบกำหนด", internal_deadline=add_working_days(today, 2), state="coordinating")
    m["today"] = make_matter(title="ครบกำหนดวันนี้", internal_deadline=today, state="drafting",
                             assignees=[coordinator, grouphead])
    m["later"] = make_matter(title="ยังอีกนาน", internal_deadline=today + 40 * DAY, duty_type="complaint",
                             state="awaiting_agencies", assignees=[])
    m["other"] = make_matter(title="ของกลุ่มงานอื่น", owner_unit=other_unit, assignees=[outsider],
                             internal_deadline=today - DAY, state="planning", urgency="urgent")
    m["nounit"] = make_matter(title="ยังไม่ระบุกลุ่มงาน", owner_unit=None, duty_type="parliament")
    m["minister_old"] = make_matter(title="รอรัฐมนตรีนาน", state="with_minister", urgency="very_urgent")
    m["minister_new"] = make_matter(title="รอรัฐมนตรีใหม่", state="with_minister", owner_unit=other_unit,
                                    assignees=[outsider])
    m["secret_other"] = make_matter(title="ลับมากของกลุ่มงานอื่น", owner_unit=other_unit, assignees=[outsider],
                                    secrecy=2, internal_deadline=today - 5 * DAY, state="with_minister")
    m["secret_mine"] = make_matter(title="ลับของกลุ่มงาน", secrecy=1, internal_deadline=today - 2 * DAY)
    m["closed_recent"] = make_matter(title="ปิดแล้วสัปดาห์ก่อน")
    m["closed_old"] = make_matter(title="ปิดแล้วนานมาก")
    # Ages: spread intake over the last months so every ageing bucket and several weeks have matters.
    ages = {"late": 2, "soon": 8, "today": 15, "later": 30, "other": 60, "nounit": 0, "minister_old": 100,
            "minister_new": 20, "secret_other": 12, "secret_mine": 4, "closed_recent": 20, "closed_old": 200}
    for key, age in ages.items():
        backdate(m[key], age)
    update_matters(Matter.objects.filter(pk=m["closed_recent"].pk), state="closed", closed_at=days_ago(7))
    update_matters(Matter.objects.filter(pk=m["closed_old"].pk), state="closed", closed_at=days_ago(150))
    Transition.objects.create(matter=m["minister_old"], event="approve", from_state="in_review",
                              to_state="with_minister", at=days_ago(9))
    Transition.objects.create(matter=m["minister_new"], event="approve", from_state="in_review",
                              to_state="with_minister", at=days_ago(2))
    obec, vec = agencies

    def request(matter, agency, deadline, status="sent", answered=None):
        return AgencyRequest.objects.create(matter=matter, agency=agency, deliverable="ข้อมูล", deadline=deadline,
                                            status=status, answered_at=answered)

    request(m["late"], obec, today - 10 * DAY)  # unanswered, late
    request(m["late"], obec, today - 4 * DAY)  # same matter, same agency: counted once as a matter
    request(m["soon"], obec, today - 6 * DAY, "answered", days_ago(1))  # answered late
    request(m["today"], obec, today - 2 * DAY, "answered", days_ago(3))  # answered on time
    request(m["later"], vec, today - 3 * DAY, "acknowledged")  # late
    request(m["soon"], vec, today + 5 * DAY)  # not due yet
    request(m["secret_other"], vec, today - 8 * DAY)  # late, but on a secret matter
    return m


def figures_of(context) -> list[Figure]:
    """Every number a dashboard shows, with its link."""
    found = list(context.get("tiles", []))
    for name in ("state_chart", "duty_chart", "urgency_chart", "age_chart", "unit_chart"):
        if name in context:
            found += [row.figure for row in context[name].rows]
    if "flow_chart" in context:
        found += [p.figure for s in context["flow_chart"].series for p in s.points]
    for agency in context.get("late_agencies", []):
        found.append(agency.matters)
    for person in context.get("people", []):
        found += [person.open, person.overdue, person.due_soon]
    if "awaiting" in context:
        found += [context["awaiting"].total] + context["awaiting"].by_urgency
    return found


def list_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["page"].paginator.count


def assert_numbers_match_their_lists(client, response):
    figures = figures_of(response.context)
    assert figures
    html = unescape(response.content.decode())
    for figure in figures:
        assert figure.url in html, f"{figure.label} is not a link on the page"
        assert list_count(client, figure.url) == figure.value, f"{figure.label} ({figure.url})"
