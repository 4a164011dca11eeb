"""Ranked matches as a page shows them: counted up to COUNT_LIMIT, read newest first, then turned into hits.

SQLite's FTS5 hands matches over in rowid order, newest first, for free. PostgreSQL's trigram index answers
with an unordered set (and rechecks every row it names), so a rank with many matches is read by _newest, and
sorting every match of a common word (tens of thousands at a million matters) never happens.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, QuerySet
from django.utils.safestring import SafeString

from .models import Kind, SearchEntry
from .sources import by_kind
from .text import Query, highlight, snippet

PER_PAGE = 20
COUNT_LIMIT = 1000  # beyond this the page says "more than 1,000" and pages through the best 1,000
NEAR_TOP = 5_000  # rows in the first window _newest reads; each next one is GROWTH times bigger
GROWTH = 4


@dataclass
class Hit:
    kind: str
    kind_label: str
    object_id: int
    url: str
    reference: str
    title: str
    title_html: SafeString
    snippet: SafeString
    date: dt.datetime


@dataclass
class Rank:
    """One rank's matches: ids of SearchEntry, newest first."""

    ids: QuerySet
    cheap_order: bool  # reading newest first costs no more than reading any (FTS5 rowids, a bounded scan)
    recent: int | None = None  # PostgreSQL: ids above this have their own, small trigram indexes (schema.py)
    known: list[int] | None = field(default=None, repr=False)  # newest first, as far as counted

    def count_upto(self, limit: int) -> int:
        if limit <= 0:
            self.known = []
            return 0
        if self.cheap_order:
            self.known = list(self.ids[:limit])
            return len(self.known)
        if self.recent and len(self.ids.filter(id__gt=self.recent).order_by()[:limit]) == limit:
            return limit  # enough among the newest rows: the whole index need not be read
        some = list(self.ids.order_by()[:limit])
        if len(some) < limit:  # that was all of them: sorting them is cheap
            self.known = sorted(some, reverse=True)
        return len(some)

    def slice(self, low: int, high: int) -> list[int]:
        if self.known is not None and high <= len(self.known):
            return self.known[low:high]
        return self._newest(high)[low:high]

    def _newest(self, wanted: int) -> list[int]:
        """Read down from the newest id in windows of ids, each GROWTH times the last, until `wanted` are found:
        a frequent word fills the first window, a rarer one takes a few. Ids follow dates, so the windows are
        periods of time, and the planner picks per window between walking its ids and asking the trigram
        index (the recent one, up there) — never sorting every match of a common word."""
        top = (SearchEntry.objects.aggregate(newest=Max("id"))["newest"] or 0) + 1
        found, size = [], NEAR_TOP
        while len(found) < wanted and top > 0:
            low = max(top - size, 0)
            found += list(self.ids.filter(id__gte=low, id__lt=top)[:wanted - len(found)])
            top, size = low, size * GROWTH
        return found


@dataclass
class Results:
    """Countable and sliceable like a queryset, so Django's Paginator pages it."""

    ranks: list[Rank]
    query: Query
    notice: str = ""
    # Several words: (id, rank number) of every match in one index scan, tried before the ranks' own scans
    # (one per rank, each walking the same long lists of common words) in case there are few.
    together: QuerySet | None = None
    recent: int | None = None  # as Rank.recent
    _counts: list[int] | None = field(default=None, repr=False)
    _total: int | None = field(default=None, repr=False)  # all ranks' matches, counted up to COUNT_LIMIT + 1

    def _counted(self) -> int:
        """How many match, up to COUNT_LIMIT + 1. Several words: one scan of `together` tells it, and each rank's
        count too when there are few. When there are more than COUNT_LIMIT, the ranks are not counted one by
        one (each a walk of the same long lists of common words, 0.1-0.2 s of CPU at a million rows): a page
        reads from each rank only as far as that page needs (__getitem__)."""
        if self._total is None:
            if self.together is not None and self._together_overflows():
                self._total = COUNT_LIMIT + 1
            else:
                if self._counts is None:
                    self._counts = self._rank_by_rank()
                self._total = sum(self._counts)
        return self._total

    def _together_overflows(self) -> bool:
        """Whether `together` has more than COUNT_LIMIT matches; if not, the ranks' counts and newest-first ids."""
        limit = COUNT_LIMIT + 1
        if self.recent and len(self.together.filter(id__gt=self.recent)[:limit]) == limit:
            return True
        rows = list(self.together.order_by()[:limit])
        if len(rows) == limit:
            return True
        for number, rank in enumerate(self.ranks):
            rank.known = sorted((pk for pk, of in rows if of == number), reverse=True)
        self._counts = [len(rank.known) for rank in self.ranks]
        return False

    def _rank_by_rank(self) -> list[int]:
        counts, room = [], COUNT_LIMIT + 1
        for rank in self.ranks:
            found = rank.count_upto(room)
            counts.append(found)
            room -= found
        return counts

    @property
    def capped(self) -> bool:
        return self._counted() > COUNT_LIMIT

    def count(self) -> int:
        return min(self._counted(), COUNT_LIMIT)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item:item + 1][0]
        start, stop = item.start or 0, min(item.stop if item.stop is not None else self.count(), self.count())
        if self._counts is None:
            return hits(self._reach(start, stop), self.query)
        ids, offset = [], 0
        for rank, found in zip(self.ranks, self._counts, strict=True):
            low, high = max(start - offset, 0), min(stop - offset, found)
            if low < high:
                ids.extend(rank.slice(low, high))
            offset += found
        return hits(ids, self.query)

    def _reach(self, start: int, stop: int) -> list[int]:
        """Ids at [start, stop) with the ranks uncounted: each rank in turn is read up to the page's end; one
        that runs out before it is known to the last row, and the next rank starts where it ended."""
        ids, offset = [], 0
        for rank in self.ranks:
            if offset >= stop:
                break
            found = rank.count_upto(stop - offset)
            low, high = max(start - offset, 0), found
            if low < high:
                ids.extend(rank.slice(low, high))
            offset += found
        return ids


def hits(ids: list[int], query: Query) -> list[Hit]:
    """What people see, read from the sources (one query per kind on the page)."""
    entries = SearchEntry.objects.in_bulk(ids)
    sources = by_kind()
    wanted: dict[str, list[int]] = {}
    for entry in entries.values():
        wanted.setdefault(entry.kind, []).append(entry.object_id)
    records = {kind: {r["pk"]: r for r in sources[kind].records(pks)} for kind, pks in wanted.items()
               if kind in sources}
    found = []
    for pk in ids:
        entry = entries.get(pk)
        record = records.get(entry.kind, {}).get(entry.object_id) if entry else None
        if record is None:
            continue  # deleted since the index was read
        source = sources[entry.kind]
        words = source.words(record)
        found.append(Hit(
            kind=entry.kind, kind_label=Kind(entry.kind).label, object_id=entry.object_id, url=source.url(record),
            reference=words.reference, title=words.title, title_html=highlight(words.title, query.terms),
            snippet=snippet(words.body, query.terms), date=entry.date,
        ))
    return found
