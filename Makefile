# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/playbook
export DJANGO_DEBUG ?= 1

.PHONY: run serve test setup browser-deps checkers bench-deps bench bench-pages bench-live bench-crowd bench-search bench-dilemmas bench-api bench-floods lint format messages clean

# A Python >= 3.12: whatever `python3` is (pyenv reads .python-version), else python3.12/3.13.
PYTHON_FOR_VENV := $(shell for p in python3 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON_FOR_VENV)" ]; then \
		echo "error: Python 3.12 or newer is needed, and none was found on PATH." >&2; \
		echo "fix: install it (e.g. 'pyenv install 3.12' — .python-version asks for 3.12)," >&2; \
		echo "     or run: make run PYTHON_FOR_VENV=/path/to/python3.12" >&2; \
		exit 1; \
	fi
	@[ -x $(PY) ] || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

setup: $(VENV)/.installed

# Serve the whole playbook on http://127.0.0.1:8000 (SQLite under var/ unless DATABASE_URL is set).
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_playbook
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's Chromium (fonts-nanum makes Korean visible in screenshots).
CHROMIUM := /usr/bin/chromium
browser-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum; \
		else \
			echo "error: the browser tests need Chromium at $(CHROMIUM)" >&2; \
			echo "fix: sudo apt-get install chromium fonts-nanum" >&2; \
			exit 1; \
		fi; \
	fi

# The checkers the tests run over every page (package.json): the Nu Html Checker (vnu.jar,
# run with the machine's Java 17+) and axe-core, into node_modules/. --ignore-scripts: vnu-jar's
# install script would download a Java of its own; the machine's is used instead.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "warning: npm is missing, so the HTML and accessibility checks will be skipped" >&2; \
		echo "fix: sudo apt-get install npm" >&2; \
	fi

checkers: node_modules/.installed

# Production serving: DEBUG off (DJANGO_SECRET_KEY must be set), hashed static files,
# gunicorn with config/gunicorn.py. See docs/deploy.md, which also says how to schedule
# `manage.py end_stale_coverage` and `manage.py expire_assessments`.
serve: setup
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput
	DJANGO_DEBUG=0 $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi

# The whole test suite on PostgreSQL: DATABASE_URL if set, else the server on 127.0.0.1:5432.
test: setup browser-deps checkers
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; \
	if ! $(PY) -c "import os, psycopg, dj_database_url as d; c = d.parse(os.environ['DATABASE_URL']); \
psycopg.connect(dbname='postgres', user=c['USER'] or None, password=c['PASSWORD'] or None, host=c['HOST'] or None, port=c['PORT'] or None, connect_timeout=3).close()" 2>/dev/null; then \
		echo "error: no PostgreSQL answers at $$DATABASE_URL" >&2; \
		echo "fix: start one (e.g. 'pg_ctlcluster --skip-systemctl-redirect 15 main start')," >&2; \
		echo "     or set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME" >&2; \
		exit 1; \
	fi; \
	if ! $(PY) -c "import redis; redis.Redis(host='127.0.0.1', port=6379, socket_timeout=3).ping()" 2>/dev/null; then \
		echo "error: no Redis answers at 127.0.0.1:6379 (the shared-cache and fault tests use it)" >&2; \
		echo "fix: start it, e.g. 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\"'" >&2; \
		exit 1; \
	fi; \
	if [ -n "$(PYTEST_ARGS)" ]; then exec $(VENV)/bin/pytest $(PYTEST_ARGS); fi; \
	$(VENV)/bin/pytest && $(VENV)/bin/pytest -m faults tests/faults

# Benchmarks (not part of the tests): ratios against a static file from the same server.
bench-deps:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
		else echo "error: the benchmarks need wrk: sudo apt-get install wrk" >&2; exit 1; fi; }

bench-live: setup bench-deps
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.live

bench-pages: setup bench-deps
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.pages

# The API's principle list and other endpoints against a static file, with the load (uptime).
bench-api: setup bench-deps
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.api

# 1,000 readers polling a live section while an editor posts every 5 s (BENCH_READERS…).
bench-crowd: setup
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.crowd

# Search over 10,000 generated rows, every signal on: p50/p95 of 50 mixed queries, semantic
# scoring alone, worker memory with the model loaded, the first search after a start.
bench-search: setup
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.search

# A reader's dilemma: the defences' answers and the time from approval to the public page.
bench-dilemmas: setup
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.dilemmas

bench-floods: setup
	@export DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}"; $(PY) -m bench.floods

# Every benchmark, one after the other.
bench: bench-pages bench-api bench-live bench-crowd bench-search bench-dilemmas bench-floods

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Rebuild both catalogues after changing interface strings, then translate the new Korean
# entries in locale/ko (tests/pages/test_catalogues.py fails until every one is) and run
# `make messages` again to compile.
messages: setup
	$(PY) manage.py makemessages -l ko -l en --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules
