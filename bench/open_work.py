"""My-work as its heaviest user sees it: the page and the header's badge for the person given the most matters over
the years (what my-work used to grow with), in wall time and in CPU per request, beside the floor."""

import time

from django.db.models import Count
from django.test import Client

from prasan.accounts.models import User
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter

PAGES = {"floor_signed_in_cpu": "/signed-in/", "my_work_busiest": "/my-work/",
         "inbox_badge_busiest": "/my-work/inbox-badge/"}


def busiest() -> tuple[User, int, int]:
    """The person with the most assignments, how many they have and how many of those are open."""
    through = Matter.assignees.through.objects
    top = through.values("user_id").annotate(n=Count("id")).order_by("-n").first()
    user = User.objects.get(pk=top["user_id"])
    open_ = through.filter(user_id=user.pk, matter__state__in=OPEN_STATES).count()
    return user, top["n"], open_


def scenarios(reps: int = 40) -> dict:
    user, assignments, open_ = busiest()
    client = Client()
    client.force_login(user)
    results = {}
    for name, url in PAGES.items():
        client.get(url)  # warm
        walls, cpus = [], []
        for _ in range(reps):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - wall)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
        results[name] = {**_percentiles(walls), "cpu_ms_p50": _ms(sorted(cpus)[len(cpus) // 2]),
                         "cpu_ms_mean": _ms(sum(cpus) / len(cpus)), "user": user.username,
                         "assignments": assignments, "open": open_}
    return results


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50_ms": _ms(ordered[len(ordered) // 2]), "p95_ms": _ms(ordered[min(len(ordered) - 1,
                                                                                 int(0.95 * len(ordered)))]),
            "n": len(samples)}


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)
