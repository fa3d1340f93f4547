"""Writing result tables atomically in CSV, JSONL, XLSX or Parquet, with a datapackage.json.

Every table is conformed to its schema (djtext.schema.TABLES, or the schema passed for
analysis tables) so the columns, their order and their types are the same in every format;
`datapackage.json` (Frictionless Tabular Data Package) describes every column of every table
written into a folder, so R, pandas and Excel users read the same schema.
"""
from __future__ import annotations

import io
import json
import os  # noqa: F401  (tests patch export.os)
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from djtext.schema import TABLES, Column

from djtext.results_folder import (  # noqa: F401  (re-exported: export's public names)
    DATAPACKAGE, EXCEL_MAX_CELL, FORMATS, SUFFIXES, WORKBOOK, ExportError, atomic_write_bytes, check_format,
    datapackage, excel_text, file_mode, parse_bool, resource as _resource, safe_cell, unsafe_cell,
)


def schema_of(table: str, schemas: Mapping[str, tuple[Column, ...]] | None = None) -> tuple[Column, ...] | None:
    """The columns of ``table`` from ``schemas`` or djtext.schema.TABLES (None when unknown)."""
    if schemas and table in schemas:
        return tuple(schemas[table])
    return TABLES.get(table)


def _as_boolean(value):
    if value is not None and not isinstance(value, str) and pd.isna(value):
        return pd.NA
    parsed = parse_bool(value)
    return pd.NA if parsed is None else parsed


def _typed(series: pd.Series, kind: str) -> pd.Series:
    if kind == "integer":
        return pd.to_numeric(series, errors="coerce").round().astype("Int64")
    if kind == "number":
        return pd.to_numeric(series, errors="coerce").astype("Float64")
    if kind == "boolean":
        return series.map(_as_boolean).astype("boolean")
    values = series.astype("object").where(series.notna(), None)
    return values.map(lambda v: v if v is None or isinstance(v, str) else str(v)).astype("string")


def conform(table: str, frame: pd.DataFrame, schema: tuple[Column, ...] | None = None) -> pd.DataFrame:
    """Return ``frame`` with exactly the schema's columns of ``table``, in order, with their types.

    Tables without a schema keep their own columns (typed from the pandas dtypes).
    """
    schema = schema if schema is not None else TABLES.get(table)
    if schema is None:
        return frame.reset_index(drop=True).copy()
    out = pd.DataFrame(index=range(len(frame)))
    source = frame.reset_index(drop=True)
    for column in schema:
        values = source[column.name] if column.name in source.columns else pd.Series([pd.NA] * len(source), dtype="object")
        out[column.name] = _typed(values, column.type).values
    return out


def infer_schema(frame: pd.DataFrame) -> tuple[Column, ...]:
    """Frictionless columns for a frame without a declared schema (types from the dtypes)."""
    fields = []
    for name, dtype in frame.dtypes.items():
        if pd.api.types.is_bool_dtype(dtype):
            kind = "boolean"
        elif pd.api.types.is_integer_dtype(dtype):
            kind = "integer"
        elif pd.api.types.is_float_dtype(dtype):
            kind = "number"
        else:
            kind = "string"
        fields.append(Column(str(name), kind, ""))
    return tuple(fields)


def csv_bytes(frame: pd.DataFrame, *, bom: bool = True) -> bytes:
    """A frame as UTF-8 CSV bytes (with a BOM by default, so Excel shows Chinese)."""
    text = _spreadsheet_safe(frame, safe_cell).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


