"""The dashboards timed alone, in CPU as well as wall time, each as a multiple of the floor (a signed-in empty page):
`PRASAN_DATA_DIR=var/bench python bench/dashboards.py [--reps N] [--rebuild]` on a database `prasan bench` made.

CPU is as bench.scenarios.time_get measures it: what a page costs, where wall time on a loaded machine says only how
busy the machine was. --rebuild also times the counters' full recount (tracking.tallies.rebuild), as the data
migration and the generator run it.
"""

import argparse
import json
import os
import sys
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    import django

    django.setup()


def run(reps: int) -> dict:
    from django.test import Client

    from bench.scenarios import FLOOR, time_get, with_multiples
    from prasan.accounts.models import User

    users = {u.username: u for u in User.objects.filter(username__in=["head", "grouphead", "minister"])}
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    results = {FLOOR: time_get(clients["head"], ["/signed-in/"] * reps, cpu=True)}
    results["dashboard"] = time_get(clients["head"], ["/tracking/"] * reps, cpu=True)
    results["dashboard_unit"] = time_get(clients["grouphead"], ["/tracking/"] * reps, cpu=True)
    results["dashboard_decisions"] = time_get(clients["minister"], ["/tracking/"] * reps, cpu=True)
    with_multiples(results)
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
