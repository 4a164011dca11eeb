"""The bench's timed pages (bench.scenarios.time_get and the modules that time with it), run small so the bench
cannot rot unnoticed: each page answers and is told in wall time, CPU and as a multiple of the floor."""

import pytest

from bench import dashboards, list_filters, open_work
from bench.scenarios import FLOOR, time_get, with_multiples

pytestmark = pytest.mark.django_db


def test_a_page_is_timed_in_wall_time_and_on_request_in_cpu(login, users):
    client = login(users["head"])
    wall = time_get(client, ["/signed-in/"] * 3)
    assert set(wall) == {"p50_ms", "p95_ms", "n"} and wall["n"] == 3 and 0 < wall["p50_ms"] <= wall["p95_ms"]
    both = time_get(client, ["/signed-in/"] * 3, cpu=True)
    assert both["cpu_ms"] > 0


def test_a_page_that_does_not_answer_200_stops_the_bench(login, users):
    with pytest.raises(RuntimeError, match="answered 404"):
        time_get(login(users["head"]), ["/signed-in/", "/no-such-page/"])


def test_cpu_is_told_as_a_multiple_of_the_floors_where_both_were_timed_with_it():
    results = {FLOOR: {"p50_ms": 4, "p95_ms": 5, "cpu_ms": 2, "n": 4},
               "dashboard": {"p50_ms": 30, "p95_ms": 35, "cpu_ms": 12, "n": 4},
               "list_page": {"p50_ms": 10, "p95_ms": 10, "n": 4}}
    with_multiples(results)
    assert results["dashboard"]["cpu_times_floor"] == 6.0 and results["dashboard"]["times_floor"] == 7.0
    assert "cpu_times_floor" not in results["list_page"] and results["list_page"]["times_floor"] == 2.0


def test_the_dashboards_my_work_and_the_slow_lists_are_timed(users, make_matter):
    make_matter()
    pages = dashboards.run(reps=2)
    assert set(pages) == {FLOOR, "dashboard", "dashboard_unit", "dashboard_decisions"}
    assert all(value["cpu_ms"] > 0 and "cpu_times_floor" in value for name, value in pages.items() if name != FLOOR)
    mine = open_work.scenarios(reps=2)
    assert mine["my_work_busiest"]["user"] == "coordinator" and mine["my_work_busiest"]["times_floor"] > 0
    lists = list_filters.run(users, reps=2)
    assert all(value["n"] >= 1 for value in lists.values())
