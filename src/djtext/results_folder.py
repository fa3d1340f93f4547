"""Writing a RESULTS folder without pandas: atomic files that honour the umask, spreadsheet-safe
cells, tables streamed batch by batch, and ``datapackage.json`` as the manifest of one run.

* ``atomic_write_bytes`` writes through a temporary file and a rename; the file gets the mode a
  plain ``open()`` would give (0666 less the umask), not mkstemp's 0600.
* ``safe_cell`` defuses spreadsheet formulas (CSV injection): a text cell that starts with
  ``= + - @``, a tab, a carriage return or an apostrophe gets one leading apostrophe in CSV and
  XLSX, so Excel and LibreOffice show it as text and never run it. ``unsafe_cell`` is the exact
  inverse (djtext's own loaders apply it; pandas users: ``s.str.replace(r"^'", "", regex=True)``).
  JSONL and Parquet hold the text verbatim.
* ``TableWriter`` appends rows to hidden temporary files (CSV/JSONL appends, a pyarrow Parquet
  writer, an openpyxl write-only workbook) and ``commit``s them all at the end: it renames them in
  place, removes stale djtext tables of an earlier run (only files the old manifest lists or
  that carry a djtext table name, never anything else) and writes the new manifest.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from djtext.schema import OPTIONAL_TABLES, TABLES, Column

FORMATS = ("csv", "jsonl", "xlsx", "parquet")
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "xlsx": ".xlsx", "parquet": ".parquet"}
WORKBOOK = "results.xlsx"
DATAPACKAGE = "datapackage.json"
EXCEL_MAX_CELL = 32767
PARQUET_ROW_GROUP = 50_000  # rows buffered per Parquet row group (bounded memory, few groups)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MEDIATYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
RENDERED, COUNTS = "_rendered", "_counts"  # keys of a pre-rendered batch (see TableWriter.render)
PLAIN = "_plain"  # rows a rendered batch also asks to write as rows ({table: rows})
# tables djtext itself writes into a RESULTS folder (extract's schema tables, cluster's table)
DJTEXT_TABLE_NAMES = (*TABLES, "practice_clusters")


class ExportError(ValueError):
    """A table cannot be written (unknown format, missing optional dependency)."""


def check_format(fmt: str) -> str:
    """Return ``fmt`` lower-cased, or raise ExportError naming the supported formats."""
    value = (fmt or "").lower().lstrip(".")
    if value not in FORMATS:
        raise ExportError(f"unknown output format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return value


def file_mode() -> int:
    """The mode a new file gets from ``open()`` under the current umask (0666 & ~umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, never half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_cell(value):
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula (text only)."""
    if isinstance(value, str) and value and (value[0] in FORMULA_STARTS or value[0] == "'"
                                             or value.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")):
        return "'" + value  # also after leading blanks, which spreadsheets skip before a formula
    return value


def unsafe_cell(value):
    """The inverse of ``safe_cell``: drop the one leading apostrophe djtext added."""
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def excel_text(value: str) -> str:
    """Text as an XLSX cell accepts it: illegal control characters dropped, cut to Excel's limit."""
    return safe_cell(_EXCEL_ILLEGAL.sub("", value))[:EXCEL_MAX_CELL]


# ---- plain-Python typing of row values (the same values pandas' conform gives) ----

def _as_int(value):
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number or number in (float("inf"), float("-inf")) else int(round(number))


def _as_float(value):
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def parse_bool(value):
    """True/False from a boolean or its usual text forms; None when missing or unreadable."""
    if value is None:
        return None
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "1", "yes", "t", "y"):
            return True
        if low in ("false", "0", "no", "f", "n"):
            return False
        return None
    if isinstance(value, float) and value != value:
        return None
    return bool(value)


