"""One table being written: a temporary file beside its final name (CSV/JSONL appends, a pyarrow
Parquet writer in row groups) or, for XLSX, one sheet per table of a write-only workbook."""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Mapping

from djtext.results_folder.atomic import file_mode
from djtext.results_folder.manifest import SUFFIXES, WORKBOOK, ExportError
from djtext.results_folder.render import render_rows
from djtext.results_folder.values import column_spec, excel_text, typed_rows
from djtext.schema import Column

PARQUET_ROW_GROUP = 50_000  # rows buffered per Parquet row group (bounded memory, few groups)


class TableSink:
    """One table being written to a temporary file beside its final name."""

    def __init__(self, folder: Path, name: str, schema: tuple[Column, ...], fmt: str, bom: bool):
        self.name, self.schema, self.fmt = name, schema, fmt
        self.final = folder / f"{name}{SUFFIXES[fmt]}"
        fd, tmp = tempfile.mkstemp(prefix=f".{self.final.name}.", dir=folder)
        os.fchmod(fd, file_mode())
        self.tmp = Path(tmp)
        self.rows = 0
        self._spec = column_spec(schema)
        self._parquet = None
        self._buffer: list[list] = []
        if fmt == "parquet":
            os.close(fd)
            self.handle = None
        else:
            self.handle = os.fdopen(fd, "w", encoding="utf-8-sig" if (fmt == "csv" and bom) else "utf-8", newline="")
        if fmt == "csv":
            self._csv = csv.writer(self.handle, lineterminator="\n")
            self._csv.writerow([c.name for c in schema])

    def render(self, rows: list[Mapping]) -> str:
        """The CSV or JSONL text of ``rows`` as this table's file holds it (no header)."""
        return render_rows(rows, self._spec, self.fmt)

    def write_text(self, text: str | bytes, n_rows: int) -> None:
        """Append text ``render`` gave (``n_rows`` rows of it), or its UTF-8 bytes (a cached batch)."""
        if isinstance(text, bytes):  # after what the text layer holds (the header and its BOM)
            self.handle.flush()
            self.handle.buffer.write(text)
        else:
            self.handle.write(text)
        self.rows += n_rows

    def write(self, rows: list[Mapping]) -> None:
        if not rows:
            return
        if self.fmt in ("csv", "jsonl"):
            self.write_text(self.render(rows), len(rows))
            return
        self.rows += len(rows)
        self._buffer.extend(typed_rows(rows, self._spec))  # parquet: buffered into row groups
        if len(self._buffer) >= PARQUET_ROW_GROUP:
            self._write_parquet(self._buffer)
            self._buffer = []

    def _write_parquet(self, values: list[list]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
        schema = pa.schema([(c.name, types.get(c.type, pa.string())) for c in self.schema])
        columns = [[row[i] for row in values] for i in range(len(self.schema))]
        table = pa.Table.from_arrays([pa.array(col, type=schema.field(i).type) for i, col in enumerate(columns)], schema=schema)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(str(self.tmp), schema)
        self._parquet.write_table(table)

    def close(self) -> None:
        if self.fmt == "parquet":
            if self._buffer:
                self._write_parquet(self._buffer)
                self._buffer = []
            if self._parquet is None:
                self._write_empty_parquet()
            else:
                self._parquet.close()
        elif self.handle is not None:
            self.handle.close()

    def _write_empty_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
        schema = pa.schema([(c.name, types.get(c.type, pa.string())) for c in self.schema])
        pq.write_table(schema.empty_table(), str(self.tmp))


class WorkbookSink:
    """All tables as sheets of one write-only XLSX workbook (frozen header row, autofilter)."""

    def __init__(self, folder: Path, names: list[str], schemas: Mapping[str, tuple[Column, ...]]):
        try:
            import openpyxl
        except ImportError:
            raise ExportError("xlsx output needs openpyxl: pip install 'djtext[excel]'") from None
        self.final = folder / WORKBOOK
        fd, tmp = tempfile.mkstemp(prefix=f".{WORKBOOK}.", dir=folder)
        os.fchmod(fd, file_mode())
        os.close(fd)
        self.tmp = Path(tmp)
        self.book = openpyxl.Workbook(write_only=True)
        self.sheets, self.schemas, self.rows = {}, schemas, {}
        for name in names:
            sheet = self.book.create_sheet(name[:31])
            sheet.freeze_panes = "A2"
            sheet.append([c.name for c in schemas[name]])
            self.sheets[name], self.rows[name] = sheet, 0

    def write(self, name: str, rows: list[Mapping]) -> None:
        sheet = self.sheets[name]
        for values in typed_rows(rows, column_spec(tuple(self.schemas[name]))):
            sheet.append([excel_text(v) if isinstance(v, str) else v for v in values])
        self.rows[name] += len(rows)

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        for name, sheet in self.sheets.items():
            width = len(self.schemas[name])
            sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{self.rows[name] + 1}"
        self.book.save(str(self.tmp))
