# Prasan — `make run` serves the demo; `make test` runs the whole suite on SQLite and PostgreSQL.
SHELL := /bin/bash
VENV := .venv
PRASAN := $(VENV)/bin/prasan
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never

.PHONY: setup system-packages python-packages js-packages messages run serve test test-sqlite test-postgres bench bench-setup bench-documents bench-public load load-200 fuzz lint clean

setup: system-packages python-packages js-packages

system-packages:
	@bash scripts/system-packages.sh

python-packages:
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --root-user-action=ignore uv
	@uv sync --frozen --quiet

# axe-core (pinned in package-lock.json), which the browser tests inject into Chromium to check WCAG 2.1 AA.
# npm's registry is needed here only, never when the tests run; with the same lock file again, nothing to do.
js-packages:
	@cmp -s package-lock.json node_modules/.prasan-lock 2>/dev/null || { \
	  npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.prasan-lock; }

# Thai for Django's own messages: compile prasan/locale/th after editing a .po (the .mo files are committed,
# so an install needs no gettext; tests/web/test_locale.py fails while a .mo is older than its .po).
messages:
	@for po in prasan/locale/th/LC_MESSAGES/*.po; do msgfmt --check -o "$${po%.po}.mo" "$$po"; done

run: setup
	@$(PRASAN) secret-key
	@$(PRASAN) migrate --noinput -v0
	@$(PRASAN) collectstatic --noinput -v0
	@$(PRASAN) demo
	@echo "ประสานพร้อมใช้งานที่ http://$(HOST):$(PORT)/  (หยุดด้วย Ctrl+C)"
	@bash scripts/serve.sh $(HOST) $(PORT)

test: setup
	@bash scripts/test.sh

test-sqlite: python-packages
	@bash scripts/test.sh sqlite

test-postgres: python-packages
	@bash scripts/test.sh postgres

# SQLite, then PostgreSQL (a tuned cluster, scripts/pg.sh start-bench), each with BENCH_SIZE matters: about ten
# minutes on 2 cores the first time. The data stays (var/bench, var/pgbench-55433) and only what is missing is
# made next time. KEEP_PG=1 leaves PostgreSQL running; the results are also in var/bench/*.json.
BENCH_SIZE ?= 100000
BENCH_REPS ?= 40
bench: setup
	@echo "== ความเร็วบน SQLite ($(BENCH_SIZE) เรื่อง) =="
	@env -u PRASAN_BENCH_DATABASE_URL $(PRASAN) bench --size $(BENCH_SIZE) --reps $(BENCH_REPS) \
	  --json $${PRASAN_BENCH_DATA_DIR:-var/bench}/sqlite.json
	@echo "== ความเร็วบน PostgreSQL ($(BENCH_SIZE) เรื่อง) =="
	@url=$$(bash scripts/pg.sh start-bench) || exit 1; \
	  [ -n "$(KEEP_PG)" ] || trap 'bash scripts/pg.sh stop-bench' EXIT; \
	  PRASAN_BENCH_DATABASE_URL="$$url" $(PRASAN) bench --size $(BENCH_SIZE) --reps $(BENCH_REPS) \
	  --json $${PRASAN_BENCH_DATA_DIR:-var/bench}/postgresql.json

# LibreOffice (headless) for the document bench only: DOCX page counts as an office PC lays them out.
bench-setup: setup
	@bash scripts/system-packages.sh --bench

# Documents: render speed (PDF ≤ 150 ms, DOCX ≤ 30 ms median warm), pdftotext fidelity, PDF vs DOCX
# pages; then every form's signature page as the body grows across page boundaries, PDF and DOCX.
bench-documents: bench-setup
	@$(VENV)/bin/python bench/render_speed.py
	@PRASAN_TESTING=1 PRASAN_LIBREOFFICE=1 $(VENV)/bin/pytest -q -n 2 tests/documents/test_page_makeup.py

# The public site at 10,000 posts: home and post pages from the cache (p95 ≤ 20 ms), then 200 readers for 2
# minutes against gunicorn (no error). Its own database under var/bench-public, filled once (a few minutes).
bench-public: setup
	@$(VENV)/bin/python -m bench.public_site pages --json var/bench-public/pages.json
	@$(VENV)/bin/python -m bench.public_site readers --json var/bench-public/readers.json

# 50 people browsing, searching and updating for 5 minutes against gunicorn on the bench database (fill it
# with `make bench` first); prints requests/s, p50/p95 by page and every error, and keeps var/bench/load.json.
# LOAD_DB=postgresql: on the bench PostgreSQL cluster (started if need be, stopped after unless KEEP_PG=1), with
# its CPU, connections and lock waits beside gunicorn's. `make load-200`: 200 people on PostgreSQL.
LOAD_USERS ?= 50
LOAD_MINUTES ?= 5
LOAD_SIZE ?= $(BENCH_SIZE)
LOAD_DB ?= sqlite
load: setup
	@if [ "$(LOAD_DB)" = postgresql ]; then \
	  url=$$(bash scripts/pg.sh start-bench) || exit 1; \
	  [ -n "$(KEEP_PG)" ] || trap 'bash scripts/pg.sh stop-bench' EXIT; \
	  PRASAN_BENCH_DATABASE_URL="$$url" $(PRASAN) loadtest --users $(LOAD_USERS) --minutes $(LOAD_MINUTES) \
	    $(if $(LOAD_SIZE),--size $(LOAD_SIZE)) --json var/bench/load-postgresql-$(LOAD_USERS).json; \
	else \
	  $(PRASAN) loadtest --users $(LOAD_USERS) --minutes $(LOAD_MINUTES) \
	    $(if $(LOAD_SIZE),--size $(LOAD_SIZE)) --json var/bench/load.json; \
	fi

load-200:
	@$(MAKE) --no-print-directory load LOAD_DB=postgresql LOAD_USERS=200

# schemathesis over the whole API with many examples per operation (the suite runs the same with a few).
FUZZ_EXAMPLES ?= 300
fuzz: python-packages
	@PRASAN_TESTING=1 PRASAN_DATA_DIR="$$PWD/var/test" PRASAN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
	  $(VENV)/bin/pytest tests/api/test_fuzz.py -n 0

lint: python-packages
	@$(VENV)/bin/ruff check prasan tests bench

clean:
	rm -rf var/pgtest-* var/test
