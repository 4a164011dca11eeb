#!/usr/bin/env bash
# A throwaway PostgreSQL cluster under var/pgtest for the test suite: UTF-8 (C.UTF-8), pg_trgm,
# run as a non-root user. `pg.sh start` prints the database URL; `pg.sh stop` removes it all.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PRASAN_PG_PORT:-55432}"
root="$PWD/var/pgtest-$port"
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

case "${1:-}" in
start)
  "$0" stop >/dev/null 2>&1 || true
  mkdir -p "$root"
  # The cluster's owner must be able to reach var/ (clones under /root are not world-readable).
  dir="$root"; while [ "$dir" != "/" ]; do chmod o+x "$dir" 2>/dev/null || true; dir=$(dirname "$dir"); done
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$root"
  as_owner "$bindir/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log"
  as_owner "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -w -o \
    "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d template1 -qc "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres prasan
  echo "postgresql://postgres@127.0.0.1:$port/prasan"
  ;;
stop)
  if [ -d "$root/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$root"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
