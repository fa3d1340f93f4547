"""The corpus pass of a streamed run: what needs more than one document, with flat memory.

Per-document work is independent; two results are not: whether a document repeats an earlier
one (``documents.duplicate_of``, djtext.dedup) and how many documents of the run name the same
brand or formulation (their ``support`` column, djtext.evidence). ``CorpusPass`` sits between
the stream of per-document batches (file order) and the RESULTS writer:

- ``feed`` decides duplicates as documents arrive (the first in path order is kept, later
  copies point to it) and, unless duplicates are kept, lets only their documents row through;
  it spills the rows of the support tables to a temporary file while counting, per item, the
  distinct documents that name it;
- ``finish`` writes the spilled rows with their ``support`` filled, before the writer commits.

A worker that renders its batch (CSV, JSONL) renders the support tables too, with the placeholder
``SUPPORT_PENDING`` where ``support`` goes, and sends each row's item key along
(``pending_support``): the pass then spills that text and, at the end, only puts the counts in
(no row is parsed, pickled or rendered in the main process; a cached document brings its text).

Memory holds one signature per kept document and one counter per distinct item, never the rows.
"""
from __future__ import annotations

import pickle
import tempfile
from typing import Callable, Iterable, Iterator, Mapping

from djtext.dedup import DEDUP_TABLE, DuplicateFinder
from djtext.evidence import SUPPORT_COLUMNS, item_key
from djtext.results_folder import COUNTS, PLAIN, RENDERED

SUPPORT_TABLES = tuple(SUPPORT_COLUMNS)  # brands, formulations: written at the end, with support
KEPT_ROWS = ("documents", "brands", DEDUP_TABLE)  # rows a rendered batch keeps (brands: for the run summary)
SPILL_BATCH = 1_000  # rows handed to the writer at a time when the spill is written out
PENDING = "_pending"  # a rendered batch's {support table: text with SUPPORT_PENDING for the support}
PENDING_KEYS = "_pending_keys"  # ... and {support table: the item key of each of its rows, in order}
SUPPORT_PENDING = -918_273_645
"""What a pending text holds in place of ``support``: an integer (rendered like one, CSV and JSONL alike)
no real count is; a table whose text holds it more often than it has rows is sent as rows instead."""
_PENDING_TEXT = str(SUPPORT_PENDING)
_PENDING_BYTES = _PENDING_TEXT.encode()


def pending_support(rows: Mapping[str, list[dict]], render: Callable[[dict], dict]) -> dict:
    """The support tables of one document's ``rows`` rendered with ``render`` (TableWriter.render) and
    the placeholder for ``support``: {PENDING: {table: text}, PENDING_KEYS: {table: keys}}, and the
    tables that could not be (their rows, to send as rows)."""
    tables = {table: [dict(row, support=SUPPORT_PENDING) for row in rows[table]]
              for table in SUPPORT_TABLES if rows.get(table)}
    texts = render(tables)[RENDERED] if tables else {}
    pending, keys, plain = {}, {}, {}
    for table, items in tables.items():
        text = texts.get(table, "")
        if text.count(_PENDING_TEXT) == len(items):
            column = SUPPORT_COLUMNS[table]
            pending[table] = text
            keys[table] = [item_key(row.get(column)) for row in items]
        else:  # the placeholder's digits occur in a value too: no safe place to put the count in
            plain[table] = rows[table]
    return {PENDING: pending, PENDING_KEYS: keys, **plain}


