"""The engine part of the public search index, as prasan.search.schema does it for the office's index: an FTS5
trigram table kept by triggers on SQLite; a pg_trgm GIN index over title and body on PostgreSQL."""

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS public_site_fts USING fts5("
    "title, body, content='public_site_postsearch', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS public_site_fts_insert AFTER INSERT ON public_site_postsearch BEGIN "
    "INSERT INTO public_site_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS public_site_fts_delete AFTER DELETE ON public_site_postsearch BEGIN "
    "INSERT INTO public_site_fts(public_site_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS public_site_fts_update AFTER UPDATE OF title, body ON public_site_postsearch BEGIN "
    "INSERT INTO public_site_fts(public_site_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO public_site_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS public_site_fts_insert", "DROP TRIGGER IF EXISTS public_site_fts_delete",
    "DROP TRIGGER IF EXISTS public_site_fts_update", "DROP TABLE IF EXISTS public_site_fts",
]
# The same text the query's Joined() expression builds (title, line break, body), so LIKE uses the index.
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS public_site_search_trgm ON public_site_postsearch "
    "USING gin ((title || chr(10) || body) gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS public_site_search_trgm"]


def create(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in SQLITE if vendor == "sqlite" else POSTGRES if vendor == "postgresql" else []:
        schema_editor.execute(sql)


def drop(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in SQLITE_DROP if vendor == "sqlite" else POSTGRES_DROP if vendor == "postgresql" else []:
        schema_editor.execute(sql)
