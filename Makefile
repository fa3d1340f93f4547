# Two entry points for a fresh machine: `make demo` and `make test`. Both build .venv first.
# demo needs only djtext's core (a light venv: no torch, no HanLP); test adds torch (CPU) and the
# dev + hanlp extras into the same venv, and a headless Chromium for the report's browser tests.
# Either can run first; each builds what it lacks. The editable install's sources are byte-compiled
# once (compileall), so start-up stays fast where PYTHONDONTWRITEBYTECODE keeps Python from caching them.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
BASE   := $(VENV)/.installed-base
FULL   := $(VENV)/.installed-full

.PHONY: demo test bench venv browser clean-venv

$(BASE): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (djtext needs Python 3.11)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.'
	$(BIN)/python -m compileall -q src
	touch $(BASE)

$(FULL): $(BASE)
	# CPU build of torch first (pinned), so the hanlp extra does not pull a CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,hanlp]'
	$(BIN)/python -m compileall -q src
	touch $(FULL)

venv: $(FULL)

# Headless Chromium for tests/test_report_browser.py (Debian's package; installed when missing and
# apt-get is there as root, else those tests skip and say why).
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium (apt-get) for the report's browser tests"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
		|| { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } \
		|| echo "note: could not install chromium: the browser tests will skip"; \
	else echo "note: no chromium and no root apt-get: the browser tests will skip"; fi

demo: $(BASE)
	$(BIN)/python -m compileall -q src
	$(BIN)/djtext extract data/raw --out results/demo
	$(BIN)/djtext compare results/demo --by province
	$(BIN)/djtext cluster results/demo
	$(BIN)/djtext report results/demo --out results/demo/report.html

test: $(FULL) browser
	$(BIN)/python -m compileall -q src
	$(BIN)/python -m pytest

bench: $(FULL)
	$(BIN)/python bench/bench_clean.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_stages.py
	$(BIN)/python bench/bench_accuracy.py
	$(BIN)/python bench/bench_hostile.py
	$(BIN)/python bench/bench_scale.py

clean-venv:
	rm -rf $(VENV)
