"""Keyness (G², chi², p, log ratio) checked against hand computations."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from djtext.analysis.compare import region_keyness
from djtext.analysis.keyness import (
    contingency_stats, document_keyness, keyness, small_sample, small_sample_note, top_keyness,
)
from test_analysis_fixtures import make_tables


def test_two_by_two_against_hand_computation():
    # a=10 (item in target), b=5 (item in rest), c=90 (other items in target), d=195 (rest).
    # N=300; row totals 15, 285; column totals 100, 200.
    # Expected: E_a = 15*100/300 = 5, E_b = 10, E_c = 95, E_d = 190.
    # G² = 2*(10 ln(10/5) + 5 ln(5/10) + 90 ln(90/95) + 195 ln(195/190))
    #    = 2*(6.931472 - 3.465736 - 4.866050 + 5.065220) = 2*3.664906 = 7.329812
    # chi² = 5²/5 + 5²/10 + 5²/95 + 5²/190 = 5 + 2.5 + 0.263158 + 0.131579 = 7.894737
    # log ratio = log2((10/100)/(5/200)) = log2(4) = 2
    stats = contingency_stats(10, 5, 90, 195)
    assert stats["g2"] == pytest.approx(7.329812, abs=1e-5)
    assert stats["chi2"] == pytest.approx(7.894737, abs=1e-6)
    assert stats["log_ratio"] == pytest.approx(2.0)
    # p for chi²₁: P(X ≥ x) = erfc(sqrt(x/2)); for x = 7.894737 that is 0.004958
    assert stats["p_chi2"] == pytest.approx(0.004958, abs=1e-6)
    assert stats["p_g2"] == pytest.approx(math.erfc(math.sqrt(7.329812 / 2)), rel=1e-5)


def test_yates_correction_by_hand():
    # Same table; |O-E| = 5 everywhere, Yates uses 4.5: 4.5² * (1/5 + 1/10 + 1/95 + 1/190) = 6.394737
    assert contingency_stats(10, 5, 90, 195, yates=True)["chi2"] == pytest.approx(6.394737, abs=1e-6)


def test_under_represented_items_are_negative_and_zero_counts_use_half():
    # a=1 of 100 in the target, b=20 of 100 in the rest: rarer in the target, so negative
    stats = contingency_stats(1, 20, 99, 80)
    assert stats["g2"] < 0 and stats["chi2"] < 0 and stats["log_ratio"] == pytest.approx(math.log2(1 / 20))
    # b = 0: 0.5 is added to a and b, log2((2.5/10)/(0.5/10)) = log2(5) = 2.321928
    assert contingency_stats(2, 0, 8, 10)["log_ratio"] == pytest.approx(2.321928, abs=1e-6)
    # a rare item only in a big target keeps a positive ratio: log2((1.5/42)/(0.5/18)) = 0.362570
    one = contingency_stats(1, 0, 41, 18)
    assert one["g2"] > 0 and one["log_ratio"] == pytest.approx(0.362570, abs=1e-6)


def test_degenerate_tables_give_nan():
    assert math.isnan(contingency_stats(0, 0, 5, 5)["g2"])
    assert math.isnan(contingency_stats(3, 0, 2, 0)["chi2"])


def test_keyness_over_a_tiny_region_table():
    # Region X: item p ×3, q ×1 (total 4); region Y: p ×1, q ×4 (total 5). For X, p:
    # a=3, b=1, c=1, d=4, N=9, E = (4*4/9, 4*5/9, 5*4/9, 5*5/9) = (1.7778, 2.2222, 2.2222, 2.7778)
    # G² = 2*(3 ln(3/1.7778) + 1 ln(1/2.2222) + 1 ln(1/2.2222) + 4 ln(4/2.7778))
    #    = 2*(1.569744 - 0.798508 - 0.798508 + 1.458572) = 2.862603
    # chi² = 9*(3*4 - 1*1)² / (4*5*4*5) = 9*121/400 = 2.7225
    counts = pd.DataFrame({"region": ["X", "X", "Y", "Y"], "item": ["p", "q", "p", "q"], "count": [3, 1, 1, 4]})
    table = keyness(counts)
    row = table[(table["region"] == "X") & (table["item"] == "p")].iloc[0]
    assert (row["target_count"], row["rest_count"], row["target_total"], row["rest_total"]) == (3, 1, 4, 5)
    assert row["g2"] == pytest.approx(2.862603, abs=1e-5)
    assert row["chi2"] == pytest.approx(2.7225, abs=1e-4)
    q = table[(table["region"] == "X") & (table["item"] == "q")].iloc[0]
    assert q["g2"] < 0
    assert list(top_keyness(table, 1)["item"]) == ["p", "q"]


def test_region_keyness_skips_unattributed_targets():
    tables = make_tables()
    tables["formulations"].loc[4, "province"] = None
    scores = region_keyness(tables, "province", "formulations", basis="occurrences", min_count=1)
    assert "(unattributed)" not in set(scores["region"])
    # 5 rows: 浙江省 2, 宁夏 2, unattributed 1 (四个意识); the unattributed row stays in the
    # reference, so each region is 2 against a rest of 3
    assert set(scores["region"]) == {"浙江省", "宁夏回族自治区"}
    assert set(scores["target_total"]) == {2} and set(scores["rest_total"]) == {3}


@given(st.integers(0, 50), st.integers(0, 50), st.integers(1, 50), st.integers(1, 50))
def test_statistics_are_symmetric_and_nonnegative_in_size(a, b, c, d):
    one = contingency_stats(a, b, c, d)
    other = contingency_stats(b, a, d, c)
    if math.isnan(one["g2"]):
        return
    assert abs(one["g2"]) == pytest.approx(abs(other["g2"]), abs=1e-9)
    assert abs(one["chi2"]) == pytest.approx(abs(other["chi2"]), abs=1e-9)
    assert 0 <= one["p_g2"] <= 1 and 0 <= one["p_chi2"] <= 1


def test_document_keyness_counts_a_repeating_document_once():
    # region X: doc a repeats p 14 times; region Y: docs b, c use q once each; doc d (Y) uses p once
    occurrences = pd.DataFrame({
        "region": ["X"] * 14 + ["Y", "Y", "Y"],
        "item": ["p"] * 14 + ["q", "q", "p"],
        "doc": ["a"] * 14 + ["b", "c", "d"],
    })
    scores = document_keyness(occurrences, min_count=1)
    row = scores[(scores["region"] == "X") & (scores["item"] == "p")].iloc[0]
    # documents, not occurrences: a = 1 of X's 1 document, b = 1 of Y's 3 documents
    assert (row["target_count"], row["rest_count"], row["target_total"], row["rest_total"]) == (1, 1, 1, 3)
    assert row["small_sample"]
    assert row["p_g2"] > 0.05  # one document is no evidence


def test_min_count_drops_items_of_a_single_document_and_one_vs_zero():
    occurrences = pd.DataFrame({"region": ["X", "Y", "Y"], "item": ["solo", "q", "q"], "doc": ["a", "b", "c"]})
    scores = document_keyness(occurrences)  # default min_count = 2
    assert "solo" not in set(scores["item"]) and "q" in set(scores["item"])
    assert set(document_keyness(occurrences, min_count=1)["item"]) == {"solo", "q"}


def test_small_sample_flag_and_note():
    assert small_sample(1, 0, 0, 4) and not small_sample(50, 40, 60, 50)
    frame = pd.DataFrame({"small_sample": [True, False]})
    assert "1 of 2" in small_sample_note(frame)
    assert small_sample_note(pd.DataFrame({"small_sample": [False]})) is None
