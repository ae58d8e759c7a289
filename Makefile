# claimwatch — set-up and everyday commands. See README.md.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
STAMP   = $(VENV)/.installed

.PHONY: install run test bench eval system-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test,spark,eval]'
	touch $(STAMP)

install: $(STAMP)

# The demo: extract the seed article, ingest a small corpus into an embedded SQLite
# store, reconcile it, and print the seed's claims in the table view.
run: install
	$(PY) scripts/demo.py

# Installs the system packages the tests need (PostgreSQL, Chromium + ChromeDriver,
# Java is already on the machine), then runs the whole suite; the tests start and
# stop the servers they need themselves.
system-deps:
	bash scripts/install-system-deps.sh

test: install system-deps
	$(PY) -m pytest -q -p no:cacheprovider

bench: install
	$(PY) benchmarks/run_all.py

eval: install
	$(PY) -m claimwatch.evaluate.suite

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis artifacts
