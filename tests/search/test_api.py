"""GET /api/v1/search: {count, results: [{type, id, title, snippet, url}]}, Thai 4xx."""

import pytest

from prasan.accounts.models import ApiToken
from tests.api.conftest import Api, assert_thai_error


@pytest.fixture
def api(users):
    def make(who):
        return Api(None if who is None else ApiToken.issue(users[who])[1])

    return make


def test_anonymous_callers_get_a_thai_401(db):
    assert "โทเคน" in assert_thai_error(Api(None).get("/search", {"q": "ครู"}), 401)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "ก" * 201}, {"q": "ครู", "kind": "x"},
                                    {"q": "ครู", "page": 0}, {"q": "ครู", "date_from": "2569-01-01"}])
def test_a_missing_blank_or_bad_query_is_a_thai_422(api, params):
    assert_thai_error(api("coordinator").get("/search", params), 422)


def test_it_returns_count_and_results(make_matter, make_activity, api):
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย <b>ด่วน</b>")
    activity = make_activity(matter, "โทรถามจำนวนครูผู้ช่วย")

    body = api("coordinator").get("/search", {"q": "ครูผู้ช่วย"}).json()

    assert body["count"] == 2 and body["more"] is False and body["notice"] == ""
    first, second = body["results"]
    assert first == {"type": "matter", "id": matter.pk, "reference": matter.number,
                     "title": "ขอข้อมูลครูผู้ช่วย <b>ด่วน</b>", "snippet": "", "url": f"/matters/{matter.pk}/",
                     "date": first["date"]}
    assert second["type"] == "activity" and second["id"] == activity.pk
    assert second["snippet"] == "โทรถามจำนวน<mark>ครูผู้ช่วย</mark>"


def test_a_secret_matter_is_not_counted_for_an_outsider(make_matter, api, users):
    make_matter(title="ข้อมูลการสอบสวนวินัย", secrecy=1, assignees=[users["coordinator"]])

    assert api("outsider").get("/search", {"q": "การสอบสวน"}).json() == {
        "count": 0, "more": False, "notice": "", "page": 1, "results": []}
    assert api("coordinator").get("/search", {"q": "การสอบสวน"}).json()["count"] == 1


def test_it_filters_and_pages(make_matter, api):
    for n in range(22):
        make_matter(title=f"ทุนการศึกษา {n}", duty_type="complaint" if n % 2 else "analysis")

    caller = api("coordinator")
    assert caller.get("/search", {"q": "ทุนการศึกษา", "duty_type": "complaint"}).json()["count"] == 11
    second = caller.get("/search", {"q": "ทุนการศึกษา", "page": 2}).json()
    assert second["count"] == 22 and [r["title"] for r in second["results"]] == ["ทุนการศึกษา 1", "ทุนการศึกษา 0"]
