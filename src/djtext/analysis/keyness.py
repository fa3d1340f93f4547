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

``document_keyness`` (the default of `djtext compare` and `djtext terms`) counts documents, not
occurrences: the units are (document, region) pairs, a = the region's documents with the item,
c = its documents without it, b and d the same for the other regions. One document repeating a
name fourteen times then counts once. Items seen fewer than ``min_count`` times in all (a + b)
get no score (so an item of one document never looks key), and ``small_sample`` marks rows
whose smallest expected cell is below 5, where the chi-square p-values are not reliable.
"""
from __future__ import annotations

import math

import pandas as pd
from scipy.stats import chi2 as chi2_dist

KEYNESS_COLUMNS = (
    "region", "item", "target_count", "rest_count", "target_total", "rest_total",
    "g2", "chi2", "p_g2", "p_chi2", "log_ratio", "small_sample",
)
BASES = ("documents", "occurrences")
DEFAULT_MIN_COUNT = 2
SMALL_EXPECTED = 5.0


def small_sample(a: int, b: int, c: int, d: int) -> bool:
    """True when an expected cell of the 2×2 table is below 5 (chi-square p-values unreliable)."""
    n = a + b + c + d
    if n == 0:
        return True
    rows, cols = (a + b, c + d), (a + c, b + d)
    return min(r * k / n for r in rows for k in cols) < SMALL_EXPECTED


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


def keyness(counts: pd.DataFrame, *, yates: bool = False, skip_regions: tuple[str, ...] = (),
            min_count: int = 1) -> pd.DataFrame:
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
            if a == 0 or a + b < min_count:
                continue
            stats = contingency_stats(a, b, target_total - a, rest_total - b, yates=yates)
            rows.append({"region": region, "item": item, "target_count": a, "rest_count": b,
                         "target_total": target_total, "rest_total": rest_total, **stats,
                         "small_sample": small_sample(a, b, target_total - a, rest_total - b)})
    frame = pd.DataFrame(rows, columns=KEYNESS_COLUMNS)
    if frame.empty:
        return frame
    frame = frame.sort_values(["region", "g2", "item"], ascending=[True, False, True], kind="mergesort")
    return frame.reset_index(drop=True)


def document_keyness(occurrences: pd.DataFrame, *, region_docs: pd.DataFrame | None = None, yates: bool = False,
                     skip_regions: tuple[str, ...] = (), min_count: int = DEFAULT_MIN_COUNT) -> pd.DataFrame:
    """Keyness on documents from a long table (region, item, doc); see the module docstring.

    ``region_docs`` (columns region, doc) lists every document of every region, also those
    without the item table's rows; by default the documents of ``occurrences`` are used.
    """
    if occurrences.empty:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    pairs = (region_docs if region_docs is not None and not region_docs.empty else occurrences)[["region", "doc"]]
    pairs = pd.concat([pairs, occurrences[["region", "doc"]]]).drop_duplicates()
    totals = pairs.groupby("region")["doc"].size()
    grand = int(totals.sum())
    present = occurrences[["region", "item", "doc"]].drop_duplicates()
    counts = present.groupby(["region", "item"]).size().rename("a").reset_index()
    item_totals = counts.groupby("item")["a"].sum()
    occurrences_of = occurrences.groupby(["region", "item"]).size()  # tie-break: more uses first
    rows = []
    for region, item, a in counts.itertuples(index=False):
        if region in skip_regions:
            continue
        a, target_total = int(a), int(totals[region])
        b, rest_total = int(item_totals[item]) - a, grand - target_total
        if rest_total == 0 or a + b < min_count:
            continue
        c, d = target_total - a, rest_total - b
        stats = contingency_stats(a, b, c, d, yates=yates)
        rows.append({"region": region, "item": item, "target_count": a, "rest_count": b,
                     "target_total": target_total, "rest_total": rest_total, **stats,
                     "small_sample": small_sample(a, b, c, d), "_uses": int(occurrences_of[(region, item)])})
    frame = pd.DataFrame(rows, columns=KEYNESS_COLUMNS + ("_uses",))
    if frame.empty:
        return frame[list(KEYNESS_COLUMNS)]
    frame = frame.sort_values(["region", "g2", "_uses", "item"], ascending=[True, False, False, True], kind="mergesort")
    return frame[list(KEYNESS_COLUMNS)].reset_index(drop=True)


def small_sample_note(frame: pd.DataFrame) -> str | None:
    """A one-line warning when keyness rows rest on small expected counts (None when none do)."""
    if frame.empty or "small_sample" not in frame:
        return None
    flagged = int(frame["small_sample"].fillna(False).astype(bool).sum())
    if not flagged:
        return None
    return (f"small sample: {flagged} of {len(frame)} keyness rows have an expected count below 5 "
            "(few documents); read their G², chi² and p as descriptive, not as tests")


def top_keyness(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` most distinctive (highest positive G²) items of each region."""
    if frame.empty:
        return frame
    positive = frame[frame["g2"] > 0]
    return positive.groupby("region", sort=True, group_keys=False).head(n).reset_index(drop=True)
