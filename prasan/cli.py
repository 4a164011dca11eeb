"""The `prasan` command: Django's management commands under one name (prasan demo, prasan worker, …)."""

import os
import sys

ALIASES = {
    "worker": "db_worker",
    "serve": "runserver",
    "import-agencies": "import_agencies",
    "line-standin": "line_standin",
}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in ("bench", "loadtest"):
        # Benchmarks fill a database with synthetic matters: never the office's own.
        os.environ["PRASAN_DATA_DIR"] = os.environ.get("PRASAN_BENCH_DATA_DIR", "var/bench")
        os.environ.pop("PRASAN_DATABASE_URL", None)
        if os.environ.get("PRASAN_BENCH_DATABASE_URL"):
            os.environ["PRASAN_DATABASE_URL"] = os.environ["PRASAN_BENCH_DATABASE_URL"]
    if len(argv) > 1 and argv[1] in ALIASES:
        argv[1] = ALIASES[argv[1]]
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
