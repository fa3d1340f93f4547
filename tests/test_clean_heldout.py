"""The cleaner on held-out noise (bench/heldout_noise.py, made independently of tests/noise.py):
CER <= 0.3 %, paragraph-break F1 >= 0.95 and idempotence, on a fixed set of documents."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_clean_heldout import score_seed  # noqa: E402


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_heldout_noise_is_undone(seed: int) -> None:
    char_error, f1, not_idempotent = score_seed(seed, 8)
    assert char_error <= 0.003, f"CER {char_error:.3%}"
    assert f1 >= 0.95, f"paragraph-break F1 {f1:.3f}"
    assert not_idempotent == 0
