"""People reading the office's public site (issue #18): no account, a phone or a desktop browser, the home page,
news, a post with its photos, a section's older pages, a tag, a search, the feed. Run by
`python -m bench.public_site readers`, which starts gunicorn on the public-site bench database.

Every answer but 200 (and 304 to a browser's revalidation) counts as an error. Environment as the office's
locustfile: PRASAN_LOAD_THINK (think-time factor) and PRASAN_LOAD_SAMPLES (every request, for exact percentiles)."""

import os
import random
import re
import time

from locust import HttpUser, between, events, task
from urllib3.util.retry import Retry

from prasan.web.timing import cpu_ms

THINK = float(os.environ.get("PRASAN_LOAD_THINK") or 1)
SAMPLES = os.environ.get("PRASAN_LOAD_SAMPLES")
POST = re.compile(r'href="(/public/posts/[^"/]+/)"')
IMAGE = re.compile(r'src="(/public/images/\d+/)"')
STATIC = re.compile(r'href="(/static/[^"]+)"')
TAG = re.compile(r'href="(/public/tags/[^"/]+/)"')
SECTIONS = ("news", "press", "announcements")
WORDS = ("ขอนแก่น", "ทุนการศึกษา", "อาหารกลางวัน", "ครู", "โรงเรียน", "นโยบาย", "ประกาศ", "รัฐมนตรีลงพื้นที่")

if SAMPLES:
    _samples = open(SAMPLES, "a", buffering=1, encoding="utf-8")

    @events.request.add_listener
    def _record(request_type, name, response_time, exception=None, response=None, **_):
        error = "" if exception is None else re.sub(r"\s+", " ", str(exception))
        cpu = cpu_ms(response.headers.get("Server-Timing") if response is not None else None)
        _samples.write(f"{time.time():.3f}\t{request_type}\t{name}\t{response_time:.1f}\t{error}\t"
                       f"{'' if cpu is None else f'{cpu:.2f}'}\n")


class PublicReader(HttpUser):
    wait_time = between(3 * THINK, 10 * THINK)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cached: set[str] = set()  # what this reader's browser holds (stylesheet, fonts, photos)
        self.posts: list[str] = []
        self.tags: list[str] = []
        for adapter in self.client.adapters.values():  # as a browser retries a kept-alive connection closed idle
            adapter.max_retries = Retry(total=1, connect=1, read=1, status=0, allowed_methods=None,
                                        raise_on_status=False)

    def get(self, url: str, name: str) -> str:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return ""
            kind = response.headers.get("Content-Type", "")
            text = response.text if kind.startswith(("text/html", "application/atom", "application/xml")) else ""
        for found in STATIC.findall(text) + IMAGE.findall(text)[:4]:
            if found not in self.cached:
                self.cached.add(found)
                self.get(found, "/static/[asset]" if found.startswith("/static/") else "/public/images/[id]/")
        if posts := POST.findall(text):
            self.posts = posts[:30]
        if tags := TAG.findall(text):
            self.tags = tags[:10]
        return text

    def on_start(self):
        self.get("/public/", "/public/")

    @task(4)
    def home(self):
        self.get("/public/", "/public/")

    @task(8)
    def read_a_post(self):
        if not self.posts:
            self.get("/public/news/", "/public/[section]/")
        if self.posts:
            self.get(random.choice(self.posts), "/public/posts/[key]/")

    @task(3)
    def browse_a_section(self):
        section = random.choice(SECTIONS)
        page = random.choice([1, 1, 1, 2, 3, random.randint(4, 60)])
        self.get(f"/public/{section}/?page={page}", "/public/[section]/?page")

    @task(1)
    def a_tag(self):
        if self.tags:
            self.get(random.choice(self.tags), "/public/tags/[slug]/")

    @task(1)
    def search(self):
        self.get(f"/public/search/?q={random.choice(WORDS)}", "/public/search/?q=")

    @task(1)
    def feed(self):
        self.get("/public/feed.atom", "/public/feed.atom")
