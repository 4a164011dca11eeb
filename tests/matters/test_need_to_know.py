"""Every rendering of need to know agrees, for any office hypothesis can make up: users (role × unit × clearance ×
superuser × active) and matters (secrecy × owner unit × assignees × shares). The rule read per matter
(access.may_see), the queryset filter (Matter.objects.visible_to), the search index (search.query.permitted over
the stored grants), the dashboards' counting (access.visible_in and access.hidden_from, office-wide and per unit),
a person's own matters (Matter.objects.assigned_to, and their open work as my-work reads it), and may-edit as the pages and the API apply it — and all of
them the office's rule as this file states it plainly, apart from the code."""



from django.http import Http404
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from ninja.errors import HttpError

from prasan.accounts.models import Role, User
from prasan.api.access import changeable_matter
from prasan.directory.models import Office, Unit
from prasan.matters import access
from prasan.matters.choices import OPEN_STATES, State
from prasan.matters.models import Matter, MatterShare
from prasan.openwork import keeping as open_work
from prasan.openwork.models import OpenWork
from prasan.search import grants
from prasan.search.models import SearchEntry
from prasan.search.query import permitted
from prasan.tracking.counting import Scope

UNITS = 2
person = st.fixed_dictionaries({
    "role": st.sampled_from(Role.values),
    "unit": st.sampled_from([None, *range(UNITS)]),
    "clearance": st.integers(0, 3),
    "superuser": st.booleans(),
    "active": st.booleans() | st.just(True),
})
matter = st.fixed_dictionaries({
    "secrecy": st.integers(0, 3),
    "unit": st.sampled_from([None, *range(UNITS)]),
    "state": st.sampled_from([State.RECEIVED, State.COORDINATING, State.CLOSED]),
    "assignees": st.sets(st.integers(0, 5), max_size=3),
    "shares": st.sets(st.integers(0, 5), max_size=2),
})
office_scene = st.tuples(st.lists(person, min_size=1, max_size=6), st.lists(matter, min_size=1, max_size=6))


def _p(role, unit=0, clearance=0, superuser=False, active=True):
    return {"role": role, "unit": unit, "clearance": clearance, "superuser": superuser, "active": active}


def _m(secrecy, unit=0, state=State.COORDINATING, assignees=(), shares=()):
    return {"secrecy": secrecy, "unit": unit, "state": state, "assignees": set(assignees), "shares": set(shares)}


# One office with a user of each kind the rule tells apart, and secret matters they stand in every relation to.
EVERY_KIND = (
    [_p(Role.GROUP_HEAD, 0, 2), _p(Role.COORDINATOR, 0, 1), _p(Role.EXECUTIVE, None, 2),
     _p(Role.ADMIN, None, 3), _p(Role.ADMIN, None, 3, superuser=True), _p(Role.HEAD, 1, 3, active=False)],
    [_m(2, 0), _m(1, 1, assignees=[1, 4]), _m(3, 1, shares=[0, 2]), _m(2, None, State.CLOSED, assignees=[1]),
     _m(0, 1), _m(1, 0, assignees=[3], shares=[5])],
)


def stated_rule(user, m) -> bool:
    """The office's rule, plainly: normal matters to every active user; a secret one needs clearance for its level
    (an administrator who is not a superuser has none for matters) and need to know — head of office or executive,
    the owner unit's group head, an assignee, or someone it was shared with."""
    if not user.is_active:
        return False
    if m.secrecy == 0:
        return True
    clearance = 0 if user.role == Role.ADMIN and not user.is_superuser else user.clearance
    if m.secrecy > clearance:
        return False
    return (user.role in (Role.HEAD, Role.EXECUTIVE)
            or (user.role == Role.GROUP_HEAD and user.unit_id is not None and user.unit_id == m.owner_unit_id)
            or m.assignees.filter(pk=user.pk).exists() or m.shares.filter(user=user).exists())


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


