"""``TableWriter``: the rows of several tables streamed into one RESULTS folder, made visible at once.

It appends rows to hidden temporary files (djtext.results_folder.sinks) and ``commit``s them all
at the end: it renames them in place, removes stale djtext tables of an earlier run (only files
the old manifest lists or that carry a djtext table name, never anything else) and writes the
new manifest.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from djtext.results_folder.manifest import (
    DATAPACKAGE, WORKBOOK, ExportError, check_format, leftover_temporaries, resource, stale_files, write_manifest,
)
from djtext.results_folder.render import COUNTS, PLAIN, RENDERED
from djtext.results_folder.sinks import TableSink, WorkbookSink
from djtext.schema import TABLES, Column


class TableWriter:
    """Streams the rows of several tables into one RESULTS folder; ``commit`` makes them visible."""

    def __init__(self, folder: Path, fmt: str = "csv", *, bom: bool = True,
                 schemas: Mapping[str, tuple[Column, ...]] | None = None):
        self.folder = Path(folder)
        self.fmt = check_format(fmt)
        self.schemas = dict(schemas or TABLES)
        if self.fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise ExportError("parquet output needs pyarrow: pip install 'djtext[parquet]'") from None
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sinks: dict[str, TableSink] = {}
        self._book: WorkbookSink | None = None
        try:
            if self.fmt == "xlsx":
                self._book = WorkbookSink(self.folder, list(self.schemas), self.schemas)
            else:
                for name, schema in self.schemas.items():
                    self._sinks[name] = TableSink(self.folder, name, tuple(schema), self.fmt, bom)
        except BaseException:
            self.abort()
            raise

    @property
    def renders(self) -> bool:
        """True when batches can be pre-rendered to text (CSV and JSONL), e.g. for the cache."""
        return self.fmt in ("csv", "jsonl")

    def render(self, batch: Mapping[str, list[Mapping]]) -> dict:
        """``batch`` as a rendered batch: {RENDERED: {table: text}, COUNTS: {table: rows}} (CSV, JSONL)."""
        texts = {name: self._sinks[name].render(rows) for name, rows in batch.items() if name in self._sinks and rows}
        return {RENDERED: texts, COUNTS: {name: len(rows) for name, rows in batch.items() if name in self._sinks}}

    def write(self, batch: Mapping[str, list[Mapping]]) -> None:
        """Append the rows of ``batch`` (table name → rows; or a rendered batch); unknown tables are ignored."""
        if RENDERED in batch:
            counts = batch.get(COUNTS, {})
            for name, text in batch[RENDERED].items():
                if name in self._sinks:
                    self._sinks[name].write_text(text, counts.get(name, 0))
            batch = batch.get(PLAIN) or {}
        for name, rows in batch.items():
            if name not in self.schemas or not rows:
                continue
            if self._book is not None:
                self._book.write(name, rows)
            else:
                self._sinks[name].write(rows)

    def row_counts(self) -> dict[str, int]:
        """Rows written so far per table."""
        if self._book is not None:
            return dict(self._book.rows)
        return {name: sink.rows for name, sink in self._sinks.items()}

    def abort(self) -> None:
        """Drop every temporary file (nothing of this run becomes visible)."""
        for sink in [*self._sinks.values(), *([self._book] if self._book else [])]:
            try:
                if isinstance(sink, TableSink):
                    sink.close()
            except Exception:  # noqa: BLE001 - cleaning up after a failure
                pass
            Path(sink.tmp).unlink(missing_ok=True)
        self._sinks, self._book = {}, None

    def commit(self, run: dict | None = None, sources: list[dict] | None = None) -> tuple[list[Path], list[Path]]:
        """Finish the files, put them in place, remove stale djtext tables, write the manifest.

        Returns (tables written, stale files removed).
        """
        sinks = [*self._sinks.values(), *([self._book] if self._book else [])]
        try:
            for sink in sinks:
                sink.close()
        except BaseException:
            self.abort()
            raise
        if self._book is not None:
            resources = [resource(n, WORKBOOK, "xlsx", self.schemas[n], sheet=n[:31]) for n in self.schemas]
        else:
            resources = [resource(n, s.final.name, self.fmt, s.schema) for n, s in self._sinks.items()]
        written = [sink.final for sink in sinks]
        stale = stale_files(self.folder, {p.name for p in written} | {DATAPACKAGE})
        stale += leftover_temporaries(self.folder, [sink.tmp for sink in sinks])
        (self.folder / DATAPACKAGE).unlink(missing_ok=True)  # no manifest while the files change
        for sink in sinks:
            os.replace(sink.tmp, sink.final)
        for path in stale:
            path.unlink(missing_ok=True)
        write_manifest(self.folder, resources, run, sources)
        self._sinks, self._book = {}, None
        return written, stale
