"""Keyness of items per region against the rest: G² log-likelihood, Pearson chi², p and log ratio.

For a target region and an item, the 2×2 contingency table is

                 target    rest
    item           a        b
    other items    c        d

with a = occurrences of the item in the target, b = in all other regions, c = all other
item occurrences in the target, d = all other item occurrences in the rest. With
N = a+b+c+d and expected counts E_ij = row_i · col_j / N:

    G²   = 2 · Σ O_ij · ln(O_ij / E_ij)          (terms with O_ij = 0 contribute 0)
    chi² = Σ (O_ij − E_ij)² / E_ij               (no continuity correction by default;
           Yates: Σ (|O_ij − E_ij| − 0.5)² / E_ij)
    p    = P(χ²₁ ≥ statistic)                    (one degree of freedom)
    log_ratio = log2( (a / (a+c)) / (b / (b+d)) ), the effect size (Hardie 2014): +1 means
                twice as frequent in the target. When a or b is 0, 0.5 is added to both a and b
                (a Haldane-style correction) so the ratio is finite and keeps the sign of G².

Like quanteda's textstat_keyness, G² and chi² are signed: negative when the item is
relatively rarer in the target than in the rest.
"""
from __future__ import annotations

import math

import pandas as pd
from scipy.stats import chi2 as chi2_dist

KEYNESS_COLUMNS = (
    "region", "item", "target_count", "rest_count", "target_total", "rest_total",
    "g2", "chi2", "p_g2", "p_chi2", "log_ratio",
)


def contingency_stats(a: int, b: int, c: int, d: int, *, yates: bool = False) -> dict[str, float]:
    """G², chi², their p-values and the log ratio of one 2×2 table (signed by direction)."""
    n = a + b + c + d
    rows = (a + b, c + d)
    cols = (a + c, b + d)
    if n == 0 or 0 in rows or 0 in cols:
        nan = float("nan")
        return {"g2": nan, "chi2": nan, "p_g2": nan, "p_chi2": nan, "log_ratio": nan}
    observed = ((a, b), (c, d))
    g2 = 0.0
    chi2 = 0.0
    for i in range(2):
        for j in range(2):
            o = observed[i][j]
            e = rows[i] * cols[j] / n
            if o > 0:
                g2 += o * math.log(o / e)
            diff = abs(o - e) - 0.5 if yates else abs(o - e)
            chi2 += max(diff, 0.0) ** 2 / e
    g2 *= 2
    sign = 1.0 if a / cols[0] >= b / cols[1] else -1.0
    pad = 0.5 if a == 0 or b == 0 else 0.0
    ratio = math.log2(((a + pad) / cols[0]) / ((b + pad) / cols[1]))
    return {
        "g2": sign * g2,
        "chi2": sign * chi2,
        "p_g2": float(chi2_dist.sf(g2, 1)),
        "p_chi2": float(chi2_dist.sf(chi2, 1)),
        "log_ratio": ratio,
    }


def keyness(counts: pd.DataFrame, *, yates: bool = False, skip_regions: tuple[str, ...] = ()) -> pd.DataFrame:
    """Keyness of every (region, item) of a long count table (columns region, item, count).

    Every region is compared with all other regions pooled; regions in ``skip_regions`` (e.g.
    the unattributed rows) are not targets but stay in the reference. Rows are sorted by
    region, then G² descending, then item.
    """
    if counts.empty:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    matrix = counts.pivot_table(index="item", columns="region", values="count", aggfunc="sum", fill_value=0)
    grand = int(matrix.values.sum())
    item_totals = matrix.sum(axis=1)
    rows = []
    for region in sorted(matrix.columns):
        if region in skip_regions:
            continue
        target_total = int(matrix[region].sum())
        rest_total = grand - target_total
        if rest_total == 0 or target_total == 0:
            continue
        for item, a in matrix[region].items():
            a = int(a)
            b = int(item_totals[item]) - a
            if a == 0:
                continue
            stats = contingency_stats(a, b, target_total - a, rest_total - b, yates=yates)
            rows.append({"region": region, "item": item, "target_count": a, "rest_count": b,
                         "target_total": target_total, "rest_total": rest_total, **stats})
    frame = pd.DataFrame(rows, columns=KEYNESS_COLUMNS)
    if frame.empty:
        return frame
    frame = frame.sort_values(["region", "g2", "item"], ascending=[True, False, True], kind="mergesort")
    return frame.reset_index(drop=True)


def top_keyness(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` most distinctive (highest positive G²) items of each region."""
    if frame.empty:
        return frame
    positive = frame[frame["g2"] > 0]
    return positive.groupby("region", sort=True, group_keys=False).head(n).reset_index(drop=True)
