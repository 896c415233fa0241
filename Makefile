# claimledger: make targets. `make demo` ingests the demo corpus and prints a summary;
# `make test` runs the whole test suite. Both build .venv with python3 first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := ledger.db

CHROMIUM := /usr/bin/chromium

.PHONY: demo test clean system

demo: $(VENV)/.installed
	$(BIN)/claimledger --db $(DB) ingest examples/corpus/*.txt
	$(BIN)/claimledger --db $(DB) summary
	@if [ "$${DEMO_SERVE:-1}" != 0 ] && $(BIN)/claimledger serve --help >/dev/null 2>&1; then $(BIN)/claimledger --db $(DB) serve; fi

test: $(VENV)/.installed-dev system
	$(BIN)/python -m pytest -q

# Debian packages the tests need: Chromium for the browser tests, Pango and fonts for
# WeasyPrint's PDF briefings, PostgreSQL for the PostgreSQL ledger tests. Installed when
# missing and we are root; otherwise stop at once with the one command that installs them.
system:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	        echo "installing Debian packages for the tests:$$missing"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	    else \
	        echo "error: missing Debian packages; install them with: sudo apt-get install$$missing" >&2; \
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
