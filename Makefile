# Liftwell's two commands: `make run` (install and serve on SQLite) and `make test` (install and test).
# Each install step reruns only when pyproject.toml changed, so a second `make run` starts in seconds.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2

.PHONY: run test test-browser test-slow test-shared lint format ci clean help

help:
	@echo "make run           install Liftwell into $(VENV) and serve http://$(HOST):$(PORT) on SQLite"
	@echo "make test          install the dev tools and run the test suite"
	@echo "make test-browser  run the browser tests (needs Debian's chromium at /usr/bin/chromium)"
	@echo "make test-slow     the slow group: offline tests repeated ten times, the fault run"
	@echo "make lint          ruff check, ruff format --check and mypy"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Liftwell needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/liftwell serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test-browser: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m 'browser and not slow'

test-slow: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m slow

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy liftwell

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
