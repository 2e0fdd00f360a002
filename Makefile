# Two commands do all the set-up: `make run` (the nightly job on the bundled sample sites)
# and `make test`. Both create .venv and install the locked dependencies first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
DATA_DIR ?= data

.PHONY: run test install lint lock benchmark evaluate clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/chinasci run --config config/sample.toml --data-dir $(DATA_DIR)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

evaluate: $(STAMP)
	$(BIN)/chinasci evaluate --gold tests/gold

benchmark: $(STAMP)
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/gate_speed.py
	$(BIN)/python benchmarks/fetch_memory.py

# Re-pin every dependency (needs the package registry): edit pyproject.toml, then `make lock`.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml requirements-build.in --extra dev \
	    --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DATA_DIR)
