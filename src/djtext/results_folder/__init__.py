"""Writing a RESULTS folder without pandas: atomic files that honour the umask, spreadsheet-safe
cells, tables streamed batch by batch, and ``datapackage.json`` as the manifest of one run.

* ``atomic``: ``atomic_write_bytes`` (a temporary file and a rename, the mode ``open()`` gives);
* ``values``: ``safe_cell`` / ``unsafe_cell`` (CSV injection defused, exactly reversible) and the
  typing of row values to a table's schema;
* ``render``: rows as the CSV or JSONL text a table file holds (what workers send back);
* ``manifest``: ``datapackage.json`` and which files of a folder are djtext's tables;
* ``sinks``: one table's temporary file (or the XLSX workbook); ``writer``: ``TableWriter``,
  which streams batches into the sinks and ``commit``s them all at the end.

Data flows one way: atomic, values → render → manifest → sinks → writer.
"""
from __future__ import annotations

from djtext.results_folder.atomic import atomic_write_bytes, file_mode
from djtext.results_folder.manifest import (
    DATAPACKAGE, DJTEXT_TABLE_NAMES, FORMATS, SUFFIXES, WORKBOOK, ExportError, check_format, corpus_sources,
    datapackage, djtext_file_names, leftover_temporaries, manifest_resources, read_manifest, resource,
    stale_files, write_manifest,
)
from djtext.results_folder.render import COUNTS, PLAIN, RENDERED, render_batch, render_rows
from djtext.results_folder.sinks import PARQUET_ROW_GROUP, TableSink, WorkbookSink
from djtext.results_folder.values import (
    EXCEL_MAX_CELL, FORMULA_STARTS, column_spec, excel_text, parse_bool, safe_cell, typed_row, typed_rows,
    unsafe_cell,
)
from djtext.results_folder.writer import TableWriter

__all__ = [
    "COUNTS", "DATAPACKAGE", "DJTEXT_TABLE_NAMES", "EXCEL_MAX_CELL", "FORMATS", "FORMULA_STARTS", "PARQUET_ROW_GROUP",
    "PLAIN", "RENDERED", "SUFFIXES", "WORKBOOK", "ExportError", "TableSink", "TableWriter", "WorkbookSink",
    "atomic_write_bytes", "check_format", "column_spec", "corpus_sources", "datapackage", "djtext_file_names",
    "excel_text", "file_mode", "leftover_temporaries", "manifest_resources", "parse_bool", "read_manifest",
    "render_batch", "render_rows", "resource", "safe_cell", "stale_files", "typed_row", "typed_rows",
    "unsafe_cell", "write_manifest",
]
