# Two commands: `make site` (set up and build) and `make test` (run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACK ?=
GUIDE ?=
PACK_ARG := $(if $(PACK),--pack $(PACK),)
GUIDE_ARG := $(if $(GUIDE),--guide $(GUIDE),)

.PHONY: site serve test check lint bench linkcheck clean setup schema

site: $(VENV)/.installed
	$(BIN)/python build.py build $(PACK_ARG)

serve: $(VENV)/.installed
	$(BIN)/python build.py serve $(PACK_ARG) $(GUIDE_ARG)

check: $(VENV)/.installed
	$(BIN)/python build.py check $(PACK_ARG)

# Rewrites schema/*.json (the front matter schemas for editors) from the content model.
schema: $(VENV)/.installed
	$(BIN)/python build.py schema

test: $(VENV)/.installed-test
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

clean:
	rm -rf site .site-build-* .site-old-* .cache $(VENV)
