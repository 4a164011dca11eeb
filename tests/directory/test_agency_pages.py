import datetime as dt

from django.urls import reverse

from prasan.coordination.models import Activity, AgencyRequest
from prasan.directory.models import Agency, Contact
from prasan.matters.choices import Secrecy

LIST = reverse("agency-list")


def test_staff_see_the_agency_list(users, login, agencies):
    page = login(users["coordinator"]).get(LIST).content.decode()
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in page and "สำนักงานคณะกรรมการการอาชีวศึกษา" in page


def test_anonymous_callers_are_sent_to_login(client, agencies):
    for url in (LIST, reverse("agency-detail", args=[agencies[0].pk])):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_list_searches_name_and_abbreviation(users, login, agencies):
    client = login(users["coordinator"])
    by_abbreviation = client.get(LIST, {"q": "สอศ"}).content.decode()
    assert "สำนักงานคณะกรรมการการอาชีวศึกษา" in by_abbreviation
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" not in by_abbreviation
    by_name = client.get(LIST, {"q": "ขั้นพื้นฐาน"}).content.decode()
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in by_name


def test_the_list_filters_by_parent_and_hides_inactive_agencies(users, login, agencies):
    obec, _ = agencies
    Agency.objects.create(name="สำนักงานเขตพื้นที่การศึกษาประถมศึกษากรุงเทพมหานคร", parent=obec)
    Agency.objects.create(name="สำนักงานเขตพื้นที่การศึกษาที่ยุบแล้ว", parent=obec, active=False)
    client = login(users["coordinator"])

    page = client.get(LIST, {"parent": obec.pk}).content.decode()

    assert "ประถมศึกษากรุงเทพมหานคร" in page and "การอาชีวศึกษา</a>" not in page
    assert "ที่ยุบแล้ว" not in page
    assert "ที่ยุบแล้ว" in client.get(LIST, {"parent": obec.pk, "inactive": "on"}).content.decode()


def test_an_unknown_parent_filter_is_ignored(users, login, agencies):
    assert login(users["coordinator"]).get(LIST, {"parent": "99999"}).status_code == 200


def test_the_list_takes_a_bounded_number_of_queries(users, login, django_assert_max_num_queries):
    parent = Agency.objects.create(name="กระทรวงศึกษาธิการ", abbreviation="ศธ")
    for n in range(60):
        agency = Agency.objects.create(name=f"หน่วยงานทดสอบ {n:02d}", abbreviation=f"ทส{n}", parent=parent)
        Contact.objects.create(agency=agency, name=f"ผู้ประสานงาน {n}", is_liaison=True)
    client = login(users["coordinator"])

    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.content.decode().count("<td data-label=\"หน่วยงาน\">") == 50  # one page
    with django_assert_max_num_queries(8):
        client.get(LIST, {"page": 2, "parent": parent.pk})


def test_staff_see_the_agency_detail_with_its_contacts(users, login, agencies):
    obec, _ = agencies
    page = login(users["auditor"]).get(reverse("agency-detail", args=[obec.pk])).content.decode()
    assert "สมชาย ใจดี" in page and "ผู้ประสานงานหลัก" in page and "saraban@obec.example" in page


def test_the_detail_lists_matters_involving_the_agency(users, login, agencies, make_matter):
    obec, vec = agencies
    by_activity = make_matter(title="ประสานข้อมูลครูอัตราจ้าง")
    by_request = make_matter(title="ขอรายงานผลการสอบ O-NET")
    elsewhere = make_matter(title="เรื่องของหน่วยงานอื่น")
    Activity.objects.create(matter=by_activity, channel="phone", agency=obec, summary="โทรสอบถาม")
    AgencyRequest.objects.create(matter=by_request, agency=obec, deliverable="รายงาน", deadline=dt.date(2026, 1, 9))
    Activity.objects.create(matter=elsewhere, channel="phone", agency=vec, summary="โทรสอบถาม")

    page = login(users["coordinator"]).get(reverse("agency-detail", args=[obec.pk])).content.decode()

    assert by_activity.title in page and by_request.title in page
    assert elsewhere.title not in page


def test_a_secret_matter_the_user_may_not_see_does_not_appear(users, login, agencies, make_matter):
    obec, _ = agencies
    secret = make_matter(title="เรื่องลับ การสอบสวนผู้บริหาร", secrecy=Secrecy.CONFIDENTIAL,
                         assignees=[users["grouphead"]])
    AgencyRequest.objects.create(matter=secret, agency=obec, deliverable="ข้อเท็จจริง", deadline=dt.date(2026, 1, 9))
    url = reverse("agency-detail", args=[obec.pk])

    for role in ("coordinator", "outsider", "registrar", "auditor"):
        page = login(users[role]).get(url).content.decode()
        assert "การสอบสวนผู้บริหาร" not in page and secret.number not in page, role
    assert "การสอบสวนผู้บริหาร" in login(users["head"]).get(url).content.decode()


def test_the_detail_shows_at_most_20_matters_in_bounded_queries(users, login, agencies, make_matter,
                                                                 django_assert_max_num_queries):
    obec, _ = agencies
    for n in range(25):
        Activity.objects.create(matter=make_matter(title=f"เรื่องทดสอบลำดับ {n}"), channel="email", agency=obec,
                                summary="ส่งอีเมล")
    client = login(users["coordinator"])

    with django_assert_max_num_queries(10):
        page = client.get(reverse("agency-detail", args=[obec.pk])).content.decode()

    assert page.count("เรื่องทดสอบลำดับ") == 20
    assert "เรื่องทดสอบลำดับ 24" in page and "เรื่องทดสอบลำดับ 4<" not in page
