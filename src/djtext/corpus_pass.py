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

Memory holds one signature per kept document and one counter per distinct item, never the rows.
"""
from __future__ import annotations

import pickle
import tempfile
from typing import Iterator, Mapping

from djtext.dedup import DEDUP_TABLE, DuplicateFinder
from djtext.evidence import SUPPORT_COLUMNS, item_key
from djtext.results_folder import COUNTS, PLAIN, RENDERED

SUPPORT_TABLES = tuple(SUPPORT_COLUMNS)  # brands, formulations: written at the end, with support
KEPT_ROWS = ("documents", "brands", "formulations", DEDUP_TABLE)  # rows a rendered batch keeps
SPILL_BATCH = 1_000  # rows handed to the writer at a time when the spill is written out


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
        for table in SUPPORT_TABLES:
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

    def _hold(self, table: str, rows: list[dict], rel: str) -> None:
        if not rows:
            return
        counter = self._support[table]
        column = SUPPORT_COLUMNS[table]
        for row in rows:
            key = item_key(row.get(column))
            seen = counter.get(key)
            if seen is None:
                counter[key] = [1, rel]
            elif seen[1] != rel:
                seen[0] += 1
                seen[1] = rel
        pickle.dump((table, rows), self._spill, pickle.HIGHEST_PROTOCOL)  # one record per document and table

    def finish(self, writer) -> None:
        """Write the held rows of the support tables, ``support`` filled, through ``writer``."""
        self._spill.flush()
        self._spill.seek(0)
        pending: dict[str, list[dict]] = {t: [] for t in SUPPORT_TABLES}
        for table, rows in _records(self._spill):
            counter, column = self._support[table], SUPPORT_COLUMNS[table]
            for row in rows:
                row["support"] = counter[item_key(row.get(column))][0]
            held = pending[table]
            held.extend(rows)
            while len(held) >= SPILL_BATCH:  # the writer gets SPILL_BATCH rows at a time
                writer.write({table: held[:SPILL_BATCH]})
                held = pending[table] = held[SPILL_BATCH:]
        for table, rows in pending.items():
            if rows:
                writer.write({table: rows})

    def close(self) -> None:
        """Remove the spill file."""
        self._spill.close()


def _records(spill) -> Iterator[tuple[str, list[dict]]]:
    """The (table, rows) records pickled into ``spill``, from its current position to its end."""
    while True:
        try:
            yield pickle.load(spill)
        except EOFError:
            return
