"""Huge files, analysed in bounded pieces as if they were documents, their rows put back together.

A file larger than ``HUGE_BYTES`` is read in the main process and split (``split_pieces``) into
pieces of about ``PIECE_CHARS`` characters, cut at a page break, a blank line or a line end; a
``HugeFile`` moves each piece's rows to the whole file's raw offsets, lines and list ids and folds
the pieces' documents rows into one. Cross-piece context is not carried over.
"""
from __future__ import annotations

from typing import Iterable

HUGE_BYTES = 2_000_000  # files larger than this are read in the main process and split into pieces
PIECE_CHARS = 100_000  # target characters per piece (larger pieces run slower: some stages are superlinear)


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in pieces of about ``size`` characters.

    Each cut is placed after a page break, else after a blank line, else after a line end, in
    the last quarter of the piece; only a text without any of them is cut mid-line.
    """
    spans, start, n = [], 0, len(text)
    while n - start > size + size // 2:
        target, low = start + size, start + size - size // 4
        cut = -1
        for mark in ("\f", "\n\n", "\n"):
            found = text.rfind(mark, low, target)
            if found != -1:
                cut = found + len(mark)
                break
        if cut <= start:
            cut = target
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _shift_rows(rows: dict[str, list[dict]], raw_offset: int, line_offset: int, id_offset: int, rel: str) -> int:
    """Move a piece's rows to the whole file's coordinates in place; return the largest list id."""
    top = id_offset
    for table, items in rows.items():
        if table == "documents":
            continue
        for row in items:
            row["doc"] = rel
            if row.get("raw_start") is not None:
                row["raw_start"] += raw_offset
            if row.get("raw_end") is not None:
                row["raw_end"] += raw_offset
            if row.get("line") is not None:
                row["line"] += line_offset
            if table == "lists":
                if row.get("id") is not None:
                    row["id"] += id_offset
                    top = max(top, row["id"])
                if row.get("parent_id") is not None:
                    row["parent_id"] += id_offset
    return top


def _merge_fixes(summaries: Iterable[str]) -> str:
    from djtext.rows import fixes_summary

    total: dict[str, int] = {}
    for summary in summaries:
        for part in filter(None, (summary or "").split("; ")):
            name, _, count = part.rpartition("=")
            if name and count.isdigit():
                total[name] = total.get(name, 0) + int(count)
    return fixes_summary(total)


class HugeFile:
    """The state of one huge file being processed piece by piece."""

    def __init__(self, rel: str, raw, spans: list[tuple[int, int]]):
        self.rel, self.raw, self.spans = rel, raw, spans
        self.chars_clean = self.tokens = 0
        self.fixes: list[str] = []
        self.error = ""
        self.id_offset = 0
        self.line_offset = 0
        self.last_start = 0
        self.metadata: dict = {}

    def piece_rows(self, index: int, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
        """A piece's rows in file coordinates (its documents row folded into the file's)."""
        start, _end = self.spans[index]
        self.line_offset += self.raw.text.count("\n", self.last_start, start)
        self.last_start = start
        for row in rows.pop("documents", []):
            if index == 0:
                self.metadata = {k: row.get(k) for k in ("title", "date")}
            self.chars_clean += row.get("chars_clean") or 0
            self.tokens += row.get("tokens") or 0
            self.fixes.append(row.get("fixes") or "")
            if row.get("error") and not self.error:
                self.error = f"piece at character {start}: {row['error']}"
        self.id_offset = _shift_rows(rows, start, self.line_offset, self.id_offset, self.rel)
        return rows

    def document_row(self) -> dict:
        """The file's one row of the documents table."""
        return {
            "doc": self.rel, "encoding": self.raw.encoding, "format": self.raw.format,
            "chars_raw": len(self.raw.text), "chars_clean": self.chars_clean, "tokens": self.tokens,
            "fixes": _merge_fixes(self.fixes), "error": self.error, **self.metadata,
        }
