"""The audit chain: every event's hash covers the one before, so edits and deletions show."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from prasan.audit.models import MISSING_TAIL, AuditChain, AuditEvent, chain_head, record, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(users):
    actor = users["coordinator"]
    return [record(actor, "matter.read", ("matters.matter", n), purpose="view", n=n) for n in range(1, 6)]


def test_record_links_each_event_to_the_one_before(events):
    assert events[0].prev_hash == ""
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev_hash == before.hash
    assert chain_head() == events[-1].hash


def test_record_names_the_actor_and_the_object(users):
    event = record(users["coordinator"], "matter.create", users["grouphead"])
    assert event.actor == users["coordinator"]
    assert event.actor_label == "coordinator"
    assert (event.object_type, event.object_id) == ("accounts.user", str(users["grouphead"].pk))


def test_record_without_a_user_names_the_system_or_the_given_label(db):
    assert record(None, "tick", ("tracking.reminder", 1)).actor_label == "ระบบ"
    assert record("liaison:สมชาย", "request.answer", ("coordination.agencyrequest", 7)).actor_label == "liaison:สมชาย"


def test_verify_passes_on_an_intact_chain(events):
    assert verify() == (5, [])


def test_verify_passes_with_no_events(db):
    assert verify() == (0, [])


def test_dates_and_decimals_in_the_data_hash_the_same_when_read_back(users):
    record(users["head"], "request.create", ("coordination.agencyrequest", 1),
           deadline=dt.date(2026, 5, 5), amount=Decimal("1234.50"), at=dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC))
    assert verify() == (1, [])
    assert AuditEvent.objects.get().data["deadline"] == "2026-05-05"


def test_verify_finds_an_edited_event(events):
    AuditEvent.objects.filter(pk=events[2].pk).update(data={"purpose": "edit", "n": 3})
    count, bad = verify()
    assert count == 5
    assert bad == [events[2].pk]


def test_verify_finds_an_edited_event_whose_hash_was_recomputed(events):
    forged = AuditEvent.objects.get(pk=events[2].pk)
    forged.actor_label = "someone-else"
    AuditEvent.objects.filter(pk=forged.pk).update(actor_label=forged.actor_label, hash=forged.digest())
    assert verify()[1] == [events[3].pk]  # the next event still points at the old hash


def test_verify_finds_a_deleted_event_in_the_middle(events):
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    assert verify() == (4, [events[3].pk])


def test_verify_finds_a_deleted_first_event(events):
    AuditEvent.objects.filter(pk=events[0].pk).delete()
    assert verify() == (4, [events[1].pk])


def test_verify_finds_deleted_newest_events(events):
    AuditEvent.objects.filter(pk__in=[events[3].pk, events[4].pk]).delete()
    assert verify() == (3, [MISSING_TAIL])


def test_verify_finds_a_chain_emptied_of_events(events):
    AuditEvent.objects.all().delete()
    assert verify() == (0, [MISSING_TAIL])


def test_saving_an_existing_event_raises(events):
    event = AuditEvent.objects.get(pk=events[0].pk)
    event.action = "matter.delete"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    assert AuditEvent.objects.get(pk=events[0].pk).action == "matter.read"


def test_deleting_an_event_raises(events):
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.get(pk=events[0].pk).delete()
    assert AuditEvent.objects.count() == 5


def test_an_event_recorded_in_a_rolled_back_transaction_leaves_no_trace(events, users):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(users["head"], "matter.close", ("matters.matter", 1))
        raise RuntimeError("the change failed")
    assert chain_head() == events[-1].hash
    assert verify() == (5, [])
    after = record(users["head"], "matter.close", ("matters.matter", 1))
    assert after.prev_hash == events[-1].hash


def test_there_is_one_chain_row(events):
    assert AuditChain.objects.count() == 1
