"""A register's list at any size: newest number first, an exact total up to a bound, "more than" past it."""

import pytest
from django.urls import reverse

from prasan.correspondence import numbering
from prasan.matters import paging

pytestmark = pytest.mark.django_db


@pytest.fixture
def sixty(office, users):
    return [numbering.register_entry(office, "incoming", by=users["registrar"], subject=f"หนังสือฉบับที่ {i}",
                                     sender="สพฐ.") for i in range(1, 61)]


def test_pages_run_newest_number_first_with_the_exact_total(login, users, sixty):
    client = login(users["registrar"])
    first = client.get(reverse("register-list", args=["incoming"])).content.decode()
    second = client.get(reverse("register-list", args=["incoming"]), {"page": 2}).content.decode()
    assert "พบ 60 รายการ" in first and "หน้า 1 จาก 2" in first
    assert first.index("หนังสือฉบับที่ 60<") < first.index("หนังสือฉบับที่ 59<")
    assert "หนังสือฉบับที่ 10<" in second and "หนังสือฉบับที่ 11<" not in second


def test_past_the_bound_the_total_is_said_as_more_than(login, users, sixty, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_BOUND", 20)
    client = login(users["registrar"])
    first = client.get(reverse("register-list", args=["incoming"])).content.decode()
    assert "พบมากกว่า 50 รายการ" in first and "page=2" in first
    assert "พบ 60 รายการ" in client.get(reverse("register-list", args=["incoming"]), {"page": 2}).content.decode()


def test_secret_entries_are_neither_listed_nor_counted_without_clearance(login, users, office):
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="หนังสือลับ", secrecy=1)
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="หนังสือปกติ")
    page = login(users["registrar"]).get(reverse("register-list", args=["incoming"])).content.decode()
    assert "พบ 1 รายการ" in page and "หนังสือลับ" not in page


def test_queries_do_not_grow_with_the_entries(login, users, office, sixty, django_assert_max_num_queries):
    client = login(users["head"])
    with django_assert_max_num_queries(8) as first:
        client.get(reverse("register-list", args=["incoming"]))
    with django_assert_max_num_queries(len(first.captured_queries) + 2):  # + the search index: how many, which
        client.get(reverse("register-list", args=["incoming"]), {"page": 2, "q": "ฉบับ"})


def test_a_common_phrase_is_counted_only_to_the_page_and_said_honestly(login, users, office, monkeypatch,
                                                                       django_assert_max_num_queries):
    """More rows of the index hold it than DENSE: the register is read in its order and counted to the page's
    end, not on through the whole register; the total is told as "more than", with why, and a next page."""
    from prasan.search import filters

    monkeypatch.setattr(filters, "DENSE", 10)
    for i in range(1, 61):
        numbering.register_entry(office, "incoming", by=users["registrar"], subject=f"ขอข้อมูลฉบับที่ {i}")
    numbering.register_entry(office, "incoming", by=users["registrar"], subject="เชิญประชุม")
    client = login(users["registrar"])
    counted = []
    real = paging.BoundedPaginator.__init__
    monkeypatch.setattr(paging.BoundedPaginator, "__init__",
                        lambda self, *a, **k: real(self, *a, **k) or counted.append(self.bound))
    with django_assert_max_num_queries(10):
        first = client.get(reverse("register-list", args=["incoming"]), {"q": "ขอข้อมูล"}).content.decode()
    assert counted == [0]  # to the page's end (50), not COUNT_BOUND
    assert "พบมากกว่า 50 รายการ — คำค้นพบบ่อยหรือสั้น จึงนับถึงหน้านี้เท่านั้น" in first and "page=2" in first
    assert "ขอข้อมูลฉบับที่ 60<" in first and "เชิญประชุม" not in first
    second = client.get(reverse("register-list", args=["incoming"]), {"q": "ขอข้อมูล", "page": 2}).content.decode()
    assert "พบ 60 รายการ" in second and "ขอข้อมูลฉบับที่ 10<" in second and "ขอข้อมูลฉบับที่ 11<" not in second
    rare = client.get(reverse("register-list", args=["incoming"]), {"q": "เชิญประชุม"}).content.decode()
    assert "พบ 1 รายการ<" in rare  # found through the index, counted exactly
