"""GET /api/v1/agencies: the directory with liaison officers, searchable and paginated."""

from prasan.directory.models import Agency, Contact

from .conftest import assert_thai_error


def test_staff_list_active_agencies_with_their_contacts(api, agencies):
    Agency.objects.create(name="หน่วยงานที่ยุบแล้ว", active=False)
    for role in ("coordinator", "auditor", "uncleared"):
        body = api(role).get("/agencies").json()
        assert body["count"] == 2, role
        obec = next(a for a in body["items"] if a["abbreviation"] == "สพฐ.")
        assert obec["contacts"][0]["name"] == "สมชาย ใจดี" and obec["contacts"][0]["is_liaison"] is True


def test_inactive_agencies_are_listed_on_request(api, agencies):
    Agency.objects.create(name="หน่วยงานที่ยุบแล้ว", active=False)
    assert api("coordinator").get("/agencies", {"include_inactive": "true"}).json()["count"] == 3


def test_it_searches_names_and_abbreviations(api, agencies):
    coordinator = api("coordinator")
    assert [a["id"] for a in coordinator.get("/agencies", {"q": "สอศ"}).json()["items"]] == [agencies[1].pk]
    assert [a["id"] for a in coordinator.get("/agencies", {"q": "ขั้นพื้นฐาน"}).json()["items"]] == [agencies[0].pk]


def test_the_directory_is_paginated_in_a_fixed_number_of_queries(api, db, django_assert_max_num_queries):
    for n in range(60):
        agency = Agency.objects.create(name=f"สำนักงานเขตพื้นที่การศึกษาประถมศึกษา เขต {n:02d}")
        Contact.objects.create(agency=agency, name=f"ผู้ประสาน {n}", is_liaison=True)
    coordinator = api("coordinator")
    with django_assert_max_num_queries(5):
        body = coordinator.get("/agencies", {"limit": 100}).json()
    assert body["count"] == 60 and len(body["items"]) == 60
    assert len(coordinator.get("/agencies", {"limit": 25, "page": 3}).json()["items"]) == 10


def test_anonymous_callers_may_not_read_the_directory(api, agencies):
    assert_thai_error(api(None).get("/agencies"), 401)


def test_it_refuses_bad_paging(api, agencies):
    for params in ({"limit": 1000}, {"page": "two"}, {"include_inactive": "perhaps"}):
        assert_thai_error(api("coordinator").get("/agencies", params), 422)
