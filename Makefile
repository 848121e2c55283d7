# The two commands: `make run` (demo site on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint pytest e2e screenshots clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: lint pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test

pytest: $(INSTALLED)
	$(BIN)/python -m pytest

e2e: $(INSTALLED)
	$(BIN)/python -m pytest tests/e2e

screenshots: $(INSTALLED)
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf $(VENV) var db.sqlite3 .pytest_cache .ruff_cache

# Production: PostgreSQL and Redis (docs/operations.md).
.PHONY: test-postgres

# The whole suite again on PostgreSQL and Redis: throwaway servers from Debian's packages.
test-postgres: $(INSTALLED)
	bin/with-services $(BIN)/python -m pytest
