"""Searching the public posts with the project's Thai search: the same normal form and query parsing as the
office's search (prasan.search.text), FTS5 trigram MATCH on SQLite and pg_trgm-indexed LIKE on PostgreSQL for
words of three letters or more, and a plain scan of the newest posts for shorter queries (no trigram exists).

The index follows site_version(): when what the public sees has changed, sync() brings it in step (only the
posts added, edited or withdrawn are touched). Whatever the index says, results are read back through
public_posts(), so nothing that is not public now is ever shown."""

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils.html import strip_tags

from prasan.publishing.public import public_posts, site_version
from prasan.search.query import MAX_QUERY, Joined, fts_phrase
from prasan.search.text import Query, index_text

from .models import PostSearch, PostSearchText

LIMIT = 200  # matches listed at most (newest first within each rank)
SHORT_WINDOW = 5000  # newest posts a query of one or two letters is checked against
SYNCED = "public-site-search-synced"
BATCH = 500


class SearchError(ValueError):
    """A query that cannot be searched; the message is Thai."""


def parse(raw: str) -> Query:
    text = (raw or "").strip()
    if len(text) > MAX_QUERY:
        raise SearchError(f"คำค้นยาวได้ไม่เกิน {MAX_QUERY} ตัวอักษร")
    query = Query.parse(text)
    if not query.terms:
        raise SearchError("กรุณาพิมพ์คำค้น")
    return query


def sync() -> None:
    """Bring the index in step with the public posts, once per site version (per process)."""
    version = site_version()
    if cache.get(SYNCED) == version:
        return
    with transaction.atomic():
        public = {pk: stamp.isoformat() for pk, stamp in public_posts().order_by().values_list("id", "updated_at")}
        indexed = dict(PostSearch.objects.values_list("post_id", "stamp"))
        gone = indexed.keys() - public.keys()
        if gone:
            PostSearch.objects.filter(post_id__in=gone).delete()
        changed = [pk for pk, stamp in public.items() if indexed.get(pk) != stamp]
        for start in range(0, len(changed), BATCH):
            posts = public_posts().filter(pk__in=changed[start:start + BATCH]).prefetch_related(None) \
                .select_related(None).only("id", "title", "summary", "body_html", "publish_at", "updated_at")
            rows = [PostSearch(post_id=p.pk, stamp=p.updated_at.isoformat(), publish_at=p.publish_at,
                               title=index_text(p.title), body=index_text(f"{p.summary} {plain_body(p)}"))
                    for p in posts]
            PostSearch.objects.bulk_create(rows, update_conflicts=True, unique_fields=["post_id"],
                                           update_fields=["stamp", "publish_at", "title", "body"])
    cache.set(SYNCED, version, None)


def plain_body(post) -> str:
    return " ".join(strip_tags(post.body_html).split())


def _contains(column: str, term: str) -> Q:
    return Q(**{f"{column}__contains": term})


def _ids(query: Query) -> list[int]:
    """Post ids: the whole phrase in the title first, then every word anywhere; newest first in each."""
    rows = PostSearch.objects.alias(everything=Joined(F("title"), F("body")))
    anywhere = Q()
    for term in query.terms:
        anywhere &= _contains("everything", term)
    in_title = _contains("title", query.phrase)
    if query.is_short:
        oldest = PostSearch.objects.order_by("-publish_at").values_list("publish_at", flat=True)
        oldest = oldest[SHORT_WINDOW - 1:SHORT_WINDOW].first()
        matches = rows.filter(anywhere, **({"publish_at__gte": oldest} if oldest else {}))
    elif connection.vendor == "sqlite":
        expression = " AND ".join(fts_phrase(t) for t in query.long_terms)
        found = PostSearchText.objects.filter(everything__match=expression).values("entry_id")
        matches = rows.filter(id__in=found)
        for term in query.short_terms:
            matches = matches.filter(_contains("everything", term))
    else:
        matches = rows.filter(anywhere)
    first = list(matches.filter(in_title).order_by("-publish_at").values_list("post_id", flat=True)[:LIMIT])
    rest = list(matches.exclude(in_title).order_by("-publish_at").values_list("post_id", flat=True)
                [:LIMIT - len(first)])
    return first + rest


def search(raw: str) -> tuple[Query, list]:
    """(the parsed query, the public posts that match, best first). Raises SearchError (Thai)."""
    query = parse(raw)
    sync()
    ids = _ids(query)
    posts = {p.pk: p for p in public_posts().filter(pk__in=ids)}
    return query, [posts[pk] for pk in ids if pk in posts]


