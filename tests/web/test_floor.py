"""The floor: the least a signed-in page can be, which the bench and the load test tell every page's cost as a
multiple of; and the Server-Timing header through which the load test reads each request's CPU."""

import pytest
from django.conf import settings
from django.test import override_settings

from bench.scenarios import FLOOR, with_multiples
from prasan.web.timing import cpu_ms

pytestmark = pytest.mark.django_db


def test_the_page_says_who_is_signed_in_with_a_few_queries(login, users, django_assert_max_num_queries):
    client = login(users["coordinator"])
    with django_assert_max_num_queries(6):  # the session, the user, the layout's menu: nothing that grows
        response = client.get("/signed-in/")
    assert response.status_code == 200
    assert "ท่านเข้าสู่ระบบอยู่ในชื่อ" in response.content.decode()
    assert "Server-Timing" not in response  # an office's server does not tell how long its pages take


def test_anonymous_is_sent_to_log_in(client):
    response = client.get("/signed-in/")
    assert response.status_code == 302 and response.url.startswith("/login/")


@override_settings(MIDDLEWARE=["prasan.web.timing.ServerTimingMiddleware", *settings.MIDDLEWARE])
def test_the_load_tests_server_tells_each_requests_cpu(login, users):
    response = login(users["coordinator"]).get("/signed-in/")
    cpu = cpu_ms(response["Server-Timing"])
    assert cpu is not None and cpu > 0
    assert cpu_ms("app;dur=3.1") is None and cpu_ms("cpu;dur=x") is None and cpu_ms(None) is None


def test_the_bench_tells_each_page_as_a_multiple_of_the_floor():
    results = {FLOOR: {"p50_ms": 4, "p95_ms": 5, "n": 40}, "my_work": {"p50_ms": 15, "p95_ms": 20, "n": 20},
               "dashboard": {"p50_ms": 40, "p95_ms": 35, "n": 20}, "numbering_per_s": 300.0}
    with_multiples(results)
    assert results["my_work"]["times_floor"] == 4.0 and results["my_work"]["goal_times_floor"] == 4
    assert results["dashboard"]["times_floor"] == 7.0 and results["dashboard"]["goal_times_floor"] == 6
    assert "times_floor" not in results[FLOOR] and results["numbering_per_s"] == 300.0