class CorpusPass:
    """Duplicate flags and corpus-level support over a stream of per-document batches."""

    def __init__(self, keep_duplicates: bool = False):
        self.keep_duplicates = keep_duplicates
        self.duplicate_of: dict[str, str] = {}
        self._finder = DuplicateFinder()
        self._decided: set[str] = set()
        self._support: dict[str, dict[str, list]] = {t: {} for t in SUPPORT_TABLES}  # key → [docs, last doc]
        self._spill = tempfile.TemporaryFile(mode="w+b", prefix="djtext-spill-")  # this run's own pickles

    def feed(self, rel: str, batch: Mapping, last: bool = True) -> dict:
        """The part of one document's batch to write now (``last``: its final batch)."""
        if rel not in self._decided:
            signatures = batch.get(DEDUP_TABLE) or []
            if signatures or last:
                self._decided.add(rel)
                original = self._finder.check(rel, signatures[0] if signatures else None)
                if original:
                    self.duplicate_of[rel] = original
        duplicate = rel in self.duplicate_of
        rendered = RENDERED in batch
        out = dict(batch)
        documents = [dict(row, duplicate_of=self.duplicate_of[rel]) if duplicate else row
                     for row in batch.get("documents", [])]
        if duplicate and not self.keep_duplicates:
            return {"documents": documents}
        pending, pending_keys = batch.get(PENDING) or {}, batch.get(PENDING_KEYS) or {}
        for table in SUPPORT_TABLES:
            if table in pending:
                self._hold_text(table, pending[table], pending_keys[table], rel)
            else:
                self._hold(table, batch.get(table) or [], rel)
        if not rendered:
            out.update({table: [] for table in SUPPORT_TABLES})
            out["documents"] = documents
            return out
        texts = {t: text for t, text in batch[RENDERED].items() if t not in SUPPORT_TABLES}
        counts = dict(batch.get(COUNTS, {}))
        plain: dict[str, list] = {}
        if duplicate:
            texts.pop("documents", None)
            plain["documents"] = documents
            out["documents"] = documents
        out[RENDERED], out[COUNTS], out[PLAIN] = texts, counts, plain
        return out

    def _count(self, table: str, keys: Iterable[str], rel: str) -> None:
        counter = self._support[table]
        for key in keys:
            seen = counter.get(key)
            if seen is None:
                counter[key] = [1, rel]
            elif seen[1] != rel:
                seen[0] += 1
                seen[1] = rel

    def _hold(self, table: str, rows: list[dict], rel: str) -> None:
        if not rows:
            return
        column = SUPPORT_COLUMNS[table]
        self._count(table, (item_key(row.get(column)) for row in rows), rel)
        pickle.dump((table, rows), self._spill, pickle.HIGHEST_PROTOCOL)  # one record per document and table

    def _hold_text(self, table: str, text: str | bytes, keys: list[str], rel: str) -> None:
        self._count(table, keys, rel)
        pickle.dump((table, (text, keys)), self._spill, pickle.HIGHEST_PROTOCOL)

    def finish(self, writer) -> None:
        """Write the held rows of the support tables, ``support`` filled, through ``writer``."""
        self._spill.flush()
        self._spill.seek(0)
        pending: dict[str, list[dict]] = {t: [] for t in SUPPORT_TABLES}
        for table, record in _records(self._spill):
            counter = self._support[table]
            if isinstance(record, tuple):  # a rendered text and its rows' keys
                if pending[table]:  # (rows held before it go first)
                    writer.write({table: pending[table]})
                    pending[table] = []
                text, keys = record
                writer.write({RENDERED: {table: _with_support(text, [counter[key][0] for key in keys])},
                              COUNTS: {table: len(keys)}})
                continue
            column = SUPPORT_COLUMNS[table]
            for row in record:
                row["support"] = counter[item_key(row.get(column))][0]
            held = pending[table]
            held.extend(record)
            while len(held) >= SPILL_BATCH:  # the writer gets SPILL_BATCH rows at a time
                writer.write({table: held[:SPILL_BATCH]})
                held = pending[table] = held[SPILL_BATCH:]
        for table, rows in pending.items():
            if rows:
                writer.write({table: rows})

    def close(self) -> None:
        """Remove the spill file."""
        self._spill.close()


def _with_support(text: str | bytes, counts: list[int]) -> str | bytes:
    """A pending text (or its UTF-8 bytes) with each placeholder replaced by its row's count, in order."""
    as_bytes = isinstance(text, bytes)
    pieces = text.split(_PENDING_BYTES if as_bytes else _PENDING_TEXT)  # type: ignore[arg-type]
    out: list = [None] * (2 * len(pieces) - 1)
    out[0::2] = pieces
    out[1::2] = [str(n).encode() if as_bytes else str(n) for n in counts]  # (one count per placeholder)
    return text[:0].join(out)


def _records(spill) -> Iterator[tuple[str, list[dict] | tuple]]:
    """The (table, rows) and (table, (pending text, keys)) records pickled into ``spill``, from its
    current position to its end."""
    while True:
        try:
            yield pickle.load(spill)
        except EOFError:
            return
