"""The dashboards' counters (tracking.tallies) after any sequence of real changes to matters: equal to a fresh count
of the matters after every step, and the dashboards' numbers read from them equal to counts over the matters each
viewer may see; the check and rebuild command; and counters that move together under concurrent saves."""

import datetime as dt
import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Sum
from django.test import TestCase
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from prasan.accounts.models import Role, User
from prasan.directory.models import Office, Unit
from prasan.matters.choices import DutyType, Kind, State, Urgency
from prasan.matters.models import Matter, MatterShare
from prasan.matters.workflow import WorkflowError
from prasan.tracking import tallies
from prasan.tracking.counting import OPEN, Scope, start_of

DAY = dt.timedelta(days=1)
STATES = list(State.values)


def visible_counts(user, unit_id, scope) -> dict:
    """What the dashboards show, counted the plain way over Matter.objects.visible_to(user)."""
    seen = Matter.objects.visible_to(user)
    if unit_id:
        seen = seen.filter(owner_unit_id=unit_id)
    is_open = seen.filter(state__in=OPEN)
    first, after = start_of(scope.week_starts[0]), start_of(scope.week_starts[-1] + 7 * DAY)
    return {
        "open": {s: is_open.filter(state=s).count() for s in OPEN},
        "overdue": is_open.filter(internal_deadline__lt=scope.today).count(),
        "due_soon": is_open.filter(internal_deadline__gte=scope.today, internal_deadline__lte=scope.due_limit).count(),
        "urgency": {u: is_open.filter(urgency=u).count() for u in Urgency.values},
        "intake": seen.filter(created_at__gte=first, created_at__lt=after).count(),
        "closed": seen.filter(state=State.CLOSED, closed_at__gte=first, closed_at__lt=after).count(),
        "recent": is_open.filter(created_at__gte=start_of(scope.age_starts[-1])).count(),
    }


def dashboard_counts(scope) -> dict:
    by_state = scope.tally("state", states=OPEN)
    by_urgency = scope.tally("urgency", states=OPEN)
    weeks = range(len(scope.week_starts))
    sums = scope.tally(measures=["overdue", "due_soon", "age0", "age1", "age2", *[f"in{i}" for i in weeks],
                                 *[f"out{i}" for i in weeks]])[()]
    return {
        "open": {s: by_state.get(s, {}).get("n", 0) for s in OPEN},
        "overdue": sums["overdue"],
        "due_soon": sums["due_soon"],
        "urgency": {u: by_urgency.get(u, {}).get("n", 0) for u in Urgency.values},
        "intake": sum(sums[f"in{i}"] for i in weeks),
        "closed": sum(sums[f"out{i}"] for i in weeks),
        "recent": sums["age0"] + sums["age1"] + sums["age2"],
    }


