# Two entry points for a fresh machine: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench venv clean-venv

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (djtext needs Python 3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU build of torch first (pinned), so the hanlp extra does not pull a CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,hanlp]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/djtext extract data/raw --out results/demo
	$(BIN)/djtext compare results/demo --by province
	$(BIN)/djtext cluster results/demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_clean.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_stages.py
	$(BIN)/python bench/bench_accuracy.py
	$(BIN)/python bench/bench_scale.py

clean-venv:
	rm -rf $(VENV)
