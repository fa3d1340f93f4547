"""Turning an analysed Document into plain output rows with provenance (one dict per row).

Formatting only: region columns come from the ``RegionView`` the attribute stage filled."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from operator import attrgetter

from djtext.dedup import DEDUP_TABLE, signature_rows
from djtext.region_view import line_of, line_starts  # noqa: F401  (line_of: part of this module's API)
from djtext.metadata import document_metadata
from djtext.models import Document

CONTEXT_CHARS = 24
BARE_KIND = "品牌"
_FIXER = attrgetter("fixer")
_NAMED_TABLES = frozenset(("brands", "practices"))  # mention tables whose text column is "name"


def context_snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """A short snippet of ``text`` around [start, end), kept within the item's line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return f"{prefix}{text[left:right]}{suffix}"


def fixes_summary(counts: dict[str, int]) -> str:
    """``fixer=count`` pairs joined by '; ' (the documents table's fixes column)."""
    return "; ".join(f"{name}={count}" for name, count in sorted(counts.items()))


class _Provenance:
    """Computes line, raw offsets and context for clean spans of one document."""

    def __init__(self, doc: Document):
        self.text = doc.clean.text
        self.offsets = doc.clean.offsets
        self.starts = line_starts(doc.raw.text)

    def __call__(self, start: int, end: int) -> tuple[int, int, int, str]:
        """(line, raw_start, raw_end, context) of the clean span [start, end)."""
        # CleanText.raw_span, line_of and context_snippet, inlined (this runs once per output row)
        text, offsets = self.text, self.offsets
        if offsets:
            n = len(text)
            s = start if 0 <= start <= n else (0 if start < 0 else n)
            e = end if s <= end <= n else (s if end < s else n)
            raw_start = offsets[s]
            raw_end = offsets[e - 1] + 1 if e > s else raw_start
            if raw_end < raw_start:
                raw_end = raw_start
        else:
            raw_start = raw_end = 0
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end == -1:
            line_end = len(text)
        left = start - CONTEXT_CHARS
        if left < line_start:
            left = line_start
        right = end + CONTEXT_CHARS
        if right > line_end:
            right = line_end
        context = text[left:right]
        if left > line_start:
            context = "…" + context
        if right < line_end:
            context += "…"
        return bisect_right(self.starts, raw_start), raw_start, raw_end, context


def regions_of(doc: Document):
    """The ``RegionView`` attribute filled for ``doc`` (made now, with the built-in gazetteer, for a
    document that did not go through the attribute stage)."""
    from djtext.region_view import region_view

    return doc.regions if doc.regions is not None else region_view(doc)


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """All rows of one document, keyed by table name (documents, units, brands, ...)."""
    clean = doc.clean
    documents = [{
        "doc": doc.path,
        "encoding": doc.raw.encoding,
        "format": doc.raw.format,
        "chars_raw": len(doc.raw.text),
        "chars_clean": len(clean.text) if clean else 0,
        "tokens": len(doc.tokens),
        "fixes": fixes_summary(Counter(map(_FIXER, clean.fixes))) if clean else "",  # clean.fix_counts(), faster
        "error": " ".join(str(doc.error or doc.raw.error or "").split()),
        **(document_metadata(clean.text, doc.raw.text) if clean else {}),
    }]
    out: dict[str, list[dict]] = {"documents": documents}
    if clean is None or doc.error:
        return out
    out[DEDUP_TABLE] = signature_rows(doc.path, clean.text)  # for djtext.dedup.flag_duplicates
    where = _Provenance(doc)
    region_at = regions_of(doc).at  # the region columns attribute resolved
    path = doc.path
    out["units"] = units = []
    for unit in doc.units:
        line, raw_start, raw_end, context = where(unit.evidence_start, unit.evidence_end)
        units.append({
            "doc": path, **region_at(unit.id, unit.start), "level": unit.level, "speaker": unit.speaker,
            "section_title": unit.section_title, "cited": unit.cited,
            "line": line, "raw_start": raw_start, "raw_end": raw_end, "context": context,
        })
    out["lists"] = items = []
    for item in doc.lists:
        line, raw_start, raw_end, context = where(item.start, item.end)
        items.append({
            "doc": path, **region_at(item.unit_id, item.start),
            "id": item.id, "parent_id": item.parent_id, "level": item.level, "index": item.index,
            "marker": item.marker, "style": item.style, "heading": item.heading,
            "line": line, "raw_start": raw_start, "raw_end": raw_end, "context": context,
        })
    for table in ("brands", "formulations", "slogans", "practices"):
        out[table] = []
    for mention in doc.mentions:
        attrs = mention.attrs
        row = {"doc": path, **region_at(mention.unit_id, mention.start), **attrs}
        components = attrs.get("components")
        if isinstance(components, (list, tuple)):
            row["components"] = " | ".join(components)
        table = mention.table
        row.setdefault("name" if table in _NAMED_TABLES else "text", mention.text)
        row["line"], row["raw_start"], row["raw_end"], row["context"] = where(mention.start, mention.end)
        rows = out.get(table)
        if rows is None:
            rows = out[table] = []
        rows.append(row)
    out["brands"] = merge_brand_rows(out["brands"])
    return out


def merge_brand_rows(rows: list[dict]) -> list[dict]:
    """One row per (unit, name): the first occurrence's provenance, every kind the text uses
    joined by ' | ', ``mentions`` counting the occurrences, ``cited`` only when every one is."""
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = (row.get("unit"), row.get("province"), row.get("city"), row.get("county"), row.get("name"))
        first = merged.get(key)
        if first is None:
            merged[key] = {**row, "cited": bool(row.get("cited")), "mentions": 1}
            continue
        first["mentions"] += 1
        first["cited"] = first["cited"] and bool(row.get("cited"))
        kinds = first["kind"].split(" | ") if first.get("kind") else []
        if row.get("kind") and row["kind"] not in kinds:
            first["kind"] = " | ".join(kinds + [row["kind"]])
    for row in merged.values():
        kinds = row["kind"].split(" | ") if row.get("kind") else []
        if len(kinds) > 1 and BARE_KIND in kinds:
            row["kind"] = " | ".join(k for k in kinds if k != BARE_KIND)  # 品牌 adds nothing to 工作品牌
    return list(merged.values())
