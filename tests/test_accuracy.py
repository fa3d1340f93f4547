"""Accuracy regression: extraction scored with the shared tolerant scorer against gold annotations.

The sample corpus (data/raw) is annotated in tests/gold_raw in the schema of
../shared/gold/SCHEMA.md; the shared dev gold annotates two real documents. The floors below sit
a little under today's scores, so a change that loses accuracy fails here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import shared_paths as _shared
from djtext.export import write_tables
from djtext.pipeline import run_corpus

ROOT = Path(__file__).resolve().parents[1]
SCORER = _shared.SHARED / "gold" / "score.py"
needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason=f"scorer not found at {SCORER}")


def score(corpus: Path, gold: Path, out: Path) -> dict:
    """Extract ``corpus`` into ``out`` and return the scorer's JSON report against ``gold``."""
    write_tables(run_corpus(corpus).tables, out)
    report = subprocess.run([sys.executable, str(SCORER), str(out), str(gold), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(report.stdout)


@needs_scorer
def test_sample_corpus_against_its_own_gold(tmp_path):
    report = score(ROOT / "data" / "raw", ROOT / "tests" / "gold_raw", tmp_path)
    assert report["brands"]["f1"] >= 0.9
    assert report["brands"]["region_accuracy"] >= 0.85
    assert report["formulations"]["f1"] >= 0.9
    assert report["lists"]["f1"] >= 0.9
    assert report["units"]["recall"] >= 0.6
    assert report["practices"]["f1"] >= 0.65


@needs_scorer
@pytest.mark.skipif(not _shared.GOLD_DEV.is_dir(), reason="dev gold not found")
def test_real_corpus_against_dev_gold(tmp_path):
    report = score(_shared.CORPUS, _shared.GOLD_DEV, tmp_path)
    assert report["brands"]["f1"] >= 0.9
    assert report["formulations"]["f1"] >= 0.9
    assert report["lists"]["f1"] >= 0.9
    assert report["units"]["recall"] >= 0.9
    assert report["practices"]["f1"] >= 0.8


WEBDEV = _shared.SHARED / "webdev"


@needs_scorer
@pytest.mark.skipif(not (WEBDEV / "gold").is_dir(), reason="webdev gold not found")
def test_real_web_pages_against_webdev_gold(tmp_path):
    """65 real web excerpts from 31 provinces (bench/bench_accuracy.py prints the per-half figures)."""
    report = score(WEBDEV / "texts", WEBDEV / "gold", tmp_path)
    assert report["brands"]["f1"] >= 0.95
    assert report["brands"]["region_accuracy"] >= 0.8
    assert report["formulations"]["f1"] >= 0.95
    assert report["lists"]["f1"] >= 0.95
    assert report["units"]["recall"] >= 0.95
    assert report["practices"]["f1"] >= 0.65
