"""The report's content as plain data: documents with their texts, items at their spans, and the
overview, brands, families, practice clusters and keyness sections (built from the tables with
djtext.analysis as it is)."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from djtext.report.texts import ITEM_TABLES, LABEL_COLUMNS, DocText, place

UNATTRIBUTED = "(unattributed)"
TABLE_COLOURS = {
    "brands": "#f6c344", "practices": "#f28bb8", "formulations": "#7fb3f5",
    "slogans": "#7ed6a5", "units": "#b59cf0", "lists": "#b8b8b8",
}
INFO_COLUMNS = {
    "brands": ("kind", "components"), "practices": ("category", "cluster"), "formulations": ("number", "head"),
    "slogans": ("kind",), "units": ("level", "speaker", "section_title"), "lists": ("marker", "style", "level"),
}
KEYNESS_TABLES = ("brands", "practices", "formulations")
KEYNESS_FIELDS = ("region", "item", "occurrences", "documents", "rest_count", "target_total", "rest_total",
                  "g2", "p_g2", "log_ratio", "docs")


def _text(value) -> str:
    """A cell as a stripped string ('' for missing values)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        try:
            if pd.isna(value):
                return ""
        except (TypeError, ValueError):
            pass
    return str(value).strip()


def _number(value):
    """A cell as an int or float for JSON (None for missing values)."""
    try:
        if value is None or pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else round(number, 4)


def document_list(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Every document named in the tables, documents table first (in its order)."""
    seen: dict[str, None] = {}
    documents = tables.get("documents")
    if documents is not None and not documents.empty:
        seen.update((d, None) for d in map(_text, documents["doc"]) if d)
    for table in ITEM_TABLES:
        frame = tables.get(table)
        if frame is not None and not frame.empty:
            seen.update((d, None) for d in map(_text, frame["doc"]) if d)
    return list(seen)


def build_items(tables: dict[str, pd.DataFrame], texts: dict[str, DocText], index: dict[str, int], by: str) -> list[dict]:
    """One record per extracted row: table, document index, clean span, label, region, unit, line, context, details."""
    items = []
    for table in ITEM_TABLES:
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        for row in frame.to_dict("records"):
            doc = _text(row.get("doc"))
            text = texts.get(doc)
            span = place(text.text, text.offsets, table, row) if text is not None and text.text is not None else None
            info = {c: _text(row.get(c)) for c in INFO_COLUMNS[table] if _text(row.get(c))}
            items.append({
                "t": table, "d": index[doc], "s": span[0] if span else None, "e": span[1] if span else None,
                "label": _text(row.get(LABEL_COLUMNS[table])) or _text(row.get("marker")),
                "region": _text(row.get(by)) or UNATTRIBUTED, "unit": _text(row.get("unit")),
                "line": _number(row.get("line")), "ctx": _text(row.get("context")), "info": info,
            })
    return items


def build_documents(tables, docs: list[str], texts: dict[str, DocText], items: list[dict]) -> list[dict]:
    """One record per document: path, title, date, regions, item counts per table, text and notes."""
    meta: dict[str, dict] = {}
    documents = tables.get("documents")
    if documents is not None and not documents.empty:
        meta = {_text(r.get("doc")): r for r in documents.to_dict("records")}
    regions: dict[int, Counter] = defaultdict(Counter)
    counts: dict[int, Counter] = defaultdict(Counter)
    for item in items:
        counts[item["d"]][item["t"]] += 1
        if item["region"] != UNATTRIBUTED:
            regions[item["d"]][item["region"]] += 1
    out = []
    for i, doc in enumerate(docs):
        row = meta.get(doc, {})
        text = texts.get(doc)
        out.append({
            "doc": doc, "title": _text(row.get("title")), "date": _text(row.get("date")),
            "format": _text(row.get("format")), "error": _text(row.get("error")),
            "regions": [r for r, _ in regions[i].most_common()] or [UNATTRIBUTED],
            "counts": {t: counts[i][t] for t in ITEM_TABLES},
            "text": text.text if text is not None else None, "note": text.note if text is not None else "",
        })
    return out


def _doc_links(docs_value, index: dict[str, int], separators=(",", "|")) -> list[dict]:
    """``[{"i": index, "doc": path}]`` for a ``docs`` cell joined by ', ' or ' | '."""
    value = _text(docs_value)
    for sep in separators:
        value = value.replace(sep, "\x00")
    names = [n.strip() for n in value.split("\x00") if n.strip()]
    return [{"i": index[n], "doc": n} for n in names if n in index]


def brands_section(tables, by: str, index: dict[str, int]) -> list[dict]:
    """Brands per region with kind, unit and documents (djtext.analysis.compare.brands_by_region)."""
    from djtext.analysis.compare import brands_by_region

    frame = brands_by_region(tables, by)
    return [{"region": _text(r["region"]), "brand": _text(r["brand"]), "kind": _text(r["kind"]),
             "unit": _text(r["unit"]), "documents": _number(r["documents"]), "docs": _doc_links(r["docs"], index)}
            for r in frame.to_dict("records")]


def families_section(tables, by: str, index: dict[str, int]) -> list[dict]:
    """Brand families with their members' unit, region and document (djtext.analysis.families)."""
    from djtext.analysis.families import brand_families

    families, members = brand_families(tables, by)
    grouped: dict[str, list[dict]] = defaultdict(list)
    for m in members.to_dict("records"):
        entry = {"brand": _text(m.get("brand")), "region": _text(m.get("region")), "unit": _text(m.get("unit")),
                 "doc": _text(m.get("doc")), "i": index.get(_text(m.get("doc")))}
        if entry not in grouped[_text(m.get("family"))]:
            grouped[_text(m.get("family"))].append(entry)
    return [{"family": _text(f["family"]), "n_brands": _number(f.get("n_brands")), "n_regions": _number(f.get("n_regions")),
             "n_documents": _number(f.get("n_documents")), "regions": [r for r in _text(f.get("regions")).split(" | ") if r],
             "members": grouped.get(_text(f["family"]), [])}
            for f in families.to_dict("records")]


def clusters_section(tables, index: dict[str, int], clusters: pd.DataFrame | None, limit: int = 60) -> list[dict]:
    """Practice clusters of the RESULTS folder (practice_clusters, or the practices' cluster column)."""
    if clusters is None or clusters.empty:
        practices = tables.get("practices")
        if practices is None or practices.empty or practices["cluster"].isna().all():
            return []
        from djtext.analysis.cluster import cluster_table

        clusters = cluster_table(practices)
    rows = []
    for r in clusters.head(limit).to_dict("records"):
        rows.append({"cluster": _text(r.get("cluster")), "size": _number(r.get("size")),
                     "names": [n for n in _text(r.get("names")).split(" | ") if n],
                     "n_documents": _number(r.get("n_documents")),
                     "regions": [p for p in _text(r.get("provinces")).split(" | ") if p],
                     "docs": _doc_links(r.get("docs"), index)})
    return rows


def keyness_section(tables, by: str, index: dict[str, int], top: int) -> dict[str, list[dict]]:
    """Per table, each region's most distinctive items with both groups' counts (djtext.analysis.compare)."""
    from djtext.analysis.compare import comparison_table

    out: dict[str, list[dict]] = {}
    for what in KEYNESS_TABLES:
        frame = comparison_table(tables, by, what)
        if frame.empty or "g2" not in frame:
            out[what] = []
            continue
        frame = frame[pd.to_numeric(frame["g2"], errors="coerce") > 0]
        frame = frame[frame["region"] != UNATTRIBUTED]
        frame = frame.sort_values(["region", "g2", "item"], ascending=[True, False, True], kind="mergesort")
        frame = frame.groupby("region", sort=True, group_keys=False).head(top)
        rows = []
        for r in frame.to_dict("records"):
            row = {k: (_number(r.get(k)) if k not in ("region", "item", "docs") else _text(r.get(k))) for k in KEYNESS_FIELDS}
            if row["occurrences"] is None:  # a comparison table that names the region's count target_count
                row["occurrences"] = _number(r.get("target_count"))
            row["docs"] = _doc_links(r.get("docs"), index)
            rows.append(row)
        out[what] = rows
    return out


def overview(documents: list[dict], items: list[dict], tables) -> dict:
    """Counts for the overview: documents, failed ones, regions (documents and items per table) and rows per table."""
    regions = Counter()
    for doc in documents:
        for region in doc["regions"]:
            regions[region] += 1
    per_region: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[str, set] = defaultdict(set)
    for item in items:
        per_region[item["region"]][item["t"]] += 1
        docs_of[item["region"]].add(item["d"])
    order = sorted(docs_of, key=lambda r: (r == UNATTRIBUTED, -len(docs_of[r]), r))
    return {
        "region_counts": [{"region": r, "documents": len(docs_of[r]), "counts": {t: per_region[r][t] for t in ITEM_TABLES}}
                          for r in order],
        "documents": len(documents), "failed": sum(1 for d in documents if d["error"]),
        "with_text": sum(1 for d in documents if d["text"] is not None),
        "regions": sorted(regions.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, -kv[1], kv[0])),
        "tables": {t: sum(1 for i in items if i["t"] == t) for t in ITEM_TABLES},
        "placed": sum(1 for i in items if i["s"] is not None),
    }


