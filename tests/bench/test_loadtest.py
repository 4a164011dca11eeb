"""The load test's people for a few seconds against a live server: every kind of request, and no error.

Timings are not asserted here (they belong to `prasan loadtest`); what is checked is that the locustfile
still logs in, finds its way through the pages and gets its forms accepted as the views change.
"""

import pytest
from django.core.management import CommandError, call_command

from bench.load.run import read_samples, run_locust, summarize
from prasan.demo.build import load

EXPECTED = [
    ("GET", "/login/"), ("POST", "/login/"), ("GET", "/static/[asset]"), ("GET", "/my-work/"),
    ("GET", "/matters/[id]/"), ("GET", "/search/?q="), ("GET", "/tracking/ (office)"),
    ("GET", "/tracking/decisions/"), ("GET", "/registers/"), ("GET", "/registers/[register]/"),
    ("POST", "/matters/[id]/activities/new/"), ("POST", "/matters/[id]/event/"),
    ("POST", "/matters/command/"), ("POST", "/registers/[register]/new/"), ("POST", "/matters/new/"),
    ("GET", "/signed-in/"),
]


def made(result) -> set[tuple[str, str]]:
    return {(row.method, row.name) for row in result.rows if row.requests}


@pytest.mark.django_db(transaction=True)  # the server's threads must see the demo office
def test_people_browse_search_and_update_without_an_error(live_server, tmp_path):
    load(matter_count=40)

    # About ten seconds on an idle machine; a busy one gets longer to go through every page once.
    run_locust(live_server.url, users=3, seconds=120, out=tmp_path, spawn_rate=3, think=0.02,
               fixed={"Coordinator": 1, "Head": 1, "Registrar": 1},
               until=lambda result: not set(EXPECTED) - made(result))

    result = summarize(read_samples(tmp_path))
    assert result.failures == []
    assert result.errors == 0
    assert [kind for kind in EXPECTED if kind not in made(result)] == []
    assert any(name.startswith("/matters/?") for _, name in made(result))


def test_the_command_asks_for_bench_data_first(db):
    with pytest.raises(CommandError, match=r"prasan bench --size 1000000"):
        call_command("loadtest", size=1_000_000)
