"""The office's publishing pages as the right role, a wrong role, a user without clearance and anonymous."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from prasan.matters.models import Matter
from prasan.publishing import editing, workflow
from prasan.publishing.models import Post, Status

from .conftest import jpeg

WRONG_ROLES = ("registrar", "auditor", "minister")


@pytest.fixture
def post(make_post, users):
    made = make_post()
    editing.add_image(made, jpeg(), "นักเรียนรับทุน", by=users["coordinator"])
    return made


def pages(post):
    image = post.images.get()
    return [
        ("get", reverse("post-list")),
        ("get", reverse("post-new")),
        ("get", reverse("post-detail", args=[post.pk])),
        ("get", reverse("post-edit", args=[post.pk])),
        ("get", reverse("post-image", args=[post.pk, image.pk])),
        ("get", reverse("post-version", args=[post.pk, 1])),
        ("post", reverse("post-action", args=[post.pk, "submit"])),
        ("post", reverse("post-image-add", args=[post.pk])),
        ("post", reverse("post-image-change", args=[post.pk, image.pk, "cover"])),
    ]


def test_anonymous_is_sent_to_sign_in_everywhere(client, post):
    for method, url in pages(post) + [("post", reverse("post-line", args=[post.pk]))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


@pytest.mark.parametrize("role", WRONG_ROLES)
def test_a_wrong_role_is_refused_everywhere(role, login, users, post):
    client = login(users[role])
    for method, url in pages(post):
        assert getattr(client, method)(url).status_code == 403, url


def test_the_writer_sees_every_page(login, users, post):
    client = login(users["coordinator"])
    for _method, url in pages(post)[:6]:
        assert client.get(url).status_code == 200, url


def test_a_user_without_clearance_writes_news_but_not_from_a_secret_matter(login, users, make_matter, post):
    client = login(users["uncleared"])
    assert client.get(reverse("post-detail", args=[post.pk])).status_code == 200
    secret = make_matter(secrecy=1, assignees=[users["coordinator"]])
    Matter.objects.filter(pk=secret.pk).update(state="closed", closed_at=timezone.now())
    assert client.post(reverse("post-from-matter", args=[secret.pk])).status_code == 404
    assert not Post.objects.filter(source_matter=secret).exists()


def test_a_cleared_writer_is_told_why_a_secret_matter_cannot_be_a_source(login, users, make_matter):
    secret = make_matter(secrecy=1)
    Matter.objects.filter(pk=secret.pk).update(state="closed", closed_at=timezone.now())
    client = login(users["coordinator"])
    response = client.post(reverse("post-from-matter", args=[secret.pk]), follow=True)
    assert "ใช้เป็นที่มาของข่าวเผยแพร่ไม่ได้" in response.content.decode()
    assert not Post.objects.exists()


def test_write_news_from_a_closed_matter(login, users, make_matter):
    matter = make_matter(title="ประชุมหารือการจัดสรรงบประมาณโรงเรียนขนาดเล็ก")
    Matter.objects.filter(pk=matter.pk).update(state="closed", closed_at=timezone.now())
    client = login(users["coordinator"])
    page = client.get(reverse("matter-detail", args=[matter.pk])).content.decode()
    assert reverse("post-from-matter", args=[matter.pk]) in page
    response = client.post(reverse("post-from-matter", args=[matter.pk]))
    post = Post.objects.get()
    assert response["Location"] == reverse("post-edit", args=[post.pk])
    assert matter.number in client.get(response["Location"]).content.decode()


def test_the_writer_cannot_approve_and_the_reviewer_can(login, users, reviewer, post):
    workflow.fire(post, "submit", by=users["coordinator"])
    url = reverse("post-action", args=[post.pk, "approve"])
    assert login(users["coordinator"]).post(url).status_code == 403
    assert login(reviewer).post(url).status_code == 302
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED


def test_a_refusal_is_shown_in_thai_not_an_error(login, users, reviewer, post):
    workflow.fire(post, "submit", by=users["coordinator"])
    workflow.fire(post, "approve", by=reviewer)
    workflow.fire(post, "publish", by=reviewer)
    response = login(reviewer).post(reverse("post-action", args=[post.pk, "unpublish"]), follow=True)
    assert response.status_code == 200 and "เหตุผลที่ถอน" in response.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.PUBLISHED
    response = login(reviewer).post(reverse("post-action", args=[post.pk, "nonsense"]), follow=True)
    assert response.status_code == 200


def test_only_the_reviewer_edits_a_published_post(login, users, reviewer, post):
    for event, by in (("submit", users["coordinator"]), ("approve", reviewer), ("publish", reviewer)):
        workflow.fire(post, event, by=by)
    url = reverse("post-edit", args=[post.pk])
    assert login(users["coordinator"]).get(url).status_code == 403
    assert login(reviewer).get(url).status_code == 200


def test_writing_a_post_with_a_script_stores_it_clean(login, users):
    client = login(users["coordinator"])
    response = client.post(reverse("post-new"), {
        "kind": "news", "title": "ข่าวทดสอบ", "summary": "ย่อ", "tags_text": "การศึกษา, ครู", "body_present": "1",
        "body_html": '<p onclick="x()">เนื้อหา</p><script>alert(1)</script><a href="javascript:alert(1)">ลิงก์</a>'})
    assert response.status_code == 302
    post = Post.objects.get()
    assert "script" not in post.body_html and "onclick" not in post.body_html and "javascript" not in post.body_html
    assert sorted(post.tags.values_list("name", flat=True)) == ["การศึกษา", "ครู"]
    assert sorted(post.tags.values_list("slug", flat=True)) == ["kansueksa", "khru"]


def test_a_form_sent_without_the_editor_keeps_the_stored_body(login, users, post):
    response = login(users["coordinator"]).post(reverse("post-edit", args=[post.pk]), {
        "kind": "news", "title": "หัวข้อใหม่", "summary": "ย่อ", "body_html": ""})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "หัวข้อใหม่" and post.body_html == "<p>เนื้อหา</p>"


def test_a_photo_needs_alt_text_and_must_be_a_photo(login, users, post):
    client = login(users["coordinator"])
    url = reverse("post-image-add", args=[post.pk])
    response = client.post(url, {"image": SimpleUploadedFile("a.jpg", jpeg()), "alt_text": ""}, follow=True)
    assert "คำบรรยายภาพ" in response.content.decode() and post.images.count() == 1
    response = client.post(url, {"image": SimpleUploadedFile("a.jpg", b"%PDF-1.4 x"), "alt_text": "ภาพ"}, follow=True)
    assert "ไม่ใช่ภาพ" in response.content.decode() and post.images.count() == 1
    response = client.post(url, {"image": SimpleUploadedFile("b.jpg", jpeg(gps=True)), "alt_text": "ภาพที่สอง"})
    assert post.images.count() == 2


def test_the_list_counts_its_queries(login, users, make_post, django_assert_max_num_queries):
    for n in range(30):
        made = make_post(title=f"ข่าวที่ {n}", tags_text="")
        if n % 3 == 0:
            editing.add_image(made, jpeg(), f"ภาพ {n}", by=users["coordinator"])
    client = login(users["coordinator"])
    client.get(reverse("post-list"))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("post-list"))
    assert response.status_code == 200 and response.content.decode().count("/publishing/") >= 25
    with django_assert_max_num_queries(8):
        assert client.get(reverse("post-list") + "?page=2&status=draft").status_code == 200


def test_a_post_names_its_engagement_but_never_a_secret_one(login, users, make_matter, post):
    from .test_drafting import agenda_item

    done = agenda_item(make_matter(kind="facilitation"))
    secret = agenda_item(make_matter(secrecy=1), title="นัดหมายลับ")
    client = login(users["coordinator"])
    page = client.get(reverse("post-edit", args=[post.pk])).content.decode()
    assert done.title in page and "นัดหมายลับ" not in page
    data = {"kind": "news", "title": post.title, "summary": "ย่อ", "agenda_item": secret.pk}
    client.post(reverse("post-edit", args=[post.pk]), data)
    assert Post.objects.get(pk=post.pk).agenda_item is None
    client.post(reverse("post-edit", args=[post.pk]), {**data, "agenda_item": done.pk})
    assert Post.objects.get(pk=post.pk).agenda_item == done
    assert done.title in client.get(reverse("post-detail", args=[post.pk])).content.decode()
