"""Searching the index: Thai substrings through trigrams, ranked, filtered, and only what the user may see.

Ranking: the whole query as a phrase in the title, then every word in the title, then the rest; newest
first within each. Each rank is its own index lookup (results.py reads them newest first, counting to
COUNT_LIMIT), so a word found in 100,000 places costs little more than a rare one.
"""

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Case, F, Func, Max, Q, QuerySet, TextField, Value, When
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.correspondence.access import READERS
from prasan.matters.access import INTAKE_ROLES, WORKING_ROLES, index_rule

from . import grants
from .models import Kind, SearchEntry, SearchText, SearchTitle
from .results import COUNT_LIMIT, PER_PAGE, Rank, Results
from .schema import recent_mark
from .sources import by_kind
from .text import Query

__all__ = ["COUNT_LIMIT", "PER_PAGE", "Results", "SearchError", "SearchParams", "search"]

MAX_QUERY = 200
SHORT_WINDOW = 50_000  # rows (newest) a query too short for trigrams is checked against
SHORT_NOTICE = f"คำค้นสั้น ค้นเฉพาะรายการล่าสุด ({SHORT_WINDOW:,} รายการ) — พิมพ์ ๓ ตัวอักษรขึ้นไปเพื่อค้นทั้งหมด"
SEARCHERS = WORKING_ROLES | {Role.AUDITOR, Role.ADMIN}
ALL_LETTERS = frozenset({Role.REGISTRAR, Role.HEAD})  # others see only the letters they brought in


class SearchError(ValueError):
    """A query that cannot be searched; the message is Thai."""


@dataclass
class SearchParams:
    q: str
    kind: str = ""
    state: str = ""
    duty_type: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def query(self) -> Query:
        text = (self.q or "").strip()
        if not text:
            raise SearchError("กรุณาพิมพ์คำค้น")
        if len(text) > MAX_QUERY:
            raise SearchError(f"คำค้นยาวได้ไม่เกิน {MAX_QUERY} ตัวอักษร")
        query = Query.parse(text)
        if not query.terms:
            raise SearchError("กรุณาพิมพ์คำค้น")
        return query


# -- who may see what -----------------------------------------------------------------------------


def kinds_for(user) -> list[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.role not in SEARCHERS:
        return []
    kinds = [Kind.MATTER, Kind.ACTIVITY, Kind.ANSWER, Kind.DOCUMENT]
    if user.role in READERS:
        kinds.append(Kind.ENTRY)
    if user.role in INTAKE_ROLES:
        kinds.append(Kind.LETTER)
    installed = by_kind()
    return [k for k in kinds if k in installed]


def permitted(user, prefix: str = "") -> Q:
    """Rows this user may see: need to know as matters.access renders it over an index (index_rule, with the
    grants stored by grants.py) for anything of a secret matter, the registers' clearance rule for secret letters
    and entries, the intake pages' rule for letters. Only columns of the index and one small subquery: a per-row
    lookup in the matters table made PostgreSQL choose plans for a filter it priced as expensive (seconds at a
    million matters)."""
    def f(**lookups):
        return Q(**{prefix + name: value for name, value in lookups.items()})

    kinds = kinds_for(user)
    rule = f(kind__in=kinds) if len(kinds) < len(by_kind()) else Q()
    if not kinds:
        return f(pk__in=[])
    rule &= index_rule(user, f, grants.of(user))
    if user.role not in ALL_LETTERS:
        rule &= ~f(kind=Kind.LETTER) | f(owner_id=user.pk)
    return rule


def _filters(params: SearchParams, prefix: str = "") -> Q:
    def f(**lookups):
        return Q(**{prefix + name: value for name, value in lookups.items()})

    rule = Q()
    if params.kind:
        rule &= f(kind=params.kind)
    if params.state:
        rule &= f(state=params.state)
    if params.duty_type:
        rule &= f(duty_type=params.duty_type)
    if params.date_from:
        rule &= f(date__gte=_day_start(params.date_from))
    if params.date_to:
        rule &= f(date__lt=_day_start(params.date_to + dt.timedelta(days=1)))
    return rule


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# -- the ranks, as index lookups ------------------------------------------------------------------


def _all(conditions) -> Q:
    return reduce(and_, conditions, Q())


class Joined(Func):
    """Title, line break, body: the text of PostgreSQL's search_everything_trgm index (schema.PG_TEXTS)."""

    arg_joiner = " || chr(10) || "
    template = "(%(expressions)s)"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, arg_joiner=" || char(10) || ", **extra)


def everything(rows: QuerySet) -> QuerySet:
    return rows.alias(everything=Joined(F("title"), F("body")))


