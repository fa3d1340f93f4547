"""Region × item comparisons of the extraction tables: counts, documents and brands per region."""
from __future__ import annotations

import pandas as pd

from djtext.analysis.keyness import keyness

LEVELS = ("province", "city", "county")
ITEM_COLUMNS = {"brands": "name", "formulations": "text", "practices": "name", "slogans": "text"}
UNATTRIBUTED = "(unattributed)"
COUNT_COLUMNS = ("region", "item", "occurrences", "documents", "docs")
BRAND_COLUMNS = ("region", "brand", "kind", "unit", "documents", "docs")


class CompareError(ValueError):
    """An unknown region level or item table was asked for."""


def check_choice(by: str, what: str) -> None:
    """Raise CompareError unless ``by`` is a region level and ``what`` a comparable table."""
    if by not in LEVELS:
        raise CompareError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    if what not in ITEM_COLUMNS:
        raise CompareError(f"--what must be one of {', '.join(ITEM_COLUMNS)}, not {what!r}")


def _clean(series: pd.Series) -> pd.Series:
    return series.astype("object").where(series.notna(), "").map(lambda v: str(v).strip())


def items_by_region(tables: dict[str, pd.DataFrame], by: str, what: str) -> pd.DataFrame:
    """One row per occurrence of ``what`` with columns region, item, doc, unit (empty items dropped)."""
    check_choice(by, what)
    frame = tables.get(what, pd.DataFrame())
    if frame is None or frame.empty:
        return pd.DataFrame(columns=["region", "item", "doc", "unit"])
    out = pd.DataFrame({
        "region": _clean(frame[by]).replace("", UNATTRIBUTED) if by in frame else UNATTRIBUTED,
        "item": _clean(frame[ITEM_COLUMNS[what]]),
        "doc": _clean(frame["doc"]),
        "unit": _clean(frame["unit"]) if "unit" in frame else "",
    })
    return out[out["item"] != ""].reset_index(drop=True)


def _docs(values: pd.Series) -> str:
    return ", ".join(sorted(set(values)))


def region_item_counts(tables: dict[str, pd.DataFrame], by: str = "province", what: str = "brands") -> pd.DataFrame:
    """Region × item counts: occurrences, distinct documents and the documents' names."""
    long = items_by_region(tables, by, what)
    if long.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    grouped = long.groupby(["region", "item"], sort=True)
    out = grouped.agg(occurrences=("doc", "size"), documents=("doc", "nunique"), docs=("doc", _docs)).reset_index()
    out = out.sort_values(["region", "occurrences", "item"], ascending=[True, False, True], kind="mergesort")
    return out.reset_index(drop=True)[list(COUNT_COLUMNS)]


def region_matrix(counts: pd.DataFrame, value: str = "occurrences") -> pd.DataFrame:
    """The wide region × item matrix of ``value`` (regions as rows, zeros where absent)."""
    if counts.empty:
        return pd.DataFrame()
    return counts.pivot_table(index="region", columns="item", values=value, aggfunc="sum", fill_value=0)


def region_keyness(tables: dict[str, pd.DataFrame], by: str = "province", what: str = "brands", *, yates: bool = False) -> pd.DataFrame:
    """Keyness (G², chi², p, log ratio) of every item of each region against all other regions."""
    counts = region_item_counts(tables, by, what)
    long = counts.rename(columns={"occurrences": "count"})[["region", "item", "count"]]
    return keyness(long, yates=yates, skip_regions=(UNATTRIBUTED,))


def brands_by_region(tables: dict[str, pd.DataFrame], by: str = "province") -> pd.DataFrame:
    """Per region, its brands with kind, unit and the documents they come from (one row per brand·kind·unit)."""
    check_choice(by, "brands")
    brands = tables.get("brands", pd.DataFrame())
    if brands is None or brands.empty:
        return pd.DataFrame(columns=BRAND_COLUMNS)
    frame = pd.DataFrame({
        "region": _clean(brands[by]).replace("", UNATTRIBUTED),
        "brand": _clean(brands["name"]),
        "kind": _clean(brands["kind"]),
        "unit": _clean(brands["unit"]),
        "doc": _clean(brands["doc"]),
    })
    frame = frame[frame["brand"] != ""]
    grouped = frame.groupby(["region", "brand", "kind", "unit"], sort=True)
    out = grouped.agg(documents=("doc", "nunique"), docs=("doc", _docs)).reset_index()
    return out[list(BRAND_COLUMNS)].reset_index(drop=True)


COMPARISON_COLUMNS = COUNT_COLUMNS + (
    "rest_count", "target_total", "rest_total", "g2", "chi2", "p_g2", "p_chi2", "log_ratio",
)


def comparison_table(tables: dict[str, pd.DataFrame], by: str = "province", what: str = "brands", *, yates: bool = False) -> pd.DataFrame:
    """Region × item counts joined with their keyness against the other regions (one row each)."""
    counts = region_item_counts(tables, by, what)
    scores = region_keyness(tables, by, what, yates=yates).drop(columns=["target_count"], errors="ignore")
    if counts.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    merged = counts.merge(scores, on=["region", "item"], how="left")
    for name in ("rest_count", "target_total", "rest_total"):
        merged[name] = merged[name].astype("Int64")
    return merged[list(COMPARISON_COLUMNS)]
