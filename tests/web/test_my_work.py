"""My work: my open matters soonest deadline first, with a count that matches their list; then my unit's
others. Secret matters only within clearance (an assignee has need to know), and a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.matters.models import Matter, MatterShare
from prasan.web.views import MY_WORK_LIMIT

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def titles(matters) -> list[str]:
    return [m.title for m in matters]


def test_my_open_matters_come_soonest_deadline_first_then_my_units_others(login, users, make_matter, other_unit):
    today = timezone.localdate()
    make_matter(title="ไม่มีกำหนด", internal_deadline=None)
    make_matter(title="พรุ่งนี้", internal_deadline=today + DAY)
    make_matter(title="เมื่อวาน", internal_deadline=today - DAY)
    make_matter(title="ปิดแล้ว", internal_deadline=today - 2 * DAY, state="closed")
    make_matter(title="ของเพื่อนร่วมกลุ่ม", internal_deadline=today, assignees=[users["uncleared"]])
    make_matter(title="ของกลุ่มอื่น", owner_unit=other_unit, assignees=[users["outsider"]])
    response = login(users["coordinator"]).get(reverse("my-work"))
    assert response.status_code == 200
    assert titles(response.context["mine"]) == ["เมื่อวาน", "พรุ่งนี้", "ไม่มีกำหนด"]
    assert response.context["mine_count"] == 3
    assert titles(response.context["unit_matters"]) == ["ของเพื่อนร่วมกลุ่ม"]


def test_secret_matters_i_am_assigned_show_only_within_my_clearance(login, users, make_matter):
    coordinator = users["coordinator"]  # clearance 1
    make_matter(title="ลับของฉัน", secrecy=1)
    make_matter(title="ลับมากของฉัน", secrecy=2)
    make_matter(title="ลับของเพื่อน", secrecy=1, assignees=[users["uncleared"]])
    shared = make_matter(title="ลับที่แบ่งให้ฉัน", secrecy=1, assignees=[users["uncleared"]])
    MatterShare.objects.create(matter=shared, user=coordinator)
    response = login(coordinator).get(reverse("my-work"))
    assert titles(response.context["mine"]) == ["ลับของฉัน"]
    assert titles(response.context["unit_matters"]) == ["ลับที่แบ่งให้ฉัน"]
    body = response.content.decode()
    assert "ลับมากของฉัน" not in body and "ลับของเพื่อน" not in body


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.AUDITOR,
                                  Role.REGISTRAR, Role.ADMIN])
@pytest.mark.parametrize("clearance", [0, 1, 3])
def test_my_own_matters_are_exactly_those_visible_to_me(users, make_matter, role, clearance):
    user = users["uncleared"]
    user.role, user.clearance = role, clearance
    user.save(update_fields=["role", "clearance"])
    for level in range(4):
        make_matter(title=f"ระดับ {level}", secrecy=level, assignees=[user])
    mine = Matter.assignees.through.objects.filter(user=user).values("matter_id")
    assert set(Matter.objects.assigned_to(user)) == set(Matter.objects.visible_to(user).filter(pk__in=mine))


def test_my_count_is_the_count_of_the_list_it_links_to(login, users, make_matter):
    for i in range(2 * MY_WORK_LIMIT):
        make_matter(title=f"งานที่ {i}", secrecy=i % 3)  # the level-2 ones are beyond the clearance
    client = login(users["coordinator"])
    response = client.get(reverse("my-work"))
    count = response.context["mine_count"]
    assert len(response.context["mine"]) == MY_WORK_LIMIT < count
    link = f"{reverse('matter-list')}?state=open&assignee={users['coordinator'].pk}"
    assert link.replace("&", "&amp;") in response.content.decode()
    assert client.get(link).context["page"].paginator.count == count


def test_my_work_takes_a_fixed_number_of_queries(login, users, make_matter, django_assert_num_queries):
    """Session and user; my matters' ids with their count, the matters, their assignees; the same three
    for my unit's others; the header's office and notifications: ten; and what awaits me — how many of each
    kind, in one query, and the first few of the one kind that waits (new matters): twelve, however many
    matters there are."""
    client = login(users["coordinator"])
    for i in range(MY_WORK_LIMIT + 1):
        make_matter(title=f"งานที่ {i}")
        make_matter(title=f"งานของเพื่อน {i}", assignees=[users["uncleared"]])
    client.get(reverse("my-work"))
    with django_assert_num_queries(12):
        assert client.get(reverse("my-work")).status_code == 200


def test_my_work_and_the_badge_cost_the_same_however_long_my_history(login, users, make_matter, agencies,
                                                                    django_assert_num_queries):
    """A person's closed matters are history: hundreds of them change neither what my-work and the badge read
    (the count of queries) nor what they show."""
    from prasan.coordination.models import AgencyRequest

    coordinator = users["coordinator"]
    client = login(coordinator)
    current = make_matter(title="งานที่ยังทำอยู่", state="awaiting_agencies")
    AgencyRequest.objects.create(matter=current, agency=agencies[0], deliverable="สถิติ",
                                 deadline=timezone.localdate() - DAY)

    def measured():
        client.get(reverse("my-work"))  # what a process keeps for a while (the office's digits) read again
        with django_assert_num_queries(10):  # as above, with no other matter of my unit's to read
            page = client.get(reverse("my-work"))
        with django_assert_num_queries(3):  # session, user; the kinds' counts
            badge = client.get(reverse("inbox-badge"))
        return titles(page.context["mine"]), [i.type for i in page.context["inbox"].items], badge.content

    before = measured()
    for i in range(150):
        old = make_matter(title=f"เรื่องเก่า {i}", state="closed", internal_deadline=timezone.localdate() - DAY)
        AgencyRequest.objects.create(matter=old, agency=agencies[0], deliverable="สถิติ",
                                     deadline=timezone.localdate() - DAY)
    assert measured() == before == (["งานที่ยังทำอยู่"], ["overdue_request"], before[2])
    assert b">1<" in before[2]


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("my-work"))
    assert response.status_code == 302 and "/login/" in response["Location"]
