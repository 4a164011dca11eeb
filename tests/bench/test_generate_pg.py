"""The generator on PostgreSQL: indexes and unique constraints dropped for the load come back as they were, and a
run stopped before they were built is finished by the next call."""

import datetime as dt
import io

import pytest
from django.db import connection, transaction

from bench.generate import generate
from bench.generate_pg import PENDING, ClusterClock, build_deferred, defer_indexes
from bench.generate_rows import tables
from prasan.accounts.models import User
from prasan.demo.build import load
from prasan.directory.models import Agency

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's load path")]
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
TABLES = [table.name for table in tables().values()]


def indexes() -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [TABLES])
        found = set(cursor.fetchall())
        cursor.execute("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid::regclass::text = ANY(%s)", [TABLES])
        return found | set(cursor.fetchall())


def pending() -> list:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [PENDING])
        if cursor.fetchone()[0] is None:
            return []
        cursor.execute(f"SELECT name FROM {PENDING}")  # noqa: S608
        return cursor.fetchall()


def test_indexes_and_constraints_dropped_for_the_load_come_back_as_they_were():
    office = load(matter_count=8)["office"]
    before = indexes()

    counts = generate(office, list(office.units.all()), list(User.objects.all()), list(Agency.objects.all()), 60,
                      now=NOW, stream=io.StringIO())

    assert counts["deferred_indexes"] > 50  # the tables' own, not only the search index's
    assert {"search_everything_trgm", "search_title_trgm", "matter_open_profile_idx"} <= set(counts["index_seconds"])
    assert indexes() == before
    assert pending() == []
    assert counts["cpu_seconds"]["rows"]["python"] > 0
    assert counts["cpu_seconds"]["indexes"]["postgresql"] > 0  # the test cluster runs here, as superuser


def test_a_load_stopped_before_its_indexes_were_built_is_finished_by_the_next_call():
    load(matter_count=8)
    before = indexes()
    with transaction.atomic():
        names = defer_indexes(connection, ["matters_matter", "search_searchentry"])
    assert "matter_number_unique" in names and indexes() != before

    built = build_deferred(connection)

    assert set(built) == set(names)
    assert indexes() == before and pending() == []


def test_a_failed_load_leaves_the_indexes_in_place():
    load(matter_count=8)
    before = indexes()
    with pytest.raises(RuntimeError), transaction.atomic():
        defer_indexes(connection, TABLES)
        raise RuntimeError("stopped")

    assert indexes() == before and pending() == []


def test_the_clusters_cpu_is_read_where_it_runs_here():
    clock = ClusterClock(connection)
    assert clock.seconds() is not None and clock.seconds() > 0
