import datetime as dt

import pytest
from django.utils import timezone

from prasan.agenda.models import AgendaItem
from prasan.agenda.services import overlaps
from prasan.demo import agenda, build
from prasan.matters.choices import State

pytestmark = pytest.mark.django_db


def test_the_demo_month_of_the_ministers_agenda():
    office = build._office()
    users = build._users(build._units(office))
    agencies = build._agencies()
    agenda.build(office, users, agencies)
    agenda.build(office, users, agencies)  # once
    items = list(AgendaItem.objects.select_related("matter"))
    assert len(items) == len(agenda.ROWS)
    today = timezone.localdate()
    days = [i.day for i in items]
    assert min(days) < today - dt.timedelta(days=7) and max(days) > today + dt.timedelta(days=7)
    statuses = {i.status for i in items}
    assert {"done", "declined", "cancelled", "invited"} <= statuses
    for item in items:
        assert item.matter.kind == "facilitation"
        if item.status in ("done", "declined", "cancelled"):
            assert item.matter.state == State.CLOSED, item.title
        if item.ends_at <= timezone.now():
            assert item.status in ("done", "declined", "cancelled"), item.title
    by = {u.username: u for u in users}
    secret = AgendaItem.objects.get(title=agenda.SECRET)
    assert secret not in AgendaItem.objects.visible_to(by["coordinator"])
    assert secret in AgendaItem.objects.visible_to(by["minister"])
    invited = AgendaItem.objects.get(status="invited", kind="appointment")
    assert overlaps(office=office, starts_at=invited.starts_at, ends_at=invited.ends_at, user=by["coordinator"],
                    exclude=invited.pk)
