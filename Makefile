# Prasan — `make run` serves the demo; `make test` runs the whole suite on SQLite and PostgreSQL.
SHELL := /bin/bash
VENV := .venv
PRASAN := $(VENV)/bin/prasan
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never

.PHONY: setup system-packages python-packages run serve test test-sqlite test-postgres bench lint clean

setup: system-packages python-packages

system-packages:
	@bash scripts/system-packages.sh

python-packages:
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --root-user-action=ignore uv
	@uv sync --frozen --quiet

run: setup
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

bench: setup
	@$(PRASAN) migrate --noinput -v0
	@$(PRASAN) bench

lint: python-packages
	@$(VENV)/bin/ruff check prasan tests bench

clean:
	rm -rf var/pgtest-* var/test