class MatterChanges(RuleBasedStateMachine):
    """Matters made, moved through the workflow, edited, bulk-updated and deleted in any order."""

    @initialize()
    def office(self):
        # Each run in a transaction of its own, rolled back at the end (teardown): the next starts from nothing.
        self.run = transaction.atomic()
        self.run.__enter__()
        self.office = Office.objects.create(name="สำนักงานรัฐมนตรี", abbreviation="สร")
        self.units = [Unit.objects.create(office=self.office, name=f"กลุ่มงาน {i}", abbreviation=f"ก{i}.")
                      for i in range(2)]
        make = User.objects.create
        self.head = make(username="head", role=Role.HEAD, clearance=3)
        self.viewers = [
            (self.head, None),
            (make(username="head1", role=Role.HEAD, clearance=1), None),
            (make(username="gh", role=Role.GROUP_HEAD, unit=self.units[0], clearance=2), self.units[0].pk),
            (make(username="auditor", role=Role.AUDITOR, clearance=2), None),
            (make(username="auditor0", role=Role.AUDITOR, clearance=0), self.units[1].pk),
        ]
        self.auditor = self.viewers[3][0]
        self.matters: list[int] = []

    def pick(self, i: int) -> Matter:
        return Matter.objects.get(pk=self.matters[i % len(self.matters)])

    @rule(unit=st.integers(0, 2), duty=st.sampled_from(DutyType.values), urgency=st.sampled_from(Urgency.values),
          secrecy=st.integers(0, 3), deadline=st.one_of(st.none(), st.integers(-10, 10)),
          kind=st.sampled_from(Kind.values), shared=st.booleans())
    def create(self, unit, duty, urgency, secrecy, deadline, kind, shared):
        today = timezone.localdate()
        matter = Matter.create(by=self.head, office=self.office, title="เรื่องทดสอบ", duty_type=duty,
                               source="verbal_command", urgency=urgency, secrecy=secrecy, kind=kind,
                               owner_unit=self.units[unit] if unit < 2 else None,
                               internal_deadline=None if deadline is None else today + deadline * DAY)
        if shared and 0 < secrecy <= self.auditor.clearance:
            MatterShare.objects.create(matter=matter, user=self.auditor)
        self.matters.append(matter.pk)

    @precondition(lambda self: self.matters)
    @rule(i=st.integers(0, 50), event=st.sampled_from(["accept", "start", "close", "reopen", "cancel", "transfer"]))
    def fire(self, i, event):
        try:
            self.pick(i).fire(event, by=self.head, message="เหตุผล")
        except WorkflowError:
            pass  # refused, and nothing changed

    @precondition(lambda self: self.matters)
    @rule(i=st.integers(0, 50), state=st.sampled_from(STATES))
    def move_as_a_document_does(self, i, state):
        """A document's step moves its matter with save(update_fields=…) (matters.document_path)."""
        matter = self.pick(i)
        matter.state = state
        matter.closed_at = timezone.now() if state == State.CLOSED else None
        matter.save(update_fields=["state", "closed_at", "updated_at"])

    @precondition(lambda self: self.matters)
    @rule(i=st.integers(0, 50), unit=st.integers(0, 2), duty=st.sampled_from(DutyType.values),
          urgency=st.sampled_from(Urgency.values), secrecy=st.integers(0, 3), deadline=st.integers(-10, 10))
    def edit(self, i, unit, duty, urgency, secrecy, deadline):
        matter = self.pick(i)
        matter.owner_unit = self.units[unit] if unit < 2 else None
        matter.duty_type, matter.urgency, matter.secrecy = duty, urgency, secrecy
        matter.internal_deadline = timezone.localdate() + deadline * DAY
        matter.save()

    @precondition(lambda self: self.matters)
    @rule(i=st.integers(0, 50), deadline=st.integers(-10, 10), urgency=st.sampled_from(Urgency.values))
    def move_deadline_of_a_stale_copy(self, i, deadline, urgency):
        """Only the deadline is written: the copy's other fields (here its urgency) are not what is stored."""
        matter = self.pick(i)
        matter.urgency = urgency
        matter.internal_deadline = timezone.localdate() + deadline * DAY
        matter.save(update_fields=["internal_deadline", "updated_at"])

    @precondition(lambda self: self.matters)
    @rule(first=st.integers(0, 50), days=st.integers(0, 120), close=st.booleans())
    def bulk_update(self, first, days, close):
        rows = Matter.objects.filter(pk__in=self.matters[first % len(self.matters)::2])
        values = {"created_at": timezone.now() - days * DAY}
        if close:
            values.update(state=State.CLOSED, closed_at=timezone.now() - (days // 2) * DAY)
        rows.update(**values)  # followed through matters_updating

    @precondition(lambda self: self.matters)
    @rule(i=st.integers(0, 50))
    def delete(self, i):
        matter = self.pick(i)
        self.matters.remove(matter.pk)
        matter.delete()

    def teardown(self):
        if hasattr(self, "run"):
            transaction.set_rollback(True)
            self.run.__exit__(None, None, None)

    @invariant()
    def counters_equal_a_fresh_count(self):
        if not hasattr(self, "office"):
            return
        assert tallies.differences() == {}
        for user, unit_id in self.viewers:
            scope = Scope.for_user(user, unit_id=unit_id)
            assert dashboard_counts(scope) == visible_counts(user, unit_id, scope), (user.username, unit_id)


class TalliesFollowEveryChange(MatterChanges.TestCase, TestCase):
    settings = settings(max_examples=25, stateful_step_count=12, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow])


# -- the command -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_finds_a_counter_that_drifted_and_the_rebuild_mends_it(make_matter):
    make_matter(title="เปิดอยู่")
    call_command("tallies", stdout=io.StringIO())
    tallies.Tally.objects.filter(kind=tallies.OPEN).update(n=5)  # as a write that bypassed the hook would leave it
    out = io.StringIO()
    with pytest.raises(CommandError, match="ไม่ตรง"):
        call_command("tallies", stdout=out)
    assert "open" in out.getvalue() and "ตัวนับ 5 นับจริง 1" in out.getvalue()
    out = io.StringIO()
    call_command("tallies", "--rebuild", stdout=out)
    assert "ตรงกับการนับจริงทุกช่อง" in out.getvalue()


@pytest.mark.django_db
def test_a_save_that_touches_no_counted_field_reads_nothing_more(make_matter, django_assert_num_queries):
    matter = make_matter()
    with django_assert_num_queries(1):  # the UPDATE alone: no read of the row before, no counter write
        matter.save(update_fields=["updated_at"])
    assert tallies.differences() == {}


@pytest.mark.django_db
def test_the_intake_day_is_the_offices_local_day(make_matter):
    matter = make_matter()
    late_evening = timezone.make_aware(dt.datetime.combine(timezone.localdate() - DAY, dt.time(23, 30)))
    rows = Matter.objects.filter(pk=matter.pk)
    rows.update(created_at=late_evening)
    cells = tallies.Tally.objects.filter(kind=tallies.INTAKE, n__gt=0).values_list("day", flat=True)
    assert list(cells) == [timezone.localdate() - DAY]
    assert tallies.differences() == {}


def test_cells_of_an_open_and_a_closed_matter():
    row = {"state": State.PLANNING, "owner_unit_id": None, "duty_type": "analysis", "urgency": "urgent", "secrecy": 1,
           "internal_deadline": None, "created_at": timezone.now(), "closed_at": None}
    kinds = sorted(cell[0] for cell in tallies.cells(row))
    assert kinds == sorted([tallies.INTAKE, tallies.OPEN, tallies.DEADLINE, tallies.AGE])
    assert all(cell[2] == 0 for cell in tallies.cells(row))  # no unit: 0
    closed = {**row, "state": State.CLOSED, "closed_at": timezone.now()}
    assert sorted(cell[0] for cell in tallies.cells(closed)) == [tallies.CLOSED, tallies.INTAKE]
    assert tallies.moves([row], [row]) == {}


@pytest.mark.django_db(transaction=True)
def test_concurrent_changes_to_the_same_cells_and_the_same_matter_all_count(make_matter, users):
    """Eight writers at once: new matters in one cell, and each moving the same shared matter's deadline. On
    PostgreSQL the upsert adds up under concurrency and the locked read orders the changes to one matter; on
    SQLite writers take turns. Either way the counters end equal to a fresh count."""
    shared = make_matter(title="แก้พร้อมกัน")
    start = threading.Barrier(8)
    errors = []

    def writer(i):
        try:
            start.wait()
            for j in range(3):
                make_matter(title=f"พร้อมกัน {i}-{j}", internal_deadline=timezone.localdate())
                mine = Matter.objects.get(pk=shared.pk)
                mine.internal_deadline = timezone.localdate() + (i - j) * DAY
                mine.save(update_fields=["internal_deadline", "updated_at"])
        except Exception as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert tallies.differences() == {}
    assert tallies.Tally.objects.filter(kind=tallies.INTAKE).aggregate(n=Sum("n"))["n"] == 25
