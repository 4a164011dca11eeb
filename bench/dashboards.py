"""The dashboards timed alone, in CPU as well as wall time, each as a multiple of the floor (a signed-in empty page):
`PRASAN_DATA_DIR=var/bench python bench/dashboards.py [--reps N] [--rebuild]` on a database `prasan bench` made.

CPU is this process's (the test client runs the view and, on SQLite, the database in it), so on a loaded machine it
says what a page costs where wall time says only how busy the machine was. --rebuild also times the counters'
full recount (tracking.tallies.rebuild), as the data migration and the generator run it.
"""

import argparse
import json
import os
import statistics
import sys
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    import django

    django.setup()


def timed(client, url: str, reps: int) -> dict:
    client.get(url)  # warm
    cpu, wall = [], []
    for _ in range(reps):
        c, w = time.process_time(), time.perf_counter()
        response = client.get(url)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    ordered = sorted(wall)
    return {"cpu_ms": round(statistics.median(cpu) * 1000, 1), "p50_ms": round(ordered[len(ordered) // 2] * 1000, 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1), "n": reps}


def run(reps: int) -> dict:
    from django.test import Client

    from prasan.accounts.models import User

    users = {u.username: u for u in User.objects.filter(username__in=["head", "grouphead", "minister"])}
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    results = {"floor_signed_in": timed(clients["head"], "/signed-in/", reps)}
    results["dashboard"] = timed(clients["head"], "/tracking/", reps)
    results["dashboard_unit"] = timed(clients["grouphead"], "/tracking/", reps)
    results["dashboard_decisions"] = timed(clients["minister"], "/tracking/", reps)
    floor = results["floor_signed_in"]
    for name, value in results.items():
        if name != "floor_signed_in":
            value["cpu_times_floor"] = round(value["cpu_ms"] / floor["cpu_ms"], 2)
            value["p95_times_floor"] = round(value["p95_ms"] / floor["p95_ms"], 2)
    return results


def rebuild() -> dict:
    from prasan.matters.models import Matter
    from prasan.tracking import tallies

    c, w = time.process_time(), time.perf_counter()
    cells = tallies.rebuild()
    return {"matters": Matter.objects.count(), "cells": cells, "cpu_s": round(time.process_time() - c, 2),
            "wall_s": round(time.perf_counter() - w, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    opts = parser.parse_args()
    _setup()
    out = {"load_before": os.getloadavg()}
    if opts.rebuild:
        out["rebuild"] = rebuild()
    out["pages"] = run(opts.reps)
    out["load_after"] = os.getloadavg()
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
