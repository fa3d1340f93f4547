"""End to end on the project's sample corpus (data/raw/, written for the project): every file read by
djtext.corpus and cleaned must match its clean original in tests/expected/ (whitespace ignored)."""
from __future__ import annotations

from pathlib import Path

import pytest

from djtext.clean import clean_text
from noise import break_f1, cer

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
EXPECTED = ROOT / "tests" / "expected"
PAIRS = sorted(
    (p, EXPECTED / f"{p.stem}.txt") for p in RAW.glob("*") if p.is_file() and (EXPECTED / f"{p.stem}.txt").is_file()
) if RAW.is_dir() else []
pytestmark = pytest.mark.skipif(not PAIRS, reason="no sample corpus with expected clean texts yet")


@pytest.mark.parametrize(("raw_path", "expected_path"), PAIRS, ids=[p.name for p, _ in PAIRS])
def test_sample_file_cleans_to_its_expected_text(raw_path: Path, expected_path: Path) -> None:
    from djtext.corpus import read_document

    document = read_document(raw_path, RAW)
    assert not document.error, document.error
    got = clean_text(document.text).text
    expected = expected_path.read_text(encoding="utf-8").strip()
    assert cer(expected, got) <= 0.003
    assert break_f1(expected.split("\n"), got.split("\n")) >= 0.95
