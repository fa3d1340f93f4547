"""Keyword in context: every occurrence of a term in the cleaned texts, with its document, raw
line and raw span, and the words before and after it (as quanteda's kwic).

A term is matched in the cleaned text (so OCR spaces and line breaks inside a word do not hide
it), as a plain string or, with ``regex=True``, a regular expression. The raw line and span come
from the cleaning offset map, so each hit can be found in the original file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import pandas as pd

KWIC_COLUMNS = ("doc", "line", "raw_start", "raw_end", "pre", "keyword", "post", "unit", "province", "city", "county")
DEFAULT_WINDOW = 20


class KwicError(ValueError):
    """A bad term or window."""


@dataclass(frozen=True)
class CleanedDoc:
    """What kwic needs of a document: its path, raw text, cleaned text and offset map."""

    doc: str
    raw: str
    text: str
    offsets: list[int]
    lines: list[int] | None = None  # line per character of ``text`` (tokens tables have no raw text)


def compile_term(term: str, *, regex: bool = False) -> re.Pattern:
    """The pattern of ``term`` (KwicError when empty or an invalid regular expression)."""
    if not term or not term.strip():
        raise KwicError("TERM must not be empty")
    try:
        return re.compile(term if regex else re.escape(term.strip()))
    except re.error as exc:
        raise KwicError(f"TERM {term!r} is not a valid regular expression ({exc})") from None


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _flat(text: str) -> str:
    return " ".join(text.replace("\x00", " ").split())


def kwic_rows(docs, term: str, *, window: int = DEFAULT_WINDOW, regex: bool = False) -> list[dict]:
    """One row per match of ``term`` in every :class:`CleanedDoc` (doc, line, raw span, context)."""
    if window < 0:
        raise KwicError(f"--window must be 0 or more, not {window}")
    pattern = compile_term(term, regex=regex)
    rows = []
    for doc in docs:
        starts = _line_starts(doc.raw) if doc.lines is None else []
        for match in pattern.finditer(doc.text):
            start, end = match.span()
            if end <= start or "\x00" in match.group(0):
                continue
            raw_start = doc.offsets[start] if doc.offsets else start
            raw_end = doc.offsets[end - 1] + 1 if doc.offsets else end
            line = doc.lines[start] if doc.lines is not None else bisect_right(starts, raw_start)
            rows.append({
                "doc": doc.doc, "line": line, "raw_start": raw_start, "raw_end": raw_end,
                "pre": _flat(doc.text[max(0, start - window):start]), "keyword": match.group(0),
                "post": _flat(doc.text[end:end + window]),
            })
    return rows


def attach_regions(rows: list[dict], units: pd.DataFrame | None) -> pd.DataFrame:
    """The kwic rows as a frame, with the unit and region of the nearest unit evidence before each hit."""
    frame = pd.DataFrame(rows, columns=[c for c in KWIC_COLUMNS if c not in ("unit", "province", "city", "county")])
    for name in ("unit", "province", "city", "county"):
        frame[name] = None
    if frame.empty or units is None or units.empty or "raw_start" not in units:
        return frame[list(KWIC_COLUMNS)]
    units = units.dropna(subset=["raw_start"]).astype({"raw_start": "int64"}).sort_values(["doc", "raw_start"])
    for doc, group in frame.groupby("doc"):
        own = units[units["doc"] == doc]
        if own.empty:
            continue
        positions = own["raw_start"].tolist()
        for index, raw_start in group["raw_start"].items():
            i = bisect_right(positions, int(raw_start)) - 1
            if i >= 0:
                row = own.iloc[i]
                for name in ("unit", "province", "city", "county"):
                    frame.at[index, name] = row.get(name)
    return frame[list(KWIC_COLUMNS)]


def corpus_docs(root) -> list[CleanedDoc]:
    """Read and clean every readable document of a corpus folder (or one file)."""
    from pathlib import Path

    from djtext.clean import clean_text
    from djtext.corpus import iter_files, read_document

    root = Path(root)
    out = []
    for path in iter_files(root):
        raw = read_document(path, root)
        if raw.error or not raw.text:
            continue
        clean = clean_text(raw.text)
        out.append(CleanedDoc(raw.path, raw.text, clean.text, list(clean.offsets)))
    return out


def token_docs(tokens: pd.DataFrame) -> list[CleanedDoc]:
    """Documents rebuilt from a tokens table: tokens joined, a gap (never matched across) where
    punctuation was left out, raw offsets and lines per character from the token rows."""
    if tokens.empty:
        return []
    frame = tokens.copy()
    for name in ("index", "start", "raw_start", "raw_end", "line"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").fillna(0).astype(int)
    docs = []
    for doc, group in frame.sort_values(["doc", "index"], kind="mergesort").groupby("doc", sort=True):
        text: list[str] = []
        offsets: list[int] = []
        lines: list[int] = []
        previous_end = None
        for token, start, raw_start, raw_end, line in group[["token", "start", "raw_start", "raw_end", "line"]].itertuples(index=False):
            token = str(token)
            if previous_end is not None and start != previous_end:
                text.append("\x00")
                offsets.append(raw_start)
                lines.append(line)
            for k, ch in enumerate(token):
                text.append(ch)
                offsets.append(min(raw_start + k, max(raw_end - 1, raw_start)))
                lines.append(line)
            previous_end = start + len(token)
        docs.append(CleanedDoc(str(doc), "", "".join(text), offsets, lines))
    return docs
