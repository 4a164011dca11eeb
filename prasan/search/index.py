"""Keeping the index in step with its sources: a few queries on each save or delete, and the full rebuild."""

import heapq
import itertools
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from . import grants, schema
from .models import Kind, SearchEntry
from .sources import ENTRY, MATTER, MATTER_PARTS, Record, Source, by_kind, installed
from .text import index_text

BODY_LIMIT = 20000  # characters of a long letter kept searchable
COLUMNS = ["matter_id", "secrecy", "need_to_know", "owner_id", "state", "duty_type", "date", "title", "body"]

# Saves that change none of these leave the index as it is (progress counters, timestamps, delivery notes).
WATCHED = {
    MATTER.kind: {"title", "description", "tags", "state", "duty_type", "secrecy", "seq", "year", "office",
                  "created_at", "owner_unit"},
    Kind.LETTER: {"text", "fields", "name", "status", "entry", "created_by"},
}


def entry_for(source: Source, record: Record) -> SearchEntry:
    words = source.words(record)
    scope = {"owner_id": None, **source.scope(record)}
    return SearchEntry(
        kind=source.kind, object_id=record["pk"], date=record[source.date],
        title=index_text(f"{words.reference} {words.title}"), body=index_text(words.body)[:BODY_LIMIT], **scope,
    )


def refresh(source: Source, pks: Iterable[int]) -> list[SearchEntry]:
    """Index these rows of the source as they are now in the database (gone or not searchable: removed)."""
    pks = list(pks)
    if not pks:
        return []
    entries = [entry_for(source, record) for record in source.records(pks)]
    if entries:
        SearchEntry.objects.bulk_create(entries, update_conflicts=True, unique_fields=["kind", "object_id"],
                                        update_fields=COLUMNS)
    missing = set(pks) - {e.object_id for e in entries}
    if missing:
        SearchEntry.objects.filter(kind=source.kind, object_id__in=missing).delete()
    return entries


def changed(kind: str, pks: Iterable[int]) -> None:
    """For code that writes with queryset.update() (no signals): index these rows again."""
    refresh(by_kind()[kind], pks)


def _matter_saved(matter_pk: int) -> None:
    """A matter's own row, and its parts' rows when the matter's secrecy, state or duty type changed."""
    before = SearchEntry.objects.filter(kind=Kind.MATTER, object_id=matter_pk) \
        .values("secrecy", "state", "duty_type").first()
    entries = refresh(MATTER, [matter_pk])
    was_secret = bool(before and before["secrecy"])
    if was_secret or (entries and entries[0].secrecy):
        grants.sync([matter_pk], had_grants=was_secret)
    if before is None or not entries:
        return
    after = entries[0]
    if before["secrecy"] != after.secrecy:
        _refresh_parts(matter_pk)
    elif (before["state"], before["duty_type"]) != (after.state, after.duty_type):
        SearchEntry.objects.filter(matter_id=matter_pk).exclude(kind=Kind.MATTER) \
            .update(state=after.state, duty_type=after.duty_type)


def _refresh_parts(matter_pk: int) -> None:
    for source in MATTER_PARTS:
        if source in installed():
            refresh(source, source.model_class._default_manager.filter(matter_id=matter_pk)
                    .values_list("pk", flat=True))


def _matter_deleted(matter_pk: int) -> None:
    SearchEntry.objects.filter(kind=Kind.MATTER, object_id=matter_pk).delete()
    grants.sync([matter_pk])
    # Register entries outlive their matter (SET_NULL, which sends no signal): index them without it.
    refresh(ENTRY, SearchEntry.objects.filter(kind=Kind.ENTRY, matter_id=matter_pk)
            .values_list("object_id", flat=True))


def _on_save(source: Source) -> Callable:
    watched = WATCHED.get(source.kind)

    def saved(sender, instance, update_fields=None, raw=False, **kwargs):
        if raw or (update_fields and watched and not set(update_fields) & watched):
            return
        if source.kind == Kind.MATTER:
            _matter_saved(instance.pk)
        else:
            refresh(source, [instance.pk])

    return saved


def _on_delete(source: Source) -> Callable:
    def deleted(sender, instance, **kwargs):
        if source.kind == Kind.MATTER:
            _matter_deleted(instance.pk)
        else:
            SearchEntry.objects.filter(kind=source.kind, object_id=instance.pk).delete()

    return deleted


def connect() -> None:
    for source in installed():
        model = source.model_class
        post_save.connect(_on_save(source), sender=model, weak=False, dispatch_uid=f"search-save-{source.kind}")
        post_delete.connect(_on_delete(source), sender=model, weak=False,
                            dispatch_uid=f"search-delete-{source.kind}")
    grants.connect()


# -- the rebuild ----------------------------------------------------------------------------------


def _stream(source: Source, chunk: int):
    """(date, kind, record) oldest first: merged across sources, the ids of the new index follow time."""
    records = source.records().order_by(source.date, "pk").iterator(chunk_size=chunk)
    return ((record[source.date], source.kind, record) for record in records)


def rebuild(batch: int = 2000, progress: Callable[[int, int], None] | None = None) -> int:
    """Replace the whole index from the source tables, in one transaction; returns the number of rows."""
    sources = {s.kind: s for s in installed()}
    total = sum(s.records().count() for s in sources.values())
    done = 0

    def load():
        nonlocal done
        merged = heapq.merge(*(_stream(s, batch) for s in sources.values()), key=lambda row: (row[0], row[1]))
        while chunk := list(itertools.islice(merged, batch)):
            SearchEntry.objects.bulk_create([entry_for(sources[kind], record) for _, kind, record in chunk])
            done += len(chunk)
            if progress:
                progress(done, total)

    with transaction.atomic():
        schema.bulk_load(connection, load)
    schema.settle(connection)
    if progress and total == 0:
        progress(0, 0)
    return done
