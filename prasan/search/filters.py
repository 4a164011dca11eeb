"""The lists' text filters answered from the search index: the matter list's "คำค้น" and a register's "ค้นหา".

A LIKE scan of a million titles costs seconds; the index (a matter's number and title; a register entry's number,
document number and subject, then its sender, recipient, action and remark), folded as the search folds text
(Thai digits as Arabic, case, runs of spaces), answers in milliseconds.
"""

from django.db import connection
from django.db.models import QuerySet

from .models import Kind, SearchEntry, SearchText, SearchTitle
from .query import everything
from .text import MIN_TRIGRAM, Query


def object_ids(kind: str, text: str, *, titles_only: bool = False) -> QuerySet | None:
    """The ids of the `kind` rows whose indexed text (or title alone) holds `text` as a phrase, as a subquery;
    None where the index cannot answer: a phrase under three letters has no trigram (the caller scans instead)."""
    phrase = Query.parse(text).phrase
    if len(phrase) < MIN_TRIGRAM:
        return None
    if connection.vendor == "sqlite":
        table = SearchTitle if titles_only else SearchText
        quoted = '"' + phrase.replace('"', '""') + '"'
        return table.objects.filter(everything__match=quoted, entry__kind=kind).values("entry__object_id")
    rows = SearchEntry.objects.filter(kind=kind)
    if titles_only:
        return rows.filter(title__contains=phrase).values("object_id")
    return everything(rows).filter(everything__contains=phrase).values("object_id")


def matter_ids_titled(text: str) -> QuerySet | None:
    return object_ids(Kind.MATTER, text, titles_only=True)


def entry_ids_holding(text: str) -> QuerySet | None:
    return object_ids(Kind.ENTRY, text)
