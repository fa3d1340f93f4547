"""The cleaned texts behind a RESULTS folder, and every extracted row placed at its clean span.

A RESULTS folder holds only tables. Each row has ``doc`` (relative to the corpus root) and its
``raw_start``/``raw_end`` in the decoded raw text, so the report re-reads the corpus (given with
``--corpus``, or the folder `djtext extract` recorded in ``datapackage.json``'s ``sources``),
re-runs ingest + clean (deterministic: the same bytes give the same clean text and offset map),
and maps each raw span back to the clean text through the offset map. A mapped span is checked
against the row's own text (name, text, unit, marker + heading) and, when it differs, looked for
nearby; a file whose decoded length differs from ``chars_raw`` is reported as changed.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ITEM_TABLES = ("brands", "formulations", "slogans", "practices", "units", "lists")
LABEL_COLUMNS = {"brands": "name", "practices": "name", "formulations": "text", "slogans": "text",
                 "units": "unit", "lists": "heading"}
SEARCH_WINDOW = 80
"""How far (characters) around the mapped span a row's text is looked for when the span differs."""


class ReportError(ValueError):
    """A RESULTS folder or corpus cannot be used for a report (one-line message)."""


@dataclass
class DocText:
    """The cleaned text of one document (None when it could not be read) and a note on why not."""

    doc: str
    text: str | None
    offsets: list[int]
    note: str = ""


def recorded_corpus(results: Path) -> Path | None:
    """The corpus path `djtext extract` recorded in RESULTS/datapackage.json (``sources``), if any."""
    try:
        descriptor = json.loads((Path(results) / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for source in descriptor.get("sources") or []:
        if isinstance(source, dict) and source.get("path"):
            return Path(source["path"])
    return None


def corpus_root(results: Path, corpus: Path | None) -> Path | None:
    """The corpus to read texts from: ``corpus`` if given, else the recorded one if it still exists."""
    if corpus is not None:
        if not Path(corpus).exists():
            raise ReportError(f"{corpus}: no such corpus file or folder")
        return Path(corpus)
    recorded = recorded_corpus(results)
    return recorded if recorded is not None and recorded.exists() else None


def _file_of(root: Path, doc: str) -> Path:
    root = Path(root)
    return root if root.is_file() else root / doc


def load_text(root: Path | None, doc: str, chars_raw=None, t2s: bool | None = None) -> DocText:
    """Re-read and re-clean one document of the corpus (a DocText with a note when it cannot be)."""
    from djtext.clean import clean_text
    from djtext.corpus import read_document

    if root is None:
        return DocText(doc, None, [], "no corpus given (use --corpus): contexts only")
    path = _file_of(root, doc)
    if not path.is_file():
        return DocText(doc, None, [], f"{path}: not found in the corpus")
    raw = read_document(path, Path(root))
    if raw.error:
        return DocText(doc, None, [], f"{path}: {raw.error}")
    clean = clean_text(raw.text, t2s=t2s)
    note = ""
    try:
        if chars_raw is not None and not pd.isna(chars_raw) and int(chars_raw) != len(raw.text):
            note = f"{path}: changed since extraction ({len(raw.text)} characters, {int(chars_raw)} then): spans may be off"
    except (TypeError, ValueError):
        pass
    return DocText(doc, clean.text, clean.offsets, note)


def clean_span(offsets: list[int], raw_start: int, raw_end: int) -> tuple[int, int]:
    """The clean span [start, end) whose characters come from the raw span [raw_start, raw_end)."""
    start = bisect_left(offsets, raw_start)
    end = max(start, bisect_left(offsets, raw_end))
    return start, end


def expected_text(table: str, row: dict) -> str:
    """The text a row's span should cover: the name or text, the unit, a list item's marker + heading."""
    value = row.get(LABEL_COLUMNS[table])
    value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if table == "lists":
        marker = row.get("marker")
        marker = "" if marker is None or (not isinstance(marker, str) and pd.isna(marker)) else str(marker)
        return marker.strip("*") + value if value else marker
    return value


def place(text: str, offsets: list[int], table: str, row: dict) -> tuple[int, int] | None:
    """The clean span of one row: mapped from its raw span, then checked and corrected by its text."""
    try:
        raw_start, raw_end = int(row["raw_start"]), int(row["raw_end"])
    except (KeyError, TypeError, ValueError):
        return None
    start, end = clean_span(offsets, raw_start, raw_end)
    want = expected_text(table, row)
    if table == "lists":  # highlight the lead (marker and heading), not the whole item
        if want:
            hit = text.find(want, start, start + len(want) + SEARCH_WINDOW)
            if hit < 0 and row.get("heading") and isinstance(row.get("heading"), str):
                hit = text.find(row["heading"], start, start + len(row["heading"]) + SEARCH_WINDOW)
                want = row["heading"] if hit >= 0 else want
            if hit >= 0:
                return hit, hit + len(want)
        return start, min(end, start + 40)
    if not want or text[start:end] == want:
        return start, end
    left = max(0, start - SEARCH_WINDOW)
    hits = []
    pos = text.find(want, left, end + SEARCH_WINDOW + len(want))
    while pos >= 0:
        hits.append(pos)
        pos = text.find(want, pos + 1, end + SEARCH_WINDOW + len(want))
    if hits:
        best = min(hits, key=lambda p: abs(p - start))
        return best, best + len(want)
    return start, end


def document_rows(tables: dict[str, pd.DataFrame], doc: str) -> dict[str, pd.DataFrame]:
    """The rows of every item table that belong to ``doc``."""
    out = {}
    for table in ITEM_TABLES:
        frame = tables.get(table)
        out[table] = frame[frame["doc"] == doc] if frame is not None and not frame.empty else pd.DataFrame()
    return out


def resolve_doc(documents: pd.DataFrame, query: str) -> str:
    """The ``doc`` of the documents table that ``query`` names: exactly, by file name or stem, or a unique substring."""
    docs = [str(d) for d in documents["doc"].dropna()] if "doc" in documents else []
    if query in docs:
        return query
    for key in (lambda d: Path(d).name, lambda d: Path(d).stem):
        found = [d for d in docs if key(d) == query]
        if len(found) == 1:
            return found[0]
    found = [d for d in docs if query in d]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ReportError(f"{query}: no such document in documents.csv ({len(docs)} documents)")
    raise ReportError(f"{query}: ambiguous, matches {len(found)} documents ({', '.join(found[:5])}{' …' if len(found) > 5 else ''})")
