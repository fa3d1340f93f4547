"""Data-driven cases per fixer (tests/cases/clean/<fixer>.json): each fixer alone turns ``input`` into
``expected``; cases whose note starts with NEGATIVE are text that must not change."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from djtext.clean import clean_text, fixer_names

CASES_DIR = Path(__file__).parent / "cases" / "clean"


def _load() -> list[tuple[str, str, str, str]]:
    rows = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            rows.append((data["fixer"], case["input"], case["expected"], case["note"]))
    return rows


CASES = _load()


def test_every_fixer_has_cases_including_negative_ones() -> None:
    covered = {fixer for fixer, *_ in CASES}
    negative = {fixer for fixer, _, _, note in CASES if note.startswith("NEGATIVE")}
    assert covered == set(fixer_names()) - {"ocr_garbage"}  # a flag-only fixer: see test_clean_explain
    assert negative == covered


@pytest.mark.parametrize(("fixer", "raw", "expected", "note"), CASES, ids=[f"{c[0]}:{c[3][:40]}" for c in CASES])
def test_fixer_case(fixer: str, raw: str, expected: str, note: str) -> None:
    result = clean_text(raw, fixers=[fixer])
    assert result.text == expected, note
    if note.startswith("NEGATIVE"):
        assert raw == expected and not result.fixes
