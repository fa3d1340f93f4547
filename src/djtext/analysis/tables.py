"""Loading a RESULTS folder written by `djtext extract` (CSV, JSONL, Parquet or XLSX) into pandas."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from djtext.export import WORKBOOK, conform
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


def table_path(folder: Path, table: str) -> Path | None:
    """The file holding ``table`` in ``folder`` (csv, jsonl or parquet), or None."""
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
    if (path / WORKBOOK).is_file():
        return True
    return any(table_path(path, name) is not None for name in MARKER_TABLES)


def read_table_file(path: Path) -> pd.DataFrame:
    """Read one table file (csv with or without BOM, jsonl, parquet) into a DataFrame."""
    path = Path(path)
    try:
        if path.suffix == ".csv":
            return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
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
    if (folder / WORKBOOK).is_file() and not any(table_path(folder, t) for t in wanted):
        try:
            workbook = pd.read_excel(folder / WORKBOOK, sheet_name=None, engine="openpyxl", dtype=str)
        except ImportError:
            raise ResultsError(f"{folder / WORKBOOK}: reading xlsx needs openpyxl: pip install 'djtext[excel]'") from None
        except Exception as exc:
            raise ResultsError(f"{folder / WORKBOOK}: not a readable workbook ({type(exc).__name__})") from None
    out: dict[str, pd.DataFrame] = {}
    for name in wanted:
        path = table_path(folder, name)
        if path is not None:
            out[name] = validate(name, read_table_file(path), path)
        elif name in workbook:
            out[name] = validate(name, workbook[name], f"{folder / WORKBOOK}[{name}]")
        else:
            out[name] = conform(name, pd.DataFrame(columns=columns(name))) if name in TABLES else pd.DataFrame()
    return out


def results_format(folder: Path) -> str:
    """The format the tables of a RESULTS folder were written in (csv, jsonl, parquet or xlsx)."""
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
