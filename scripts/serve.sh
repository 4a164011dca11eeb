#!/usr/bin/env bash
# Serve Prasan: the background-task worker (OCR, sending) and the web server, stopped together.
set -euo pipefail
cd "$(dirname "$0")/.."
host="${1:-127.0.0.1}" port="${2:-8000}"
data="${PRASAN_DATA_DIR:-var}"; mkdir -p "$data"
.venv/bin/prasan worker --interval 1 >"$data/worker.log" 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
.venv/bin/gunicorn prasan.wsgi -b "$host:$port" -w 3 --threads 4 --access-logfile - --log-level warning
