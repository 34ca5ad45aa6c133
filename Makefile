# Two entry points: `make run` (service with the demo talent pool) and `make test` (gate + whole suite).
# Both create .venv and install the pinned dependencies (torch pinned to the CPU wheel) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint browser-deps clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock torch==2.13.0 -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/shortlist serve --demo

lint: install
	$(BIN)/ruff format --check models parsers matcher service evaluation tests
	$(BIN)/ruff check models parsers matcher service evaluation tests
	$(BIN)/mypy

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: browser tests will skip"

test: install browser-deps lint
	$(BIN)/pytest -n 2 -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
