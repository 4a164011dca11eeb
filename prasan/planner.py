"""Keeping SQLite's query planner informed: it plans from the statistics ANALYZE leaves, and without them a
new index is a guess (PostgreSQL's autovacuum keeps its own)."""

from django.db import connection, migrations


def analyze_sqlite(*tables: str) -> migrations.RunPython:
    """A migration step that gathers statistics for `tables` on SQLite (nothing elsewhere)."""

    def analyze(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for table in tables:
                schema_editor.execute(f"ANALYZE {table}")  # noqa: S608  (a constant name)

    return migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True)


def refresh_statistics() -> None:
    """SQLite: `PRAGMA optimize`, which analyses only the tables whose statistics are stale or missing (an
    install that migrated empty tables, a table grown tenfold since), each from a sample of about a thousand
    rows per index, so it stays cheap at a million matters. Run with every `prasan tick`."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute("PRAGMA optimize")
