"""The tokens table: one row per word of a document's cleaned text, with region and provenance.

Written by ``djtext extract --tokens`` (tokens.csv) and read by ``djtext terms`` and
``djtext kwic``. Tokens made only of punctuation or whitespace are left out; ``index`` is the
token's position among the kept tokens of its document, so neighbours can be found again.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from djtext.region_view import line_starts
from djtext.models import Document
from djtext.schema import TOKEN_SCHEMA  # noqa: F401  (the tokens table's columns, re-exported)
from djtext.text import HAN_COMPAT_RANGE, HAN_SPAN_RANGE

WORDLIKE = re.compile(f"[0-9A-Za-z{HAN_SPAN_RANGE}{HAN_COMPAT_RANGE}]")
TOKEN_COLUMNS = tuple(c.name for c in TOKEN_SCHEMA)


def token_spans(tokens: list[str]) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` of tokens that concatenate to the text, offsets into that text."""
    spans, position = [], 0
    for token in tokens:
        spans.append((token, position, position + len(token)))
        position += len(token)
    return spans


def token_rows(doc: Document) -> list[dict]:
    """One row per word-like token of an analysed document (region of its unit, raw provenance)."""
    if doc.clean is None or doc.error:
        return []
    from djtext.rows import regions_of  # the same region columns as the other tables

    offsets, starts = doc.clean.offsets, line_starts(doc.raw.text)
    view = regions_of(doc)
    fallback_at = view.outside
    units = sorted(doc.units, key=lambda u: (u.start, -(u.end - u.start)))
    regions = view.by_unit
    rows: list[dict] = []
    cuts, owners = unit_segments(units)
    wordlike = WORDLIKE.search
    for token, start, end in token_spans(doc.tokens):
        if not wordlike(token):
            continue
        unit = owners[bisect_right(cuts, start) - 1] if cuts else None
        raw_start = offsets[start] if offsets and start < len(offsets) else start
        raw_end = offsets[end - 1] + 1 if offsets and end - 1 < len(offsets) else end
        rows.append({
            "doc": doc.path, **(regions[unit.id] if unit else fallback_at(start)),
            "index": len(rows), "token": token.strip(), "pos": None, "start": start,
            "line": bisect_right(starts, raw_start), "raw_start": raw_start, "raw_end": max(raw_end, raw_start),
        })
    return rows


def unit_segments(units) -> tuple[list[int], list]:
    """(cuts, owners): the innermost unit of every position p is ``owners[i]`` for the last
    cut ``cuts[i] <= p`` (None where no unit covers it); computed once per document."""
    if not units:
        return [], []
    cuts = sorted({0} | {u.start for u in units} | {u.end for u in units})
    return cuts, [_innermost(units, cut) for cut in cuts]


def _innermost(units, position: int):
    """The smallest unit whose span contains ``position`` (as djtext.attribute.unit_at)."""
    best = None
    for unit in units:
        if unit.start > position:
            break
        if position < unit.end and (best is None or unit.end - unit.start < best.end - best.start):
            best = unit
    return best
