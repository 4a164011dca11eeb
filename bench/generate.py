"""Synthetic matters at scale: ten years of an office's work with their transitions, activities, requests,
documents and register entries, and the search index exactly as `prasan reindex` would build it.

Rows are made as plain tuples (bench/generate_rows.py) and written in big batches (bench/bulk.py) inside one
transaction, so a run that stops leaves the database as it was; running again with a larger size adds the
difference. The index is written as the rows are made, oldest first, and its text index built once at the end.
"""

import collections
import datetime as dt
import heapq
import itertools
import os
import sys
import time

from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from prasan.correspondence.models import RegisterCounter
from prasan.directory.models import Contact
from prasan.matters.models import Matter, MatterCounter
from prasan.openwork import building as open_work
from prasan.search import grants, schema, sources

from .bulk import Writer, next_ids, reset_sequences, tuned_for_load
from .generate_parliament import sessions as parliament_sessions
from .generate_pg import ClusterClock, build_deferred, defer_indexes
from .generate_rows import LEAD, SIGN_WINDOW, SPAN_DAYS, Dice, Rows, search_row, state_for, tables

__all__ = ["SPAN_DAYS", "generate", "state_for"]
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
FTS5_AUTOMERGE, FTS5_CRISISMERGE = 4, 16  # SQLite's defaults
LOAD_CRISISMERGE = 64  # while loading, segments are left to pile up this high before FTS5 must merge them
MICROSECOND = dt.timedelta(microseconds=1)
# Tables other parts keep from matters as they change (a person's open work, the dashboards' counters): each gives
# a function that fills its table anew from the rows in bulk, named here; called once rows and indexes are in.
DERIVED_FILLS: list[str] = [
    "prasan.tracking.tallies.rebuild",  # the dashboards' counters
]


class Progress:
    """One line per phase on stderr: a bar, the count, the rate and the time left."""

    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.stream = label, total, stream or sys.stderr
        self.started = self.shown = time.perf_counter()
        self.phase, self.step_started = "", None
        self.seconds: dict[str, float] = {}  # each phase's wall time

    def update(self, done: int) -> None:
        now = time.perf_counter()
        if done < self.total and now - self.shown < 0.5:
            return
        self.shown = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate else 0
        filled = int(30 * done / max(self.total, 1))
        if done < self.total:
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{self.total:,} "
                              f"({rate:,.0f}/วินาที, เหลืออีก {_clock(left)})  ")
        else:
            self.stream.write(f"\r{self.label} [{'#' * 30}] {done:,}/{self.total:,} ({rate:,.0f}/วินาที, "
                              f"ใช้เวลา {_clock(elapsed)})          \n")
        self.stream.flush()

    def step(self, key: str, text: str) -> None:
        """A phase without a count: its name now, its time when the next one starts."""
        self._close_step()
        self.stream.write(f"{text}…")
        self.stream.flush()
        self.phase, self.step_started = key, time.perf_counter()

    def finish(self) -> None:
        self._close_step()
        self.seconds["total"] = round(time.perf_counter() - self.started, 1)
        self.stream.write(f"รวม {_clock(self.seconds['total'])}\n")
        self.stream.flush()

    def _close_step(self) -> None:
        now = time.perf_counter()
        if self.step_started is None:
            self.seconds.setdefault("rows", round(now - self.started, 1))
        else:
            self.seconds[self.phase] = round(now - self.step_started, 1)
            self.stream.write(f" {_clock(now - self.step_started)}\n")
            self.step_started = None


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"


class Existing:
    """Rows already in the database (the demo's, an earlier run's), read as the rebuild reads them and
    merged into the new index by date. Only rows up to `last` ids: the ones being written are not re-read."""

    BLOCK = 20000

    def __init__(self, last: dict[str, int], lock):
        self.last, self.lock = last, lock
        self.rows = heapq.merge(*(self._stream(source) for source in sources.installed()))
        self.buffer: collections.deque = collections.deque()
        self.exhausted = False
        self.count = 0

    def _stream(self, source):
        records = source.records()
        if source.kind in self.last:
            records = records.filter(pk__lte=self.last[source.kind])
        adapt = (lambda d: d) if connection.vendor == "postgresql" else connection.ops.adapt_datetimefield_value
        for record in records.order_by(source.date, "pk").iterator(chunk_size=2000):
            when = record[source.date]
            yield (when - EPOCH) // MICROSECOND, source.kind, record["pk"], search_row(source, record, adapt(when))

    def feed(self, heap: list, key: float) -> None:
        """Hand over the rows dated before `key` (in microseconds)."""
        while True:
            while self.buffer and self.buffer[0][0] < key:
                us, kind, pk, row = self.buffer.popleft()
                heapq.heappush(heap, (us, kind, pk, None, None, row))
                self.count += 1
            if self.buffer or self.exhausted:
                return
            with self.lock:  # reading shares the connection with the writer thread
                self.buffer.extend(itertools.islice(self.rows, self.BLOCK))
            self.exhausted = not self.buffer


