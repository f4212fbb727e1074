# Two commands: `make site` (set up and build) and `make test` (run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ENGINES := .cache/engines
PACK ?=
GUIDE ?=
PACK_ARG := $(if $(PACK),--pack $(PACK),)
GUIDE_ARG := $(if $(GUIDE),--guide $(GUIDE),)

.PHONY: site serve offline test check lint bench linkcheck clean setup schema engines

site: $(VENV)/.installed
	$(BIN)/python build.py build $(PACK_ARG)

# The offline edition, unpacked into offline/: open offline/index.html from disk.
offline: $(VENV)/.installed
	$(BIN)/python build.py build --offline $(PACK_ARG)

serve: $(VENV)/.installed
	$(BIN)/python build.py serve $(PACK_ARG) $(GUIDE_ARG)

check: $(VENV)/.installed
	$(BIN)/python build.py check $(PACK_ARG)

# Rewrites schema/*.json (the front matter schemas for editors) from the content model.
schema: $(VENV)/.installed
	$(BIN)/python build.py schema

test: $(VENV)/.installed-test $(ENGINES)/.installed
	$(BIN)/python tests/setup_browser.py
	$(BIN)/ruff check .
	$(BIN)/python build.py check
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# Checks the external links of the content; needs the network, so it is not part of `test`.
linkcheck: $(VENV)/.installed
	$(BIN)/python tools/linkcheck.py

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# ProperDocs and Zensical, each in its own virtual environment, for tests/test_engines.py.
engines: $(ENGINES)/.installed

$(ENGINES)/.installed: engines/properdocs.txt engines/zensical.txt constraints.txt pyproject.toml
	rm -rf $(ENGINES)/properdocs $(ENGINES)/zensical
	$(PYTHON) -m venv $(ENGINES)/properdocs
	$(ENGINES)/properdocs/bin/python -m pip install --quiet -c constraints.txt -r engines/properdocs.txt -e .
	$(PYTHON) -m venv $(ENGINES)/zensical
	$(ENGINES)/zensical/bin/python -m pip install --quiet -r engines/zensical.txt
	$(ENGINES)/zensical/bin/python -m pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf site offline .site-build-* .site-old-* .cache $(VENV)
