# Liftwell's two commands: `make run` (install and serve on SQLite) and `make test` (install and test).
# Each install step reruns only when pyproject.toml changed, so a second `make run` starts in seconds.
# Those resolve pyproject.toml's version ranges; CI and the container install the exact versions pinned
# in requirements.lock and requirements-runtime.lock instead (`make ci-install`, `make lock`).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2

.PHONY: run test test-browser test-slow test-shared screenshots lint format ci ci-install lock lock-upgrade clean help

help:
	@echo "make run           install Liftwell into $(VENV) and serve http://$(HOST):$(PORT) on SQLite"
	@echo "make test          install the dev tools and run the test suite"
	@echo "make test-browser  run the browser tests (needs Debian's chromium at /usr/bin/chromium)"
	@echo "make test-slow     the slow group: offline tests repeated ten times, the fault run"
	@echo "make screenshots   phone-size PNGs of the history and progress pages in /tmp/liftwell-screenshots"
	@echo "make lint          ruff, import contracts, template and JavaScript lint, mypy (Biome goes into ./node_modules)"
	@echo "make ci-install    install the exact versions in requirements.lock (what .ci/run does first)"
	@echo "make lock          pin pyproject.toml's dependencies again after editing it (keeps other pins)"
	@echo "make lock-upgrade  move every pin in the lock files to the newest version pyproject.toml allows"

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

# The lock files, with hashes: requirements.lock holds the runtime and dev packages (CI), and
# requirements-runtime.lock the runtime ones alone, at the same versions (the Dockerfile). Both are
# compiled for Python 3.11 on Linux; commit them with the pyproject.toml change that needed them.
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links

lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet 'pip-tools>=7.5,<8'
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --constraint requirements.lock --output-file requirements-runtime.lock pyproject.toml

lock-upgrade:
	$(MAKE) lock LOCK_ARGS=--upgrade

# Exactly the locked versions, hashes checked; `pip check` then fails if pyproject.toml's runtime
# dependencies ask for a package or version the lock does not hold (run `make lock`). Marks the dev
# install done for the targets below.
ci-install: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	$(BIN)/python -m pip check
	@touch $(VENV)/.installed $(VENV)/.installed-dev

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test-browser: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m 'browser and not slow'

test-slow: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m slow

# Not a test: pictures for a person to review, from a throwaway database (tests/browser/screenshots.py).
screenshots: $(VENV)/.installed-dev
	$(BIN)/python -m tests.browser.screenshots $(if $(OUT),--out $(OUT))

# Biome, the JavaScript linter, from the npm registry at the version package-lock.json pins, into ./node_modules
# (nothing global). Needs Node.js and npm (Debian: apt-get install nodejs npm).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Python style and errors, the import contracts (.importlinter), template lint (djlint's settings are in
# pyproject.toml), JavaScript lint (biome.jsonc; its warnings fail too), then types.
lint: $(VENV)/.installed-dev node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint liftwell --lint
	node_modules/.bin/biome lint --error-on-warnings
	$(BIN)/mypy liftwell tools

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info node_modules
