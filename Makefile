# HMS: the two commands are `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := backend/.venv
PY := $(VENV)/bin/python
MANAGE := cd backend && .venv/bin/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test system-deps install install-backend install-frontend install-e2e lint typecheck \
        backend-test fuzz migrations-check contract contract-check frontend-test frontend-build \
        e2e seed createadmin backup restore serve-production deploy-check production-smoke \
        collectstatic bench bench-day

help: ## List the targets
	@grep -E '^[a-zA-Z0-9_.-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

# --- installs (stamped, so a second run is instant) -------------------------------------------

$(VENV)/.installed: backend/requirements.txt backend/requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r backend/requirements-dev.txt
	touch $@

install-backend: $(VENV)/.installed ## Create backend/.venv with the pinned dependencies

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

install-frontend: frontend/node_modules/.installed ## Install the SPA's pinned npm packages

tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund
	touch $@

install-e2e: tests/node_modules/.installed ## Install Playwright (uses Debian's Chromium, see .ci/run)

system-deps: ## Debian packages the tests need (fonts, chromium, nginx); installs when root
	scripts/install-system-deps.sh

install: install-backend install-frontend install-e2e ## Install everything

# --- make run ----------------------------------------------------------------------------------

run: install-backend install-frontend frontend-build ## Install, migrate, load demo data, serve on HOST:PORT (default 127.0.0.1:8000)
	$(MANAGE) migrate --noinput
	$(MANAGE) icd10_load
	$(MANAGE) seed_demo
	@echo ""
	@echo "  HMS is starting on http://$(HOST):$(PORT)/  (API: /api/v1/, Swagger UI: /api/docs/)"
	@echo "  Demo logins are listed above (password for every demo account: see seed_demo output)."
	@echo "  Notification e-mails land in backend/sent-mail/; the scheduled jobs (reminders, no-shows,"
	@echo "  expiries, waitlist holds) run beside the server."
	@echo ""
	@# No Redis or Celery worker here: e-mails are sent in the server process after each commit,
	@# and Celery beat's schedule runs in a loop beside the server (stopped with it).
	cd backend && export HMS_SITE_URL="$${HMS_SITE_URL:-http://$(HOST):$(PORT)}" && \
		{ .venv/bin/python manage.py run_scheduled_jobs --loop & jobs=$$!; \
		  trap 'kill $$jobs 2>/dev/null' EXIT INT TERM; \
		  .venv/bin/python manage.py runserver $(HOST):$(PORT); }

seed: install-backend ## Load (or refresh) the demo data
	$(MANAGE) migrate --noinput
	$(MANAGE) icd10_load
	$(MANAGE) seed_demo

createadmin: install-backend ## Create an admin interactively
	$(MANAGE) createadmin

# --- make test ---------------------------------------------------------------------------------

test: system-deps lint typecheck migrations-check contract-check backend-test fuzz deploy-check frontend-test frontend-build production-smoke e2e ## Every check CI runs
	@echo "make test: every check passed"

lint: install-backend install-frontend ## ruff (lint + format check), the import layers and ESLint
	cd backend && .venv/bin/ruff check . && .venv/bin/ruff format --check .
	cd backend && .venv/bin/lint-imports
	cd frontend && npm run --silent lint

typecheck: install-backend install-frontend ## mypy (django-stubs) and tsc --noEmit
	cd backend && .venv/bin/mypy .
	cd frontend && npm run --silent typecheck

migrations-check: install-backend ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run --settings=config.settings.test

# pytest-xdist processes for the backend tests (each has a test database of its own).
PYTEST_WORKERS ?= 2

backend-test: install-backend ## pytest in PYTEST_WORKERS processes (on DATABASE_URL when set, else SQLite; needs no Redis)
	cd backend && .venv/bin/pytest -n $(PYTEST_WORKERS)

