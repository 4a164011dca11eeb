#!/usr/bin/env bash
# The whole suite, in parallel, on SQLite and then on a throwaway PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
export PRASAN_TESTING=1 PRASAN_DATA_DIR="$PWD/var/test"
unset PRASAN_DATABASE_URL
mkdir -p "$PRASAN_DATA_DIR"
workers="${PRASAN_TEST_WORKERS:-auto}"
status=0

if [ "$which" = all ] || [ "$which" = sqlite ]; then
  echo "== ชุดทดสอบบน SQLite =="
  .venv/bin/pytest -n "$workers" --dist loadgroup || status=$?
fi

if [ "$which" = all ] || [ "$which" = postgres ]; then
  echo "== ชุดทดสอบบน PostgreSQL =="
  url=$(bash scripts/pg.sh start)
  trap 'bash scripts/pg.sh stop' EXIT
  PRASAN_DATABASE_URL="$url" .venv/bin/pytest -n "$workers" --dist loadgroup || status=$?
fi
exit $status
