"""The open-work table stays exactly what the assignments and the matters say, through any sequence of the real
operations hypothesis can make up: matters made, moved through the workflow (closed, reopened, cancelled,
transferred), edited on their page (deadline, urgency, secrecy, unit, assignees), deadlines moved by a new holiday,
people added and taken off from either side of the relation (add, remove, set, clear), queryset updates and
bulk_update, matters deleted, assignments written in bulk as the generator writes them. After every step the table
equals the query over the history (building.differences), and each person's open work as my-work reads it equals
Matter.objects.assigned_to(person).open()."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from prasan.accounts.models import Role, User
from prasan.directory.models import Office, Unit
from prasan.matters.access import NotCleared
from prasan.matters.choices import State, Urgency
from prasan.matters.models import Matter
from prasan.matters.workflow import WorkflowError, rules_for
from prasan.openwork import building
from prasan.openwork.models import OpenWork
from prasan.tracking.holiday_import import HolidayEntry, apply

TODAY = timezone.localdate()
DAYS = st.integers(-5, 20)
PEOPLE = 4  # coordinators and a group head of clearances 0 to 3
STATES = sorted(State.values)


class OpenWorkMachine(RuleBasedStateMachine):
    """One office per run, inside a savepoint the run rolls back."""

    def __init__(self, client):
        super().__init__()
        self.client = client
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        office = Office.objects.create(name="สำนักงานรัฐมนตรี", abbreviation="สร")
        self.office = office
        self.units = [Unit.objects.create(office=office, name=f"กลุ่มงาน {i}", abbreviation=f"ก{i}.") for i in
                      range(2)]
        self.people = [User.objects.create(username=f"p{i}", role=Role.GROUP_HEAD if i == 3 else Role.COORDINATOR,
                                           clearance=i, unit=self.units[i % 2]) for i in range(PEOPLE)]
        self.head = User.objects.create(username="head", role=Role.HEAD, clearance=3)
        self.matters: list[int] = []

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # -- helpers -----------------------------------------------------------------------------------

    def _matter(self, data) -> Matter:
        return Matter.objects.get(pk=data.draw(st.sampled_from(self.matters)))

    def _cleared(self, matter, chosen) -> list:
        return [self.people[i] for i in chosen if self.people[i].clearance >= matter.secrecy]

    # -- the operations ----------------------------------------------------------------------------

    @rule(secrecy=st.integers(0, 3), deadline=st.none() | DAYS, urgency=st.sampled_from(Urgency.values),
          facilitation=st.booleans(), chosen=st.sets(st.integers(0, PEOPLE - 1), max_size=3))
    def make(self, secrecy, deadline, urgency, facilitation, chosen):
        assignees = [self.people[i] for i in chosen if self.people[i].clearance >= secrecy]
        matter = Matter.create(by=self.head, office=self.office, title=f"เรื่อง {len(self.matters)}",
                               duty_type="other", source="verbal_command", secrecy=secrecy, urgency=urgency,
                               kind="facilitation" if facilitation else "substantive", owner_unit=self.units[0],
                               internal_deadline=None if deadline is None else TODAY + dt.timedelta(days=deadline),
                               assignees=assignees)
        self.matters.append(matter.pk)

    @precondition(lambda self: self.matters)
    @rule(data=st.data())
    def fire(self, data):
        """Any event of the matter's workflow, as the head of office; refused ones change nothing."""
        matter = self._matter(data)
        rule_ = data.draw(st.sampled_from([r for r in rules_for(matter) if matter.state in r.sources] or [None]))
        if rule_ is None:
            return
        try:
            matter.fire(rule_.event, by=self.head, message="เหตุผล", open_requests="cancel")
        except WorkflowError:
            pass

    @precondition(lambda self: self.matters)
    @rule(data=st.data(), deadline=st.none() | DAYS, urgency=st.sampled_from(Urgency.values),
          secrecy=st.integers(0, 3), unit=st.integers(0, 1), chosen=st.sets(st.integers(0, PEOPLE - 1), max_size=3))
    def edit_on_the_page(self, data, deadline, urgency, secrecy, unit, chosen):
        matter = self._matter(data)
        if not matter.is_open:
            return
        day = "" if deadline is None else (TODAY + dt.timedelta(days=deadline)).isoformat()
        self.client.force_login(self.head)
        self.client.post(f"/matters/{matter.pk}/edit/", {
            "title": matter.title, "duty_type": matter.duty_type, "kind": matter.kind, "process": matter.process,
            "urgency": urgency, "secrecy": secrecy, "owner_unit": self.units[unit].pk,
            "assignees": [self.people[i].pk for i in chosen], "external_deadline": "", "internal_deadline": day,
            "tags": ""})

    @precondition(lambda self: self.matters)
    @rule(data=st.data(), deadline=st.none() | DAYS, urgency=st.sampled_from(Urgency.values),
          secrecy=st.integers(0, 3), named=st.booleans())
    def save(self, data, deadline, urgency, secrecy, named):
        """Saved by code: the whole row, or only the fields named."""
        matter = self._matter(data)
        matter.internal_deadline = None if deadline is None else TODAY + dt.timedelta(days=deadline)
        matter.urgency, matter.secrecy = urgency, secrecy
        matter.save(update_fields=["internal_deadline", "urgency", "updated_at"] if named else None)

    @precondition(lambda self: self.matters)
    @rule(data=st.data(), state=st.sampled_from(STATES), deadline=st.none() | DAYS, how=st.sampled_from(
        ["update", "bulk_update"]))
    def update(self, data, state, deadline, how):
        pks = data.draw(st.sets(st.sampled_from(self.matters), min_size=1))
        day = None if deadline is None else TODAY + dt.timedelta(days=deadline)
        if how == "update":
            Matter.objects.filter(pk__in=pks).update(state=state, internal_deadline=day)
        else:
            matters = list(Matter.objects.filter(pk__in=pks))
            for matter in matters:
                matter.state, matter.internal_deadline = state, day
            Matter.objects.bulk_update(matters, ["state", "internal_deadline"])

    @precondition(lambda self: self.matters)
    @rule(data=st.data(), chosen=st.sets(st.integers(0, PEOPLE - 1), max_size=3),
          how=st.sampled_from(["add", "remove", "set", "clear"]))
    def assign(self, data, chosen, how):
        matter = self._matter(data)
        people = self._cleared(matter, chosen)
        try:
            if how == "clear":
                matter.assignees.clear()
            elif how == "set":
                matter.assignees.set(people)
            else:
                getattr(matter.assignees, how)(*people)
        except NotCleared:
            pass

    @precondition(lambda self: self.matters)
    @rule(data=st.data(), person=st.integers(0, PEOPLE - 1), how=st.sampled_from(["add", "remove", "clear"]))
    def assign_from_the_person(self, data, person, how):
        user = self.people[person]
        pks = data.draw(st.sets(st.sampled_from(self.matters), max_size=3))
        try:
            with transaction.atomic():
                if how == "clear":
                    user.assigned_matters.clear()
                else:
                    getattr(user.assigned_matters, how)(*pks)
        except NotCleared:
            pass

    @precondition(lambda self: self.matters)
    @rule(data=st.data())
    def holiday_on_a_deadline(self, data):
        """The office declares a day off on a matter's deadline: open matters due that day move on."""
        day = self._matter(data).internal_deadline
        if day is not None:
            apply([HolidayEntry(day, "วันหยุดพิเศษ")], by=self.head)

    @precondition(lambda self: self.matters)
    @rule(data=st.data())
    def delete(self, data):
        matter = self._matter(data)
        self.matters.remove(matter.pk)
        matter.delete()

    @rule(person=st.integers(0, PEOPLE - 1), open_=st.booleans())
    def bulk_written(self, person, open_):
        """As the bench generator writes: matters and their assignments in bulk, then building.fill from the first."""
        first = (Matter.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        made = Matter.objects.bulk_create([Matter(
            office=self.office, year=2569, seq=10000 + first + i, title="เรื่องจำนวนมาก", duty_type="other",
            source="verbal_command", state=State.COORDINATING if open_ else State.CLOSED, urgency=Urgency.URGENT,
            internal_deadline=TODAY) for i in range(2)])
        Matter.assignees.through.objects.bulk_create([
            Matter.assignees.through(matter_id=m.pk, user_id=self.people[person].pk) for m in made])
        building.fill(min(m.pk for m in made))
        self.matters += [m.pk for m in made]

    # -- what must hold after every step -----------------------------------------------------------

    @invariant()
    def the_table_is_the_history(self):
        found = building.differences()
        assert found.exact, (found.missing, found.extra)

    @invariant()
    def my_work_is_my_open_assignments(self):
        for user in self.people:
            mine = set(OpenWork.objects.of(user).values_list("matter_id", flat=True))
            assert mine == set(Matter.objects.assigned_to(user).open().values_list("pk", flat=True))


class OpenWorkStaysExact(TestCase):
    def test_any_sequence_of_operations(self):
        run_state_machine_as_test(lambda: OpenWorkMachine(self.client), settings=settings(
            max_examples=25, stateful_step_count=20, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))

    def test_rebuild_makes_it_again(self):
        office = Office.objects.create(name="สำนักงานรัฐมนตรี", abbreviation="สร")
        person = User.objects.create(username="p", role=Role.COORDINATOR)
        for state in (State.RECEIVED, State.CLOSED):
            Matter.create(by=person, office=office, title="เรื่อง", duty_type="other", source="verbal_command",
                          state=state, assignees=[person])
        OpenWork.objects.update(deadline=TODAY)  # drifted (as by a write past the hooks)
        assert not building.differences().exact
        assert building.rebuild() == 1
        assert building.differences().exact
        assert set(OpenWork.objects.values_list("matter__state", flat=True)) == {State.RECEIVED}
