"""The djtext command line: a typer app whose commands live in one module each."""
from __future__ import annotations

import gc

from djtext import regex_compile

regex_compile.install()  # before the commands' modules compile their patterns (identical patterns, faster)

from djtext.cli.app import app  # noqa: E402
from djtext.cli import clean_cmd, extract_cmd, report_cmd  # noqa: F401,E402  (register commands)

try:  # analysis commands (compare, cluster, plot) register themselves when present
    from djtext.cli import analysis_cmd  # noqa: F401
except ImportError as exc:  # pragma: no cover - only while the module is missing
    if "analysis_cmd" not in str(exc):
        raise
from djtext.cli import words_cmd  # noqa: F401,E402  (terms, kwic, discover)


# Allocations between two collections of the youngest generation (CPython's default: 700). A run
# allocates millions of short-lived rows, tokens and matches and makes few reference cycles, so
# the default spends ~4 % of a run scanning objects that are freed anyway; cycles still go.
GC_YOUNG_THRESHOLD = 20_000


def main() -> None:
    """Entry point of the ``djtext`` console script."""
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    app()