def _as_str(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


_CONVERT = {"integer": _as_int, "number": _as_float, "boolean": parse_bool}
_NATIVE = {"integer": int, "number": float, "boolean": bool}


def _spec(schema: tuple[Column, ...]) -> list[tuple[str, type, object]]:
    """(name, native type, converter) per column: values already of the native type pass as they are."""
    return [(c.name, _NATIVE.get(c.type, str), _CONVERT.get(c.type, _as_str)) for c in schema]


def typed_row(row: Mapping, schema: tuple[Column, ...]) -> list:
    """The values of ``row`` in the schema's column order, typed like the schema says."""
    return _typed_rows([row], _spec(schema))[0]


def _typed_rows(rows: Iterable[Mapping], spec: list[tuple[str, type, object]], *, csv_cells: bool = False) -> list[list]:
    """Typed values of many rows; with ``csv_cells`` None becomes "" and text is formula-safe."""
    out = []
    for row in rows:
        get = row.get
        values = []
        for name, native, convert in spec:
            value = get(name)
            if type(value) is not native:
                value = convert(value)
            if csv_cells:
                if value is None:
                    value = ""
                elif type(value) is str and value and (value[0] in FORMULA_STARTS or value[0] == "'"):
                    value = "'" + value
            values.append(value)
        out.append(values)
    return out


def render_rows(rows: list[Mapping], spec: list[tuple[str, type, object]], fmt: str) -> str:
    """Rows as the CSV (formula-safe cells) or JSONL text a table file holds, without header."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for values in _typed_rows(rows, spec, csv_cells=True):
            if any(type(v) is str and "\r" in v for v in values):
                # the csv module leaves a lone CR unquoted when lines end in LF: quote it ourselves
                buffer.write(",".join('"' + str(v).replace('"', '""') + '"' for v in values) + "\n")
            else:
                writer.writerow(values)
        return buffer.getvalue()
    names = [name for name, _native, _convert in spec]
    return "".join(json.dumps(dict(zip(names, values)), ensure_ascii=False) + "\n"
                   for values in _typed_rows(rows, spec))


_SPECS: dict[str, list] = {}


def render_batch(batch: Mapping[str, list[Mapping]], fmt: str) -> dict:
    """Rows of the schema tables as a rendered batch {RENDERED: {table: text}, COUNTS: {table: n}}.

    The same text ``TableWriter`` writes for ``fmt`` (csv or jsonl), so a worker process can
    render its rows and the main process only appends text.
    """
    texts, counts = {}, {}
    for name, rows in batch.items():
        schema = TABLES.get(name) or OPTIONAL_TABLES.get(name)
        if schema is None or not isinstance(rows, list):
            continue
        counts[name] = len(rows)
        if rows:
            spec = _SPECS.get(name)
            if spec is None:
                spec = _SPECS[name] = _spec(tuple(schema))
            texts[name] = render_rows(rows, spec, fmt)
    return {RENDERED: texts, COUNTS: counts}


# ---- manifest ----

def resource(name: str, path: str, fmt: str, schema: Iterable[Column], *, sheet: str | None = None) -> dict:
    """One Frictionless tabular-data-resource entry of ``datapackage.json``."""
    entry = {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": _MEDIATYPES[fmt],
        "schema": {
            "fields": [
                {"name": c.name, "type": c.type, **({"description": c.description} if c.description else {})}
                for c in schema
            ]
        },
    }
    if fmt in ("csv", "jsonl"):
        entry["encoding"] = "utf-8"
    if fmt in ("csv", "xlsx"):
        entry["djtext:cells"] = "text cells starting with = + - @ tab CR or ' carry one extra leading '"
    if sheet is not None:
        entry["dialect"] = {"sheet": sheet}
    return entry


def datapackage(resources: list[dict], run: dict | None = None, sources: list[dict] | None = None) -> dict:
    """A Frictionless Tabular Data Package descriptor listing ``resources`` (and the run and sources, if given)."""
    from djtext import __version__

    package = {
        "profile": "tabular-data-package",
        "name": "djtext-results",
        "title": "djtext extraction and analysis tables",
        "description": "Tables written by djtext; every row carries its document, unit and region.",
        "created_by": f"djtext {__version__}",
        "resources": sorted(resources, key=lambda r: r["name"]),
    }
    if run:
        package["djtext:run"] = run
    if sources:
        package["sources"] = sources
    return package


def read_manifest(folder: Path) -> dict | None:
    """The parsed ``datapackage.json`` of ``folder``, or None when absent or unreadable."""
    path = Path(folder) / DATAPACKAGE
    if not path.is_file():
        return None
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return package if isinstance(package, dict) and isinstance(package.get("resources"), list) else None


def manifest_resources(folder: Path) -> dict[str, dict]:
    """Table name → resource of the manifest of ``folder`` (empty when there is none)."""
    package = read_manifest(folder) or {}
    return {r["name"]: r for r in package.get("resources", []) if isinstance(r, dict) and isinstance(r.get("name"), str)}


def _inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` when ``name`` is a plain file name (no folders, no ..), else None."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return folder / name


def djtext_file_names() -> set[str]:
    """File names djtext writes its tables under (``brands.csv`` ... ``results.xlsx``)."""
    return {f"{name}{suffix}" for name in DJTEXT_TABLE_NAMES for suffix in SUFFIXES.values()} | {WORKBOOK}


def stale_files(folder: Path, keep: Iterable[str]) -> list[Path]:
    """djtext tables in ``folder`` not in ``keep``: those the old manifest lists or with djtext names."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    keep = set(keep)
    listed = {str(r.get("path", "")) for r in manifest_resources(folder).values()}
    names = (listed | djtext_file_names()) - keep
    found = []
    for name in sorted(names):
        path = _inside(folder, name)
        if path is not None and path.is_file() and not path.is_symlink():
            found.append(path)
    return found


def leftover_temporaries(folder: Path, keep: Iterable[Path] = ()) -> list[Path]:
    """Hidden temporary files of djtext tables a killed run left in ``folder`` (not those in ``keep``)."""
    folder = Path(folder)
    keep = {Path(p).name for p in keep}
    found = []
    for name in sorted(djtext_file_names() | {DATAPACKAGE}):
        for path in folder.glob(f".{name}.*"):
            if path.name not in keep and path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def write_manifest(folder: Path, resources: list[dict], run: dict | None = None,
                   sources: list[dict] | None = None) -> Path:
    """Write ``datapackage.json`` listing exactly ``resources`` (replacing any earlier manifest)."""
    path = Path(folder) / DATAPACKAGE
    text = json.dumps(datapackage(resources, run, sources), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


# ---- streaming table writer ----

class _Sink:
    """One table being written to a temporary file beside its final name."""

    def __init__(self, folder: Path, name: str, schema: tuple[Column, ...], fmt: str, bom: bool):
        self.name, self.schema, self.fmt = name, schema, fmt
        self.final = folder / f"{name}{SUFFIXES[fmt]}"
        fd, tmp = tempfile.mkstemp(prefix=f".{self.final.name}.", dir=folder)
        os.fchmod(fd, file_mode())
        self.tmp = Path(tmp)
        self.rows = 0
        self._spec = _spec(schema)
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

    def write_text(self, text: str, n_rows: int) -> None:
        """Append text ``render`` gave (``n_rows`` rows of it)."""
        self.handle.write(text)
        self.rows += n_rows

    def write(self, rows: list[Mapping]) -> None:
        if not rows:
            return
        if self.fmt in ("csv", "jsonl"):
            self.write_text(self.render(rows), len(rows))
            return
        self.rows += len(rows)
        self._buffer.extend(_typed_rows(rows, self._spec))  # parquet: buffered into row groups
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


class _WorkbookSink:
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
        for values in _typed_rows(rows, _spec(tuple(self.schemas[name]))):
            sheet.append([excel_text(v) if isinstance(v, str) else v for v in values])
        self.rows[name] += len(rows)

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        for name, sheet in self.sheets.items():
            width = len(self.schemas[name])
            sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{self.rows[name] + 1}"
        self.book.save(str(self.tmp))


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
        self._sinks: dict[str, _Sink] = {}
        self._book: _WorkbookSink | None = None
        try:
            if self.fmt == "xlsx":
                self._book = _WorkbookSink(self.folder, list(self.schemas), self.schemas)
            else:
                for name, schema in self.schemas.items():
                    self._sinks[name] = _Sink(self.folder, name, tuple(schema), self.fmt, bom)
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
                if isinstance(sink, _Sink):
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


def corpus_sources(corpus: Path) -> list[dict]:
    """The Frictionless ``sources`` entry naming the corpus a run read (absolute), for report/show."""
    return [{"title": "corpus", "path": str(Path(corpus).resolve())}]
