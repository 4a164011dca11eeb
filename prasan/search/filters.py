"""The lists' text filters answered from the search index: the matter list's "คำค้น" and a register's "ค้นหา".

A LIKE scan of a million titles costs seconds; the index (a matter's number and title; a register entry's number,
document number and subject, then its sender, recipient, action and remark), folded as the search folds text
(Thai digits as Arabic, case, runs of spaces), answers in milliseconds.
"""

from django.db import connection

from .models import Kind, SearchEntry, SearchText, SearchTitle
from .query import everything, fts_phrase
from .text import MIN_TRIGRAM, Query

# More matches than this and the index is not the way: a list read in its own order finds a page of a
# common phrase ("ศธ 040", in nearly every letter number) at once, while the index would hand over every match.
DENSE = 10_000


def object_ids(kind: str, text: str, *, titles_only: bool = False) -> list[int] | None:
    """The ids of the `kind` rows whose indexed text (or title alone) holds `text` as a phrase; None where the
    index is not the way: a phrase under three letters has no trigram, and one found more than DENSE times is
    common enough to find by reading the list in order (the caller scans its own fields instead)."""
    phrase = Query.parse(text).phrase
    if len(phrase) < MIN_TRIGRAM:
        return None
    if connection.vendor == "sqlite":
        table = SearchTitle if titles_only else SearchText
        ids = table.objects.filter(everything__match=fts_phrase(phrase), entry__kind=kind).values_list("entry__object_id", flat=True)
    else:
        rows = SearchEntry.objects.filter(kind=kind)
        rows = rows.filter(title__contains=phrase) if titles_only else \
            everything(rows).filter(everything__contains=phrase)
        ids = rows.values_list("object_id", flat=True)
    found = list(ids[:DENSE + 1])
    return None if len(found) > DENSE else found


def matter_ids_titled(text: str) -> list[int] | None:
    return object_ids(Kind.MATTER, text, titles_only=True)


def entry_ids_holding(text: str) -> list[int] | None:
    return object_ids(Kind.ENTRY, text)
