"""Loading a RESULTS folder written by `djtext extract` (CSV, JSONL, Parquet or XLSX) into pandas.

A folder with a ``datapackage.json`` is read by its manifest: exactly the tables it lists, from
the files it names (a stray ``brands.csv`` of another run beside a Parquet run is never read).
Folders without one (older djtext) are read by table file names.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from djtext.export import WORKBOOK, conform
from djtext.results_folder import manifest_resources, unsafe_cell
from djtext.schema import TABLES, columns

MARKER_TABLES = ("documents", "brands", "practices", "formulations", "slogans", "units", "lists")
READERS = (".csv", ".jsonl", ".parquet")
# Columns added after 0.1.0: older RESULTS folders lack them, and they are read as empty.
LATER_COLUMNS = {
    "documents": {"duplicate_of", "title", "date"},
    "brands": {"cited", "mentions", "support"},
    "formulations": {"scope", "support"},
    "practices": {"place", "scope", "generic"},
}


class ResultsError(ValueError):
    """A RESULTS folder or one of its tables cannot be read or lacks schema columns."""


def _listed(folder: Path) -> dict[str, dict]:
    """The manifest's resources of ``folder`` whose files exist (empty without a manifest)."""
    return {name: r for name, r in manifest_resources(folder).items()
            if isinstance(r.get("path"), str) and (Path(folder) / r["path"]).is_file()}


def table_path(folder: Path, table: str) -> Path | None:
    """The file holding ``table`` in ``folder`` (csv, jsonl or parquet; the manifest's if any), or None."""
    manifest = manifest_resources(folder)
    if manifest:
        entry = manifest.get(table)
        if not entry or entry.get("format") == "xlsx":
            return None
        path = Path(folder) / str(entry.get("path", ""))
        return path if path.suffix in READERS and path.is_file() else None
    for suffix in READERS:
        path = Path(folder) / f"{table}{suffix}"
        if path.is_file():
            return path
    return None


def is_results_folder(path: Path) -> bool:
    """True when ``path`` is a folder holding tables written by `djtext extract`."""
    path = Path(path)
    if not path.is_dir():
        return False
    if _listed(path):
        return True
    if (path / WORKBOOK).is_file():
        return True
    return any(table_path(path, name) is not None for name in MARKER_TABLES)


def read_table_file(path: Path) -> pd.DataFrame:
    """Read one table file (csv with or without BOM, jsonl, parquet) into a DataFrame."""
    path = Path(path)
    try:
        if path.suffix == ".csv":
            frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
            return _unescaped(frame)
        if path.suffix == ".jsonl":
            if path.stat().st_size == 0:
                return pd.DataFrame()
            return pd.read_json(path, lines=True, dtype=False)
        if path.suffix == ".parquet":
            return pd.read_parquet(path)
    except ImportError as exc:
        raise ResultsError(f"{path}: cannot read ({exc}); pip install 'djtext[parquet]'") from None
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise ResultsError(f"{path}: not a readable table ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") from None
    raise ResultsError(f"{path}: unsupported table format {path.suffix!r}")


def _unescaped(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo the formula-safe apostrophe djtext puts before CSV/XLSX text cells (see safe_cell)."""
    for name in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name]):
            frame[name] = frame[name].map(unsafe_cell)
    return frame


def validate(table: str, frame: pd.DataFrame, source: Path | str = "") -> pd.DataFrame:
    """Check ``frame`` has every schema column of ``table`` and return it conformed (types, order)."""
    if table not in TABLES:
        return frame
    if frame.empty and len(frame.columns) == 0:
        return conform(table, pd.DataFrame(columns=columns(table)))
    missing = [c for c in columns(table) if c not in frame.columns and c not in LATER_COLUMNS.get(table, ())]
    if missing:
        raise ResultsError(f"{source or table}: missing column(s) {', '.join(missing)} of the {table} table")
    return conform(table, frame)


def load_results(folder: Path, tables: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    """Load the schema tables of a RESULTS folder by name (missing tables come back empty)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ResultsError(f"{folder}: no such folder")
    wanted = tables or tuple(TABLES)
    workbook: dict[str, pd.DataFrame] = {}
    listed = manifest_resources(folder)
    in_book = any(listed.get(t, {}).get("format") == "xlsx" for t in wanted) if listed else (
        not any(table_path(folder, t) for t in wanted))
    if (folder / WORKBOOK).is_file() and in_book:
        try:
            workbook = pd.read_excel(folder / WORKBOOK, sheet_name=None, engine="openpyxl", dtype=str)
            workbook = {name: _unescaped(frame) for name, frame in workbook.items()}
        except ImportError:
            raise ResultsError(f"{folder / WORKBOOK}: reading xlsx needs openpyxl: pip install 'djtext[excel]'") from None
        except Exception as exc:
            raise ResultsError(f"{folder / WORKBOOK}: not a readable workbook ({type(exc).__name__})") from None
    out: dict[str, pd.DataFrame] = {}
    for name in wanted:
        path = table_path(folder, name)
        if path is not None:
            out[name] = validate(name, read_table_file(path), path)
        elif name in workbook and (not listed or listed.get(name, {}).get("format") == "xlsx"):
            out[name] = validate(name, workbook[name], f"{folder / WORKBOOK}[{name}]")
        else:
            out[name] = conform(name, pd.DataFrame(columns=columns(name))) if name in TABLES else pd.DataFrame()
    return out


def results_format(folder: Path) -> str:
    """The format the tables of a RESULTS folder were written in (csv, jsonl, parquet or xlsx)."""
    listed = _listed(folder)
    for name in MARKER_TABLES:
        if name in listed and listed[name].get("format") in ("csv", "jsonl", "parquet", "xlsx"):
            return listed[name]["format"]
    for name in MARKER_TABLES:
        path = table_path(folder, name)
        if path is not None:
            return path.suffix.lstrip(".")
    return "xlsx" if (Path(folder) / WORKBOOK).is_file() else "csv"


def tables_from_source(source: Path, *, jobs: int = 1, lexicon_paths=(), segmenter: str = "jieba",
                       t2s: bool | None = None, progress=False, keep_duplicates: bool = False) -> tuple[dict[str, pd.DataFrame], bool]:
    """(tables, from_results): load a RESULTS folder, or extract a corpus folder on the fly.

    Rows of documents flagged as duplicates (documents.duplicate_of) are left out of every table
    but documents, so nothing is counted twice, unless ``keep_duplicates``.
    """
    from djtext.dedup import without_duplicates

    source = Path(source)
    if not source.exists():
        raise ResultsError(f"{source}: no such file or folder")
    if is_results_folder(source):
        tables = load_results(source)
        return (tables if keep_duplicates else without_duplicates(tables)), True
    from djtext.pipeline import run_corpus

    result = run_corpus(source, jobs=jobs, lexicon_paths=tuple(str(p) for p in lexicon_paths),
                        segmenter=segmenter, t2s=t2s, progress=progress)
    tables = {name: validate(name, frame, source) for name, frame in result.tables.items()}
    return (tables if keep_duplicates else without_duplicates(tables)), False
