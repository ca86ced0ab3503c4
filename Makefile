# Set-up and everyday tasks. `make examples` and `make test` each create the virtual
# environment (.venv) on first use, so on a fresh machine either one is the whole set-up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out
EXAMPLES := $(wildcard examples/*/lkjip-*.yaml)

.PHONY: setup examples test fuzz lint fmt templates docs bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

examples: setup
	@for f in $(EXAMPLES); do \
	  echo "== $$f"; \
	  $(VENV)/bin/lkjip validate $$f || exit 1; \
	  $(VENV)/bin/lkjip build $$f -o $(OUT)/$$(basename $$(dirname $$f)) -f docx -f pdf || exit 1; \
	done

# Bytecode written for the test run (__pycache__, ignored by git): where PYTHONDONTWRITEBYTECODE
# is set, each of the suite's processes (workers, lkjip subprocesses) would otherwise compile the
# package and rewrite the tests anew.
test: setup
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest

# Longer seeded fuzzing of the data, office packs and workbooks (the suite runs a few cases of
# each): FUZZ cases per fuzzer, FUZZ_SEED for another sequence.
FUZZ ?= 300
FUZZ_SEED ?= 1
fuzz: setup
	env -u PYTHONDONTWRITEBYTECODE LKJIP_FUZZ=$(FUZZ) LKJIP_FUZZ_SEED=$(FUZZ_SEED) $(PY) -m pytest \
	  tests/test_fuzz.py tests/test_fuzz_templat.py tests/test_fuzz_excel.py

lint: setup
	$(VENV)/bin/ruff check lkjip_gen tests tools benchmarks
	$(VENV)/bin/ruff format --check lkjip_gen tests tools benchmarks
	$(VENV)/bin/mypy lkjip_gen

fmt: setup
	$(VENV)/bin/ruff format lkjip_gen tests tools benchmarks
	$(VENV)/bin/ruff check --fix lkjip_gen tests tools benchmarks

templates: setup
	$(PY) tools/make_templates.py

docs: setup
	$(PY) -m lkjip_gen.data.fieldref docs/referensi-data.md
	$(PY) -m lkjip_gen.render.reference docs/model.md docs/referensi-templat.md

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info
