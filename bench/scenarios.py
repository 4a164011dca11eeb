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


def _time_get(client: Client, urls: list[str]) -> dict:
    samples = []
    client.get(urls[0])  # warm
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return _percentiles(samples)


def run(users: dict, reps: int = 40, seed: int = 7) -> dict:
    rng = random.Random(seed)
    head = Client()
    head.force_login(users["head"])
    coordinator = Client()
    coordinator.force_login(users["coordinator"])
    ids = list(Matter.objects.order_by("-id").values_list("id", flat=True)[:5000])
    results = {
        "list_page": _time_get(head, [f"/matters/?page={rng.randint(1, 40)}" for _ in range(reps)]),
        "list_overdue": _time_get(head, ["/matters/?overdue=1"] * (reps // 2)),
        "list_filtered": _time_get(head, [f"/matters/?duty_type=complaint&urgency=most_urgent&page={rng.randint(1, 5)}"
                                          for _ in range(reps // 2)]),
        "matter_page": _time_get(head, [f"/matters/{rng.choice(ids)}/" for _ in range(reps)]),
        "my_work": _time_get(coordinator, ["/my-work/"] * (reps // 2)),
        "register_page": _time_get(head, [f"/registers/incoming/?page={rng.randint(1, 20)}" for _ in range(reps // 2)]),
    }
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


