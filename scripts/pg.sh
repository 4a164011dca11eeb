#!/usr/bin/env bash
# PostgreSQL clusters for Prasan's own use, UTF-8 (C.UTF-8), pg_trgm, run as a non-root user.
# `pg.sh start` / `stop`: a throwaway cluster under var/pgtest-PORT for the test suite (stop removes it).
# `pg.sh start-bench` / `stop-bench`: a cluster under var/pgbench-PORT tuned like a server with memory to
# spare (PRASAN_PG_SHARED_BUFFERS, default 1GB; …WORK_MEM, …CACHE), kept between runs so generated data
# is reused; `stop-bench` stops it, `remove-bench` deletes it. Both start commands print the database URL.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
*-bench) port="${PRASAN_PG_PORT:-55433}" ;;  # beside the test cluster, so `make test` and `make bench` can both run
*) port="${PRASAN_PG_PORT:-55432}" ;;
esac
root="$PWD/var/pgtest-$port"
bench="$PWD/var/pgbench-$port"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "ไม่พบ PostgreSQL (ติดตั้งด้วย make setup)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=prasan-pg
  id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
fi

create() {  # create <dir>: a new cluster in <dir>/data
  mkdir -p "$1"
  # The cluster's owner must be able to reach var/ (clones under /root are not world-readable).
  dir="$1"; while [ "$dir" != "/" ]; do chmod o+x "$dir" 2>/dev/null || true; dir=$(dirname "$dir"); done
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$1"
  as_owner "$bindir/initdb" -D "$1/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$1/initdb.log"
}

run() {  # run <dir> <server options>: start it, with pg_trgm and a database named prasan
  as_owner "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 300 -o \
    "-p $port -k $1 -c listen_addresses=127.0.0.1 -c max_connections=200 $2" start >/dev/null
  PGOPTIONS="-c client_min_messages=warning" as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d template1 \
    -qc "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d template1 -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'prasan'" | grep -q 1 \
    || as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres prasan
  echo "postgresql://postgres@127.0.0.1:$port/prasan"
}

halt() {
  if [ -d "$1/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
start)
  "$0" stop >/dev/null 2>&1 || true
  create "$root"
  run "$root" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  ;;
stop)
  halt "$root"
  rm -rf "$root"
  ;;
start-bench)
  # Durable like production (fsync on); memory as on a server where the database is most of the work.
  # wal_level=minimal (no replica to feed): an index built by CREATE INDEX is written once, to its file, and not
  # again to the write-ahead log — the generator builds every index after its load (bench/generate_pg.py).
  # Already running: used as it is (stop-bench first for new settings).
  if [ -d "$bench/data" ] && as_owner "$bindir/pg_ctl" -D "$bench/data" status >/dev/null 2>&1; then
    echo "postgresql://postgres@127.0.0.1:$port/prasan"
    exit 0
  fi
  [ -d "$bench/data" ] || create "$bench"
  run "$bench" "-c shared_buffers=${PRASAN_PG_SHARED_BUFFERS:-1GB} -c work_mem=${PRASAN_PG_WORK_MEM:-32MB} \
    -c maintenance_work_mem=512MB -c effective_cache_size=${PRASAN_PG_CACHE:-4GB} -c random_page_cost=1.1 \
    -c effective_io_concurrency=200 -c jit=off -c max_wal_size=8GB -c checkpoint_timeout=30min \
    -c wal_level=minimal -c max_wal_senders=0"
  ;;
stop-bench) halt "$bench" ;;
remove-bench)
  halt "$bench"
  rm -rf "$bench"
  ;;
*) echo "usage: $0 start|stop|start-bench|stop-bench|remove-bench" >&2; exit 2 ;;
esac
