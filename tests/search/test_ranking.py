"""Ranking: the phrase in the title, then every word in the title, then the rest; newest first in each."""

import datetime as dt

from django.utils import timezone

from prasan.matters.models import Matter
from prasan.search import index, query, results
from prasan.search.models import SearchEntry


def test_phrase_in_title_comes_before_words_in_title_before_body(make_matter, users, find):
    body_only = make_matter(title="ติดตามนโยบาย", description="ประชุมเรื่องครูผู้ช่วย เชียงใหม่")
    words = make_matter(title="เชียงใหม่ขอข้อมูลครูผู้ช่วย")
    phrase_old = make_matter(title="ข้อมูลครูผู้ช่วย เชียงใหม่ รอบแรก")
    phrase_new = make_matter(title="ข้อมูลครูผู้ช่วย เชียงใหม่ รอบสอง")

    titles, found = find(users["coordinator"], "ครูผู้ช่วย เชียงใหม่")

    assert titles == [phrase_new.title, phrase_old.title, words.title, body_only.title]
    assert found.count() == 4


def test_a_single_word_ranks_title_matches_first_and_newest_first(make_matter, users, find):
    in_body = make_matter(title="ประสานสพฐ.", description="เรื่องลูกเสือ")
    old = make_matter(title="ลูกเสือจังหวัดน่าน")
    new = make_matter(title="ลูกเสือจังหวัดตาก")

    assert find(users["coordinator"], "ลูกเสือ")[0] == [new.title, old.title, in_body.title]


def test_recency_follows_the_date_after_a_rebuild(make_matter, users, find):
    later = make_matter(title="ทุนการศึกษา ก")
    earlier = make_matter(title="ทุนการศึกษา ข")
    Matter.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    Matter.objects.filter(pk=later.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    index.rebuild()

    assert find(users["coordinator"], "ทุนการศึกษา")[0] == [later.title, earlier.title]


def test_a_short_word_with_a_long_one_is_checked_too(make_matter, users, find):
    make_matter(title="ขอข้อมูลครูผู้ช่วย ภาคใต้")
    make_matter(title="ขอข้อมูลครูผู้ช่วย ภาคเหนือ")

    titles, _ = find(users["coordinator"], "ครูผู้ช่วย ใต้")

    assert titles == ["ขอข้อมูลครูผู้ช่วย ภาคใต้"]


def test_a_short_word_found_only_in_the_body_still_counts(make_matter, users, find):
    make_matter(title="ขอข้อมูลครูผู้ช่วย", description="ภาคใต้")

    assert find(users["coordinator"], "ครูผู้ช่วย ใต้")[0] == ["ขอข้อมูลครูผู้ช่วย"]


def test_a_two_letter_query_scans_only_the_newest_rows_and_says_so(make_matter, users, find, monkeypatch):
    monkeypatch.setattr(query, "SHORT_WINDOW", 2)
    make_matter(title="เรื่องเก่ามาก ศธ")
    make_matter(title="ศธ ขอข้อมูล")
    make_matter(title="ประสาน ศธ")

    titles, found = find(users["coordinator"], "ศธ")

    assert titles == ["ประสาน ศธ", "ศธ ขอข้อมูล"]
    assert "คำค้นสั้น ค้นเฉพาะรายการล่าสุด" in found.notice


def test_counts_stop_at_the_limit_and_say_there_are_more(make_matter, users, find, monkeypatch):
    monkeypatch.setattr(results, "COUNT_LIMIT", 3)
    for n in range(5):
        make_matter(title=f"อาหารกลางวัน ครั้งที่ {n}")

    titles, found = find(users["coordinator"], "อาหารกลางวัน")

    assert found.count() == 3 and found.capped
    assert titles == [f"อาหารกลางวัน ครั้งที่ {n}" for n in (4, 3, 2)]


def test_pages_continue_across_ranks(make_matter, users):
    for n in range(3):
        make_matter(title=f"อาคารเรียน {n}")
    for n in range(3):
        make_matter(title=f"ซ่อมแซม {n}", description="งบอาคารเรียน")

    found = query.search(users["coordinator"], query.SearchParams(q="อาคารเรียน"))

    assert [h.title for h in found[2:5]] == ["อาคารเรียน 0", "ซ่อมแซม 2", "ซ่อมแซม 1"]
    assert found[5].title == "ซ่อมแซม 0"


def test_an_unordered_index_finds_its_newest_matches_near_the_top_and_below(make_matter, monkeypatch):
    """PostgreSQL's way (pg_trgm answers unordered); checked on every database."""
    monkeypatch.setattr(results, "NEAR_TOP", 2)
    for n in range(9):
        make_matter(title=f"ลูกเสือ {n}" if n % 3 == 0 else f"เนตรนารี {n}")
    matches = SearchEntry.objects.filter(title__contains="ลูกเสือ").order_by("-id").values_list("id", flat=True)
    newest_first = list(matches)

    rank = results.Rank(matches, cheap_order=False)
    assert rank.count_upto(2) == 2  # more than two: not all known, so not sortable here
    assert rank.slice(0, 3) == newest_first
    assert rank.slice(1, 2) == newest_first[1:2]
    small = results.Rank(matches, cheap_order=False)
    assert small.count_upto(10) == 3 and small.slice(0, 3) == newest_first


def test_newest_matches_far_below_the_top_are_found_window_by_window(make_matter, monkeypatch):
    """A word common long ago but rare lately: the windows grow until the page is full, newest first."""
    monkeypatch.setattr(results, "NEAR_TOP", 2)
    monkeypatch.setattr(results, "GROWTH", 2)
    for n in range(6):
        make_matter(title=f"ลูกเสือ รุ่นเก่า {n}")
    for n in range(10):
        make_matter(title=f"เนตรนารี {n}")
    make_matter(title="ลูกเสือ รุ่นใหม่")
    matches = SearchEntry.objects.filter(title__contains="ลูกเสือ").order_by("-id").values_list("id", flat=True)

    rank = results.Rank(matches, cheap_order=False)
    assert rank.count_upto(3) == 3
    assert rank.slice(0, 5) == list(matches)[:5]
    assert rank.slice(5, 7) == list(matches)[5:7]


def test_a_capped_search_pages_through_the_newest_matches_in_rank_order(make_matter, users, monkeypatch):
    """More title matches than the cap: the page is read newest first from the index, not from what was counted."""
    monkeypatch.setattr(results, "COUNT_LIMIT", 3)
    monkeypatch.setattr(results, "NEAR_TOP", 2)
    for n in range(5):
        make_matter(title=f"อาคารเรียน {n}")
    for n in range(4):
        make_matter(title=f"ซ่อมแซม {n}", description="งบอาคารเรียน")

    found = query.search(users["coordinator"], query.SearchParams(q="อาคารเรียน"))

    assert found.count() == 3 and found.capped
    assert [h.title for h in found[0:3]] == ["อาคารเรียน 4", "อาคารเรียน 3", "อาคารเรียน 2"]
    assert [h.title for h in found[1:3]] == ["อาคารเรียน 3", "อาคารเรียน 2"]
