"""Region × item comparisons of the extraction tables: counts, documents and brands per region."""
from __future__ import annotations

import pandas as pd

from djtext.analysis.keyness import BASES, DEFAULT_MIN_COUNT, document_keyness, keyness

LEVELS = ("province", "city", "county")
ITEM_COLUMNS = {"brands": "name", "formulations": "text", "practices": "name", "slogans": "text"}
UNATTRIBUTED = "(unattributed)"
COUNT_COLUMNS = ("region", "item", "occurrences", "documents", "docs")
SCOPES = ("national", "local")
REGION_TABLES = ("units", "brands", "formulations", "slogans", "lists", "practices")
BRAND_COLUMNS = ("region", "brand", "kind", "unit", "documents", "docs")


class CompareError(ValueError):
    """An unknown region level or item table was asked for."""


def national_items(lexicon=None) -> frozenset[str]:
    """Names of national (general, lexicon-listed) practices and formulations: the fallback scope."""
    from djtext.lexicon import load_lexicon

    lexicon = lexicon or load_lexicon()
    names = set(lexicon.column("practices", "name")) | set(lexicon.column("formulations", "text"))
    return frozenset(n.replace("“", "").replace("”", "") for n in names)


def item_scope(frame: pd.DataFrame, what: str, lexicon=None) -> pd.Series:
    """national or local per row: the table's own ``scope`` column when present, else the lexicon."""
    if frame is None or frame.empty:
        return pd.Series(dtype="object")
    if "scope" in frame and frame["scope"].notna().any():
        given = frame["scope"].astype("object").where(frame["scope"].notna(), "")
        return given.map(lambda v: "national" if str(v).strip().lower() == "national" else "local")
    national = national_items(lexicon)
    names = _clean(frame[ITEM_COLUMNS[what]]).map(lambda n: n.replace("“", "").replace("”", ""))
    return names.map(lambda n: "national" if n in national else "local")


def local_only(tables: dict[str, pd.DataFrame], lexicon=None) -> dict[str, pd.DataFrame]:
    """The tables without national items (formulations and practices; see ``item_scope``)."""
    out = dict(tables)
    for what in ("formulations", "practices"):
        frame = tables.get(what)
        if frame is not None and not frame.empty:
            out[what] = frame[item_scope(frame, what, lexicon) == "local"].reset_index(drop=True)
    return out


def region_documents(tables: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Every (region, doc) pair found in any extraction table (a document counts in each of its regions)."""
    parts = []
    for name in REGION_TABLES:
        frame = tables.get(name)
        if frame is None or frame.empty or "doc" not in frame:
            continue
        parts.append(pd.DataFrame({
            "region": _clean(frame[by]).replace("", UNATTRIBUTED) if by in frame else UNATTRIBUTED,
            "doc": _clean(frame["doc"]),
        }))
    if not parts:
        return pd.DataFrame(columns=["region", "doc"])
    return pd.concat(parts).drop_duplicates().reset_index(drop=True)


def documents_per_region(tables: dict[str, pd.DataFrame], by: str) -> pd.Series:
    """Number of documents of each region (its index), from ``region_documents``."""
    pairs = region_documents(tables, by)
    return pairs.groupby("region")["doc"].nunique() if not pairs.empty else pd.Series(dtype="int64")


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


def check_basis(basis: str) -> None:
    """Raise CompareError unless ``basis`` is documents or occurrences."""
    if basis not in BASES:
        raise CompareError(f"--count must be one of {', '.join(BASES)}, not {basis!r}")


def region_keyness(tables: dict[str, pd.DataFrame], by: str = "province", what: str = "brands", *, yates: bool = False,
                   basis: str = "documents", min_count: int = DEFAULT_MIN_COUNT) -> pd.DataFrame:
    """Keyness (G², chi², p, log ratio) of every item of each region against all other regions.

    ``basis`` documents (default) counts the documents of a region that use the item; occurrences
    counts rows. Items counted fewer than ``min_count`` times in all get no row.
    """
    check_basis(basis)
    if basis == "documents":
        return document_keyness(items_by_region(tables, by, what), region_docs=region_documents(tables, by),
                                yates=yates, skip_regions=(UNATTRIBUTED,), min_count=min_count)
    counts = region_item_counts(tables, by, what)
    long = counts.rename(columns={"occurrences": "count"})[["region", "item", "count"]]
    return keyness(long, yates=yates, skip_regions=(UNATTRIBUTED,), min_count=min_count)


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
    "keyness_on", "target_count", "rest_count", "target_total", "rest_total", "g2", "chi2", "p_g2", "p_chi2",
    "log_ratio", "small_sample",
)


def comparison_table(tables: dict[str, pd.DataFrame], by: str = "province", what: str = "brands", *, yates: bool = False,
                     basis: str = "documents", min_count: int = DEFAULT_MIN_COUNT) -> pd.DataFrame:
    """Region × item counts joined with their keyness against the other regions (one row each).

    The count columns (occurrences, documents, docs) describe the region; ``keyness_on`` names
    what the keyness columns (target_count … small_sample) count: documents or occurrences.
    """
    counts = region_item_counts(tables, by, what)
    scores = region_keyness(tables, by, what, yates=yates, basis=basis, min_count=min_count)
    if counts.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    merged = counts.merge(scores, on=["region", "item"], how="left")
    merged["keyness_on"] = basis
    for name in ("target_count", "rest_count", "target_total", "rest_total"):
        merged[name] = merged[name].astype("Int64")
    merged["small_sample"] = merged["small_sample"].astype("boolean")
    return merged[list(COMPARISON_COLUMNS)]