def generate(office, units, users, agencies, size: int, *, seed: int = 1, now: dt.datetime | None = None,
             chunk: int = 5000, stream=None) -> dict:
    """Add `size` matters (with everything that hangs on them) and rebuild the search index; returns counts."""
    now = (now or timezone.now()).replace(microsecond=0)
    already = Matter.objects.filter(office=office).count()
    # A second run adds different matters from the first: the seed goes with how many there are already.
    rng = Dice(f"{seed}:{already}")
    end = int(now.timestamp())
    times = sorted(rng.randint(end - SPAN_DAYS * 86400, end) for _ in range(size))
    contacts = {}
    for contact in Contact.objects.filter(agency__in=agencies).order_by("agency", "-is_liaison", "name", "id"):
        contacts.setdefault(contact.agency_id, contact)
    matter_counters = dict(MatterCounter.objects.filter(office=office).values_list("year", "value"))
    register_counters = {(r, y): v for r, y, v in RegisterCounter.objects.filter(office=office)
                         .values_list("register", "year", "value")}
    out = tables()
    counts: dict = {}
    progress = Progress("สร้างเรื่องจำลองพร้อมดัชนีค้นหา", size, stream)
    # Inside a caller's transaction (tests) other connections cannot see the rows: no side-by-side builds.
    alone = not connection.in_atomic_block
    deferring = connection.vendor == "postgresql" and alone
    clock = ClusterClock(connection) if connection.vendor == "postgresql" else None
    cpu = _Cpu(clock)
    with tuned_for_load(connection):
        with transaction.atomic():
            first = next_ids(connection, out.values())
            ids = {name: first[table.name] for name, table in out.items()}
            ids["search"] = 1  # the index is rebuilt from the first id
            rows = Rows(office=office, units=units, users=users, agencies=agencies, contacts=contacts, now=now,
                        seed=rng.random(), connection=connection, tables=out, ids=ids,
                        matter_counters=matter_counters, register_counters=register_counters,
                        sessions=parliament_sessions(now, SPAN_DAYS))
            last = {sources.MATTER.kind: ids["matter"] - 1, sources.ACTIVITY.kind: ids["activity"] - 1,
                    sources.ANSWER.kind: ids["request"] - 1, sources.DOCUMENT.kind: ids["document"] - 1,
                    sources.ENTRY.kind: ids["entry"] - 1}
            _empty_index()
            if deferring:
                counts["deferred_indexes"] = len(defer_indexes(connection, [table.name for table in out.values()]))
            writer = Writer(connection)
            existing = Existing(last, writer.lock)
            try:
                _make(rows, times, chunk, existing, writer, progress)
            except BaseException:
                writer.close(check=False)  # its last batch done before the transaction is rolled back
                raise
            writer.close()
            progress.update(size)
            cpu.mark("rows")
            reset_sequences(connection, (table.model for table in out.values()))
            _save_counters(office, matter_counters, register_counters)
            counts.update({name: ids[name] - first[table.name] for name, table in out.items()})
            counts["search"], counts["existing"] = ids["search"] - 1, existing.count
            grants.rebuild()  # need to know of the secret matters just made (prasan/search/grants.py)
            counts["open_work"] = open_work.fill(first[out["matter"].name])  # their open work (prasan/openwork)
            counts["writer_seconds"] = {name: round(value, 1) for name, value in writer.seconds.items()}
            text_index = f"สร้างดัชนีคำ (trigram) จาก {counts['search']:,} รายการ"
            if deferring:
                defer_indexes(connection, [], extra={**schema.PG_INDEXES, **schema.pg_recent_indexes(connection)})
            else:
                progress.step("text_index", text_index)
                _finish_index()
            progress.step("commit", "บันทึกลงฐานข้อมูล")
        cpu.mark("commit")
        if deferring:
            progress.step("indexes", f"{text_index} และดัชนีอื่นของตารางที่เติม ทีละ {os.cpu_count() or 2} ดัชนี")
            counts["index_seconds"] = build_deferred(connection)
            cpu.mark("indexes")
    if DERIVED_FILLS:
        progress.step("derived", "เติมตารางที่คำนวณจากเรื่อง")
        with transaction.atomic():
            for path in DERIVED_FILLS:
                import_string(path)()
        cpu.mark("derived")
    progress.finish()
    counts["cpu_seconds"] = cpu.seconds
    counts["seconds"] = progress.seconds
    return counts


