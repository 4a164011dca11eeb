"""The matter list at any size: exact totals up to a bound and "more than" past it, pages read by id, few queries."""

import pytest
from django.urls import reverse

from prasan.matters import paging
from prasan.matters.models import Matter
from prasan.matters.paging import BoundedPaginator

pytestmark = pytest.mark.django_db

LIST_QUERIES = 10  # session, user, count, page ids, page rows, assignees, office, notifications, units, people


@pytest.fixture
def thirty(make_matter):
    return [make_matter(title=f"เรื่องลำดับ {i:02d}") for i in range(30)]


def newest_first():
    return Matter.objects.order_by("-created_at", "-id")


def test_a_list_within_the_bound_shows_its_exact_total_and_page_count(login, users, thirty):
    page = login(users["head"]).get(reverse("matter-list")).content.decode()
    assert "พบ 30 เรื่อง" in page and "หน้า 1 จาก 2" in page


def test_past_the_bound_the_total_is_said_as_more_than_and_the_pages_go_on(login, users, thirty, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_BOUND", 10)
    client = login(users["head"])
    first = client.get(reverse("matter-list")).content.decode()
    assert "พบมากกว่า 25 เรื่อง" in first and "สูงสุด 50,000 เรื่องแรก" in first
    assert "หน้า 1</span>" in first and "page=2" in first
    # The second page reaches past the end: the count is exact again, and there is no third page.
    second = client.get(reverse("matter-list"), {"page": 2}).content.decode()
    assert "พบ 30 เรื่อง" in second and "หน้า 2 จาก 2" in second and "page=3" not in second
    assert second.count("เรื่องลำดับ") == 5


def test_the_paginator_counts_up_to_the_bound_or_the_page_asked_for(thirty):
    pages = BoundedPaginator(newest_first(), 2, bound=5)
    first = pages.get_page(1)
    assert (pages.count, pages.exact, pages.num_pages) == (5, False, 3)
    assert first.has_next() and first.next_page_number() == 2


def test_a_deep_page_is_served_and_one_past_the_end_gives_the_last(thirty):
    deep = BoundedPaginator(newest_first(), 2, bound=5).get_page(10)
    assert deep.number == 10 and [m.pk for m in deep] == [m.pk for m in newest_first()[18:20]]
    assert not deep.paginator.exact and deep.has_next()
    past = BoundedPaginator(newest_first(), 2, bound=5).get_page(99)
    assert past.paginator.exact and past.paginator.count == 30 and past.number == 15 and not past.has_next()
    assert BoundedPaginator(newest_first(), 2, bound=5).get_page("ไม่ใช่ตัวเลข").number == 1


def test_a_page_keeps_the_lists_order_and_its_rows_related_fields(thirty):
    page = BoundedPaginator(newest_first().select_related("office"), 7).get_page(3)
    assert [m.pk for m in page] == [m.pk for m in newest_first()[14:21]]
    assert page[0].office.abbreviation == "สร"


def test_an_empty_list_has_one_empty_page(db):
    page = BoundedPaginator(newest_first(), 25).get_page(1)
    assert list(page) == [] and page.paginator.count == 0 and page.paginator.exact and not page.has_next()


def test_secret_matters_are_not_counted_for_those_who_may_not_see_them(login, users, make_matter, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_BOUND", 2)
    for i in range(3):
        make_matter(title=f"ลับ {i}", secrecy=1)
    make_matter(title="ปกติ")
    page = login(users["uncleared"]).get(reverse("matter-list")).content.decode()
    assert "พบ 1 เรื่อง" in page and "ลับ 0" not in page


@pytest.mark.parametrize("who", ["head", "coordinator", "grouphead", "auditor"])
@pytest.mark.parametrize("query", [{}, {"overdue": "1"}, {"duty_type": "complaint", "urgency": "most_urgent"},
                                   {"state": "open", "page": "2"}, {"page": "500"}, {"size": "100"}])
def test_the_list_runs_a_fixed_number_of_queries(login, users, thirty, make_matter, who, query,
                                                 django_assert_max_num_queries):
    make_matter(title="เรื่องลับของกลุ่ม", secrecy=1)
    client = login(users[who])
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(reverse("matter-list"), query)
    assert response.status_code == 200



def test_the_title_filter_finds_by_phrase_or_number_through_the_search_index(login, users, make_matter):
    wanted = make_matter(title="ขอข้อมูลครูผู้ช่วย   จังหวัดเชียงใหม่ ปี ๒๕๖๙")
    make_matter(title="ติดตามงบประมาณโรงเรียนขนาดเล็ก")
    client = login(users["head"])

    def found(q):
        page = client.get(reverse("matter-list"), {"q": q}).content.decode()
        return sorted(m.pk for m in page_matters(page))

    def page_matters(page):
        return [m for m in Matter.objects.all() if f"/matters/{m.pk}/" in page]

    assert found("ครูผู้ช่วย จังหวัด") == [wanted.pk]  # runs of spaces folded, as the index keeps the title
    assert found("ปี 2569") == [wanted.pk]  # Thai and Arabic digits alike
    assert found(wanted.number) == [wanted.pk]  # the matter's number is in the index's title
    assert found("ไม่มีคำนี้") == []
    assert found("ปี") == [wanted.pk]  # under three letters: no trigram, the titles are scanned instead


def test_the_title_filter_keeps_secret_matters_hidden(login, users, make_matter):
    make_matter(title="เรื่องลับครูผู้ช่วย", secrecy=2)
    page = login(users["uncleared"]).get(reverse("matter-list"), {"q": "ครูผู้ช่วย"}).content.decode()
    assert "เรื่องลับครูผู้ช่วย" not in page and "พบ 0 เรื่อง" in page


def test_a_phrase_too_common_for_the_index_is_found_by_reading_the_list(login, users, make_matter, monkeypatch):
    from prasan.search import filters

    monkeypatch.setattr(filters, "DENSE", 1)
    for place in ("เชียงใหม่", "ลำปาง"):
        make_matter(title=f"ขอข้อมูลครูผู้ช่วย {place}")
    assert filters.matter_ids_titled("ครูผู้ช่วย") is None  # more than DENSE matches
    page = login(users["head"]).get(reverse("matter-list"), {"q": "ครูผู้ช่วย"}).content.decode()
    assert "พบ 2 เรื่อง<" in page and "เชียงใหม่" in page and "ลำปาง" in page  # within the page: exact


def test_a_common_phrase_past_one_page_is_counted_to_the_page_end(login, users, make_matter, monkeypatch,
                                                                  django_assert_max_num_queries):
    from prasan.search import filters

    monkeypatch.setattr(filters, "DENSE", 1)
    for n in range(27):
        make_matter(title=f"ขอข้อมูลครูผู้ช่วย รุ่น {n}")
    client = login(users["head"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("matter-list"), {"q": "ครูผู้ช่วย"}).content.decode()
    assert "พบมากกว่า 25 เรื่อง — คำค้นพบบ่อยหรือสั้น จึงนับถึงหน้านี้เท่านั้น" in page and "page=2" in page
    last = client.get(reverse("matter-list"), {"q": "ครูผู้ช่วย", "page": 2}).content.decode()
    assert "พบ 27 เรื่อง<" in last and "รุ่น 0<" in last
