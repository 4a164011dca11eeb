"""The engine-specific part of the index: SQLite FTS5 `trigram`, or PostgreSQL pg_trgm GIN indexes (whole and recent).

Used by the migration that creates it and by the rebuild, which drops and re-creates it around a bulk load.
"""

import re

from django.db.backends.base.base import BaseDatabaseWrapper

from . import grants

SQLITE_MIN_VERSION = (3, 34, 0)  # the trigram tokenizer

# Two trigram tables over search_searchentry: titles and bodies together (any word anywhere), and titles
# alone, so "in the title" is a lookup of its own and not a filter over every body that holds the word.
SQLITE_TABLES = {
    "search_fts": (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "title, body, content='search_searchentry', content_rowid='id', tokenize='trigram')"
    ),
    "search_title_fts": (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_title_fts USING fts5("
        "title, content='search_searchentry', content_rowid='id', tokenize='trigram')"
    ),
}
SQLITE_TRIGGERS = {
    "search_fts_insert": (
        "CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON search_searchentry BEGIN "
        "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); "
        "INSERT INTO search_title_fts(rowid, title) VALUES (new.id, new.title); END"
    ),
    "search_fts_delete": (
        "CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON search_searchentry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO search_title_fts(search_title_fts, rowid, title) VALUES ('delete', old.id, old.title); END"
    ),
    "search_fts_update": (
        "CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE OF title, body ON search_searchentry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO search_title_fts(search_title_fts, rowid, title) VALUES ('delete', old.id, old.title); "
        "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); "
        "INSERT INTO search_title_fts(rowid, title) VALUES (new.id, new.title); END"
    ),
}

PG_EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm"
# Titles alone ("in the title" ranks), and title, line break, body as one text ("anywhere"): all the words of a
# query are then one index scan, which GIN walks by the rarest word's list instead of ANDing every word's list.
# (Index text never holds a line break, so nothing matches across the two.) query.Joined is the same text.
PG_TEXTS = {"title": "title", "everything": "(title || chr(10) || body)"}
# Each again over the newest rows only (ids above a mark set when it is built): the first thousand matches of any
# word in one row of 500 come from there, at a cost that does not grow with years of rows. RECENT_ROWS is about a
# year of a million-matter office; rows added later join it until `prasan reindex --recent` moves the mark up.
RECENT_ROWS = 500_000
PG_RECENT = {f"search_{name}_recent_trgm": expression for name, expression in PG_TEXTS.items()}
PG_RETIRED = ["search_body_trgm"]  # replaced by search_everything_trgm
_MARK = re.compile(r"^\(id > '?(\d+)'?(::bigint)?\)$")


def _pg_text_index(name: str, expression: str, mark: int | None = None, concurrently: bool = False) -> str:
    where = f" WHERE id > {int(mark)}" if mark is not None else ""
    how = "CONCURRENTLY " if concurrently else ""
    return (f"CREATE INDEX {how}IF NOT EXISTS {name} ON search_searchentry "
            f"USING gin ({expression} gin_trgm_ops){where}")


# The whole-table indexes, each one statement (a bulk load may build them side by side).
PG_INDEXES = {f"search_{name}_trgm": _pg_text_index(f"search_{name}_trgm", expression)
              for name, expression in PG_TEXTS.items()}


def pg_recent_indexes(connection: BaseDatabaseWrapper, rows: int = RECENT_ROWS) -> dict[str, str]:
    """The recent indexes' statements, over the newest `rows` rows as the table is now (none while the table
    has no more rows than that: the whole-table indexes are as small)."""
    with connection.cursor() as cursor:
        mark = _pg_mark(cursor, rows)
    return {name: _pg_text_index(name, expression, mark) for name, expression in PG_RECENT.items()} if mark else {}


def _pg_mark(cursor, rows: int = RECENT_ROWS) -> int:
    """The id above which the newest `rows` rows are; 0 while there are not more than that."""
    cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchentry")
    return max(cursor.fetchone()[0] - rows, 0)


def recent_mark(connection: BaseDatabaseWrapper) -> int | None:
    """PostgreSQL: the id above which the recent indexes hold every row; None where there are none."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_expr(indpred, indrelid) FROM pg_index "
                       "WHERE indexrelid = to_regclass('search_title_recent_trgm')")
        row = cursor.fetchone()
    found = _MARK.match(row[0]) if row and row[0] else None
    return int(found.group(1)) if found else None


def roll_recent(connection: BaseDatabaseWrapper, rows: int = RECENT_ROWS) -> int | None:
    """Move the recent indexes' mark up to the newest `rows` rows, building the new ones beside the old
    (searches go on meanwhile; a search between two renames uses an older, lower mark, still right).
    Outside a transaction. Returns the new mark, or None where there are no recent indexes to have."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        mark = _pg_mark(cursor, rows)
        for index, expression in PG_RECENT.items():
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {index}_next")  # noqa: S608  (constant names)
            if mark:
                cursor.execute(_pg_text_index(f"{index}_next", expression, mark, concurrently=True))
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {index}")  # noqa: S608
            if mark:
                cursor.execute(f"ALTER INDEX {index}_next RENAME TO {index}")  # noqa: S608
    return mark or None


class UnsupportedDatabase(RuntimeError):
    pass


def check_sqlite(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()")
        version = cursor.fetchone()[0]
    if tuple(int(p) for p in version.split(".")[:3]) < SQLITE_MIN_VERSION:
        raise UnsupportedDatabase(
            f"SQLite {version} ไม่มีตัวตัดคำแบบ trigram สำหรับค้นภาษาไทย (ต้องเป็นรุ่น 3.34 ขึ้นไป)")


def create(connection: BaseDatabaseWrapper) -> None:
    """The index structures and what keeps them in step with search_searchentry."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            check_sqlite(connection)
            for sql in SQLITE_TABLES.values():
                cursor.execute(sql)
            for sql in SQLITE_TRIGGERS.values():
                cursor.execute(sql)
        elif connection.vendor == "postgresql":
            cursor.execute(PG_EXTENSION)
            for sql in PG_INDEXES.values():
                cursor.execute(sql)
    if connection.vendor == "postgresql" and recent_mark(connection) is None:
        create_recent(connection)


def create_recent(connection: BaseDatabaseWrapper, rows: int = RECENT_ROWS) -> int | None:
    """PostgreSQL: the indexes over the newest `rows` rows (none there yet); returns their mark, if made."""
    with connection.cursor() as cursor:
        for sql in pg_recent_indexes(connection, rows).values():
            cursor.execute(sql)
    return recent_mark(connection)


def drop(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")  # noqa: S608  (a constant name)
            for name in SQLITE_TABLES:
                cursor.execute(f"DROP TABLE IF EXISTS {name}")  # noqa: S608  (a constant name)
        elif connection.vendor == "postgresql":
            for name in [*PG_INDEXES, *PG_RECENT, *PG_RETIRED]:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608  (a constant name)


def bulk_load(connection: BaseDatabaseWrapper, load) -> None:
    """Empty the index and run `load()` to fill it, with the text index built once at the end
    (maintaining it row by row is several times slower), and the secret matters' grants made anew from the
    loaded tables. Call inside a transaction."""
    drop(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE search_searchentry RESTART IDENTITY")
        else:
            cursor.execute("DELETE FROM search_searchentry")
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = 'search_searchentry'")
    load()
    grants.rebuild()
    create(connection)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")  # the planner's picture of the new rows
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for name in SQLITE_TABLES:
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")  # noqa: S608  (constant names)
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")  # noqa: S608


def settle(connection: BaseDatabaseWrapper) -> None:
    """PostgreSQL, after a bulk load and outside its transaction: VACUUM, so the first searches do not each
    write hint bits into the pages they read (and the visibility map is set)."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) search_searchentry")
