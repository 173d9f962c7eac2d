# The one way to do each thing: make run, make test, make lint, make bench.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# PostgreSQL for the second test run: the local server, database `test` (trust auth).
ORTAK_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
export ORTAK_TEST_DATABASE_URL
# make test runs one test process per core (pytest-xdist), each with its own test database
# and Redis database; a test file stays in one process, so its module fixtures are made once.
# PARALLEL= (empty) runs the suite in one process.
PARALLEL ?= -n auto --dist loadfile

.PHONY: run production setup test test-sqlite test-postgres lint bench browser clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

setup: $(VENV)/.installed
	@bash scripts/ensure-pango

## make run: set everything up, load the reference data and the sample articles, serve
## (with the development settings, chosen here: config.wsgi defaults to production); the
## server starts a worker of the task queue beside it (ortak serve)
run: export DJANGO_SETTINGS_MODULE = config.settings.dev
run: setup
	$(BIN)/ortak migrate --noinput
	$(BIN)/ortak load-reference
	$(BIN)/ortak ingest --publish --skip-known ortak/ingest/samples/*.txt
	$(BIN)/ortak demo
	$(BIN)/ortak demo-accounts
	$(BIN)/ortak collectstatic --noinput --verbosity 0
	$(BIN)/ortak serve

## make production: the production stack on this machine (PostgreSQL, Redis, gunicorn, two
## Celery workers, the scheduler), in the foreground until Ctrl+C; README.md, "Deployment"
production: setup
	@bash scripts/production.sh

## make test: the whole suite on SQLite, then the tests that reach the database again on
## PostgreSQL when it is reachable (conftest.py says why)
test: setup browser test-sqlite test-postgres

browser:
	@bash scripts/ensure-chromium

test-sqlite: setup
	@echo "== the suite on SQLite"
	env -u ORTAK_TEST_DATABASE_URL $(BIN)/pytest $(PARALLEL)

test-postgres: setup
	@if $(BIN)/python scripts/postgres_reachable.py "$$ORTAK_TEST_DATABASE_URL"; then \
		echo "== the suite on PostgreSQL ($$ORTAK_TEST_DATABASE_URL)"; \
		$(BIN)/pytest $(PARALLEL); \
	elif [ -n "$$ORTAK_REQUIRE_POSTGRES" ]; then \
		echo "!! PostgreSQL is required (ORTAK_REQUIRE_POSTGRES) but not reachable at $$ORTAK_TEST_DATABASE_URL"; \
		exit 1; \
	else \
		echo "!! PostgreSQL not reachable at $$ORTAK_TEST_DATABASE_URL: the PostgreSQL run is SKIPPED"; \
	fi

## make lint: exactly what CI checks
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/ortak makemigrations --check --dry-run
	env ORTAK_SECRET_KEY=lint-only-$$RANDOM$$RANDOM$$RANDOM$$RANDOM-not-a-real-secret-key-value DATABASE_URL=sqlite:///:memory: \
		DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/ortak check --deploy --fail-level WARNING

## make bench: every benchmark, printing figures and ratios against their targets
bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache
