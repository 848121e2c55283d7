# The two commands: `make run` (demo site on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# How many pytest-xdist processes share out the tests: auto, one per CPU; 0, none (one process).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

.PHONY: run test lint pytest e2e screenshots messages clean

# The Debian packages a target needs (chromium, PostgreSQL, ...), checked before it runs:
# installed if missing where we are root with apt, as on CI; otherwise the command to run.
PACKAGE_CHECKS := $(addprefix packages-,test e2e screenshots test-postgres test-scaleout bench)
.PHONY: $(PACKAGE_CHECKS)
$(PACKAGE_CHECKS): packages-%:
	bin/system-packages $*

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
# The task worker runs beside the web server: it sends the site's e-mail (printed here).
run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	PYTHON=$(BIN)/python bin/with-worker $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: packages-test lint pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test

# The plugin's tests run against their own minimal host site (tests/host); the rest against
# the demo site (tests/settings_selector.py picks the settings).
pytest: packages-test $(INSTALLED)
	$(PYTEST) tests/plugin
	$(PYTEST)

e2e: packages-e2e $(INSTALLED)
	$(PYTEST) tests/e2e

screenshots: packages-screenshots $(INSTALLED)
	$(BIN)/python docs/screenshots.py

# Each app's .po files regenerated from the code (the blog's without its sub-apps), compiled.
# Wagtail admin templates we override keep Wagtail's own words, and Wagtail's translations.
LOCALES := es
MAKEMESSAGES := $(CURDIR)/$(BIN)/django-admin makemessages --no-obsolete \
    --ignore='templates/wagtailadmin/*' $(addprefix --locale=,$(LOCALES))
messages: $(INSTALLED)
	for app in blog/core blog/pagecache blog/comments blog/discovery blog/transfer blog/review therapies; do \
	    (cd $$app && $(MAKEMESSAGES)) || exit 1; \
	done
	cd blog && $(MAKEMESSAGES) --ignore='core/*' --ignore='pagecache/*' --ignore='comments/*' \
	    --ignore='discovery/*' --ignore='transfer/*' --ignore='review/*' --ignore='locale/*'
	for dir in blog therapies; do (cd $$dir && $(CURDIR)/$(BIN)/django-admin compilemessages) || exit 1; done

clean:
	rm -rf $(VENV) var db.sqlite3 .pytest_cache .ruff_cache

# Production: PostgreSQL and Redis (docs/operations.md).
.PHONY: test-postgres

# The whole suite again on PostgreSQL and Redis: throwaway servers from Debian's packages.
test-postgres: packages-test-postgres $(INSTALLED)
	bin/with-services sh -c '$(PYTEST) tests/plugin && $(PYTEST)'

# The production settings under gunicorn, on this machine over plain http at $(HOST):$(PORT),
# against the database and Redis that DATABASE_URL and REDIS_URL name, with the task worker
# beside it. Local media are served by Django here; a real site sits behind a proxy and runs
# the worker as a service of its own (docs/operations.md).
.PHONY: serve-production
serve-production: export DJANGO_SETTINGS_MODULE = config.settings.production
serve-production: export ALLOWED_HOSTS ?= $(HOST)
serve-production: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
serve-production: export HTTPS ?= false
serve-production: export SERVE_MEDIA ?= true
serve-production: $(INSTALLED)
	@for name in SECRET_KEY DATABASE_URL REDIS_URL; do \
	    printenv $$name >/dev/null || { echo "serve-production: set $$name (docs/operations.md)" >&2; exit 1; }; \
	done
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	PYTHON=$(BIN)/python bin/with-worker $(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT)

# Two gunicorn servers with the production settings over one PostgreSQL and one Redis: what is
# done through one must show on both at once (tests/scaleout).
.PHONY: test-scaleout
test-scaleout: packages-test-scaleout $(INSTALLED)
	bin/with-services $(BIN)/python -m pytest -m scaleout tests/scaleout

# Performance (docs/benchmarks.md): queries and server time at two data sizes, throughput
# against the static ceiling, the first view after a change, a commenting reader's visit, the
# moderation listing at 1,000,000 comments, comment posting on SQLite and, under
# bin/with-services, on PostgreSQL and Redis, and a network of blogs at scale there (issue 23).
.PHONY: bench bench-smoke bench-scale
bench: packages-bench $(INSTALLED)
	bin/with-services $(BIN)/python -m bench.run

# The network at scale alone (docs/benchmarks.md): 20 blogs grown to 1,000, 10,000 and
# 100,000 articles with 100 comments each, on PostgreSQL and Redis; 15-30 minutes.
bench-scale: packages-bench $(INSTALLED)
	bin/with-services $(BIN)/python -m bench.run --only scale

# The same harness at tiny sizes in a minute or two, the PostgreSQL phases included; CI runs it
# so the benchmark never rots.
bench-smoke: $(INSTALLED)
	bin/with-services $(BIN)/python -m bench.run --smoke

# One WordPress import of 300 posts and 3,000 comments into a throwaway database: time and
# queries per post (README, "Moving your blog here").
.PHONY: bench-import
bench-import: $(INSTALLED)
	$(BIN)/python -m bench.import_wordpress
