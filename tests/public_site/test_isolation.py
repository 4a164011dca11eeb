"""Item 6: the public site is an island. Every internal URL refuses an anonymous caller; a crawl of the whole public
site from its home page meets no link to an internal page, no matter number, no draft or withdrawn post and no
personal data — though all of those are in the database, put there on purpose."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from prasan.complaints.choices import Channel
from prasan.complaints.services import file_complaint
from prasan.publishing.models import Kind, Status

from .conftest import make_post

pytestmark = pytest.mark.django_db

# What answers an anonymous caller on purpose, and why.
OPEN_BY_DESIGN = {
    "login": "the sign-in page itself",
    "healthz": "the load balancer's liveness check (no data)",
    "session-status": "answers 'signed out' to a caller without a session",
    "openapi-json": "the API's description (its shape, no data; every operation in it needs a token)",
    "openapi-view": "the same description as a page",
}
OPEN_URLS = {"/admin/logout/": "signs out nobody and sends the caller to the admin's sign-in"}
OPEN_PREFIXES = ("/public/", "/static/")
VALUES = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000001"}


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def concrete(route: str) -> str | None:
    """A URL for a route, its converters filled with a harmless value; None for regex routes."""
    if route.startswith("^") or "(?P" in route:
        return None
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: VALUES.get(m.group(1) or "str", "x"), route)


def internal_urls():
    for route, name in _walk(get_resolver().url_patterns):
        url = concrete(route)
        if url is None or url.startswith(OPEN_PREFIXES) or name in OPEN_BY_DESIGN or url in OPEN_URLS:
            continue
        yield url, name


def test_no_internal_url_answers_without_login(client, office, users, make_matter):
    make_matter()
    answered = []
    checked = 0
    for url, name in internal_urls():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            checked += 1
            location = response.get("Location", "")
            # 410: an agency's reply link answers a wrong or expired token as gone
            refused = (response.status_code in (401, 403, 404, 405, 410)
                       or (response.status_code in (301, 302) and "/login/" in location)
                       or (url.startswith("/admin/") and response.status_code == 302 and "login" in location))
            if not refused:
                answered.append((method.upper(), url, name, response.status_code, location))
    assert checked > 300
    assert answered == [], "\n".join(map(str, answered))


# -- the crawl ----------------------------------------------------------------------------------------

MATTER_NUMBER = re.compile(r"สร\.?\s*[0-9๐-๙]+\s*/\s*[0-9๐-๙]{4}")
ID_CARD = re.compile(r"(?<![0-9])[0-9]-?[0-9]{4}-?[0-9]{5}-?[0-9]{2}-?[0-9](?![0-9])")
PLACEHOLDER = re.compile(r'placeholder="[^"]*"')
SECRET_WORDS = ["ร่างข่าวลับเฉพาะ", "ข่าวที่ถอนแล้ว", "ข่าวรอตรวจ", "ข่าวอนุมัติรอตั้งเวลา", "ข่าวตั้งเวลาพรุ่งนี้",
                "นางสาวสมหญิง ทองดี", "089-777-1234", "somying@example.com", "ขอข้อมูลจำนวนครูผู้ช่วย"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action"):
            if attrs.get(name):
                self.found.append((tag, attrs[name]))


def seed(office, users, make_matter):
    make_matter(title="ขอข้อมูลจำนวนครูผู้ช่วย เรื่องภายในสำนักงาน")
    file_complaint(office, channel=Channel.WEB_FORM, subject="ร้องเรียนโรงเรียนเก็บเงินเกิน",
                   details="เลขประจำตัวประชาชน 1-1037-00123-45-6",
                   complainant={"name": "นางสาวสมหญิง ทองดี", "phone": "089-777-1234", "email": "somying@example.com"})
    make_post("รัฐมนตรีเยี่ยมโรงเรียน", cover=True, gallery=2, tags=[("การศึกษา", "education")],
              body_html="<p>รัฐมนตรีพบครูและนักเรียน</p>")
    make_post("ประกาศรับสมัคร", kind=Kind.ANNOUNCEMENT, minutes=-60 * 24 * 40)
    make_post("ข่าวแจกสื่อ", kind=Kind.PRESS, minutes=-60 * 24 * 70, tags=[("กีฬา", "sport")])
    for n in range(14):
        make_post(f"ข่าวกิจกรรมชุดที่ {n}", minutes=-60 * (n + 2))
    make_post("ร่างข่าวลับเฉพาะ", status=Status.DRAFT, tags=[("การศึกษา", "education")], cover=True)
    make_post("ข่าวที่ถอนแล้ว", status=Status.UNPUBLISHED, tags=[("การศึกษา", "education")])
    make_post("ข่าวรอตรวจ", status=Status.REVIEW)
    make_post("ข่าวอนุมัติรอตั้งเวลา", status=Status.APPROVED)
    make_post("ข่าวตั้งเวลาพรุ่งนี้", status=Status.SCHEDULED, minutes=60 * 24)


def crawl(client, start="/public/", extra=()):
    seen, queue, problems, pages = set(), deque([start, *extra]), [], 0
    private_words = None
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        pages += 1
        if response.status_code not in (200, 404):
            problems.append(f"{url}: {response.status_code}")
            continue
        if response.streaming or not response["Content-Type"].startswith(("text/", "application/atom",
                                                                            "application/xml")):
            continue  # photos, the stylesheet and fonts: only that they are served
        text = response.content.decode()
        if private_words is None:
            from prasan.accounts.models import User
            from prasan.matters.models import Matter

            private_words = [u.email for u in User.objects.exclude(email="")]
            private_words += [str(m.number) for m in Matter.objects.all()]
        for word in [*SECRET_WORDS, *private_words]:
            if word in text and f"q={word}" not in url:
                problems.append(f"{url}: shows “{word}”")
        # a form's placeholder shows the shape of a number to type ("เช่น สร 12/2569"), not anyone's
        shown = PLACEHOLDER.sub("", text)
        for pattern in (MATTER_NUMBER, ID_CARD):
            if found := pattern.search(shown):
                problems.append(f"{url}: {found.group(0)}")
        parser = Links()
        parser.feed(text)
        links = parser.found + [("xml", m) for m in re.findall(r"<(?:loc|link[^>]*href=\")([^<\"]+)", text)]
        for tag, link in links:
            parts = urlsplit(urljoin("http://testserver" + url, link))
            if parts.scheme in ("tel", "mailto", "data"):
                continue
            if parts.netloc != "testserver":
                problems.append(f"{url}: links outside: {link}")
                continue
            if not parts.path.startswith(("/public/", "/static/")):
                problems.append(f"{url}: links to an internal page: {link}")
                continue
            if tag == "form":
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    return pages, problems


def test_a_crawl_of_the_public_site_finds_nothing_internal_or_private(client, office, users, make_matter):
    seed(office, users, make_matter)
    searches = [f"/public/search/?q={word}" for word in ("ร่างข่าวลับเฉพาะ", "สมหญิง", "ครูผู้ช่วย", "ข่าว", "ถอน")]
    pages, problems = crawl(client, extra=searches)
    assert problems == [], "\n".join(problems)
    assert pages > 40  # home, sections and their pages, posts, photos, tags, months, feeds, sitemap, contact, forms


def test_the_crawl_would_catch_a_leak(client, office, users, make_matter):
    """The crawl's own check: with a withdrawn post's title on a public page, it fails."""
    seed(office, users, make_matter)
    make_post("ข่าวรั่ว ข่าวที่ถอนแล้ว")
    pages, problems = crawl(client)
    assert any("ข่าวที่ถอนแล้ว" in p for p in problems)


def test_on_the_public_host_no_internal_url_exists(client, office, users, make_matter, settings):
    settings.PUBLIC_SITE_HOST = "news.example.go.th"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "news.example.go.th"]
    make_matter()
    client.force_login(users["head"])  # not even for a signed-in person: the host has no such pages
    answered = []
    for url, name in [*internal_urls(), ("/login/", "login"), ("/healthz", "healthz")]:
        response = client.get(url, HTTP_HOST="news.example.go.th", follow=True)
        # "/" and "/search/" are the public site's own home and search on this host
        if response.status_code != 404 and url not in ("/", "/search/"):
            answered.append((url, name, response.status_code))
        elif url in ("/", "/search/"):
            assert "public_site/site.css" in response.content.decode()
    assert answered == [], "\n".join(map(str, answered))
