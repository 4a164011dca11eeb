"""The lists' text filters answered from the search index: the matter list's "คำค้น" and a register's "ค้นหา".

A LIKE scan of a million titles costs seconds; the index (a matter's number and title; a register entry's number,
document number and subject, then its sender, recipient, action and remark), folded as the search folds text
(Thai digits as Arabic, case, runs of spaces), answers in milliseconds.
"""

from django.db import connection

from .models import Kind, SearchEntry, SearchText, SearchTitle
from .query import everything, fts_phrase
from .text import MIN_TRIGRAM, Query

# More rows of the index than this hold the phrase (of any kind: matters, activities, letters share it) and the
# index is not the way: a list read in its own order finds a page of a common phrase ("ศธ 040", in nearly every
# letter number) at once, and the list counts it only to the page's end (matters.paging, page_only). Reading
# this many index rows costs about what a page does (a few ms); the old bound, 10,000 matches of one kind, read
# every match of all kinds on the way (1.7 s for "ขอข้อมูล" in the registers at a million matters).
DENSE = 5_000


def object_ids(kind: str, text: str, *, titles_only: bool = False) -> list[int] | None:
    """The ids of the `kind` rows whose indexed text (or title alone) holds `text` as a phrase; None where the
    index is not the way: a phrase under three letters has no trigram, and one in more than DENSE rows of the
    index is common enough to find by reading the list in order (the caller scans its own fields instead)."""
    phrase = Query.parse(text).phrase
    if len(phrase) < MIN_TRIGRAM:
        return None
    if connection.vendor == "sqlite":
        table = SearchTitle if titles_only else SearchText
        rows = table.objects.filter(everything__match=fts_phrase(phrase))
        of_kind = rows.filter(entry__kind=kind).values_list("entry__object_id", flat=True)
    else:
        rows = SearchEntry.objects.all()
        rows = rows.filter(title__contains=phrase) if titles_only else \
            everything(rows).filter(everything__contains=phrase)
        of_kind = rows.filter(kind=kind).values_list("object_id", flat=True)
    # First the index alone (no join, every kind), which stops at DENSE + 1 rows; a common phrase ends there.
    if rows.order_by()[:DENSE + 1].count() > DENSE:
        return None
    return list(of_kind)

def matter_ids_titled(text: str) -> list[int] | None:
    return object_ids(Kind.MATTER, text, titles_only=True)


def entry_ids_holding(text: str) -> list[int] | None:
    return object_ids(Kind.ENTRY, text)