fuzz: install-backend ## schemathesis per role against the API on PostgreSQL ($$DATABASE_URL's server)
	cd backend && .venv/bin/python scripts/fuzz_api.py

contract: install-backend install-frontend ## Regenerate openapi.yaml and the SPA's schema.d.ts
	$(MANAGE) spectacular --settings=config.settings.test --file ../openapi.yaml --validate --fail-on-warn
	cd frontend && npm run --silent gen:api

contract-check: install-backend install-frontend ## Fail when openapi.yaml or schema.d.ts is stale, or a Python client does not generate cleanly
	@fresh="$$(mktemp "$${TMPDIR:-/tmp}/hms-openapi.XXXXXX.yaml")"; \
	trap 'rm -f "$$fresh"' EXIT; \
	$(MANAGE) spectacular --settings=config.settings.test --file "$$fresh" --validate --fail-on-warn && \
	{ diff -u "$(CURDIR)/openapi.yaml" "$$fresh" || { echo "openapi.yaml is stale: run 'make contract'"; exit 1; }; }
	cd frontend && npm run --silent check:api
	scripts/check-python-client.sh

frontend-test: install-frontend ## Vitest route-level tests
	cd frontend && npm run --silent test

frontend-build: install-frontend ## Production build of the SPA (frontend/dist)
	cd frontend && npm run --silent build

e2e: install-backend install-frontend install-e2e frontend-build ## Playwright journeys in Debian's Chromium
	cd tests && npm run --silent e2e

# --- deployment (docs/deployment.md) -----------------------------------------------------------

DEPLOY_PYTEST := $(VENV)/bin/pytest -c tests/deploy/pytest.ini tests/deploy
BACKUP ?= backups/hms-$(shell date -u +%Y%m%dT%H%M%SZ).dump

deploy-check: install-backend ## Static checks: compose schema, hadolint, shellcheck, deploy config tests
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml
	$(VENV)/bin/hadolint --no-color backend/Dockerfile deploy/web/Dockerfile
	$(VENV)/bin/shellcheck deploy/*.sh
	$(VENV)/bin/ruff check --config backend/pyproject.toml tests/deploy
	$(VENV)/bin/ruff format --check --config backend/pyproject.toml tests/deploy
	$(DEPLOY_PYTEST) -m "not smoke"

collectstatic: install-backend ## Collect production's static files into backend/staticfiles (skipped when current)
	deploy/collectstatic.sh

serve-production: install-backend frontend-build collectstatic ## gunicorn, production settings, PostgreSQL at DATABASE_URL, HTTP on HOST:PORT
	HOST=$(HOST) PORT=$(PORT) deploy/serve-production.sh

production-smoke: install-backend frontend-build collectstatic ## Start serve-production on a fresh PostgreSQL database and walk the real path
	$(DEPLOY_PYTEST) -m smoke

backup: ## pg_dump DATABASE_URL into BACKUP (default backups/hms-<UTC time>.dump)
	deploy/backup.sh "$(BACKUP)"

restore: ## Replace DATABASE_URL's tables with the dump BACKUP=... (needs CONFIRM=yes)
	@test -n "$(filter command line environment,$(origin BACKUP))" || \
		(echo "restore: name the dump, e.g. make restore BACKUP=backups/hms-20261126T0200Z.dump" && exit 2)
	deploy/restore.sh "$(BACKUP)"

# --- benchmark (never part of make test or CI; see backend/benchmarks/run.py) ------------------

BENCH_RUN := .venv/bin/python benchmarks/run.py

bench: install-backend ## Seed hms_bench, serve it with gunicorn, measure every endpoint with wrk (BENCH_SCALE=10, BENCH_MODE=day, ...)
	scripts/install-bench-deps.sh
	cd backend && $(BENCH_RUN)

bench-day: install-backend ## The mixed hospital day with locust (steps of users, then the shift-change burst)
	scripts/install-bench-deps.sh
	cd backend && BENCH_MODE=day $(BENCH_RUN)
