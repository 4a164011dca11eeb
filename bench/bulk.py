"""Bulk writes for the data generator: plain tuples in, executemany on SQLite, COPY on PostgreSQL.

Rows carry their own ids (the generator links rows without reading them back) and their dates as the text
each database stores, so nothing per row goes through Django's field machinery.
"""

import contextlib
import datetime as dt
import json
import queue
import threading
import time
from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone


class Table:
    """One table: the columns a generator fills (id first), every other column at its model default."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]):
        self.model = model
        self.name = model._meta.db_table
        given = set(columns)
        rest = [f for f in model._meta.concrete_fields if f.column not in given]
        self.columns = [*columns, *(f.column for f in rest)]
        self.defaults = tuple(_default(f) for f in rest)
        self.rows: list[tuple] = []

    def add(self, *values) -> None:
        self.rows.append(values + self.defaults)


def _default(field: models.Field):
    """A model default as a constant; a column whose default depends on the moment must be given."""
    if field.primary_key or (field.has_default() and callable(field.default) and field.default not in (dict, list)):
        raise ValueError(f"{field.model.__name__}.{field.name} must be given by the generator")
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        raise ValueError(f"{field.model.__name__}.{field.name} must be given by the generator")
    value = field.get_default()
    if isinstance(field, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    if value is None and not field.null:
        raise ValueError(f"{field.model.__name__}.{field.name} has no default")
    return value


class Stamps:
    """Epoch seconds → the text a database stores for a UTC datetime, and → the office's local date."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.suffix = "+00" if connection.vendor == "postgresql" else ""  # SQLite keeps naive UTC
        self.times = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}{self.suffix}" for s in range(86400)]
        self.days: dict[int, str] = {}
        self.offsets: dict[int, int | bool] = {}  # UTC day → the zone's offset through it
        self.zone = timezone.get_current_timezone()

    def at(self, ts: int) -> str:
        day, second = divmod(ts, 86400)
        text = self.days.get(day)
        if text is None:
            text = self.days[day] = (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()
        return text + self.times[second]

    def local_day(self, ts: int) -> int:
        """Days since 1970-01-01 in the office's time zone."""
        day = ts // 86400
        offset = self.offsets.get(day)
        if offset is None:
            first, last = self._offset(day * 86400), self._offset(day * 86400 + 86399)
            offset = self.offsets[day] = first if first == last else False  # False: changes within the day
        if offset is False:
            offset = self._offset(ts)
        return (ts + offset) // 86400

    def _offset(self, ts: int) -> int:
        return int(dt.datetime.fromtimestamp(ts, dt.UTC).astimezone(self.zone).utcoffset().total_seconds())


def day_text(day: int) -> str:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()


def next_ids(connection: BaseDatabaseWrapper, tables: Iterable[Table]) -> dict[str, int]:
    """The first free id of each table."""
    result = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}")  # noqa: S608  (a model's table)
            result[table.name] = cursor.fetchone()[0]
    return result


class Writer:
    """Writes tables' buffered rows from a thread of its own — executemany on SQLite, COPY on PostgreSQL — so
    the database works (SQLite releases the GIL while it steps) while the next rows are made.

    It uses the connection of the thread that made it, inside that thread's transaction; that thread takes
    `lock` before it uses the connection itself while the writer runs.
    """

    def __init__(self, connection: BaseDatabaseWrapper):
        connection.ensure_connection()
        self.vendor = connection.vendor
        self.raw = connection.connection
        self.lock = threading.Lock()
        self.queue: queue.Queue = queue.Queue(maxsize=3)
        self.error: BaseException | None = None
        self.seconds: dict[str, float] = {}  # the writer thread's CPU time per table
        self.thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)
        self.thread.start()

    def flush(self, *tables: Table) -> None:
        for table in tables:
            if table.rows:
                # SQLite takes a batch as one JSON text (_write), made here: this thread has time to spare.
                rows = table.rows if self.vendor == "postgresql" else _as_json(table.rows)
                self.queue.put((table.name, table.columns, rows))
                table.rows = []
        if self.error:
            raise self.error

    def close(self, check: bool = True) -> None:
        """Wait for every row to be written (or, after an error elsewhere, for the batch being written)."""
        if not check:
            self.error = self.error or RuntimeError("stopped")  # the batches still queued are skipped
        self.queue.put(None)
        self.thread.join()
        if check and self.error:
            raise self.error

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                started = time.thread_time()
                try:
                    with self.lock:
                        self._write(*item)
                except BaseException as error:  # handed to the making thread at its next flush
                    self.error = error
                name = item[0]
                self.seconds[name] = self.seconds.get(name, 0) + time.thread_time() - started

    def _write(self, name: str, columns: Sequence[str], rows: list[tuple] | str) -> None:
        names = ", ".join(columns)
        if self.vendor == "postgresql":
            with self.raw.cursor() as cursor, cursor.copy(f"COPY {name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # One statement per batch, its rows handed over as one JSON text that SQLite takes apart itself. Bound row
        # by row (executemany), every row's step gives up the GIL and waits to get it back from the making
        # thread (up to the switch interval, 5 ms): the two threads took turns instead of working side by side.
        # One statement also makes FTS5 (filled by triggers) write one segment per batch, not one per row.
        picks = ", ".join(f"value ->> {i}" for i in range(len(columns)))
        self.raw.execute(f"INSERT INTO {name} ({names}) SELECT {picks} FROM json_each(?)", (rows,))  # noqa: S608


def _as_json(rows: list[tuple]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def reset_sequences(connection: BaseDatabaseWrapper, models_: Iterable[type[models.Model]]) -> None:
    """After rows were written with explicit ids: new rows continue after them (PostgreSQL identity)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(sql)


@contextlib.contextmanager
def tuned_for_load(connection: BaseDatabaseWrapper):
    """For the load only, and the bench database only: no fsync for work that can be redone, a large cache.
    The settings in force before come back after, so what is timed next runs as configured."""
    if connection.vendor == "postgresql":
        names = {"maintenance_work_mem": "1GB", "synchronous_commit": "off"}  # GIN indexes are built at the end
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                # As pg_restore --disable-triggers: no foreign-key check queued per row (the generator links
                # only rows it made or read); they would all run at commit, a minute per million rows.
                names["session_replication_role"] = "replica"
    else:
        names = {"cache_size": "-1000000"}  # KiB: a gigabyte of pages
        if not connection.in_atomic_block:  # SQLite refuses to change these inside a transaction
            # A rollback journal instead of the write-ahead log: new pages need no journal, so the gigabytes of
            # a load are written once, to the database, instead of to the log and again at its checkpoint.
            names |= {"synchronous": "OFF", "temp_store": "MEMORY", "journal_mode": "DELETE"}
    before = {}
    with connection.cursor() as cursor:
        for name, value in names.items():
            cursor.execute(f"SHOW {name}" if connection.vendor == "postgresql" else f"PRAGMA {name}")
            before[name] = cursor.fetchone()[0]
            _set(cursor, connection.vendor, name, value)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                _set(cursor, connection.vendor, name, value)


def _set(cursor, vendor: str, name: str, value) -> None:
    if vendor == "postgresql":
        cursor.execute("SELECT set_config(%s, %s, false)", [name, str(value)])
    else:
        cursor.execute(f"PRAGMA {name} = {value}")  # constant names and values read back from SQLite
