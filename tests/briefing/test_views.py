"""The pack's pages and endpoints as the right role, a wrong role, a user without clearance and anonymous."""

import pytest
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.briefing import building, parts, services
from prasan.briefing.models import Pack, Part
from prasan.documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_office(settings):
    settings.BRIEFING_OFFICE = False


@pytest.fixture
def pack(visit, users):
    made = services.create(by=users["coordinator"], owner=visit, fields={"title": "แฟ้มตรวจราชการขอนแก่น"},
                           links={}, matters=[])
    parts.add(made, Part.Kind.DOCUMENT, Document.objects.get(matter=visit).pk, by=users["coordinator"])
    return made


@pytest.fixture
def secret_pack(make_matter, users):
    """A ลับ visit matter assigned to the coordinator: the uncleared and the other unit's coordinator may not see it."""
    matter = make_matter(title="การเยือนพื้นที่ชายแดน", kind="facilitation", secrecy=1, assignees=[users["coordinator"]])
    return services.create(by=users["coordinator"], owner=matter, fields={"title": "แฟ้มลับ"}, links={}, matters=[])


def _built(pack, by, capture):
    with capture(execute=True):
        building.request_build(pack, by=by)
    pack.refresh_from_db()
    assert pack.status == Pack.Status.DONE, pack.error
    return pack


# -- reading ---------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, pack):
    for url in (reverse("briefing-list"), reverse("briefing-pack", args=[pack.pk]),
                reverse("briefing-download", args=[pack.pk]), reverse("briefing-progress", args=[pack.pk]),
                reverse("briefing-new") + f"?matter={pack.matter_id}"):
        assert client.get(url).status_code == 302, url
    for name in ("briefing-build", "briefing-part-add", "briefing-part-order"):
        response = client.post(reverse(name, args=[pack.pk]))
        assert response.status_code == 302 and "/login" in response["Location"] or "accounts" in response["Location"]
    assert Pack.objects.get(pk=pack.pk).status == Pack.Status.DRAFT


