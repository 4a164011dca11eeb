"""Reading a common word's matches from the newest rows first, and several words' matches in one scan."""

import pytest
from django.db import connection

from prasan.search import query, results, schema
from prasan.search.models import SearchEntry

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own indexes")


def _drop_recent():
    with connection.cursor() as cursor:
        for name in schema.PG_RECENT:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


def test_a_count_reached_among_the_newest_rows_does_not_read_the_older_ones(make_matter,
                                                                          django_assert_num_queries):
    for n in range(6):
        make_matter(title=f"ลูกเสือ {n}")
    matches = SearchEntry.objects.filter(title__contains="ลูกเสือ").order_by("-id").values_list("id", flat=True)
    mark = list(matches)[3]  # three matches above it

    with django_assert_num_queries(1):
        assert results.Rank(matches, cheap_order=False, recent=mark).count_upto(3) == 3
    with django_assert_num_queries(2):  # not enough up there: the whole index is read
        assert results.Rank(matches, cheap_order=False, recent=mark).count_upto(5) == 5
    short = results.Rank(matches, cheap_order=False, recent=mark)
    assert short.count_upto(10) == 6 and short.slice(0, 6) == list(matches)


def test_several_words_are_counted_and_ranked_from_one_scan_when_few(make_matter, users, monkeypatch):
    body_only = make_matter(title="ติดตามนโยบาย", description="ประชุมเรื่องครูผู้ช่วย เชียงใหม่")
    words = make_matter(title="เชียงใหม่ขอข้อมูลครูผู้ช่วย")
    phrase = make_matter(title="ข้อมูลครูผู้ช่วย เชียงใหม่")
    found = query.search(users["coordinator"], query.SearchParams(q="ครูผู้ช่วย เชียงใหม่"))
    if connection.vendor == "postgresql":  # SQLite's FTS5 reads each rank in order anyway
        monkeypatch.setattr(results.Rank, "count_upto", None)  # so the ranks' own scans are never made

    assert found.count() == 3 and not found.capped
    assert [h.title for h in found[0:3]] == [phrase.title, words.title, body_only.title]


def test_several_words_with_more_matches_than_the_cap_are_counted_rank_by_rank(make_matter, users, monkeypatch):
    monkeypatch.setattr(results, "COUNT_LIMIT", 3)
    for n in range(3):
        make_matter(title=f"งบ {n}", description="อาคารเรียน ซ่อมแซม")
    for n in range(3):
        make_matter(title=f"ซ่อมแซมอาคารเรียน {n}")

    found = query.search(users["coordinator"], query.SearchParams(q="อาคารเรียน ซ่อมแซม"))

    assert found.count() == 3 and found.capped
    assert [h.title for h in found[0:3]] == [f"ซ่อมแซมอาคารเรียน {n}" for n in (2, 1, 0)]


@postgres_only
def test_the_recent_indexes_say_where_they_start_and_searches_read_it(make_matter, users, find):
    for n in range(5):
        make_matter(title=f"หลักสูตรแกนกลาง {n}")
    schema.drop(connection)
    schema.create(connection)
    assert schema.recent_mark(connection) is None  # no more rows than RECENT_ROWS: the whole index will do
    newest = SearchEntry.objects.order_by("-id").values_list("id", flat=True)[0]

    assert schema.create_recent(connection, rows=2) == newest - 2
    assert schema.recent_mark(connection) == newest - 2

    titles, found = find(users["coordinator"], "หลักสูตรแกนกลาง")
    assert titles == [f"หลักสูตรแกนกลาง {n}" for n in (4, 3, 2, 1, 0)]
    assert all(rank.recent == newest - 2 for rank in found.ranks)


@postgres_only
def test_a_small_table_has_no_recent_indexes_to_move(make_matter):
    make_matter(title="ทุนการศึกษา")

    assert schema.pg_recent_indexes(connection) == {}
    assert schema.recent_mark(connection) is None


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_moving_the_mark_up_keeps_every_match_findable(make_matter, users, find):
    for n in range(4):
        make_matter(title=f"ทุนการศึกษา {n}")
    newest = SearchEntry.objects.order_by("-id").values_list("id", flat=True)[0]
    try:
        assert schema.roll_recent(connection, rows=1) == newest - 1

        assert schema.recent_mark(connection) == newest - 1
        assert find(users["coordinator"], "ทุนการศึกษา")[0] == [f"ทุนการศึกษา {n}" for n in (3, 2, 1, 0)]
    finally:  # the next tests in this database start without one again
        _drop_recent()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite has FTS5 instead")
def test_sqlite_has_no_recent_indexes_to_move():
    assert schema.recent_mark(connection) is None
    assert schema.roll_recent(connection) is None


def test_several_words_over_the_cap_read_each_rank_only_as_far_as_the_page(make_matter, users, monkeypatch):
    """Past the cap the ranks are not counted one by one (each a walk of the words' long lists): a page reads
    each rank to its own end, and the next rank starts where one runs out."""
    monkeypatch.setattr(results, "COUNT_LIMIT", 5)
    body_only = [make_matter(title=f"ติดตามนโยบาย {n}", description="ประชุมครูผู้ช่วย เชียงใหม่") for n in range(4)]
    words = [make_matter(title=f"เชียงใหม่ขอข้อมูลครูผู้ช่วย {n}") for n in range(2)]
    phrase = [make_matter(title=f"ข้อมูลครูผู้ช่วย เชียงใหม่ {n}") for n in range(2)]
    asked = []
    count_upto = results.Rank.count_upto
    monkeypatch.setattr(results.Rank, "count_upto", lambda rank, limit: asked.append(limit) or count_upto(rank, limit))

    found = query.search(users["coordinator"], query.SearchParams(q="ครูผู้ช่วย เชียงใหม่"))

    assert found.count() == 5 and found.capped and asked == []
    newest = [m.title for m in [*phrase[::-1], *words[::-1], *body_only[::-1]]]
    assert [h.title for h in found[0:2]] == newest[0:2]
    assert [h.title for h in found[1:4]] == newest[1:4]
    assert [h.title for h in found[3:5]] == newest[3:5]
    assert max(asked) <= 5
