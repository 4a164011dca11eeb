"""An agency's reply page of a secret matter shows what the request says the agency may see: the number and the
text written for the agency, and the matter's title only when the sender chose so, warned on the request form."""

import re

import pytest

from prasan.coordination.models import AgencyRequest
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^/\s]+(/reply/\S+/)")
TITLE = "แผนปรับย้ายผู้บริหารระดับสูงเฉพาะรัฐมนตรี"
DESCRIPTION = "รายชื่อผู้ถูกปรับย้ายทั้งหมดตามบัญชีแนบ"
ASKED = "ขอสำเนาคำสั่งแต่งตั้งที่เกี่ยวข้อง"


@pytest.fixture
def top_secret(make_matter, users):
    return make_matter(title=TITLE, description=DESCRIPTION, secrecy=3, state="coordinating",
                       assignees=[users["outsider"]], owner_unit=users["outsider"].unit)


def send(client, matter, agency, **extra):
    return client.post(f"/matters/{matter.pk}/requests/new/", {
        "agencies": [agency.pk], "deliverable": ASKED, "deadline_days": 5, "channel": "email", **extra})


def reply_page(client, smtp_server, agency):
    [message] = smtp_server.to(agency.contacts.get(is_liaison=True).email)
    return client.get(LINK.search(smtp_server.body(message)).group(1))


def test_the_request_form_of_a_secret_matter_warns_and_offers_the_title_unticked(login, users, top_secret):
    page = login(users["outsider"]).get(f"/matters/{top_secret.pk}/requests/new/").content.decode()
    assert "ผู้ใดที่ได้ลิงก์ตอบกลับจะเห็นข้อความ" in page
    assert "ลับที่สุด" in page
    assert 'name="show_title"' in page and "checked" not in page.split('name="show_title"')[1].split(">")[0]


def test_the_request_form_of_a_normal_matter_has_no_such_choice(login, users, make_matter):
    matter = make_matter(state="coordinating")
    page = login(users["coordinator"]).get(f"/matters/{matter.pk}/requests/new/").content.decode()
    assert 'name="show_title"' not in page and "ผู้ใดที่ได้ลิงก์ตอบกลับ" not in page


def test_a_secret_matters_reply_page_shows_the_request_but_not_the_title(client, login, users, top_secret, agencies,
                                                                        smtp_server):
    send(login(users["outsider"]), top_secret, agencies[0])
    client.logout()
    response = reply_page(client, smtp_server, agencies[0])
    assert response.status_code == 200
    page = response.content.decode()
    assert TITLE not in page and DESCRIPTION not in page
    assert top_secret.number in page and ASKED in page
    assert AgencyRequest.objects.get(matter=top_secret).show_title is False


def test_the_title_is_shown_when_the_sender_chose_to(client, login, users, top_secret, agencies, smtp_server):
    send(login(users["outsider"]), top_secret, agencies[0], show_title="on")
    client.logout()
    page = reply_page(client, smtp_server, agencies[0]).content.decode()
    assert TITLE in page and ASKED in page
    assert DESCRIPTION not in page


def test_the_api_hides_the_title_unless_asked(users, top_secret, agencies, smtp_server):
    from prasan.accounts.models import ApiToken

    api = Api(ApiToken.issue(users["outsider"])[1])
    response = api.post(f"/matters/{top_secret.pk}/requests", {
        "agencies": [agencies[0].pk], "deliverable": ASKED, "deadline_working_days": 5})
    assert response.status_code == 201, response.content
    [req] = AgencyRequest.objects.filter(matter=top_secret)
    assert req.show_title is False
    assert req.title_for_agency == top_secret.number
    response = api.post(f"/matters/{top_secret.pk}/requests", {
        "agencies": [agencies[1].pk], "deliverable": ASKED, "deadline_working_days": 5, "show_title": True})
    assert response.status_code == 201
    assert AgencyRequest.objects.get(matter=top_secret, agency=agencies[1]).title_for_agency.endswith(TITLE)
