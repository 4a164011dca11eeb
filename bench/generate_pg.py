"""The generator's PostgreSQL side: indexes built after the load, side by side, and the cluster's CPU time.

An index kept up to date while COPY adds millions of rows costs a random insertion per row; built once at the
end it is a sort (a btree) or one pass (a trigram GIN). So the load's transaction drops every secondary index
and unique constraint of the tables it fills (not primary keys, nor an index a foreign key leans on) and
records how to make each again in `bench_deferred_index`, in the same transaction: a load that fails leaves
everything as it was. After commit the recorded indexes are built on as many connections as there are cores,
largest first; each is struck off as it is made, so a run stopped half-way is finished by the next call of
build_deferred (`prasan bench` calls it at start).
"""

import concurrent.futures
import os
import threading
import time
from collections.abc import Iterable

from django.db.backends.base.base import BaseDatabaseWrapper

PENDING = "bench_deferred_index"
# Per build. A trigram GIN build was no faster with 1 GB than with 64–256 MB (its in-memory tree outgrows the
# CPU's caches), and two builds run at once beside the rest of the machine.
BUILD_MEMORY = "256MB"
# Order of building: the whole-table trigram index over titles and bodies is most of the work, so it starts
# first on a core of its own and the rest fill the other (longest first).
WEIGHT = {"search_everything_trgm": 100.0, "search_title_trgm": 50.0, "search_everything_recent_trgm": 10.0,
          "search_title_recent_trgm": 5.0}


def defer_indexes(connection: BaseDatabaseWrapper, tables: Iterable[str], extra: dict[str, str] = ()) -> list[str]:
    """Inside the load's transaction: drop the secondary indexes of `tables`, remembering them, and remember
    `extra` ({name: CREATE INDEX statement}, indexes dropped by the caller) as well. Returns the names."""
    tables = list(tables)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {PENDING} (name text PRIMARY KEY, table_name text NOT NULL, "
                       "create_sql text NOT NULL, constraint_sql text NOT NULL DEFAULT '')")
        cursor.execute(
            """SELECT i.relname, t.relname, pg_get_indexdef(i.oid), c.conname, c.condeferrable, c.condeferred
               FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
               LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
               WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace AND NOT x.indisprimary
                 AND (c.contype IS NULL OR c.contype = 'u')
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = x.indexrelid)
               ORDER BY i.relname""", [tables])
        found = cursor.fetchall()
        for index, table, create_sql, constraint, deferrable, deferred in found:
            add = ""
            if constraint:
                add = (f"ALTER TABLE {table} ADD CONSTRAINT {constraint} UNIQUE USING INDEX {index}"
                       + (" DEFERRABLE" if deferrable else "") + (" INITIALLY DEFERRED" if deferred else ""))
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {constraint}")
            else:
                cursor.execute(f"DROP INDEX {index}")
            _remember(cursor, index, table, create_sql, add)
        for index, create_sql in dict(extra).items():
            _remember(cursor, index, "search_searchentry", create_sql, "")
    return [row[0] for row in found] + list(dict(extra))


def _remember(cursor, index: str, table: str, create_sql: str, constraint_sql: str) -> None:
    cursor.execute(f"INSERT INTO {PENDING} (name, table_name, create_sql, constraint_sql) VALUES (%s, %s, %s, %s) "  # noqa: S608
                   "ON CONFLICT (name) DO UPDATE SET create_sql = EXCLUDED.create_sql, "
                   "constraint_sql = EXCLUDED.constraint_sql", [index, table, create_sql, constraint_sql])


def build_deferred(connection: BaseDatabaseWrapper, workers: int | None = None) -> dict[str, float]:
    """Outside a transaction: build every recorded index, `workers` at a time (default: the cores), each on a
    connection of its own; returns each one's seconds of wall time. Tables built on are analysed after."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [PENDING])
        if cursor.fetchone()[0] is None:
            return {}
        cursor.execute("SELECT name, table_name, create_sql, constraint_sql, "  # noqa: S608  (a constant name)
                       f"pg_relation_size(to_regclass(table_name)) FROM {PENDING}")
        pending = cursor.fetchall()
    if not pending:
        return {}
    pending.sort(key=lambda row: (WEIGHT.get(row[0], 1.0) * row[4], row[0]), reverse=True)
    seconds: dict[str, float] = {}
    lock = threading.Lock()

    def build(row) -> None:
        name, table, create_sql, constraint_sql, _ = row
        other = connection.get_new_connection(connection.get_connection_params())
        try:
            other.autocommit = True
            with other.cursor() as cursor:
                # Two builds at a time already keep both cores busy: no parallel helpers besides.
                cursor.execute(f"SET maintenance_work_mem = '{BUILD_MEMORY}'")
                cursor.execute("SET max_parallel_maintenance_workers = 0")
                started = time.perf_counter()
                with other.transaction():
                    cursor.execute(_if_missing(create_sql))
                    if constraint_sql:
                        cursor.execute("SELECT 1 FROM pg_constraint WHERE conname = %s", [name])
                        if cursor.fetchone() is None:
                            cursor.execute(constraint_sql)
                    cursor.execute(f"DELETE FROM {PENDING} WHERE name = %s", [name])  # noqa: S608
                with lock:
                    seconds[name] = round(time.perf_counter() - started, 1)
        finally:
            other.close()

    with concurrent.futures.ThreadPoolExecutor(workers or os.cpu_count() or 2) as pool:
        list(pool.map(build, pending))
    with connection.cursor() as cursor:
        for table in sorted({row[1] for row in pending}):
            cursor.execute(f"ANALYZE {table}")
    return seconds


def _if_missing(create_sql: str) -> str:
    """pg_get_indexdef's statement made idempotent (a rerun after a stop may find the index made)."""
    if " IF NOT EXISTS " in create_sql:
        return create_sql
    for head in ("CREATE UNIQUE INDEX ", "CREATE INDEX "):
        if create_sql.startswith(head):
            return head + "IF NOT EXISTS " + create_sql[len(head):]
    return create_sql


class ClusterClock:
    """CPU seconds used by the PostgreSQL cluster serving `connection` (its postmaster, every backend that has
    ended and every one still running), where the cluster runs on this machine; None elsewhere."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.process = None
        try:
            import psutil  # installed with locust

            with connection.cursor() as cursor:
                cursor.execute("SHOW data_directory")
                directory = cursor.fetchone()[0]
            with open(os.path.join(directory, "postmaster.pid")) as handle:
                self.process = psutil.Process(int(handle.readline()))
        except Exception:  # noqa: BLE001  (not superuser, another machine, no psutil: no figure)
            self.process = None

    def seconds(self) -> float | None:
        if self.process is None:
            return None
        try:
            own = self.process.cpu_times()
            total = own.user + own.system + own.children_user + own.children_system
            for child in self.process.children():
                try:
                    total += sum(child.cpu_times()[:2])
                except Exception:  # noqa: BLE001,S112  (a backend that ended meanwhile is in children_*)
                    continue
            return total
        except Exception:  # noqa: BLE001
            return None
