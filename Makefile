# claimledger: make targets. `make demo` ingests the demo corpus and prints a summary;
# `make test` runs the whole test suite. Both build .venv with python3 first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := ledger.db

CHROMIUM := /usr/bin/chromium

.PHONY: demo test clean chromium

demo: $(VENV)/.installed
	$(BIN)/claimledger --db $(DB) ingest examples/corpus/*.txt
	$(BIN)/claimledger --db $(DB) summary
	@if [ "$${DEMO_SERVE:-1}" != 0 ] && $(BIN)/claimledger serve --help >/dev/null 2>&1; then $(BIN)/claimledger --db $(DB) serve; fi

test: $(VENV)/.installed-dev chromium
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's Chromium: install it when missing and we are root,
# else stop at once with the one command that installs it.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	    if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	        echo "installing Debian's chromium for the browser tests"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	    else \
	        echo "error: $(CHROMIUM) is missing; install it with: sudo apt-get install chromium" >&2; \
	        exit 2; \
	    fi; \
	fi

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
