"""Clean paragraphs corrupted by each noise class (tests/noise.py) must come back: CER <= 0.3 %
(whitespace ignored) and paragraph-break F1 >= 0.95, per class and mixed."""
from __future__ import annotations

import pytest

from noise import NOISES, break_f1, cer, generate, levenshtein, score

SEEDS = range(12)


def test_levenshtein_and_scores_are_right_on_known_pairs() -> None:
    assert levenshtein("政协党建", "政协党建") == 0
    assert levenshtein("政协党建", "政协建") == 1
    assert levenshtein("abc", "axcd") == 2
    assert cer("政协 党建\n品牌", "政协党建品牌") == 0.0
    assert break_f1(["甲乙", "丙丁"], ["甲乙", "丙丁"]) == 1.0
    assert break_f1(["甲乙", "丙丁"], ["甲乙丙丁"]) == 0.0


@pytest.mark.parametrize("noise", NOISES)
def test_each_noise_class_is_undone(noise: str) -> None:
    char_error, f1 = score([generate(seed, (noise,)) for seed in SEEDS])
    assert char_error <= 0.003, f"{noise}: CER {char_error:.4%}"
    assert f1 >= 0.95, f"{noise}: paragraph-break F1 {f1:.3f}"


def test_mixed_noise_is_undone() -> None:
    char_error, f1 = score([generate(1000 + seed) for seed in range(30)])
    assert char_error <= 0.003, f"mixed: CER {char_error:.4%}"
    assert f1 >= 0.95, f"mixed: paragraph-break F1 {f1:.3f}"
