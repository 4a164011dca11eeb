"""Timed scenarios over the generated data: pages as people use them, and the services underneath."""

import random
import time

from django.test import Client
from django.utils import timezone

from prasan.correspondence import numbering
from prasan.matters.models import Matter


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def pick(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {"p50_ms": round(pick(0.5), 2), "p95_ms": round(pick(0.95), 2), "n": len(samples)}


def time_get(client: Client, urls: list[str], cpu: bool = False) -> dict:
    """GET each of `urls` (each must answer 200) after one warming GET: wall p50/p95 in ms, and with `cpu` the
    median CPU of this thread per request (cpu_ms). The test client runs the view, and on SQLite the database, in
    this thread, so on a loaded machine CPU says what a page costs where wall time says how busy the machine was."""
    walls, cpus = [], []
    client.get(urls[0])  # warm
    for url in urls:
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(url)
        cpus.append(time.thread_time() - started_cpu)
        walls.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    result = _percentiles(walls)
    if cpu:
        result["cpu_ms"] = _percentiles(cpus)["p50_ms"]
    return result


FLOOR = "floor_signed_in"
# Issue #20's goals, as p95 multiples of the floor (the name's start chooses the goal).
GOALS = (("list", 3), ("matter_page", 3), ("register", 3), ("parliament_list", 3), ("search", 4),
         ("my_work", 4), ("dashboard", 6), ("parliament_week", 6))


def goal_for(name: str) -> int | None:
    if "like_scan" in name:
        return None  # the yardstick the search is compared with, not a page anyone opens
    return next((times for start, times in GOALS if name.startswith(start)), None)


def with_multiples(results: dict) -> None:
    """Each timed scenario's p95 as a multiple of the floor's, and its goal where #20 sets one; where both were
    timed with CPU, its CPU as a multiple of the floor's too."""
    floor = results.get(FLOOR, {})
    if not floor.get("p95_ms"):
        return
    for name, value in results.items():
        if isinstance(value, dict) and "p95_ms" in value and name != FLOOR:
            value["times_floor"] = round(value["p95_ms"] / floor["p95_ms"], 2)
            if (goal := goal_for(name)) is not None:
                value["goal_times_floor"] = goal
            if value.get("cpu_ms") and floor.get("cpu_ms"):
                value["cpu_times_floor"] = round(value["cpu_ms"] / floor["cpu_ms"], 2)


def run(users: dict, reps: int = 40, seed: int = 7) -> dict:
    rng = random.Random(seed)
    head = Client()
    head.force_login(users["head"])
    coordinator = Client()
    coordinator.force_login(users["coordinator"])
    group_head = Client()
    group_head.force_login(users["grouphead"])
    minister = Client()
    minister.force_login(users["minister"])
    ids = list(Matter.objects.order_by("-id").values_list("id", flat=True)[:5000])
    results = {
        # The floor: a signed-in page with nothing on it, through the whole middleware, session and layout.
        # Every page is also told as a multiple of it (times_floor), which holds from machine to machine.
        FLOOR: time_get(head, ["/signed-in/"] * reps),
        "list_page": time_get(head, [f"/matters/?page={rng.randint(1, 40)}" for _ in range(reps)]),
        "list_overdue": time_get(head, ["/matters/?overdue=1"] * (reps // 2)),
        "list_filtered": time_get(head, [f"/matters/?duty_type=complaint&urgency=most_urgent&page={rng.randint(1, 5)}"
                                          for _ in range(reps // 2)]),
        "matter_page": time_get(head, [f"/matters/{rng.choice(ids)}/" for _ in range(reps)]),
        "my_work": time_get(coordinator, ["/my-work/"] * (reps // 2)),
        "dashboard": time_get(head, ["/tracking/"] * (reps // 2)),
        "dashboard_unit": time_get(group_head, ["/tracking/"] * (reps // 2)),
        "dashboard_decisions": time_get(minister, ["/tracking/"] * (reps // 2)),
        "register_page": time_get(head, [f"/registers/incoming/?page={rng.randint(1, 20)}" for _ in range(reps // 2)]),
        # Parliament: the item list (newest first, a page deep, and by kind and status) and this week's sittings,
        # as the head (sees all) and as a coordinator (whose list depends on need to know).
        "parliament_list": time_get(head, [f"/parliament/?page={rng.randint(1, 20)}" for _ in range(reps // 2)]),
        "parliament_list_filtered": time_get(head, [f"/parliament/?kind=written_question&status=open&page="
                                                     f"{rng.randint(1, 3)}" for _ in range(reps // 2)]),
        "parliament_list_coordinator": time_get(coordinator, ["/parliament/"] * (reps // 2)),
        "parliament_week": time_get(head, ["/parliament/week/"] * (reps // 2)),
        "parliament_week_coordinator": time_get(coordinator, ["/parliament/week/"] * (reps // 2)),
    }
    results.update(search(head, coordinator, reps=max(3, reps // 8)))
    with_multiples(results)
    results["create_and_transition_per_s"] = _throughput(lambda: _create_and_accept(users), 50)
    from prasan.directory.models import Office

    office = Office.current()
    results["numbering_per_s"] = _throughput(
        lambda: numbering.register_entry(office, "outgoing", by=users["registrar"], subject="ทดสอบความเร็ว"), 100)
    return results


def _create_and_accept(users):
    from prasan.directory.models import Office

    matter = Matter.create(by=users["coordinator"], office=Office.current(), title="ทดสอบความเร็ว",
                           duty_type="other", source="verbal_command", owner_unit=users["coordinator"].unit,
                           assignees=[users["coordinator"]], external_deadline=timezone.localdate())
    matter.fire("accept", by=users["coordinator"])


def _throughput(fn, n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        fn()
    return round(n / (time.perf_counter() - started), 1)


# What staff type: agency names, a topic, a letter number fragment (Thai digits), a place, two words,
# a two-letter query (under the trigram length: answered by the bounded scan), and a miss.
SEARCH_QUERIES = ["สพฐ.", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "ครูผู้ช่วย", "๐๔๐๑๒/", "เชียงใหม่",
                  "ลูกเสือ ภูเก็ต", "ศธ", "ไม่มีคำนี้ในระบบ"]


def _naive_search(q: str):
    """The same query without the trigram index: every word by LIKE '%…%' over the same texts, newest first."""
    from django.db.models import Q

    from prasan.search.models import SearchEntry
    from prasan.search.text import Query

    rows = SearchEntry.objects.all()
    for term in Query.parse(q).terms:
        rows = rows.filter(Q(title__contains=term) | Q(body__contains=term))
    return rows.order_by("-id")


def _like_scan(qs, reps: int = 2) -> list[float]:
    """Count the matches and read the first page, as a search page does, `reps` times (a queryset runs anew)."""
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        qs.count()
        list(qs[:20])
        samples.append(time.perf_counter() - started)
    return samples


def search(head: Client, coordinator: Client, reps: int = 5) -> dict:
    """The search page against the same query by a naive LIKE '%…%' scan of the same texts (and, for scale, of
    the matters' titles alone), query by query; the ratio is the point."""
    from urllib.parse import quote

    indexed, scanned, titles_scanned, per_query = [], [], [], {}
    for q in SEARCH_QUERIES:
        url = f"/search/?q={quote(q)}"
        times = []
        for client in (coordinator, head):
            client.get(url)  # warm
            for _ in range(reps):
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}")
        naive = _like_scan(_naive_search(q))
        titles = _like_scan(Matter.objects.filter(title__icontains=q).order_by("-created_at", "-id"))
        indexed += times
        scanned += naive
        titles_scanned += titles
        per_query[q] = {"search": _percentiles(times), "like_scan": _percentiles(naive),
                        "like_scan_matter_titles": _percentiles(titles)}
    fast, slow = _percentiles(indexed), _percentiles(scanned)
    return {
        "search": fast,
        "search_like_scan": slow,
        "search_like_scan_matter_titles": _percentiles(titles_scanned),
        "search_speedup_p50": round(slow["p50_ms"] / max(fast["p50_ms"], 0.01), 1),
        "search_speedup_p95": round(slow["p95_ms"] / max(fast["p95_ms"], 0.01), 1),
        "search_queries": per_query,
    }
