# Hearth's everyday commands. `make run` and `make test` are the two a newcomer needs.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# pyenv picks the version in .python-version; elsewhere the first python3.13/3.12 on PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13 || command -v python3.12 || command -v python3)
MANAGE := $(BIN)/python manage.py

.PHONY: setup run test lint format lock bench messages clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Hearth needs Python 3.12 or newer; found " + sys.version.split()[0] + ". Install it (pyenv install 3.13) or set PYTHON=/path/to/python3.13.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	@mkdir -p var
	@touch $@

# The charts' library comes from npm, pinned in package-lock.json (served as static files).
node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "Hearth needs npm (Node.js) for its chart library: run scripts/check-system-packages, or install npm (Debian/Ubuntu: apt-get install npm)." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

run: setup
	HEARTH_LOCAL=1 $(MANAGE) migrate --no-input
	HEARTH_LOCAL=1 $(MANAGE) load_content
	@echo "Hearth is running on http://127.0.0.1:$(PORT)  (try: $(MANAGE) seed_demo)"
	@# Beside the web server, nudges: the task worker that sends their e-mails, and
	@# send_due_nudges once a minute. Both stop when the server stops (docs/nudges.md).
	@export HEARTH_LOCAL=1; \
	$(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	$(MANAGE) send_due_nudges --every 60 --verbosity 0 & sender=$$!; \
	trap 'kill $$worker $$sender 2>/dev/null; wait $$worker $$sender 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup
	@bash scripts/check-system-packages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	HEARTH_LOCAL=1 $(BIN)/mypy hearth

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks report figures (tests never time anything); results also go to var/bench.json.
# In a database of their own under var/bench/: the message coach on one core (taskset); the
# due nudges of 100,000 couples; the daily pages at one week and five years of history;
# then Hearth under production servers and Locust (docs/deploy.md), on SQLite and, when
# PostgreSQL answers at BENCH_POSTGRES, there too. About 11 minutes on 2 cores; the whole
# server comparison in docs/deploy.md (uvicorn too, and gunicorn on PostgreSQL) takes about
# 22, so it is asked for by name:
# make bench BENCH_SERVERS=granian,gunicorn,uvicorn BENCH_POSTGRES_SERVERS=granian,gunicorn
BENCH_COUPLES ?= 100000
BENCH_SECONDS ?= 60
BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432/hearth_bench
BENCH_SERVERS ?= granian,gunicorn
BENCH_POSTGRES_SERVERS ?= granian
BENCH_ENV := HEARTH_LOCAL=1 HEARTH_VAR_DIR=$(CURDIR)/var/bench
bench: setup
	@mkdir -p var
	rm -rf var/bench var/bench.json
	$(shell command -v taskset >/dev/null && echo taskset -c 0) $(BIN)/python -m hearth.talk.coach.evaluate \
		--goemotions hearth/talk/tests/data/goemotions/dev.tsv --json var/bench.json
	$(BENCH_ENV) $(MANAGE) migrate --no-input -v0
	$(BENCH_ENV) $(MANAGE) bench_nudges --couples $(BENCH_COUPLES) --json var/bench.json
	$(BENCH_ENV) $(MANAGE) bench_pages --json var/bench.json
	$(BENCH_ENV) $(MANAGE) bench_load --label sqlite --servers $(BENCH_SERVERS) \
		--seconds $(BENCH_SECONDS) --json var/bench.json
	@if $(BIN)/python -c 'import sys, psycopg; psycopg.connect(sys.argv[1].rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()' '$(BENCH_POSTGRES)' 2>/dev/null; then \
		$(BIN)/python scripts/fresh-database '$(BENCH_POSTGRES)' && \
		$(BENCH_ENV) DATABASE_URL='$(BENCH_POSTGRES)' $(MANAGE) migrate --no-input -v0 && \
		$(BENCH_ENV) DATABASE_URL='$(BENCH_POSTGRES)' $(MANAGE) bench_load --label postgres \
			--servers $(BENCH_POSTGRES_SERVERS) --seconds $(BENCH_SECONDS) --json var/bench.json; \
	else echo "PostgreSQL does not answer at $(BENCH_POSTGRES): its load run is left out."; fi
	$(BIN)/python scripts/bench-summary var/bench.json

# After changing text: gather every marked text into locale/es/…/django.po, then (once it is
# translated) compile it. Needs GNU gettext (apt-get install gettext). docs/contributing.md.
messages: setup
	HEARTH_LOCAL=1 $(MANAGE) makemessages --locale es --no-obsolete --add-location file \
		--ignore 'node_modules/*' --ignore 'var/*' --ignore '*/tests/*' --ignore 'docs/*'
	HEARTH_LOCAL=1 $(MANAGE) compilemessages --locale es --ignore '.venv/*' --ignore 'node_modules/*'

# Re-pin every dependency after changing pyproject.toml.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.12 -o requirements.lock

clean:
	rm -rf $(VENV) var/test-artifacts
