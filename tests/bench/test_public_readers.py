"""The public readers' locustfile for a few seconds against a live server: every kind of request, no error.
Timings belong to `python -m bench.public_site readers`; this keeps the crowd finding its way as pages change."""

from pathlib import Path

import pytest
from django.core.cache import cache

from bench.load.run import read_samples, run_locust, summarize
from tests.public_site.conftest import make_post

LOCUSTFILE = Path(__file__).resolve().parents[2] / "bench" / "load" / "public_readers.py"
EXPECTED = {"/public/", "/public/posts/[key]/", "/public/[section]/?page", "/public/tags/[slug]/",
            "/public/search/?q=", "/public/feed.atom", "/public/images/[id]/", "/static/[asset]"}


@pytest.mark.django_db(transaction=True)
def test_public_readers_read_without_an_error(live_server, office, tmp_path):
    cache.clear()
    for n in range(5):
        make_post(f"รัฐมนตรีลงพื้นที่ขอนแก่น ครั้งที่ {n}", cover=True, tags=[("การศึกษา", "education")])

    def seen(result):
        return {row.name for row in result.rows if row.requests}

    run_locust(live_server.url, users=3, seconds=120, out=tmp_path, spawn_rate=3, think=0.02,
               locustfile=LOCUSTFILE, until=lambda result: EXPECTED <= seen(result))
    result = summarize(read_samples(tmp_path))
    assert result.failures == [] and result.errors == 0
    assert EXPECTED - seen(result) == set()
