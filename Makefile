# claimledger: make targets. `make demo` ingests the demo corpus and prints a summary;
# `make test` runs the whole test suite. Both build .venv with python3 first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := ledger.db

.PHONY: demo test clean

demo: $(VENV)/.installed
	$(BIN)/claimledger --db $(DB) ingest examples/corpus/*.txt
	$(BIN)/claimledger --db $(DB) summary
	@if [ "$${DEMO_SERVE:-1}" != 0 ] && $(BIN)/claimledger serve --help >/dev/null 2>&1; then $(BIN)/claimledger --db $(DB) serve; fi

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

# Stamps: reinstall whenever pyproject.toml (the dependencies) changes. The demo needs
# the web extras for `serve`; the dev extras include them.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[web]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) $(DB) $(DB)-*
