"""The engine-specific part of the index: SQLite FTS5 `trigram`, or PostgreSQL pg_trgm GIN indexes.

Used by the migration that creates it and by the rebuild, which drops and re-creates it around a bulk load.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

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
PG_INDEXES = {
    "search_title_trgm": "CREATE INDEX IF NOT EXISTS search_title_trgm ON search_searchentry USING gin (title gin_trgm_ops)",
    "search_body_trgm": "CREATE INDEX IF NOT EXISTS search_body_trgm ON search_searchentry USING gin (body gin_trgm_ops)",
}


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


def drop(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")  # noqa: S608  (a constant name)
            for name in SQLITE_TABLES:
                cursor.execute(f"DROP TABLE IF EXISTS {name}")  # noqa: S608  (a constant name)
        elif connection.vendor == "postgresql":
            for name in PG_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608  (a constant name)


def bulk_load(connection: BaseDatabaseWrapper, load) -> None:
    """Empty the index and run `load()` to fill it, with the text index built once at the end
    (maintaining it row by row is several times slower). Call inside a transaction."""
    drop(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE search_searchentry RESTART IDENTITY")
        else:
            cursor.execute("DELETE FROM search_searchentry")
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = 'search_searchentry'")
    load()
    create(connection)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")  # the planner's picture of the new rows
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for name in SQLITE_TABLES:
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")  # noqa: S608  (constant names)
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")  # noqa: S608
