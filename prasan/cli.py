"""The `prasan` command: Django's management commands under one name (prasan demo, prasan worker, …)."""

import os
import sys

from prasan import secret_key

ALIASES = {
    "serve": "runserver",
    "import-agencies": "import_agencies",
    "import-complaints": "import_complaints",
    "import-sittings": "import_sittings",
    "line-standin": "line_standin",
    "sign-verify": "sign_verify",
}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    if command == "extract" and len(argv) == 3 and not argv[2].startswith("-"):
        # reading one file needs no database and no apps: skip Django's start-up (issue 19, ≤ 2 s)
        from prasan.correspondence.intake.command import main as extract

        sys.exit(extract(argv[2]))
    if command in ("bench", "loadtest"):
        # Benchmarks fill a database with synthetic matters: never the office's own.
        os.environ["PRASAN_DATA_DIR"] = os.environ.get("PRASAN_BENCH_DATA_DIR", "var/bench")
        os.environ.pop("PRASAN_DATABASE_URL", None)
        if os.environ.get("PRASAN_BENCH_DATABASE_URL"):
            os.environ["PRASAN_DATABASE_URL"] = os.environ["PRASAN_BENCH_DATABASE_URL"]
        secret_key.ensure_key_file()  # a synthetic office of its own; its key guards nothing real
    if command == "secret-key":
        path, created = secret_key.ensure_key_file()
        print(f"{'สร้างกุญแจลับใหม่ที่' if created else 'มีกุญแจลับอยู่แล้วที่'} {path}")
        return
    if command == "restore" and not secret_key.have_key():
        # Restoring into an empty data dir: the archive brings the office's own key (written there by
        # the restore); until then this one process signs nothing that outlives it.
        import secrets

        os.environ["PRASAN_SECRET_KEY"] = secrets.token_urlsafe(50)
    if not secret_key.have_key() and os.environ.get("PRASAN_TESTING", "") not in ("1", "true", "yes", "on"):
        sys.stderr.write(f"ไม่มีกุญแจลับ: ตั้ง PRASAN_SECRET_KEY หรือสร้างไฟล์ {secret_key.key_file()} "
                         "ด้วยคำสั่ง `prasan secret-key` (make run สร้างให้เอง)\n")
        sys.exit(1)
    if len(argv) > 1 and argv[1] in ALIASES:
        argv[1] = ALIASES[argv[1]]
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