def jsonl_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as JSON Lines bytes (one object per row, nulls for missing values, UTF-8)."""
    if frame.empty:
        return b""
    text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as Parquet bytes (needs pyarrow: the djtext[parquet] extra)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ExportError("parquet output needs pyarrow: pip install 'djtext[parquet]'") from None
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def _spreadsheet_safe(frame: pd.DataFrame, cell) -> pd.DataFrame:
    """``frame`` with ``cell`` applied to every text value (formula-safe CSV and XLSX cells)."""
    out = frame.copy()
    for name in out.columns:
        if pd.api.types.is_string_dtype(out[name]) or out[name].dtype == object:
            out[name] = out[name].map(lambda v: cell(v) if isinstance(v, str) else v)
    return out


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    return _spreadsheet_safe(frame, excel_text)


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Frames as one XLSX workbook, one sheet per table (needs openpyxl: the djtext[excel] extra)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ExportError("xlsx output needs openpyxl: pip install 'djtext[excel]'") from None
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _excel_safe(frame).to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            sheet.freeze_panes = "A2"  # header row stays visible
            if len(frame.columns):
                sheet.auto_filter.ref = sheet.dimensions
    return buffer.getvalue()


def table_bytes(frame: pd.DataFrame, fmt: str, *, bom: bool = True, sheet: str = "table") -> bytes:
    """One conformed frame serialised in ``fmt``."""
    fmt = check_format(fmt)
    if fmt == "csv":
        return csv_bytes(frame, bom=bom)
    if fmt == "jsonl":
        return jsonl_bytes(frame)
    if fmt == "parquet":
        return parquet_bytes(frame)
    return xlsx_bytes({sheet: frame})


def write_csv(table: str, frame: pd.DataFrame, path: Path, *, bom: bool = True) -> Path:
    """Write one table as UTF-8 CSV (with a BOM by default, so Excel shows Chinese)."""
    atomic_write_bytes(Path(path), csv_bytes(conform(table, frame), bom=bom))
    return Path(path)


def format_for_path(path: Path, fmt: str | None = None) -> str:
    """The output format for ``path``: ``fmt`` when given, else from the suffix (csv by default)."""
    if fmt:
        return check_format(fmt)
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


def write_table(
    table: str,
    frame: pd.DataFrame,
    path: Path,
    *,
    fmt: str | None = None,
    bom: bool = True,
    schema: tuple[Column, ...] | None = None,
) -> Path:
    """Write one table to the file ``path`` (format from ``fmt`` or the suffix), atomically."""
    path = Path(path)
    fmt = format_for_path(path, fmt)
    data = conform(table, frame, schema)
    atomic_write_bytes(path, table_bytes(data, fmt, bom=bom, sheet=table))
    return path


def write_datapackage(out_dir: Path, resources: list[dict]) -> Path:
    """Write or update ``datapackage.json`` in ``out_dir`` with ``resources`` (same-name ones replaced).

    Resources already listed whose files still exist and that are not being replaced are kept,
    so a later `djtext cluster` adds its table to the descriptor `djtext extract` wrote.
    """
    out_dir = Path(out_dir)
    path = out_dir / DATAPACKAGE
    kept: list[dict] = []
    run = sources = None
    if path.exists():
        try:
            package = json.loads(path.read_text(encoding="utf-8"))
            old, run = package.get("resources", []), package.get("djtext:run")
            sources = package.get("sources")  # sources: the corpus extract read (djtext report)
        except (OSError, ValueError, AttributeError):
            old = []
        replaced = {r["name"] for r in resources}
        kept = [
            r for r in old
            if isinstance(r, dict) and r.get("name") not in replaced and (out_dir / str(r.get("path", ""))).exists()
        ]
    descriptor = datapackage(kept + resources, run)
    if sources:
        descriptor["sources"] = sources
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    *,
    fmt: str = "csv",
    bom: bool = True,
    schemas: Mapping[str, tuple[Column, ...]] | None = None,
    package: bool = True,
) -> list[Path]:
    """Write every table of ``tables`` into ``out_dir`` in format ``fmt``; return the paths.

    csv/jsonl/parquet give one file per table (``brands.csv`` ...); xlsx gives one workbook
    ``results.xlsx`` with one sheet per table. ``datapackage.json`` is written alongside
    (not counted in the returned paths) unless ``package`` is false.
    """
    fmt = check_format(fmt)
    out_dir = Path(out_dir)
    conformed: dict[str, pd.DataFrame] = {}
    fields: dict[str, tuple[Column, ...]] = {}
    for name, frame in tables.items():
        schema = schema_of(name, schemas)
        conformed[name] = conform(name, frame, schema)
        fields[name] = schema if schema is not None else infer_schema(conformed[name])
    paths: list[Path] = []
    resources: list[dict] = []
    if fmt == "xlsx":
        path = out_dir / WORKBOOK
        sheets = dict(conformed)
        if path.exists():  # keep the sheets of tables not being rewritten
            sheets = {**_read_workbook(path), **sheets}
            for name in sheets:
                if name not in fields:
                    fields[name] = schema_of(name, schemas) or infer_schema(sheets[name])
        atomic_write_bytes(path, xlsx_bytes(sheets))
        paths.append(path)
        resources = [_resource(name, WORKBOOK, "xlsx", fields[name], sheet=name[:31]) for name in sheets]
    else:
        for name, frame in conformed.items():
            path = out_dir / f"{name}{SUFFIXES[fmt]}"
            atomic_write_bytes(path, table_bytes(frame, fmt, bom=bom))
            paths.append(path)
            resources.append(_resource(name, path.name, fmt, fields[name]))
    if package:
        write_datapackage(out_dir, resources)
    return paths


def _read_workbook(path: Path) -> dict[str, pd.DataFrame]:
    try:
        sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
        return {name: _spreadsheet_safe(frame, unsafe_cell) for name, frame in sheets.items()}
    except Exception:  # an unreadable old workbook is simply replaced
        return {}


def write_bundle(
    frames: dict[str, pd.DataFrame],
    path: Path,
    *,
    fmt: str | None = None,
    bom: bool = True,
    schemas: Mapping[str, tuple[Column, ...]] | None = None,
) -> list[Path]:
    """Write several views for one ``--out FILE``: an .xlsx workbook with one sheet each, or the
    first frame to ``path`` and every other one beside it as ``<stem>_<name><suffix>``."""
    path = Path(path)
    fmt = format_for_path(path, fmt)
    conformed = {name: conform(name, frame, schema_of(name, schemas)) for name, frame in frames.items()}
    if fmt == "xlsx":
        atomic_write_bytes(path, xlsx_bytes(conformed))
        return [path]
    paths = []
    for i, (name, frame) in enumerate(conformed.items()):
        target = path if i == 0 else path.with_name(f"{path.stem}_{name}{path.suffix or SUFFIXES[fmt]}")
        atomic_write_bytes(target, table_bytes(frame, fmt, bom=bom))
        paths.append(target)
    return paths
