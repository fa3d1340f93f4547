"""Benchmark: extraction accuracy against gold annotations, with the shared tolerant scorer.

Runs the pipeline on ../shared/corpus and scores it against ../shared/gold/dev, then on the
project's own sample corpus data/raw against tests/gold_raw, and prints the scorer's figures.

usage: python bench/bench_accuracy.py [--verbose]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = (
    ("shared corpus vs gold/dev", SHARED / "corpus", SHARED / "gold" / "dev"),
    ("data/raw vs tests/gold_raw", ROOT / "data" / "raw", ROOT / "tests" / "gold_raw"),
)


def score(corpus: Path, gold: Path, verbose: bool) -> str:
    """Extract ``corpus`` into a temporary folder and return the scorer's report."""
    from djtext.export import write_tables
    from djtext.pipeline import run_corpus

    with tempfile.TemporaryDirectory() as tmp:
        write_tables(run_corpus(corpus).tables, Path(tmp))
        args = [sys.executable, str(SHARED / "gold" / "score.py"), tmp, str(gold)]
        if verbose:
            args.append("--json")
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def main(argv: list[str]) -> int:
    """Score every available corpus/gold pair and print the figures."""
    verbose = "--verbose" in argv
    for label, corpus, gold in SETS:
        if not corpus.is_dir() or not gold.is_dir() or not (SHARED / "gold" / "score.py").exists():
            print(f"{label}: skipped ({corpus} or {gold} missing)")
            continue
        print(f"== {label}")
        print(score(corpus, gold, verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
