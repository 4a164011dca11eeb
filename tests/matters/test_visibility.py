"""Matter.objects.visible_to, checked against the rule read plainly, matter by matter, for every kind of user."""

import pytest
from django.db import IntegrityError, transaction

from prasan.accounts.models import Role
from prasan.matters.models import Matter, MatterShare
from tests.conftest import make_user, share_past_clearance

pytestmark = pytest.mark.django_db


def may_see(user, matter) -> bool:
    """The rule as the office states it: normal matters to all staff; a secret one needs clearance for
    its level and need to know (assigned, shared, the owner unit's head, or the head of office)."""
    if not user.is_active:
        return False
    if user.role == Role.ADMIN and not user.is_superuser:
        return matter.secrecy == 0
    if matter.secrecy == 0:
        return True
    if matter.secrecy > user.clearance:
        return False
    if user.role in (Role.HEAD, Role.EXECUTIVE):
        return True
    assigned = matter.assignees.filter(pk=user.pk).exists()
    shared = MatterShare.objects.filter(matter=matter, user=user).exists()
    unit_head = user.role == Role.GROUP_HEAD and user.unit_id is not None and user.unit_id == matter.owner_unit_id
    return assigned or shared or unit_head


def test_every_user_sees_exactly_what_the_rule_allows(make_matter, users, unit, other_unit):
    people = dict(users)
    people["admin_staff"] = make_user("admin_staff", "admin", clearance=3)
    people["lower_head"] = make_user("lower_head", "head", clearance=2)
    people["left"] = make_user("left", "coordinator", unit, clearance=3, is_active=False)
    for secrecy in (0, 1, 2, 3):
        for owner in (users["coordinator"], users["outsider"]):
            make_matter(title=f"ชั้น {secrecy}", secrecy=secrecy, assignees=[owner], owner_unit=owner.unit)
        make_matter(title=f"ไม่มีผู้รับผิดชอบ {secrecy}", secrecy=secrecy, assignees=[], owner_unit=None)
    shared = Matter.objects.get(title="ชั้น 2", assignees=users["outsider"])
    share_past_clearance(shared, users["uncleared"])
    share_past_clearance(shared, users["coordinator"])
    for who, user in people.items():
        expected = {m.pk for m in Matter.objects.all() if may_see(user, m)}
        assert set(Matter.objects.visible_to(user).values_list("pk", flat=True)) == expected, who
        # The same through a filter and a related manager, as the list and the matter page use it.
        assert set(Matter.objects.filter(secrecy__gte=1).visible_to(user).values_list("pk", flat=True)) == {
            pk for pk in expected if Matter.objects.get(pk=pk).secrecy >= 1}, who


def test_the_head_of_office_with_top_clearance_has_no_condition_to_check(users):
    assert "WHERE" not in str(Matter.objects.visible_to(users["head"]).query)
    assert "WHERE" in str(Matter.objects.visible_to(users["grouphead"]).query)


def test_a_secrecy_outside_its_levels_is_refused_by_the_database(make_matter):
    matter = make_matter()
    for level in (-1, 4):
        with pytest.raises(IntegrityError), transaction.atomic():
            Matter.objects.filter(pk=matter.pk).update(secrecy=level)
