"""Rich tables for the analysis views: brands per region, families, counts, keyness, clusters."""
from __future__ import annotations

import math

import pandas as pd
from rich.table import Table


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.3g}" if abs(value) < 1e-3 and value != 0 else f"{value:.2f}"
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _int(value) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return ""


def _p(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return "<1e-4" if value < 1e-4 else f"{value:.4f}"


def frame_table(frame: pd.DataFrame, title: str, *, limit: int | None = None, right: tuple[str, ...] = ()) -> Table:
    """A generic rich table of ``frame`` (at most ``limit`` rows; numbers right-aligned)."""
    table = Table(title=title, header_style="bold")
    for name in frame.columns:
        table.add_column(str(name), justify="right" if name in right else "left", overflow="fold")
    rows = frame if limit is None else frame.head(limit)
    for record in rows.itertuples(index=False):
        table.add_row(*[_text(v) for v in record])
    if limit is not None and len(frame) > limit:
        table.caption = f"{len(frame) - limit} more rows (use --top or --out)"
    return table


def region_brands_table(frame: pd.DataFrame, by: str, *, limit: int | None = None, total: int | None = None) -> Table:
    """Per region, its brands with kind, unit and the documents they come from."""
    table = Table(title=f"Brands per {by}", header_style="bold", show_lines=False)
    for name in (by, "brand", "kind", "unit", "docs"):
        table.add_column(name, overflow="fold")
    previous = None
    shown = 0
    for record in frame.to_dict("records"):
        if limit is not None and shown >= limit:
            break
        region = record["region"]
        table.add_row("" if region == previous else region, record["brand"], record["kind"], record["unit"],
                      record["docs"], end_section=False)
        previous = region
        shown += 1
    if limit is not None and len(frame) > limit:
        table.caption = f"{len(frame) - limit} more brands (use --out)"
    elif total is not None and total > len(frame):
        table.caption = f"{total - len(frame)} more brands (--top per region; use --out)"
    return table


def families_table(frame: pd.DataFrame, *, limit: int | None = None) -> Table:
    """Brand families: core, member brands, regions, units and documents."""
    view = frame[["family", "regions", "brands", "units"]] if not frame.empty else frame
    return frame_table(view, "Brand families (brands sharing a core component)", limit=limit)


def counts_table(frame: pd.DataFrame, by: str, what: str, *, limit: int | None = None) -> Table:
    """Region × item occurrence and document counts."""
    view = frame.rename(columns={"region": by}) if not frame.empty else frame
    return frame_table(view, f"{what} per {by}: occurrences and documents", limit=limit,
                       right=("occurrences", "documents"))


def keyness_table(frame: pd.DataFrame, by: str, what: str, *, basis: str = "occurrences") -> Table:
    """Keyness per region with both groups' counts, G², chi², p-values and the log ratio."""
    table = Table(title=f"Distinctive {what} per {by} (keyness vs all other regions, on {basis})", header_style="bold")
    for name, justify in ((by, "left"), ("item", "left"), ("<5", "center"), ("here", "right"), ("rest", "right"),
                          ("G²", "right"), ("p(G²)", "right"), ("chi²", "right"), ("p(chi²)", "right"),
                          ("log2 ratio", "right")):
        table.add_column(name, justify=justify, overflow="fold")
    previous = None
    for record in frame.to_dict("records"):
        region = record["region"]
        small = record.get("small_sample")
        flag = "*" if small is not None and small is not pd.NA and bool(small) else ""
        table.add_row(
            "" if region == previous else region, str(record["item"]), flag,
            f"{_int(record['target_count'])}/{_int(record['target_total'])}",
            f"{_int(record['rest_count'])}/{_int(record['rest_total'])}",
            _text(record["g2"]), _p(record["p_g2"]), _text(record["chi2"]), _p(record["p_chi2"]),
            _text(record["log_ratio"]),
        )
        previous = region
    unit = "documents with the item / all documents" if basis == "documents" else "occurrences of the item / all items"
    table.caption = f"here/rest: {unit}, in the region and in all other regions; <5: * when an expected count is below 5 (small sample)"
    return table


def kwic_table(frame: pd.DataFrame, term: str, *, limit: int | None = None) -> Table:
    """Keyword-in-context lines: doc, line, raw span, left context, the keyword, right context."""
    table = Table(title=f"Keyword in context: {term}", header_style="bold")
    table.add_column("doc", overflow="fold")
    table.add_column("line", justify="right")
    table.add_column("span", justify="right")
    table.add_column("pre", justify="right", overflow="fold")
    table.add_column("keyword", style="bold magenta", justify="center")
    table.add_column("post", justify="left", overflow="fold")
    table.add_column("unit", overflow="fold")
    rows = frame if limit is None else frame.head(limit)
    for record in rows.to_dict("records"):
        table.add_row(str(record["doc"]), _int(record["line"]), f"{_int(record['raw_start'])}–{_int(record['raw_end'])}",
                      _text(record["pre"]), _text(record["keyword"]), _text(record["post"]), _text(record.get("unit")))
    if limit is not None and len(frame) > limit:
        table.caption = f"{len(frame) - limit} more hits (use --limit or --out)"
    return table


def phrases_table(phrases, *, total: int | None = None) -> Table:
    """Discovered phrases with their score and the signals behind it."""
    table = Table(title="Discovered phrases", header_style="bold")
    for name, justify in (("#", "right"), ("phrase", "left"), ("score", "right"), ("count", "right"),
                          ("quoted", "right"), ("PMI", "right"), ("H left", "right"), ("H right", "right"),
                          ("known", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for rank, p in enumerate(phrases, 1):
        table.add_row(str(rank), p.phrase, f"{p.score:.2f}", str(p.count), str(p.quoted), f"{p.cohesion:.2f}",
                      f"{p.left_entropy:.2f}", f"{p.right_entropy:.2f}", "yes" if p.known else "")
    if total is not None and total > len(phrases):
        table.caption = f"{total - len(phrases)} more (use --show or --out)"
    return table


def clusters_table(frame: pd.DataFrame, *, limit: int | None = None) -> Table:
    """Practice clusters: label, member names, regions and documents."""
    if frame.empty:
        return frame_table(frame, "Practice clusters", limit=limit)
    view = frame[["cluster", "n_documents", "names", "provinces", "docs"]].rename(columns={"n_documents": "docs#"})
    return frame_table(view, "Practice clusters", limit=limit, right=("docs#",))