def build_report(tables: dict[str, pd.DataFrame], texts: dict[str, DocText], *, by: str = "province", top: int = 10,
                 clusters: pd.DataFrame | None = None, meta: dict | None = None) -> dict:
    """All the report's data as plain JSON-ready structures."""
    docs = document_list(tables)
    index = {doc: i for i, doc in enumerate(docs)}
    items = build_items(tables, texts, index, by)
    documents = build_documents(tables, docs, texts, items)
    families = families_section(tables, by, index)
    brands = brands_section(tables, by, index)
    member_of: dict[str, list[str]] = defaultdict(list)
    for family in families:
        for brand in {m["brand"] for m in family["members"]}:
            member_of[brand].append(family["family"])
    for row in brands:
        row["families"] = sorted(member_of.get(row["brand"], []))
    return {
        "meta": {"by": by, "top": top, **(meta or {})},
        "tables": [{"name": t, "colour": TABLE_COLOURS[t]} for t in ITEM_TABLES],
        "overview": overview(documents, items, tables),
        "documents": documents,
        "items": items,
        "brands": brands,
        "families": families,
        "clusters": clusters_section(tables, index, clusters),
        "keyness": keyness_section(tables, by, index, top),
        "regions": sorted({r for d in documents for r in d["regions"]} - {UNATTRIBUTED}) + [UNATTRIBUTED],
    }


def result_label(path: Path) -> str:
    """A short label for a RESULTS folder (its name)."""
    return Path(path).resolve().name