def test_pack_page_as_builder_shows_parts_and_what_to_add(login, users, pack):
    page = login(users["coordinator"]).get(reverse("briefing-pack", args=[pack.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "บันทึกเสนอกำหนดการตรวจราชการ" in text and "สร้างแฟ้ม PDF" in text
    assert "map.png" in text and "briefing-notes.docx" in text  # files to add
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in text  # the answer to add


def test_pack_page_as_auditor_reads_only(login, users, pack):
    page = login(users["auditor"]).get(reverse("briefing-pack", args=[pack.pk]))
    assert page.status_code == 200
    assert "สร้างแฟ้ม PDF" not in page.content.decode() and "+ เพิ่ม" not in page.content.decode()


def test_secret_pack_is_404_without_clearance_or_need_to_know(login, users, secret_pack):
    for who in ("uncleared", "outsider"):
        client = login(users[who])
        for name in ("briefing-pack", "briefing-download", "briefing-progress"):
            assert client.get(reverse(name, args=[secret_pack.pk])).status_code == 404, (who, name)
        assert client.post(reverse("briefing-build", args=[secret_pack.pk])).status_code == 404
    assert login(users["coordinator"]).get(reverse("briefing-pack", args=[secret_pack.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="matter.read", object_id=str(secret_pack.matter_id)).exists()


def test_list_is_paginated_and_hides_what_one_may_not_see(login, users, pack, secret_pack,
                                                          django_assert_max_num_queries):
    client = login(users["uncleared"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("briefing-list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "แฟ้มตรวจราชการขอนแก่น" in text and "แฟ้มลับ" not in text and secret_pack.matter.number not in text
    assert "แฟ้มของเรื่อง" in login(users["head"]).get(reverse("briefing-list")).content.decode()


# -- starting a pack ---------------------------------------------------------------------------------------------


def test_new_pack_from_a_matter(login, users, visit):
    client = login(users["coordinator"])
    url = reverse("briefing-new") + f"?matter={visit.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"owner": visit.pk, "title": "แฟ้มตรวจราชการ", "occasion": "visit",
                                 "occasion_text": "ขอนแก่น", "occasion_on": ""})
    pack = Pack.objects.get(title="แฟ้มตรวจราชการ")
    assert response.status_code == 302 and response["Location"] == pack.get_absolute_url()
    assert list(pack.parts.values_list("kind", "matter_id")) == [("matter", visit.pk)]
    assert AuditEvent.objects.filter(action="briefing.create", object_id=str(pack.pk)).exists()


def test_new_pack_bad_input_is_a_thai_error(login, users, visit):
    client = login(users["coordinator"])
    url = reverse("briefing-new") + f"?matter={visit.pk}"
    page = client.post(url, {"owner": visit.pk, "title": "", "occasion": "visit"})
    assert page.status_code == 200 and "กรุณาตั้งชื่อแฟ้ม" in page.content.decode()
    assert not Pack.objects.exists()


def test_new_pack_wrong_role_or_hidden_matter(login, users, visit, secret_matter):
    assert login(users["auditor"]).get(reverse("briefing-new") + f"?matter={visit.pk}").status_code == 403
    assert login(users["coordinator"]).get(reverse("briefing-new") + f"?matter={secret_matter.pk}").status_code == 404
    assert login(users["coordinator"]).get(reverse("briefing-new") + "?matter=abc").status_code == 404
    assert login(users["coordinator"]).get(reverse("briefing-new")).status_code == 404


# -- changing the parts ----------------------------------------------------------------------------------------


def test_add_move_remove_as_builder(login, users, pack, visit):
    client = login(users["coordinator"])
    file_id = visit.files.get(name="map.png").pk
    assert client.post(reverse("briefing-part-add", args=[pack.pk]), {"kind": "file", "id": file_id}).status_code == 302
    ids = list(pack.parts.order_by("position").values_list("pk", flat=True))
    response = client.post(reverse("briefing-part-move", args=[pack.pk, ids[2]]), {"direction": "up"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="parts-list"' in response.content.decode()
    assert list(pack.parts.order_by("position").values_list("pk", flat=True)) == [ids[0], ids[2], ids[1]]
    order = ",".join(str(i) for i in reversed(ids))
    assert client.post(reverse("briefing-part-order", args=[pack.pk]), {"order": order},
                       HTTP_HX_REQUEST="true").status_code == 200
    assert client.post(reverse("briefing-part-remove", args=[pack.pk, ids[0]])).status_code == 302
    assert pack.parts.count() == 2


def test_bad_part_input_is_a_thai_error_not_a_500(login, users, pack, secret_matter):
    client = login(users["coordinator"])
    url = reverse("briefing-part-add", args=[pack.pk])
    for data in ({"kind": "file", "id": "x"}, {"kind": "bogus", "id": 1}, {"kind": "matter", "id": secret_matter.pk},
                 {"kind": "number", "id": secret_matter.number}):
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        # htmx swaps only a 200: the refusal comes inside the parts list
        assert response.status_code == 200 and 'class="errorlist"' in response.content.decode(), data
    bad_order = client.post(reverse("briefing-part-order", args=[pack.pk]), {"order": "1,x"}, HTTP_HX_REQUEST="true")
    assert bad_order.status_code == 200 and "ลำดับที่ส่งมาไม่ถูกต้อง" in bad_order.content.decode()
    assert pack.parts.count() == 2


def test_part_endpoints_wrong_role_and_no_clearance(login, users, pack, secret_pack):
    part = pack.parts.first()
    for who, target in (("auditor", pack), ("registrar", pack), ("minister", pack), ("uncleared", secret_pack)):
        client = login(users[who])
        assert client.post(reverse("briefing-part-add", args=[target.pk]), {"kind": "matter", "id": target.matter_id}
                           ).status_code == 404, who
        assert client.post(reverse("briefing-part-move", args=[target.pk, part.pk]), {"direction": "up"}
                           ).status_code == 404
        assert client.post(reverse("briefing-part-remove", args=[target.pk, part.pk])).status_code == 404
        assert client.post(reverse("briefing-build", args=[target.pk])).status_code == 404
    assert pack.parts.count() == 2


# -- building and downloading -------------------------------------------------------------------------------------


def test_build_progress_and_download(login, users, pack, django_capture_on_commit_callbacks):
    client = login(users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("briefing-build", args=[pack.pk]))
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.status == Pack.Status.DONE and pack.pages >= 4
    progress = client.get(reverse("briefing-progress", args=[pack.pk]))
    assert progress.status_code == 204 and progress["HX-Redirect"] == pack.get_absolute_url()
    download = client.get(reverse("briefing-download", args=[pack.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="briefing.download", object_id=str(pack.pk)).count() == 1
    # the minister reads it on a phone
    assert login(users["minister"]).get(reverse("briefing-download", args=[pack.pk])).status_code == 200


def test_secret_download_is_audited_as_a_read_of_each_secret_matter(login, users, pack, make_matter,
                                                                  django_capture_on_commit_callbacks):
    secret = make_matter(title="ประเด็นอ่อนไหว", secrecy=1, assignees=[users["coordinator"]])
    parts.add(pack, Part.Kind.MATTER, secret.pk, by=users["coordinator"])
    _built(pack, users["coordinator"], django_capture_on_commit_callbacks)
    assert pack.secrecy == 1
    response = login(users["head"]).get(reverse("briefing-download", args=[pack.pk]))
    assert response.status_code == 200
    read = AuditEvent.objects.get(action="matter.read", object_id=str(secret.pk), actor=users["head"])
    assert read.data["purpose"] == "briefing"


def test_download_refused_by_name_to_a_reader_who_may_not_see_a_part(login, users, pack, secret_matter,
                                                                     django_capture_on_commit_callbacks):
    parts.add(pack, Part.Kind.MATTER, secret_matter.pk, by=users["grouphead"])
    _built(pack, users["grouphead"], django_capture_on_commit_callbacks)
    response = login(users["coordinator"]).get(reverse("briefing-download", args=[pack.pk]))
    assert response.status_code == 403
    assert "ส่วนที่ 3" in response.content.decode() and secret_matter.title not in response.content.decode()
    page = login(users["coordinator"]).get(reverse("briefing-pack", args=[pack.pk])).content.decode()
    assert "ส่วนที่ท่านไม่มีสิทธิ์เห็น" in page and secret_matter.title not in page


def test_build_refusal_shows_on_the_page(login, users, pack, secret_matter):
    parts.add(pack, Part.Kind.MATTER, secret_matter.pk, by=users["grouphead"])
    client = login(users["coordinator"])
    response = client.post(reverse("briefing-build", args=[pack.pk]), follow=True)
    assert "ส่วนที่ 3" in response.content.decode()
    assert Pack.objects.get(pk=pack.pk).status == Pack.Status.DRAFT


def test_matter_page_offers_the_pack(login, users, pack, visit):
    page = login(users["coordinator"]).get(visit.get_absolute_url()).content.decode()
    assert "แฟ้มตรวจราชการขอนแก่น" in page and "จัดทำแฟ้มข้อมูลประกอบ" in page
    assert "จัดทำแฟ้มข้อมูลประกอบ" not in login(users["auditor"]).get(visit.get_absolute_url()).content.decode()


def test_pack_page_queries_do_not_grow_with_its_parts(login, users, pack, visit, make_matter,
                                                      django_assert_max_num_queries):
    client = login(users["coordinator"])
    url = reverse("briefing-pack", args=[pack.pk])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(6):
        parts.add(pack, Part.Kind.MATTER, make_matter(title=f"ประเด็นที่ {n}").pk, by=users["coordinator"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
