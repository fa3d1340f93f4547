"""The djtext command line: a typer app whose commands live in one module each."""
from __future__ import annotations

from djtext.cli.app import app
from djtext.cli import clean_cmd, extract_cmd, report_cmd  # noqa: F401  (register commands)

try:  # analysis commands (compare, cluster, plot) register themselves when present
    from djtext.cli import analysis_cmd  # noqa: F401
except ImportError as exc:  # pragma: no cover - only while the module is missing
    if "analysis_cmd" not in str(exc):
        raise
from djtext.cli import words_cmd  # noqa: F401,E402  (terms, kwic, discover)


def main() -> None:
    """Entry point of the ``djtext`` console script."""
    app()