class NeedToKnowAgrees(TestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(office_scene)
    @example(EVERY_KIND)
    def test_every_path_sees_the_same_matters(self, scene):
        people, matters = scene
        office = Office.objects.create(name="สำนักงานรัฐมนตรี", abbreviation="สร")
        units = [Unit.objects.create(office=office, name=f"กลุ่มงาน {i}", abbreviation=f"ก{i}.") for i in range(UNITS)]
        users = [User.objects.create(username=f"u{i}", role=p["role"], clearance=p["clearance"],
                                     unit=units[p["unit"]] if p["unit"] is not None else None,
                                     is_superuser=p["superuser"], is_staff=p["superuser"], is_active=p["active"])
                 for i, p in enumerate(people)]
        recorder = User.objects.create(username="recorder", role=Role.REGISTRAR)
        for n, spec in enumerate(matters):
            made = Matter.create(by=recorder, office=office, title=f"เรื่องทดสอบ {n}", duty_type="analysis",
                                 source="verbal_command", secrecy=spec["secrecy"], state=spec["state"],
                                 owner_unit=units[spec["unit"]] if spec["unit"] is not None else None)
            # Written past the clearance guard on purpose: rows made before it (or by the bench generator) must
            # be judged alike by every path too.
            Matter.assignees.through.objects.bulk_create([
                Matter.assignees.through(matter_id=made.pk, user_id=users[i].pk)
                for i in spec["assignees"] if i < len(users)])
            MatterShare.objects.bulk_create([MatterShare(matter=made, user=users[i])
                                             for i in spec["shares"] if i < len(users)])
            grants.sync([made.pk])
            open_work.sync([made.pk])  # as the relation's signal would have
        everything = list(Matter.objects.select_related("office"))

        for user in users:
            expected = {m.pk for m in everything if stated_rule(user, m)}
            label = f"{user.role} unit={user.unit_id} clearance={user.clearance} su={user.is_superuser}"
            assert {m.pk for m in everything if access.may_see(user, m)} == expected, label
            assert ids(Matter.objects.visible_to(user)) == expected, label
            found = SearchEntry.objects.filter(permitted(user), kind="matter").values_list("object_id", flat=True)
            assert set(found) == expected, label
            assert ids(Matter.objects.assigned_to(user)) == expected & ids(user.assigned_matters.all()), label
            mine = set(OpenWork.objects.of(user).values_list("matter_id", flat=True))
            assert mine == ids(Matter.objects.assigned_to(user).open()), label
            for unit in (None, *units):
                unit_id = unit.pk if unit else None
                counted = Matter.objects.filter(owner_unit_id=unit_id) if unit_id else Matter.objects.all()
                in_unit = expected & ids(counted)
                assert ids(access.visible_in(user, unit_id)) == in_unit, (label, unit_id)
                hidden = access.hidden_from(user, counted, unit_id)
                assert ids(counted) - (ids(hidden) if hidden is not None else set()) == in_unit, (label, unit_id)
                if user.is_active:
                    scope = Scope.for_user(user, unit_id)
                    assert ids(scope.matters) == in_unit, (label, unit_id)
                    # … and the dashboards' counters, read up to the level less the unknown, count the same matters
                    is_open = in_unit & ids(Matter.objects.filter(state__in=OPEN_STATES))
                    states = sorted(OPEN_STATES)
                    assert sum(r["n"] for r in scope.tally("state", states=states).values()) == len(is_open), label
            for m in everything:
                self.assert_edit_agrees(user, m, m.pk in expected, label)

    def assert_edit_agrees(self, user, m, seen: bool, label: str):
        stated = (seen and m.state in OPEN_STATES and user.role in access.EDIT_ROLES
                  and (user.role in (Role.HEAD, Role.EXECUTIVE) or m.assignees.filter(pk=user.pk).exists()
                       or (user.unit_id is not None and user.unit_id == m.owner_unit_id)))
        assert access.may_edit(user, m) == stated, (label, m.pk)
        try:
            access.editable_matter(user, m.pk)
            page = True
        except Http404:
            page = False
        try:
            changeable_matter(user, m.pk)
            api = "ok"
        except HttpError as exc:
            api = exc.status_code
        except Http404:
            api = 404
        assert page == stated, (label, m.pk)
        assert (api == "ok") == stated, (label, m.pk)
        assert (api == 404) == (not seen), (label, m.pk)