class _Cpu:
    """CPU seconds by phase: this process's (Python making rows and writing them) and the cluster's."""

    def __init__(self, clock: ClusterClock | None):
        self.clock, self.seconds = clock, {}
        self.python, self.database = time.process_time(), clock.seconds() if clock else None

    def mark(self, phase: str) -> None:
        python, database = time.process_time(), self.clock.seconds() if self.clock else None
        self.seconds[phase] = {"python": round(python - self.python, 1)}
        if database is not None and self.database is not None:
            self.seconds[phase]["postgresql"] = round(database - self.database, 1)
        self.python, self.database = python, database


def _make(rows: Rows, times: list[int], chunk: int, existing: Existing, writer: Writer, progress) -> None:
    existing.feed(rows.pending, 0)  # the first block, before the writer has work
    for start in range(0, len(times), chunk):
        for created in times[start:start + chunk]:
            rows.matter(created)
        # Nothing made from later matters can be dated before the next matter's date less LEAD.
        window = times[start + chunk] - LEAD if start + chunk < len(times) else float("inf")
        rows.number_until(window)
        rows.emit_until(window - SIGN_WINDOW, existing)
        writer.flush(*rows.tables.values())
        progress.update(min(start + chunk, len(times) - 1))
    rows.number_until(float("inf"))
    rows.emit_until(float("inf"), existing)
    writer.flush(*rows.tables.values())


def _empty_index() -> None:
    """As schema.bulk_load starts: no text index, no rows, ids from 1. SQLite's FTS5 tables come back at once,
    filled by their triggers as the writer thread inserts (about the work of a rebuild at the end, but done
    alongside making the rows), and not merged until the final optimize merges them all into one (merging on
    the way wrote every entry once more: a tenth of the load's time)."""
    schema.drop(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE search_searchentry RESTART IDENTITY")
            return
        cursor.execute("DELETE FROM search_searchentry")
        cursor.execute("DELETE FROM sqlite_sequence WHERE name = 'search_searchentry'")
    schema.create(connection)
    _merging(automerge=0, crisismerge=LOAD_CRISISMERGE)


def _finish_index() -> None:
    """SQLite: the FTS5 tables merged into one segment each; PostgreSQL (inside a caller's transaction): the
    trigram indexes built one after the other."""
    if connection.vendor == "postgresql":
        schema.create(connection)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        return
    _merging(automerge=FTS5_AUTOMERGE, crisismerge=FTS5_CRISISMERGE)
    with connection.cursor() as cursor:
        for name in schema.SQLITE_TABLES:
            cursor.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")  # noqa: S608  (constant names)


def _merging(automerge: int, crisismerge: int) -> None:
    with connection.cursor() as cursor:
        for name in schema.SQLITE_TABLES:
            for option, value in (("automerge", automerge), ("crisismerge", crisismerge)):
                cursor.execute(f"INSERT INTO {name}({name}, rank) VALUES (%s, %s)", [option, value])  # noqa: S608


def _save_counters(office, matter_counters: dict, register_counters: dict) -> None:
    """Counters continue from the generated numbers, so matters and entries made later take the next ones."""
    for year, value in matter_counters.items():
        MatterCounter.objects.update_or_create(office=office, year=year, defaults={"value": value})
    for (register, year), value in register_counters.items():
        RegisterCounter.objects.update_or_create(office=office, register=register, year=year,
                                                 defaults={"value": value})
