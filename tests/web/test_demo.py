"""`prasan demo` loads a realistic office once; running it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from prasan.accounts.models import User
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter


@pytest.mark.django_db
def test_demo_is_idempotent_and_prints_the_logins():
    out = io.StringIO()
    call_command("demo", matters=30, stdout=out)
    once = Matter.objects.count()
    call_command("demo", matters=30, stdout=io.StringIO())
    # The 30 asked for, and the matters of the demo's parliament items and cabinet agenda (with its follow-up).
    extra = Matter.objects.filter(Q(parliament_item__isnull=False) | Q(cabinet_items__isnull=False)
                                  | Q(cabinet_resolution__isnull=False) | Q(complaint__isnull=False)
                                  | Q(agenda_items__isnull=False) | Q(policy__isnull=False)).distinct().count()
    assert Matter.objects.count() == once == 30 + extra
    assert Matter.objects.filter(cabinet_resolution__isnull=False).count() == 1
    names = set(User.objects.values_list("username", flat=True))
    assert {"coordinator", "grouphead", "head", "minister", "registrar", "auditor", "admin"} <= names
    assert "prasan2569" in out.getvalue() and "coordinator" in out.getvalue()


@pytest.mark.django_db
def test_demo_open_matters_are_due_around_today():
    call_command("demo", matters=60, stdout=io.StringIO())
    today = timezone.localdate()
    # A complaint's clock stopped for the complainant's documents leaves its matter without a due date.
    # A policy's matter runs for the policy's span (a year of monthly reports), not to one deadline.
    for matter in (Matter.objects.filter(state__in=OPEN_STATES).exclude(complaint__paused_since__isnull=False)
                   .exclude(policy__isnull=False)):
        assert abs((matter.external_deadline - today).days) <= 30


@pytest.mark.django_db
def test_every_working_demo_user_finds_something_waiting_for_them():
    from prasan.tracking.inbox import inbox_for

    call_command("demo", matters=120, stdout=io.StringIO())
    waiting = {u.username: {i.type for i in inbox_for(u).items} for u in User.objects.all()}
    assert "review" in waiting["grouphead"]
    assert {"review", "sign"} <= waiting["head"]
    assert "decision" in waiting["minister"]
    coordinators = set().union(*(waiting[u.username] for u in User.objects.filter(role="coordinator")))
    assert {"returned", "dispatch", "accept"} <= coordinators
