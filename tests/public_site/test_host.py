"""PRASAN_PUBLIC_HOST: the public site at the root of its own host name, where nothing internal answers; at
/public/ on the office's own host either way."""

import pytest
from django.test import override_settings

from .conftest import make_post

pytestmark = pytest.mark.django_db
HOST = "news.example.go.th"


@pytest.fixture
def public_host(settings):
    settings.PUBLIC_SITE_HOST = HOST
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]


def test_on_its_own_host_the_site_is_at_the_root_with_links_to_match(client, office, public_host):
    post = make_post("ข่าวบนโดเมนของเว็บไซต์")
    page = client.get("/", HTTP_HOST=HOST).content.decode()
    assert "ข่าวบนโดเมนของเว็บไซต์" in page
    assert f'href="/posts/{post.pk}/"' in page and 'href="/complaint/"' in page and "/public/" not in page
    assert client.get(f"/posts/{post.pk}/", HTTP_HOST=HOST).status_code == 200
    assert client.get("/complaint/", HTTP_HOST=HOST).status_code == 200
    feed = client.get("/feed.atom", HTTP_HOST=HOST).content.decode()
    assert f"http://{HOST}/posts/{post.pk}/" in feed
    assert client.get("/robots.txt", HTTP_HOST=HOST).content.decode().endswith(f"http://{HOST}/sitemap.xml\n")


@pytest.mark.parametrize("path", ["/login/", "/my-work/", "/matters/", "/admin/", "/api/v1/openapi.json",
                                  "/tracking/", "/complaints/", "/registers/", "/healthz"])
def test_nothing_internal_answers_on_the_public_host(client, office, public_host, path):
    response = client.get(path, HTTP_HOST=HOST, follow=True)
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_the_office_host_still_serves_it_at_public(client, office, public_host):
    make_post("ข่าวเดียวกัน")
    assert "ข่าวเดียวกัน" in client.get("/public/").content.decode()
    assert client.get("/login/").status_code == 200


@override_settings(PUBLIC_SITE_HOST="")
def test_without_a_public_host_every_host_is_the_office(client, office):
    assert client.get("/").status_code in (200, 302)
    assert client.get("/public/").status_code == 200
