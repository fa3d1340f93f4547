"""Turning an analysed Document into plain output rows with provenance (one dict per row)."""
from __future__ import annotations

from djtext.attribute import line_of, line_starts
from djtext.models import Document, Unit

CONTEXT_CHARS = 24


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
        self.clean = doc.clean
        self.starts = line_starts(doc.raw.text)

    def __call__(self, start: int, end: int) -> dict:
        raw_start, raw_end = self.clean.raw_span(start, end)
        return {
            "line": line_of(self.starts, raw_start),
            "raw_start": raw_start,
            "raw_end": raw_end,
            "context": context_snippet(self.clean.text, start, end),
        }


def _region(unit: Unit | None, fallback: dict) -> dict:
    if unit is None:
        return dict(fallback)
    return {"unit": unit.name, "province": unit.province, "city": unit.city, "county": unit.county}


def _document_fallback(doc: Document) -> dict:
    """Region columns for rows outside any unit: the document's own region, no unit."""
    from djtext.regions import Gazetteer

    region = Gazetteer.from_lexicon().document_region(doc.clean.text) if doc.clean else None
    return {
        "unit": None,
        "province": getattr(region, "province", None),
        "city": getattr(region, "city", None),
        "county": getattr(region, "county", None),
    }


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
        "fixes": fixes_summary(clean.fix_counts()) if clean else "",
        "error": " ".join(str(doc.error or doc.raw.error or "").split()),
    }]
    out: dict[str, list[dict]] = {"documents": documents}
    if clean is None or doc.error:
        return out
    where = _Provenance(doc)
    by_id = {unit.id: unit for unit in doc.units}
    fallback = _document_fallback(doc)
    out["units"] = [
        {
            "doc": doc.path, **_region(unit, fallback), "level": unit.level, "speaker": unit.speaker,
            "section_title": unit.section_title, "cited": unit.cited,
            **where(unit.evidence_start, unit.evidence_end),
        }
        for unit in doc.units
    ]
    out["lists"] = [
        {
            "doc": doc.path, **_region(by_id.get(item.unit_id), fallback),
            "id": item.id, "parent_id": item.parent_id, "level": item.level, "index": item.index,
            "marker": item.marker, "style": item.style, "heading": item.heading,
            **where(item.start, item.end),
        }
        for item in doc.lists
    ]
    for table in ("brands", "formulations", "slogans", "practices"):
        out[table] = []
    for mention in doc.mentions:
        attrs = dict(mention.attrs)
        if isinstance(attrs.get("components"), (list, tuple)):
            attrs["components"] = " | ".join(attrs["components"])
        row = {"doc": doc.path, **_region(by_id.get(mention.unit_id), fallback), **attrs}
        row.setdefault("name" if mention.table in ("brands", "practices") else "text", mention.text)
        row.update(where(mention.start, mention.end))
        out.setdefault(mention.table, []).append(row)
    return out