def _like_ranks(query: Query) -> list[Q]:
    """Phrase in title / every word in title / every word anywhere (LIKE, which pg_trgm's GIN indexes serve;
    the rows need everything())."""
    in_title = _all(_has("title", t) for t in query.terms)
    phrase = _has("title", query.phrase)
    if len(query.terms) == 1:
        return [phrase, _anywhere(query) & ~phrase]
    return [phrase, in_title & ~phrase, _anywhere(query) & ~in_title]


def _has(column: str, term: str) -> Q:
    return Q(**{f"{column}__contains": term})


def _anywhere(query: Query) -> Q:
    return _all(_has("everything", t) for t in query.terms)


def _together(rows: QuerySet, query: Query, ranks: list[Q]) -> QuerySet:
    """Every match with the number of its rank, from one scan of the everything index."""
    number = Case(*(When(rank, then=Value(n)) for n, rank in enumerate(ranks[:-1])), default=Value(len(ranks) - 1))
    return rows.filter(_anywhere(query)).annotate(rank_number=number).values_list("id", "rank_number")


def fts_phrase(term: str) -> str:
    """A term as an FTS5 phrase (quoted, its quotes doubled): matched as a substring by the trigram tables."""
    return '"' + term.replace('"', '""') + '"'


def _fts_ranks(query: Query) -> list[tuple[type, str, Q]]:
    """The same ranks as FTS5 lookups (table, expression, extra condition); words under three letters have
    no trigram and are checked with LIKE. Title ranks look in the titles-only table."""
    def has(column, term):
        return Q(**{f"entry__{column}__contains": term})

    words = " AND ".join(fts_phrase(t) for t in query.long_terms)
    phrase = fts_phrase(query.phrase)
    if len(query.terms) == 1:
        return [(SearchTitle, phrase, Q()), (SearchText, f"{phrase} NOT (title : {phrase})", Q())]
    short = query.short_terms
    short_in_title = _all(has("title", t) for t in short)
    short_anywhere = _all(has("title", t) | has("body", t) for t in short)
    ranks = [(SearchTitle, phrase, Q()), (SearchTitle, f"({words}) NOT {phrase}", short_in_title)]
    if not short:
        return [*ranks, (SearchText, f"({words}) NOT (title : ({words}))", Q())]
    all_in_title = _all(has("title", t) for t in query.long_terms) & short_in_title
    return [*ranks, (SearchText, words, short_anywhere & ~all_in_title)]


def _fts_together(query: Query, rule: Q) -> QuerySet:
    """SQLite, several words: (id, rank number) of every row holding them all, from one FTS5 lookup. The ranks'
    own lookups each walk the long lists of common words again (the last twice, for its NOT), and when few rows
    hold every word all of each list is read; this reads them once, then tells the ranks apart by the titles."""
    def in_title(term):
        return Q(entry__title__contains=term)

    rows = SearchText.objects.filter(rule, everything__match=" AND ".join(fts_phrase(t) for t in query.long_terms))
    for term in query.short_terms:
        rows = rows.filter(in_title(term) | Q(entry__body__contains=term))
    number = Case(When(in_title(query.phrase), then=Value(0)),
                  When(_all(in_title(t) for t in query.terms), then=Value(1)), default=Value(2))
    return rows.annotate(rank_number=number).values_list("entry_id", "rank_number")


def search(user, params: SearchParams) -> Results:
    """Raises SearchError (Thai) for an empty or too long query."""
    query = params.query()
    if params.kind and params.kind not in kinds_for(user):
        return Results([], query)
    if query.is_short:
        newest = SearchEntry.objects.aggregate(newest=Max("id"))["newest"] or 0
        rows = everything(SearchEntry.objects.filter(permitted(user), _filters(params), id__gt=newest - SHORT_WINDOW))
        ranks = [Rank(rows.filter(rank).order_by("-id").values_list("id", flat=True), cheap_order=True)
                 for rank in _like_ranks(query)]
        return Results(ranks, query, notice=SHORT_NOTICE)
    if connection.vendor == "sqlite":
        rule = permitted(user, "entry__") & _filters(params, "entry__")
        ranks = [Rank(table.objects.filter(rule, extra, everything__match=expression).order_by("-entry_id")
                      .values_list("entry_id", flat=True), cheap_order=True)
                 for table, expression, extra in _fts_ranks(query)]
        if len(query.terms) > 1:
            return Results(ranks, query, together=_fts_together(query, rule))
    else:
        rows, recent = everything(SearchEntry.objects.filter(permitted(user), _filters(params))), recent_mark(connection)
        rules = _like_ranks(query)
        ranks = [Rank(rows.filter(rank).order_by("-id").values_list("id", flat=True), cheap_order=False, recent=recent)
                 for rank in rules]
        if len(query.terms) > 1:
            return Results(ranks, query, together=_together(rows, query, rules), recent=recent)
    return Results(ranks, query)
