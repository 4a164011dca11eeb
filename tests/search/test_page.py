"""GET /search/: the page behind the header's search box."""

import pytest

from prasan.coordination.models import Activity
from prasan.search import index
from prasan.search.sources import ACTIVITY

URL = "/search/"


def test_anonymous_callers_are_sent_to_log_in(client):
    response = client.get(URL, {"q": "ครู"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_shows_the_count_the_highlight_and_a_link(make_matter, users, login):
    matter = make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วย")

    page = login(users["coordinator"]).get(URL, {"q": "ครูผู้ช่วย"}).content.decode()

    assert "พบ 1 รายการ" in page
    assert "ขอข้อมูลจำนวน<mark>ครูผู้ช่วย</mark>" in page
    assert f'href="{matter.get_absolute_url()}"' in page
    assert matter.number in page


def test_the_header_box_is_on_every_page_and_keeps_the_query(users, login):
    client = login(users["coordinator"])
    assert 'action="/search/"' in client.get("/my-work/").content.decode()
    assert 'value="ครูผู้ช่วย"' in client.get(URL, {"q": "ครูผู้ช่วย"}).content.decode()


def test_an_empty_query_shows_only_the_form(users, login):
    page = login(users["coordinator"]).get(URL).content.decode()
    assert "<h1>ค้นหา</h1>" in page and "พบ" not in page


def test_a_too_long_query_is_refused_in_thai(users, login):
    page = login(users["coordinator"]).get(URL, {"q": "ก" * 201}).content.decode()
    assert "คำค้นยาวได้ไม่เกิน 200 ตัวอักษร" in page


def test_a_bad_date_is_refused_in_thai(users, login):
    page = login(users["coordinator"]).get(URL, {"q": "ครู", "date_from": "31/02/2569"}).content.decode()
    assert "ไม่มีวันที่ 31 กุมภาพันธ์ 2569" in page


def test_a_title_with_markup_is_shown_as_text(make_matter, make_activity, users, login):
    matter = make_matter(title="<script>alert('x')</script> ครูผู้ช่วย")
    make_activity(matter, "<img src=x onerror=alert(1)> ครูผู้ช่วย")

    page = login(users["coordinator"]).get(URL, {"q": "ครูผู้ช่วย"}).content.decode()

    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; <mark>ครูผู้ช่วย</mark>" in page
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>ครูผู้ช่วย</mark>" in page


def test_a_two_letter_query_says_it_searched_only_recent_rows(make_matter, users, login):
    make_matter(title="ศธ ขอข้อมูล")
    page = login(users["coordinator"]).get(URL, {"q": "ศธ"}).content.decode()
    assert "คำค้นสั้น ค้นเฉพาะรายการล่าสุด" in page and "พบ 1 รายการ" in page


@pytest.mark.parametrize("who", ["uncleared", "outsider"])
def test_a_secret_matter_is_not_on_the_page_nor_in_its_count(make_matter, make_activity, users, login, who):
    secret = make_matter(title="ข้อมูลการสอบสวนวินัยผู้บริหาร", secrecy=1, assignees=[users["coordinator"]])
    make_activity(secret, "ประสานเรื่องการสอบสวนวินัย")

    page = login(users[who]).get(URL, {"q": "การสอบสวนวินัย"}).content.decode()

    assert "พบ 0 รายการ" in page and secret.number not in page and "การสอบสวนวินัยผู้บริหาร" not in page


def test_the_assignee_finds_the_secret_matter(make_matter, users, login):
    secret = make_matter(title="ข้อมูลการสอบสวนวินัยผู้บริหาร", secrecy=1, assignees=[users["coordinator"]])
    page = login(users["coordinator"]).get(URL, {"q": "การสอบสวนวินัย"}).content.decode()
    assert "พบ 1 รายการ" in page and secret.get_absolute_url() in page


def test_results_are_paged_by_twenty(make_matter, users, login):
    matter = make_matter(title="ลูกเสือ หลัก")
    Activity.objects.bulk_create([Activity(matter=matter, channel="phone", summary=f"ลูกเสือ {n}")
                                  for n in range(24)])
    index.refresh(ACTIVITY, matter.activities.values_list("pk", flat=True))
    client = login(users["coordinator"])

    first = client.get(URL, {"q": "ลูกเสือ"}).content.decode()
    second = client.get(URL, {"q": "ลูกเสือ", "page": 2}).content.decode()

    assert "พบ 25 รายการ" in first and "หน้า 1 จาก 2" in first
    assert second.count('class="card search-hit"') == 5


def test_a_page_of_every_kind_takes_a_fixed_number_of_queries(make_matter, make_activity, make_entry, users,
                                                              login, django_assert_max_num_queries):
    for n in range(8):
        matter = make_matter(title=f"อาคารเรียน {n}")
        make_activity(matter, f"ซ่อมอาคารเรียน {n}")
        make_entry(n + 1, subject=f"งบอาคารเรียน {n}", matter=matter)
    client = login(users["head"])
    client.get(URL, {"q": "อาคารเรียน"})

    with django_assert_max_num_queries(12):
        response = client.get(URL, {"q": "อาคารเรียน"})
    assert response.content.decode().count('class="card search-hit"') == 20


def test_a_capped_count_says_there_are_more(make_matter, users, login, monkeypatch):
    from prasan.search import results

    monkeypatch.setattr(results, "COUNT_LIMIT", 2)
    for n in range(3):
        make_matter(title=f"หลักสูตรแกนกลาง {n}")
    page = login(users["coordinator"]).get(URL, {"q": "หลักสูตร"}).content.decode()
    assert "พบมากกว่า 2 รายการ — แสดง 2 รายการที่ตรงที่สุด" in page
